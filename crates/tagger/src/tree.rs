//! Dependency trees from arc scores: the maximum spanning arborescence (Chu-Liu-Edmonds),
//! with exactly one word attached to the root, as the biaffine parser's scores are decoded.

/// Heads of words `1..=n` (index 0 of the result is the root and always 0) maximising the
/// sum of `scores[dependent][head]` (`scores` is `(n + 1) × (n + 1)`, row 0 unused) over
/// well-formed trees: every word has one head, no cycles, exactly one word under the root.
///
/// ```
/// use claimx_tagger::tree::decode_tree;
/// // "Apple cut jobs": the parser prefers "cut" as the root and both nouns under it
/// let s = vec![
///     vec![0.0; 4],
///     vec![-5.0, -9.0, 2.0, 0.5],
///     vec![3.0, 0.0, -9.0, 1.0],
///     vec![-4.0, 0.1, 2.5, -9.0],
/// ];
/// assert_eq!(decode_tree(&s), vec![0, 2, 0, 2]);
/// ```
pub fn decode_tree(scores: &[Vec<f32>]) -> Vec<usize> {
    let n = scores.len().saturating_sub(1);
    if n == 0 {
        return vec![0];
    }
    if let Some(heads) = greedy_tree(scores) {
        return heads;
    }
    // Every tree needs one arc from the root; charging each root arc more than any tree can
    // score makes the best arborescence the best tree with exactly one (Gabow & Tarjan's
    // reduction; exact, one decoding instead of one per candidate root).
    let finite = scores
        .iter()
        .enumerate()
        .skip(1)
        .flat_map(|(d, row)| row.iter().enumerate().filter(move |&(h, _)| h != d))
        .map(|(_, &v)| v as f64)
        .filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let penalty = (hi - lo + 1.0) * (n as f64 + 1.0);
    let score = |d: usize, h: usize| -> f64 {
        if d == h || d == 0 {
            return f64::NEG_INFINITY;
        }
        let v = scores[d][h] as f64;
        let v = if v.is_nan() { f64::NEG_INFINITY } else { v };
        if h == 0 {
            v - penalty
        } else {
            v
        }
    };
    let mut out = solve(n + 1, &score);
    out[0] = 0;
    out
}

/// Each word's best head on its own, when together they already make a well-formed tree
/// (no cycle, one word under the root), as for most sentences a trained parser scores: no
/// tree can score more, so it is the decoder's answer without the decoder's O(n²) matrices.
fn greedy_tree(scores: &[Vec<f32>]) -> Option<Vec<usize>> {
    let mut heads = vec![0usize; scores.len()];
    for (d, row) in scores.iter().enumerate().skip(1) {
        let mut best: Option<(usize, f32)> = None;
        for (h, &v) in row.iter().enumerate() {
            if h != d && !v.is_nan() && best.is_none_or(|(_, b)| v > b) {
                best = Some((h, v));
            }
        }
        match best {
            Some((h, v)) if v > f32::NEG_INFINITY => heads[d] = h,
            _ => return None,
        }
    }
    let under_root = heads.iter().skip(1).filter(|&&h| h == 0).count();
    (under_root == 1 && find_cycle(&heads).is_none()).then_some(heads)
}

/// The maximum spanning arborescence rooted at node 0 (any number of words under it).
pub fn chu_liu_edmonds(scores: &[Vec<f32>]) -> Vec<usize> {
    let score = |d: usize, h: usize| -> f64 {
        if d == h || d == 0 {
            f64::NEG_INFINITY
        } else {
            scores[d][h] as f64
        }
    };
    let mut out = solve(scores.len(), &score);
    if let Some(r) = out.first_mut() {
        *r = 0;
    }
    out
}

/// One level of the recursion over nodes `0..m` (node 0 the root); returns each node's head.
/// The contracted problem is written out as a matrix, so a level costs O(m²) whatever the
/// depth (closures over closures would re-evaluate every level below on each call).
fn solve(m: usize, score: &dyn Fn(usize, usize) -> f64) -> Vec<usize> {
    let matrix: Vec<Vec<f64>> = (0..m)
        .map(|d| {
            (0..m)
                .map(|h| {
                    if d == h || d == 0 {
                        f64::NEG_INFINITY
                    } else {
                        score(d, h)
                    }
                })
                .collect()
        })
        .collect();
    solve_matrix(matrix)
}

fn solve_matrix(s: Vec<Vec<f64>>) -> Vec<usize> {
    let m = s.len();
    let best_head = |d: usize| -> usize {
        let mut best = 0;
        for h in 1..m {
            if h != d && s[d][h] > s[d][best] {
                best = h;
            }
        }
        if best == d {
            0
        } else {
            best
        }
    };
    let mut head: Vec<usize> = (0..m)
        .map(|d| if d == 0 { 0 } else { best_head(d) })
        .collect();
    let Some(cycle) = find_cycle(&head) else {
        return head;
    };
    // contract the cycle into one node `c` placed last
    let mut in_cycle = vec![false; m];
    for &v in &cycle {
        in_cycle[v] = true;
    }
    let outside: Vec<usize> = (0..m).filter(|&i| !in_cycle[i]).collect();
    let c = outside.len();
    let cycle_score: f64 = cycle.iter().map(|&d| s[d][head[d]]).sum();
    // for each outside dependent, its best head inside the cycle; for each outside head, the
    // cycle member it best enters through
    let mut leave_to = vec![0usize; m];
    let mut enter_from = vec![0usize; m];
    for &v in &outside {
        leave_to[v] = *cycle
            .iter()
            .max_by(|&&a, &&b| s[v][a].total_cmp(&s[v][b]))
            .unwrap();
        enter_from[v] = *cycle
            .iter()
            .max_by(|&&a, &&b| (s[a][v] - s[a][head[a]]).total_cmp(&(s[b][v] - s[b][head[b]])))
            .unwrap();
    }
    let mut sub = vec![vec![f64::NEG_INFINITY; c + 1]; c + 1];
    for (i, &d) in outside.iter().enumerate().skip(1) {
        for (j, &h) in outside.iter().enumerate() {
            if i != j {
                sub[i][j] = s[d][h];
            }
        }
        sub[i][c] = s[d][leave_to[d]];
    }
    for (j, &h) in outside.iter().enumerate() {
        let e = enter_from[h];
        sub[c][j] = cycle_score + s[e][h] - s[e][head[e]];
    }
    let sub_heads = solve_matrix(sub);
    // expand: outside words take their heads back; the cycle is broken where it is entered
    for (i, &d) in outside.iter().enumerate().skip(1) {
        head[d] = if sub_heads[i] == c {
            leave_to[d]
        } else {
            outside[sub_heads[i]]
        };
    }
    let h = outside[sub_heads[c]];
    head[enter_from[h]] = h;
    head
}

