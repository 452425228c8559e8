//! The word-level heads of a multi-head model: UPOS and a biaffine dependency parser (Dozat &
//! Manning 2017) over the encoder's last layer, decoded into well-formed trees.
//!
//! A word is read from the piece holding its first character and the piece holding its last
//! character, each plus a learnt embedding of how many characters into / before the end of
//! that piece the word begins / ends: XLM-R's Chinese pieces often span two words (`经济增长`
//! is one piece, two words), which this keeps apart. `scripts/train_multihead.py` trains the
//! heads with exactly this reading.

use candle_nn::VarBuilder;
use claimx_doc::Label;

use crate::config::SyntaxConfig;
use crate::encoder::{dense, flat, gemm_product, Dense};
use crate::error::{Result, TaggerError};
use crate::kernels::AlignedBuffer;
use crate::tree::decode_tree;
use crate::Precision;

/// The most words decoded as one tree; longer word lists are parsed in pieces of this size.
pub const MAX_TREE_WORDS: usize = 256;

/// One word's syntax: its universal part of speech, its head (1-based index of the head word
/// in the same sentence; 0 for the root) and the relation to it.
#[derive(Debug, Clone, PartialEq)]
pub struct WordSyntax {
    /// Byte offset of the word's start in the text it was parsed in.
    pub start: usize,
    /// Byte offset of the word's end.
    pub end: usize,
    /// Universal part-of-speech tag (`NOUN`, `VERB`, …); a two-byte [`Label`] (a batch
    /// holds one per word until its records are built).
    pub upos: Label,
    /// 1-based index of the head word; 0 when the word is the sentence's root.
    pub head: usize,
    /// Universal dependency relation to the head (`nsubj`, `obj`, `root`, …).
    pub deprel: Label,
    /// The model's probability of the UPOS tag.
    pub upos_score: f32,
    /// The model's probability of this head among all candidates (before tree decoding).
    pub head_score: f32,
}

/// Words scored per product of the relation biaffine: its output is `relations × rel`
/// floats a word (19 KB for 37 relations of 128), so a long sentence goes through in
/// groups of one bf16 block's rows (32), into a buffer each thread keeps, instead of as one
/// sentence-sized buffer allocated (and, above glibc's mmap threshold, faulted in) per
/// sentence.
const RELATION_GROUP: usize = 32;

/// LeakyReLU (slope 0.1), the arc and relation MLPs' activation.
fn leaky_relu(v: &mut [f32]) {
    for v in v {
        // a select, not a branch, so that the loop is vectorised
        *v = if *v < 0.0 { *v * 0.1 } else { *v };
    }
}

