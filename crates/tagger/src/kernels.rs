//! The element-wise parts of the fused encoder: GELU, softmax, layer norm.
//!
//! Written as plain loops over `f32` without branches or library calls so that LLVM
//! vectorises them, and compiled three times (AVX-512, AVX2+FMA, baseline) with the widest
//! picked at run time: the binary stays portable while the machine's vector width is used.
//! `libm`'s scalar `erff` and `expf` took more time than all matrix products together in
//! candle's own ops (perf, `docs/performance.md`).

/// Compile `$generic` (an `#[inline(always)]` function) under wider target features and
/// dispatch on what the CPU has.
macro_rules! multiversion {
    ($(#[$doc:meta])* pub fn $name:ident($($arg:ident: $ty:ty),*) => $generic:ident) => {
        $(#[$doc])*
        pub fn $name($($arg: $ty),*) {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx512vl,avx512dq,avx2,fma")]
                unsafe fn avx512($($arg: $ty),*) {
                    $generic($($arg),*)
                }
                #[target_feature(enable = "avx2,fma")]
                unsafe fn avx2($($arg: $ty),*) {
                    $generic($($arg),*)
                }
                if std::is_x86_feature_detected!("avx512f")
                    && std::is_x86_feature_detected!("avx512vl")
                    && std::is_x86_feature_detected!("avx512dq")
                {
                    // SAFETY: the features the function was compiled for are present.
                    return unsafe { avx512($($arg),*) };
                }
                if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: as above.
                    return unsafe { avx2($($arg),*) };
                }
            }
            $generic($($arg),*)
        }
    };
}
pub(crate) use multiversion;

/// `e^x` to about 1e-7 relative (Cephes' `expf` polynomial); inputs below -87 give
/// `e^-87` rather than a denormal.
#[inline(always)]
#[allow(clippy::manual_clamp)] // max/min turn NaN into a bound instead of keeping it
fn exp(x: f32) -> f32 {
    let x = x.max(-87.0).min(88.0);
    // round to nearest without `roundf`, which baseline x86-64 cannot vectorise
    const SHIFTER: f32 = 12_582_912.0; // 1.5 * 2^23

    // fused multiply-adds (one rounding each): half the instructions of a multiply and an
    // add, and the same bits on every path (baseline x86-64 calls libm's `fmaf`)
    let t = x.mul_add(std::f32::consts::LOG2_E, SHIFTER);
    let n = t - SHIFTER;
    let r = n.mul_add(2.121_944_4e-4, n.mul_add(-0.693_359_4, x));
    let mut p: f32 = 1.987_569_1e-4;
    p = p.mul_add(r, 1.398_199_9e-3);
    p = p.mul_add(r, 8.333_452e-3);
    p = p.mul_add(r, 4.166_579_6e-2);
    p = p.mul_add(r, 1.666_666_5e-1);
    p = p.mul_add(r, 0.5);
    let e = (p * r).mul_add(r, r) + 1.0;
    // 2^n from n's bits: n (-126..=127) sits in t's low mantissa bits, so the integer is
    // read off without `n as i32`, whose saturating conversion LLVM left scalar (a third of
    // the encoder's time went to softmax, perf)
    let ni = t.to_bits().wrapping_sub(SHIFTER.to_bits()) as i32;
    e * f32::from_bits(((ni + 127) << 23) as u32)
}

/// erf to a few ulp: Eigen's rational approximation on [-4, 4] (erf is ±1 to f32 precision
/// beyond); no `exp`, so it costs about half of Abramowitz & Stegun 7.1.26.
#[inline(always)]
#[allow(clippy::manual_clamp)]
fn erf(x: f32) -> f32 {
    let x = x.max(-4.0).min(4.0);
    let x2 = x * x;
    // fused multiply-adds, as in `exp`
    let mut p: f32 = -2.726_142_3e-10;
    p = p.mul_add(x2, 2.770_681_4e-8);
    p = p.mul_add(x2, -2.101_024e-6);
    p = p.mul_add(x2, -5.692_506_4e-5);
    p = p.mul_add(x2, -7.349_906_3e-4);
    p = p.mul_add(x2, -2.954_6e-3);
    p = p.mul_add(x2, -1.609_603_3e-2);
    let mut q: f32 = -1.456_607_2e-5;
    q = q.mul_add(x2, -2.133_740_6e-4);
    q = q.mul_add(x2, -1.682_827e-3);
    q = q.mul_add(x2, -7.373_329e-3);
    q = q.mul_add(x2, -1.426_474e-2);
    (x * p / q).max(-1.0).min(1.0)
}

