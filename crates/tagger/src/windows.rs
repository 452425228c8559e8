//! Long inputs are cut into overlapping windows; every piece takes its prediction from the
//! window where it has the most context on both sides, so nothing is truncated.

/// `[start, end)` piece ranges of the windows covering `n` pieces, each at most `size` long,
/// consecutive windows sharing `overlap` pieces.
pub fn plan(n: usize, size: usize, overlap: usize) -> Vec<(usize, usize)> {
    assert!(size > 0, "window size must be positive");
    if n <= size {
        return vec![(0, n)];
    }
    let overlap = overlap.min(size / 2);
    let step = size - overlap;
    let mut out = Vec::new();
    let mut start = 0;
    while start + size < n {
        out.push((start, start + size));
        start += step;
    }
    out.push((n - size, n));
    out
}

/// For each piece, the index of the window that owns its prediction.
pub fn owners(n: usize, windows: &[(usize, usize)]) -> Vec<usize> {
    let mut owner = vec![0usize; n];
    let mut margin = vec![-1isize; n];
    for (w, &(s, e)) in windows.iter().enumerate() {
        for j in s..e {
            let m = (j - s).min(e - 1 - j) as isize;
            if m > margin[j] {
                margin[j] = m;
                owner[j] = w;
            }
        }
    }
    owner
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(0, 8, 2)]
    #[case(5, 8, 2)]
    #[case(8, 8, 2)]
    #[case(9, 8, 2)]
    #[case(100, 8, 3)]
    #[case(1000, 510, 64)]
    fn windows_cover_everything_within_size(
        #[case] n: usize,
        #[case] size: usize,
        #[case] overlap: usize,
    ) {
        let w = plan(n, size, overlap);
        assert!(w.iter().all(|&(s, e)| s <= e && e - s <= size && e <= n));
        assert_eq!(w.first().unwrap().0, 0);
        assert_eq!(w.last().unwrap().1, n);
        for pair in w.windows(2) {
            assert!(pair[1].0 <= pair[0].1, "gap between {pair:?}");
        }
        let own = owners(n, &w);
        for (j, &o) in own.iter().enumerate() {
            assert!(w[o].0 <= j && j < w[o].1);
        }
    }

    #[test]
    fn pieces_in_the_overlap_go_to_the_window_where_they_sit_centrally() {
        let w = plan(12, 8, 4);
        assert_eq!(w, vec![(0, 8), (4, 12)]);
        let own = owners(12, &w);
        assert_eq!(own[3], 0);
        assert_eq!(own[7], 1);
    }
}