/// `a · b` summed in eight lanes, which the compiler keeps in vector registers (a plain
/// iterator sum is one serial chain of additions).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ac
        .remainder()
        .iter()
        .zip(bc.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ac.zip(bc) {
        for k in 0..8 {
            lanes[k] += x[k] * y[k];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// The UPOS, arc and relation heads of a multi-head model.
pub struct SyntaxHeads {
    config: SyntaxConfig,
    /// `config.upos` and `config.deprel` as [`Label`]s, made once at load: making a label
    /// takes the label table's lock, which the words of every sentence would otherwise take
    /// twice each, on every thread at once.
    upos_labels: Vec<Label>,
    deprel_labels: Vec<Label>,
    hidden: usize,
    start_offset: Vec<f32>,
    end_offset: Vec<f32>,
    root: Vec<f32>,
    /// The UPOS layer and the four MLPs (arc dependent, arc head, relation dependent,
    /// relation head) as one layer over the same input, outputs in that order: one product
    /// instead of five.
    word_layers: Dense,
    /// The arc biaffine `U` as a layer without bias: weight `[arc, arc]` holds `U` transposed.
    arc_u: Dense,
    arc_b: Vec<f32>,
    /// The relation biaffine as a layer without bias, weight `[relations × rel, rel]`: row
    /// `r·R + e`, column `d` holds `U[r][d][e]`.
    rel_u: Dense,
    rel_w: Dense,
}

impl SyntaxHeads {
    /// Load the `heads.*` tensors of a model whose encoder is `hidden` wide.
    pub fn load(
        vb: VarBuilder,
        config: SyntaxConfig,
        hidden: usize,
        path: &std::path::Path,
    ) -> Result<SyntaxHeads> {
        let e = |err: candle_core::Error| TaggerError::Weights {
            path: path.to_path_buf(),
            message: format!("syntax heads: {err}"),
        };
        let vb = vb.pp("heads");
        let (a, r, w) = (config.arc_dim, config.rel_dim, 2 * hidden);
        let (u, l, b) = (
            config.upos.len(),
            config.deprel.len(),
            config.offset_buckets,
        );
        if b == 0 || u == 0 || l == 0 {
            return Err(TaggerError::Config {
                path: path.to_path_buf(),
                message: "claimx_heads needs UPOS tags, relations and offset buckets".into(),
            });
        }
        let load = || -> candle_core::Result<SyntaxHeads> {
            let arc_u = flat(vb.get((a, a), "arc_u")?)?;
            let mut arc_u_t = vec![0.0; a * a];
            for d in 0..a {
                for e in 0..a {
                    arc_u_t[e * a + d] = arc_u[d * a + e];
                }
            }
            let rel_u_raw = flat(vb.get((l, r, r), "rel_u")?)?;
            let mut rel_u = vec![0.0; l * r * r];
            for k in 0..l {
                for d in 0..r {
                    for e in 0..r {
                        rel_u[(k * r + e) * r + d] = rel_u_raw[(k * r + d) * r + e];
                    }
                }
            }
            Ok(SyntaxHeads {
                hidden,
                start_offset: flat(vb.pp("start_offset").get((b, hidden), "weight")?)?,
                end_offset: flat(vb.pp("end_offset").get((b, hidden), "weight")?)?,
                root: flat(vb.get(w, "root")?)?,
                word_layers: Dense::stacked(&[
                    &dense(vb.pp("upos"), w, u)?,
                    &dense(vb.pp("arc_dep"), w, a)?,
                    &dense(vb.pp("arc_head"), w, a)?,
                    &dense(vb.pp("rel_dep"), w, r)?,
                    &dense(vb.pp("rel_head"), w, r)?,
                ]),
                arc_u: Dense::new(arc_u_t, vec![0.0; a], a, a),
                arc_b: flat(vb.get(a, "arc_b")?)?,
                rel_u: Dense::new(rel_u, vec![0.0; l * r], r, l * r),
                rel_w: dense(vb.pp("rel_w"), 2 * r, l)?,
                upos_labels: config.upos.iter().map(|t| Label::new(t)).collect(),
                deprel_labels: config.deprel.iter().map(|t| Label::new(t)).collect(),
                config: config.clone(),
            })
        };
        load().map_err(e)
    }

    /// Runs the heads' linear layers in `precision`, as the encoder's (f32 for the
    /// reference path): their weights are converted and packed once here.
    pub fn set_precision(&mut self, precision: Precision) {
        for layer in [
            &mut self.word_layers,
            &mut self.arc_u,
            &mut self.rel_u,
            &mut self.rel_w,
        ] {
            layer.add_narrow_weight(precision);
        }
    }

    /// The heads' labels and sizes.
    pub fn config(&self) -> &SyntaxConfig {
        &self.config
    }

    /// Parse the words (byte spans in `text`) of one sentence, given the encoder's last-layer
    /// `states` (`[pieces, hidden]`) and each piece's byte range in `text` (leading
    /// whitespace skipped, as the tokenizer's offsets give them).
    ///
    /// A "sentence" of more than [`MAX_TREE_WORDS`] words (a list, a table, text without
    /// punctuation) is parsed in consecutive pieces of that many words, each its own tree:
    /// decoding is quadratic in memory and cubic in time, and no real sentence is that long.
    pub fn parse(
        &self,
        text: &str,
        pieces: &[(usize, usize)],
        states: &[f32],
        words: &[(usize, usize)],
    ) -> Vec<WordSyntax> {
        let mut out = Vec::with_capacity(words.len());
        for (k, chunk) in words.chunks(MAX_TREE_WORDS).enumerate() {
            let offset = k * MAX_TREE_WORDS;
            out.extend(
                self.parse_tree(text, pieces, states, chunk)
                    .into_iter()
                    .map(|mut w| {
                        if w.head > 0 {
                            w.head += offset;
                        }
                        w
                    }),
            );
        }
        out
    }

    fn parse_tree(
        &self,
        text: &str,
        pieces: &[(usize, usize)],
        states: &[f32],
        words: &[(usize, usize)],
    ) -> Vec<WordSyntax> {
        let n = words.len();
        let h = self.hidden;
        if n == 0 || pieces.is_empty() {
            return Vec::new();
        }
        let w = 2 * h;
        let buckets = self.config.offset_buckets;
        // [ROOT; words], each 2h wide
        let mut x = Vec::with_capacity((n + 1) * w);
        x.extend_from_slice(&self.root);
        for &(s, e) in words {
            let last_char = text[..e.max(s)]
                .char_indices()
                .next_back()
                .map_or(s, |(i, _)| i)
                .max(s);
            let first = piece_holding(pieces, s);
            let last = piece_holding(pieces, last_char);
            let into = |a: usize, b: usize| {
                text.get(a.min(b)..b.max(a))
                    .map_or(0, |t| t.chars().count())
            };
            let fs = into(pieces[first].0, s).min(buckets - 1);
            let le = into(e, pieces[last].1).min(buckets - 1);
            for (piece, offsets, bucket) in [
                (first, &self.start_offset, fs),
                (last, &self.end_offset, le),
            ] {
                let state = &states[piece * h..(piece + 1) * h];
                let off = &offsets[bucket * h..(bucket + 1) * h];
                x.extend(state.iter().zip(off).map(|(a, b)| a + b));
            }
        }
        let (u, a, r) = (
            self.config.upos.len(),
            self.config.arc_dim,
            self.config.rel_dim,
        );
        let l = self.config.deprel.len();
        // one row per node (ROOT, then the words): [upos | arc dep | arc head | rel dep | rel head]
        let stride = u + 2 * a + 2 * r;
        let mut layers = self.word_layers.apply(&x, n + 1);
        let column = |row: usize, at: usize, len: usize| {
            let start = row * stride + at;
            start..start + len
        };
        let mut ad = Vec::with_capacity(n * a);
        let mut ah = Vec::with_capacity((n + 1) * a);
        let mut rd = Vec::with_capacity(n * r);
        let mut rh = Vec::with_capacity((n + 1) * r);
        for row in layers.chunks_exact_mut(stride) {
            leaky_relu(&mut row[u..]);
        }
        for node in 0..=n {
            if node > 0 {
                ad.extend_from_slice(&layers[column(node, u, a)]);
                rd.extend_from_slice(&layers[column(node, u + 2 * a, r)]);
            }
            ah.extend_from_slice(&layers[column(node, u + a, a)]);
            rh.extend_from_slice(&layers[column(node, u + 2 * a + r, r)]);
        }
        // arcs[i][j] = ad_i · U · ah_j + ah_j · b
        let p = self.arc_u.apply(&ad, n);
        let mut arcs = vec![0.0; n * (n + 1)];
        for (j, row) in ah.chunks_exact(a).enumerate() {
            let bias = dot(row, &self.arc_b);
            for i in 0..n {
                arcs[i * (n + 1) + j] = bias;
            }
        }
        gemm_product(&mut arcs, &p, n, &ah, a, n + 1);
        // log-probabilities over heads per dependent (self-attachment excluded)
        let mut scores = vec![vec![0.0f32; n + 1]; n + 1];
        for i in 0..n {
            let row = &mut arcs[i * (n + 1)..(i + 1) * (n + 1)];
            row[i + 1] = f32::NEG_INFINITY;
            let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let sum: f32 = row.iter().map(|v| (v - max).exp()).sum();
            let log_z = max + sum.ln();
            for (score, v) in scores[i + 1].iter_mut().zip(row.iter()) {
                *score = v - log_z;
            }
        }
        let heads = decode_tree(&scores);
        // relations at the chosen heads: rd_i · U_k · rh_head(i) + W_k · [rd_i; rh_head(i)]
        let head_of = |i: usize| &rh[heads[i + 1] * r..(heads[i + 1] + 1) * r];
        let mut pair = Vec::with_capacity(n * 2 * r);
        for i in 0..n {
            pair.extend_from_slice(&rd[i * r..(i + 1) * r]);
            pair.extend_from_slice(head_of(i));
        }
        let linear = self.rel_w.apply(&pair, n);
        thread_local! {
            static GROUP: std::cell::RefCell<AlignedBuffer> = Default::default();
        }
        let mut relations = Vec::with_capacity(n);
        // taken out, not borrowed across the product (which may run other work on rayon)
        let mut q = GROUP.with(|g| std::mem::take(&mut *g.borrow_mut()));
        let mut rel_scores = vec![0.0f32; l];
        for group in (0..n).step_by(RELATION_GROUP) {
            let m = RELATION_GROUP.min(n - group);
            self.rel_u
                .apply_into(&rd[group * r..(group + m) * r], m, &mut q);
            for (g, qi) in q.chunks_exact(l * r).enumerate() {
                let i = group + g;
                for (k, score) in rel_scores.iter_mut().enumerate() {
                    *score = dot(&qi[k * r..(k + 1) * r], head_of(i)) + linear[i * l + k];
                }
                relations.push(argmax_prob(&rel_scores).0);
            }
        }
        GROUP.with(|g| *g.borrow_mut() = q);
        (0..n)
            .map(|i| {
                let (tag, prob) = argmax_prob(&layers[column(i + 1, 0, u)]);
                WordSyntax {
                    start: words[i].0,
                    end: words[i].1,
                    upos: self.upos_labels[tag],
                    head: heads[i + 1],
                    deprel: self.deprel_labels[relations[i]],
                    upos_score: prob,
                    head_score: scores[i + 1][heads[i + 1]].exp(),
                }
            })
            .collect()
    }
}

fn argmax_prob(row: &[f32]) -> (usize, f32) {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = row.iter().map(|v| (v - max).exp()).sum();
    let best =
        row.iter().enumerate().fold(
            (0, f32::NEG_INFINITY),
            |b, (i, &v)| if v > b.1 { (i, v) } else { b },
        );
    (best.0, 1.0 / sum)
}

/// The first piece whose range holds byte `at`; else the piece nearest to it (a word the
/// tokenizer's offsets do not cover, e.g. one made only of characters it drops).
fn piece_holding(pieces: &[(usize, usize)], at: usize) -> usize {
    pieces
        .iter()
        .position(|&(a, b)| a < b && a <= at && at < b)
        .unwrap_or_else(|| {
            pieces
                .iter()
                .enumerate()
                .min_by_key(|(_, &(a, b))| if at < a { a - at } else { at.saturating_sub(b) })
                .map_or(0, |(i, _)| i)
        })
}