#[inline(always)]
fn gelu_erf_generic(v: &mut [f32]) {
    for x in v {
        *x = 0.5 * *x * (1.0 + erf(*x * std::f32::consts::FRAC_1_SQRT_2));
    }
}

#[inline(always)]
fn gelu_tanh_generic(v: &mut [f32]) {
    const C: f32 = 0.797_884_6; // sqrt(2 / pi)
    for x in v {
        let z = C * (*x + 0.044_715 * *x * *x * *x);
        // tanh(z) = 1 - 2 / (e^2z + 1), saturating cleanly at both ends
        let tanh = 1.0 - 2.0 / (exp(2.0 * z) + 1.0);
        *x = 0.5 * *x * (1.0 + tanh);
    }
}

#[inline(always)]
fn relu_generic(v: &mut [f32]) {
    for x in v {
        *x = x.max(0.0);
    }
}

pub(crate) const LANES: usize = 16;

/// 16 floats on a 64-byte boundary: one cache line.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct CacheLine([f32; 16]);

/// A reusable buffer of `f32` whose values begin on a cache line, so that rows of a width
/// that is a multiple of 16 (the encoder's activations) each begin on one. A row an AMX
/// tile stores (64 bytes) that straddles two cache lines costs the bf16 products more than
/// streaming their weights (`Vec<f32>` from the allocator is only 16-byte aligned; see
/// `claimx bench-matmul --precision bf16` in docs/performance.md).
#[derive(Default)]
pub(crate) struct AlignedBuffer {
    lines: Vec<CacheLine>,
    len: usize,
}

impl AlignedBuffer {
    /// The first `len` values, the buffer grown to hold them (new values are zero; values
    /// kept from earlier use are not cleared); the buffer reads as these `len` values after.
    pub(crate) fn take(&mut self, len: usize) -> &mut [f32] {
        let lines = len.div_ceil(16);
        if self.lines.len() < lines {
            self.lines.resize(lines, CacheLine([0.0; 16]));
        }
        self.len = len;
        self
    }
}

impl std::ops::Deref for AlignedBuffer {
    type Target = [f32];

    fn deref(&self) -> &[f32] {
        // SAFETY: `lines` holds at least `len` floats (`take`), laid out contiguously
        // (`repr(C)` arrays of f32 without padding)
        unsafe { std::slice::from_raw_parts(self.lines.as_ptr().cast::<f32>(), self.len) }
    }
}

impl std::ops::DerefMut for AlignedBuffer {
    fn deref_mut(&mut self) -> &mut [f32] {
        // SAFETY: as `deref`, borrowed mutably through `self`
        unsafe { std::slice::from_raw_parts_mut(self.lines.as_mut_ptr().cast::<f32>(), self.len) }
    }
}

/// Sum in `LANES` independent accumulators, the last partial chunk padded with zeros, the
/// lanes then added pairwise (8 + 8, 4 + 4, 2 + 2, 1 + 1): a fixed order that LLVM can
/// vectorise at any width, so every path gives the same bits.
#[inline(always)]
fn sum(v: &[f32]) -> f32 {
    let mut acc = [0.0f32; LANES];
    let chunks = v.chunks_exact(LANES);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..LANES {
            acc[i] += c[i];
        }
    }
    let mut tail = [0.0f32; LANES];
    tail[..rest.len()].copy_from_slice(rest);
    for i in 0..LANES {
        acc[i] += tail[i];
    }
    tree_sum(acc)
}

/// The largest lane of `acc`, pairwise as `tree_sum` adds (of a pair, a NaN first is passed
/// over and a NaN second kept, as `vmaxps` does).
#[inline(always)]
fn tree_max(mut acc: [f32; LANES]) -> f32 {
    let mut half = LANES / 2;
    while half > 0 {
        for i in 0..half {
            acc[i] = if acc[i] > acc[i + half] {
                acc[i]
            } else {
                acc[i + half]
            };
        }
        half /= 2;
    }
    acc[0]
}