/// A cycle among the heads (node 0 excluded), if there is one.
fn find_cycle(head: &[usize]) -> Option<Vec<usize>> {
    let m = head.len();
    let mut state = vec![0u8; m]; // 0 unseen, 1 on the current path, 2 done
    state[0] = 2;
    for start in 1..m {
        let mut path = Vec::new();
        let mut v = start;
        while state[v] == 0 {
            state[v] = 1;
            path.push(v);
            v = head[v];
        }
        if state[v] == 1 {
            let at = path.iter().position(|&p| p == v).unwrap();
            return Some(path[at..].to_vec());
        }
        for p in path {
            state[p] = 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_tree(heads: &[usize]) -> bool {
        let n = heads.len() - 1;
        (1..=n).all(|d| {
            let mut v = d;
            for _ in 0..=n {
                if v == 0 {
                    return true;
                }
                v = heads[v];
            }
            false
        }) && (1..=n).filter(|&d| heads[d] == 0).count() == 1
    }

    fn total(s: &[Vec<f32>], h: &[usize]) -> f32 {
        (1..s.len()).map(|d| s[d][h[d]]).sum()
    }

    /// Every single-rooted tree over n words, by brute force.
    fn best_by_brute_force(s: &[Vec<f32>]) -> f32 {
        let n = s.len() - 1;
        let mut heads = vec![0usize; n + 1];
        let mut best = f32::NEG_INFINITY;
        fn rec(d: usize, n: usize, heads: &mut Vec<usize>, s: &[Vec<f32>], best: &mut f32) {
            if d > n {
                if is_tree(heads) {
                    *best = best.max(total(s, heads));
                }
                return;
            }
            for h in 0..=n {
                if h != d {
                    heads[d] = h;
                    rec(d + 1, n, heads, s, best);
                }
            }
        }
        rec(1, n, &mut heads, s, &mut best);
        best
    }

    fn pseudo_random_scores(n: usize, seed: u64) -> Vec<Vec<f32>> {
        let mut x = seed;
        (0..=n)
            .map(|_| {
                (0..=n)
                    .map(|_| {
                        x = x
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((x >> 33) % 1000) as f32 / 100.0
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn decoding_gives_the_best_single_rooted_tree() {
        for n in 1..=6 {
            for seed in 0..40 {
                let s = pseudo_random_scores(n, seed * 31 + n as u64);
                let heads = decode_tree(&s);
                assert!(is_tree(&heads), "n {n} seed {seed}: {heads:?}");
                let want = best_by_brute_force(&s);
                assert!(
                    total(&s, &heads) >= want - 1e-3,
                    "n {n} seed {seed}: {} < {want}",
                    total(&s, &heads)
                );
            }
        }
    }

    #[test]
    fn cycles_are_broken_and_long_sentences_stay_trees() {
        // every word prefers its neighbour: greedy heads form cycles
        let n = 120;
        let mut s = vec![vec![-1.0f32; n + 1]; n + 1];
        for d in 1..=n {
            s[d][if d == n { 1 } else { d + 1 }] = 5.0;
            s[d][0] = -3.0;
        }
        let heads = decode_tree(&s);
        assert!(is_tree(&heads));
    }

    #[test]
    fn a_greedy_tree_is_taken_as_it_is_and_a_greedy_forest_is_not() {
        // every word's best head already makes a tree: 1 <- 2 -> 3, 2 under the root
        let tree = vec![
            vec![0.0; 4],
            vec![-5.0, -9.0, 2.0, 0.5],
            vec![3.0, 0.0, -9.0, 1.0],
            vec![-4.0, 0.1, 2.5, -9.0],
        ];
        assert_eq!(greedy_tree(&tree), Some(vec![0, 2, 0, 2]));
        assert_eq!(decode_tree(&tree), vec![0, 2, 0, 2]);
        // two words prefer the root: the greedy heads are no tree, the decoder picks one root
        let mut forest = tree.clone();
        forest[1][0] = 4.0;
        assert_eq!(greedy_tree(&forest), None);
        let heads = decode_tree(&forest);
        assert!(is_tree(&heads));
        assert!((total(&forest, &heads) - best_by_brute_force(&forest)).abs() < 1e-4);
    }

    #[test]
    fn one_word_hangs_under_the_root() {
        assert_eq!(decode_tree(&[vec![0.0]]), vec![0]);
        assert_eq!(decode_tree(&[vec![0.0, 0.0], vec![1.0, 0.0]]), vec![0, 0]);
    }
}