/// The lanes of `acc` added pairwise, halves first.
#[inline(always)]
fn tree_sum(mut acc: [f32; LANES]) -> f32 {
    let mut half = LANES / 2;
    while half > 0 {
        for i in 0..half {
            acc[i] += acc[i + half];
        }
        half /= 2;
    }
    acc[0]
}

/// Softmax of rows `width` long laid out `stride` apart (`stride` a whole number of chunks,
/// at least `width`), a few rows at a time: each row's steps — its max, its exponentials and
/// their sum, one division — depend on each other, and rows of a few dozen scores each are
/// too short to hide that chain, so independent rows go through it side by side. Every row
/// is computed in the same order as it would be alone (the result does not depend on the
/// grouping); the lanes from `width` to the end of the row's last chunk become zeros, and
/// further chunks up to `stride` are not touched.
#[inline(always)]
fn softmax_padded_rows_generic(v: &mut [f32], width: usize, stride: usize, rows: usize) {
    assert!(stride.is_multiple_of(LANES) && stride >= width && v.len() >= rows * stride);
    const GROUP: usize = 4;
    let mut r = 0;
    while r + GROUP <= rows {
        softmax_group::<GROUP>(&mut v[r * stride..(r + GROUP) * stride], width, stride);
        r += GROUP;
    }
    while r < rows {
        softmax_group::<1>(&mut v[r * stride..(r + 1) * stride], width, stride);
        r += 1;
    }
}

/// `R` rows of [`softmax_padded_rows_generic`]: `v` is exactly `R` rows of `stride`.
#[inline(always)]
fn softmax_group<const R: usize>(v: &mut [f32], width: usize, stride: usize) {
    let full = width / LANES;
    let rest = width - full * LANES;
    let at = |r: usize, c: usize| r * stride + c * LANES;
    let mut top = [[f32::NEG_INFINITY; LANES]; R];
    for c in 0..full {
        for (r, top) in top.iter_mut().enumerate() {
            let x = &v[at(r, c)..at(r, c) + LANES];
            for i in 0..LANES {
                top[i] = if top[i] > x[i] { top[i] } else { x[i] };
            }
        }
    }
    if rest > 0 {
        for (r, top) in top.iter_mut().enumerate() {
            let x = &v[at(r, full)..at(r, full) + LANES];
            for i in 0..LANES {
                let t = if i < rest { x[i] } else { f32::NEG_INFINITY };
                top[i] = if top[i] > t { top[i] } else { t };
            }
        }
    }
    let m: [f32; R] = std::array::from_fn(|r| tree_max(top[r]));
    let mut acc = [[0.0f32; LANES]; R];
    for c in 0..full {
        for (r, acc) in acc.iter_mut().enumerate() {
            let x = &mut v[at(r, c)..at(r, c) + LANES];
            for i in 0..LANES {
                x[i] = exp(x[i] - m[r]);
                acc[i] += x[i];
            }
        }
    }
    if rest > 0 {
        for (r, acc) in acc.iter_mut().enumerate() {
            let x = &mut v[at(r, full)..at(r, full) + LANES];
            for i in 0..LANES {
                let e = if i < rest { exp(x[i] - m[r]) } else { 0.0 };
                acc[i] += e;
                x[i] = e;
            }
        }
    }
    let inv: [f32; R] = std::array::from_fn(|r| 1.0 / tree_sum(acc[r]));
    for c in 0..full + usize::from(rest > 0) {
        for (r, &inv) in inv.iter().enumerate() {
            for x in &mut v[at(r, c)..at(r, c) + LANES] {
                *x *= inv;
            }
        }
    }
}

#[inline(always)]
fn layer_norm_rows_generic(v: &mut [f32], weight: &[f32], bias: &[f32], eps: f32) {
    let width = weight.len();
    for row in v.chunks_exact_mut(width) {
        let mean = sum(row) / width as f32;
        for x in row.iter_mut() {
            *x -= mean;
        }
        let mut acc = [0.0f32; LANES];
        let chunks = row.chunks_exact(LANES);
        let rest: f32 = chunks.remainder().iter().map(|x| x * x).sum();
        for c in chunks {
            for i in 0..LANES {
                acc[i] += c[i] * c[i];
            }
        }
        let var = (acc.iter().sum::<f32>() + rest) / width as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((x, w), b) in row.iter_mut().zip(weight).zip(bias) {
            *x = *x * inv * w + b;
        }
    }
}

#[inline(always)]
fn add_generic(dst: &mut [f32], src: &[f32]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d += s;
    }
}

multiversion! {
    /// Exact (erf) GELU in place.
    pub fn gelu_erf(v: &mut [f32]) => gelu_erf_generic
}

/// How a dense layer's outputs start and end: from `bias` (else from what the output
/// buffer holds), and with `then` applied to each block of finished rows in the task that
/// computed them, while they are in the core's cache (the feed-forward's GELU), rather than
/// in a pass of its own over the batch.
#[derive(Clone, Copy, Default)]
pub(crate) struct Outputs<'a> {
    pub(crate) bias: Option<&'a [f32]>,
    pub(crate) then: Option<&'a RowStep<'a>>,
}

/// A step over whole rows of a layer's outputs, in place: the index of the first row in the
/// batch, and the rows.
pub(crate) type RowStep<'a> = dyn Fn(usize, &mut [f32]) + Sync + 'a;

impl<'a> Outputs<'a> {
    /// Starting from `bias`.
    pub(crate) fn from_bias(bias: &'a [f32]) -> Outputs<'a> {
        Outputs {
            bias: Some(bias),
            then: None,
        }
    }

    /// `then` applied to rows of outputs (whole rows, the first of them `first` in the
    /// batch) once they are computed.
    pub(crate) fn finish(&self, first: usize, rows: &mut [f32]) {
        if let Some(f) = self.then {
            f(first, rows)
        }
    }
}

/// Every row of `dst` set to `bias` (rows as long as it): for the product that can only add
/// to what `dst` holds (`gemm`). The AMX, AVX-512 BF16 and int8 kernels read the bias where
/// they would read `dst` instead, and write each output once.
pub(crate) fn start_rows(dst: &mut [f32], bias: &[f32]) {
    for r in dst.chunks_exact_mut(bias.len()) {
        r.copy_from_slice(bias);
    }
}

multiversion! {
    /// tanh-approximated GELU in place.
    pub fn gelu_tanh(v: &mut [f32]) => gelu_tanh_generic
}
multiversion! {
    /// ReLU in place.
    pub fn relu(v: &mut [f32]) => relu_generic
}
multiversion! {
    /// Softmax of the first `rows` rows of `width` in `v`, in place, the rows `stride` apart
    /// (`stride` a multiple of [`LANES`], at least `width`); the lanes from `width` to the
    /// end of its last chunk become zeros, chunks past that are left as they are.
    pub fn softmax_padded_rows(v: &mut [f32], width: usize, stride: usize, rows: usize) => softmax_padded_rows_generic
}
multiversion! {
    /// Layer norm of every row of `v` (rows as long as `weight`), in place.
    pub fn layer_norm_rows(v: &mut [f32], weight: &[f32], bias: &[f32], eps: f32) => layer_norm_rows_generic
}
multiversion! {
    /// `dst += src`, element by element.
    pub fn add(dst: &mut [f32], src: &[f32]) => add_generic
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_buffers_begin_on_a_cache_line_and_keep_their_values() {
        let mut buf = AlignedBuffer::default();
        let first = buf.take(5);
        assert_eq!(first.as_ptr() as usize % 64, 0);
        first.copy_from_slice(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        // grown past its first allocation: still aligned, old values kept, new ones zero
        let grown = buf.take(1000);
        assert_eq!(grown.as_ptr() as usize % 64, 0);
        assert_eq!(grown[..6], [1.0, 2.0, 3.0, 4.0, 5.0, 0.0]);
        assert_eq!(buf.take(3).len(), 3);
        assert_eq!(buf[..], [1.0, 2.0, 3.0]);
    }

    fn libm_erf(x: f64) -> f64 {
        // Abramowitz & Stegun 7.1.28 is too coarse to check against; integrate instead.
        let steps = 20_000;
        let h = x / steps as f64;
        let f = |t: f64| (-t * t).exp();
        let mut s = f(0.0) + f(x);
        for i in 1..steps {
            s += f(i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
        }
        s * h / 3.0 * 2.0 / std::f64::consts::PI.sqrt()
    }

    #[test]
    fn exp_is_accurate_over_the_range_softmax_and_gelu_use() {
        for i in -8700..=8800 {
            let x = i as f32 / 100.0;
            let want = (x as f64).exp();
            let got = exp(x) as f64;
            assert!(
                ((got - want) / want).abs() < 3e-7,
                "exp({x}) = {got}, want {want}"
            );
        }
    }

    #[test]
    fn erf_is_accurate() {
        for i in -600..=600 {
            let x = i as f32 / 100.0;
            let want = libm_erf(x as f64);
            let got = erf(x) as f64;
            assert!((got - want).abs() < 3e-7, "erf({x}) = {got}, want {want}");
        }
    }

    #[test]
    fn dispatched_kernels_match_the_baseline_versions() {
        let data: Vec<f32> = (0..1000)
            .map(|i| ((i * 37 % 200) as f32 - 100.0) / 9.0)
            .collect();
        let mut a = data.clone();
        let mut b = data.clone();
        gelu_erf(&mut a);
        gelu_erf_generic(&mut b);
        // fused multiply-adds and a fixed order of sums: the same bits at every width
        assert_eq!(bits(&a), bits(&b));
        let mut a = data.clone();
        softmax_padded_rows(&mut a, 37, 48, 20);
        for row in a[..20 * 48].chunks(48) {
            assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        }
        let mut b = data.clone();
        softmax_padded_rows_generic(&mut b, 37, 48, 20);
        assert_eq!(bits(&a), bits(&b));
        let w = vec![1.0; 40];
        let z = vec![0.0; 40];
        let mut a = data.clone();
        layer_norm_rows(&mut a, &w, &z, 1e-5);
        for row in a.chunks(40) {
            let mean = row.iter().sum::<f32>() / 40.0;
            let var = row.iter().map(|x| (x - mean) * (x - mean)).sum::<f32>() / 40.0;
            assert!(
                mean.abs() < 1e-5 && (var - 1.0).abs() < 1e-3,
                "{mean} {var}"
            );
        }
    }

    fn bits(v: &[f32]) -> Vec<u32> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn softmax_rows_do_not_depend_on_their_neighbours_and_match_a_plain_softmax() {
        let data: Vec<f32> = (0..4000)
            .map(|i| ((i * 53 % 301) as f32 - 150.0) / 7.0)
            .collect();
        for width in [1usize, 3, 15, 16, 17, 28, 32, 41] {
            let stride = width.div_ceil(LANES) * LANES;
            // 9 rows: two groups of four and one alone; each row also on its own
            let rows = 9;
            let mut together = data[..rows * stride].to_vec();
            softmax_padded_rows(&mut together, width, stride, rows);
            for r in 0..rows {
                let row = &data[r * stride..(r + 1) * stride];
                let mut alone = row.to_vec();
                softmax_padded_rows(&mut alone, width, stride, 1);
                let got = &together[r * stride..(r + 1) * stride];
                assert_eq!(bits(got), bits(&alone), "width {width}, row {r}");
                assert!(got[width..].iter().all(|&x| x == 0.0));
                let src = &row[..width];
                let m = src.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let z: f64 = src.iter().map(|&x| f64::from(x - m).exp()).sum();
                for (got, &x) in got.iter().zip(src) {
                    let want = f64::from(x - m).exp() / z;
                    assert!((f64::from(*got) - want).abs() < 1e-6, "width {width}");
                }
            }
            // a stride wider than the row's chunks: the extra chunk is left alone
            let mut wide = data[..2 * (stride + LANES)].to_vec();
            softmax_padded_rows(&mut wide, width, stride + LANES, 2);
            assert_eq!(bits(&wide[..stride]), bits(&together[..stride]));
            assert_eq!(
                bits(&wide[stride..stride + LANES]),
                bits(&data[stride..stride + LANES])
            );
        }
    }

    #[test]
    fn gelu_saturates_without_nan() {
        let mut v = vec![-1e30, -100.0, -10.0, 0.0, 10.0, 100.0, 1e30];
        gelu_erf(&mut v);
        assert!(v.iter().all(|x| x.is_finite()));
        assert_eq!(v[3], 0.0);
        assert!((v[5] - 100.0).abs() < 1e-4);
        let mut v = vec![-1e30, -100.0, 0.0, 100.0, 1e30];
        gelu_tanh(&mut v);
        assert!(v.iter().all(|x| x.is_finite()), "{v:?}");
    }
}
