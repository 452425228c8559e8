//! int8 matrix products for the dense layers of the fused encoder ([`crate::Precision::Int8`]).
//!
//! Weights are quantised once at load to int8, symmetrically per output channel (`scale = max
//! |w| / 127`); a dense layer's input is quantised to u8 per row (per token) in every product,
//! asymmetrically: the row's range (with 0 in it) in 255 steps and a zero point, which keeps
//! twice the resolution of a symmetric scale for one-sided rows such as GELU's output. The
//! products of the small integers are summed exactly in i32, the zero point's share (`zero ×
//! Σ w` per column) is taken off, and each sum becomes `dst += sum × (row scale × weight
//! scale)` with one fused multiply-add. Because the integer sums are exact and the last step
//! is the same operation in every kernel, **the result does not depend on the kernel**: the
//! same bits on AMX, VNNI and in the plain loops.
//!
//! Which unit multiplies is chosen at run time ([`kernel`]):
//! - [`Int8Kernel::Amx`], Intel AMX-INT8 (Sapphire Rapids and later): one `TDPBUSD` multiplies
//!   a 16×64 u8 block by a 64×16 int8 one into 16×16 i32 sums;
//! - [`Int8Kernel::Avx512Vnni`], AVX-512 VNNI (Intel Cascade Lake and later, AMD Zen 4 and 5):
//!   one `VPDPBUSD` adds 16 sums of four u8 × int8 products;
//! - [`Int8Kernel::AvxVnni`], AVX-VNNI (Intel Alder Lake and later client cores, Sierra
//!   Forest: VNNI without AVX-512): the same instruction on 256-bit vectors, 8 sums;
//! - [`Int8Kernel::Avx2`], AVX2 without VNNI (AMD Zen 2 and 3, Intel Haswell to Coffee Lake):
//!   `VPMADDWD` multiplies the operands widened to i16 and adds pairs of products into i32 —
//!   exact, unlike `VPMADDUBSW`, whose i16 sums saturate —, 8 sums of four products in two
//!   multiplies and a horizontal add at the end;
//! - [`Int8Kernel::Generic`] everywhere else: the same integers in plain Rust loops, slow but
//!   exact.
//!
//! `CLAIMX_INT8_KERNEL=amx|avx512-vnni|avx-vnni|avx2|generic` forces one the CPU supports. The
//! packed weight layout is AMX's B operand (four consecutive inputs interleaved per output
//! column), which the VNNI kernels read as it is (AVX-VNNI a line in two halves).
use std::sync::OnceLock;

use rayon::prelude::*;

/// One 64-byte row of an AMX tile of weights: 64 int8 values.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
pub(crate) struct Line8([i8; 64]);

const ZERO_LINE: Line8 = Line8([0; 64]);

/// One 64-byte row of an AMX tile of inputs: 64 u8 values.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
pub(crate) struct Row8([u8; 64]);

const ZERO_ROW: Row8 = Row8([0; 64]);

/// The unit that multiplies int8 operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Int8Kernel {
    /// Intel AMX-INT8 tiles (`TDPBUSD`).
    Amx,
    /// AVX-512 VNNI (`VPDPBUSD`).
    Avx512Vnni,
    /// AVX-VNNI (`VPDPBUSD` on 256-bit vectors, VEX-encoded): CPUs with VNNI but no AVX-512
    /// (Intel Alder Lake and later client cores, Sierra Forest).
    AvxVnni,
    /// AVX2 without VNNI: `VPMADDWD` on operands widened to i16 (AMD Zen 2 and 3, Intel
    /// Haswell to Coffee Lake).
    Avx2,
    /// Plain loops over the integers.
    Generic,
}

impl Int8Kernel {
    /// Every kernel.
    pub const ALL: [Int8Kernel; 5] = [
        Int8Kernel::Amx,
        Int8Kernel::Avx512Vnni,
        Int8Kernel::AvxVnni,
        Int8Kernel::Avx2,
        Int8Kernel::Generic,
    ];

    /// Whether this process can run the kernel.
    pub fn supported(self) -> bool {
        match self {
            Int8Kernel::Amx => amx_int8(),
            Int8Kernel::Avx512Vnni => avx512_vnni(),
            Int8Kernel::AvxVnni => avx_vnni(),
            Int8Kernel::Avx2 => avx2(),
            Int8Kernel::Generic => true,
        }
    }

    /// The kernel's name, as `CLAIMX_INT8_KERNEL` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Int8Kernel::Amx => "amx",
            Int8Kernel::Avx512Vnni => "avx512-vnni",
            Int8Kernel::AvxVnni => "avx-vnni",
            Int8Kernel::Avx2 => "avx2",
            Int8Kernel::Generic => "generic",
        }
    }
}

impl std::str::FromStr for Int8Kernel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Int8Kernel::ALL
            .into_iter()
            .find(|k| k.name() == s.trim().to_lowercase())
            .ok_or_else(|| {
                format!("unknown int8 kernel `{s}` (amx, avx512-vnni, avx-vnni, avx2, generic)")
            })
    }
}

impl crate::dispatch::KernelFamily for Int8Kernel {
    const FORMAT: &'static str = "int8";
    const VARIABLE: &'static str = "CLAIMX_INT8_KERNEL";
    fn runs_here(self) -> bool {
        self.supported()
    }
    fn label(self) -> &'static str {
        self.name()
    }
}

/// Whether this process may use AMX int8 tiles: AMX-INT8 on a CPU whose AMX tiles the OS
/// granted (every CPU with AMX-INT8 so far has AMX-BF16 too, which [`crate::bf16::amx`]
/// checks along with the permission).
pub fn amx_int8() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        let leaf7 = std::arch::x86_64::__cpuid_count(7, 0);
        leaf7.edx & (1 << 25) != 0 && crate::bf16::amx()
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether the CPU has AVX-512 VNNI (`VPDPBUSD` on 512-bit vectors) and AVX-512F.
pub fn avx512_vnni() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512vnni")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether the CPU has AVX-VNNI (`VPDPBUSD` on 256-bit vectors) with AVX2 and FMA.
pub fn avx_vnni() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avxvnni")
            && std::is_x86_feature_detected!("avx2")
            && std::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether the CPU has AVX2 and FMA (the [`Int8Kernel::Avx2`] kernel).
pub fn avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether the CPU multiplies int8 with VNNI (`VPDPBUSD`) in either width: where int8
/// is much faster than bf16 without AMX.
pub fn vnni() -> bool {
    avx512_vnni() || avx_vnni()
}

/// The kernel of this process's int8 products: the one `CLAIMX_INT8_KERNEL` names if the CPU
/// supports it, else the fastest it supports — AMX, then AVX-512 VNNI, then AVX-VNNI, then
/// AVX2, then the plain loops.
/// Fixed for the process.
pub fn kernel() -> Int8Kernel {
    static CHOSEN: OnceLock<Int8Kernel> = OnceLock::new();
    *CHOSEN.get_or_init(|| {
        let best = Int8Kernel::ALL
            .into_iter()
            .find(|k| k.supported())
            .unwrap_or(Int8Kernel::Generic);
        crate::dispatch::forced_or(best)
    })
}

/// A dense layer's weight `[outputs, inputs]` quantised per output and packed as AMX's B
/// operand: for every 16-output block and 64-input block one 16-line tile whose line `r`
/// holds, for each of the 16 outputs, inputs `4r … 4r + 3`. Inputs are padded with zeros to
/// whole 64s, outputs to whole 32s.
pub(crate) struct Int8Weight {
    tiles: Vec<Line8>,
    k_blocks: usize,
    inputs: usize,
    outputs: usize,
    /// Per output: the weight scale (`max |w| / 127`).
    scales: Vec<f32>,
    /// Per output (padded): the sum of its quantised weights, for the inputs' zero points.
    sums: Vec<i32>,
}

/// `x` quantised with `inverse` (= 1 / scale): rounded to nearest (ties to even: one
/// vector instruction), clamped to ±127.
#[inline(always)]
#[allow(clippy::manual_clamp)] // max/min keep the loop branch-free for the vectoriser
fn quantise(x: f32, inverse: f32) -> i8 {
    (x * inverse).round_ties_even().max(-127.0).min(127.0) as i8
}

crate::kernels::multiversion! {
    /// `dst[i] = quantise(src[i], inverse)`: compiled where rounding is one vector
    /// instruction, as baseline x86-64 calls `rintf` per value (most of a model's load).
    pub fn quantise_weights(dst: &mut [i8], src: &[f32], inverse: f32) => quantise_weights_generic
}

#[inline(always)]
fn quantise_weights_generic(dst: &mut [i8], src: &[f32], inverse: f32) {
    for (q, &w) in dst.iter_mut().zip(src) {
        *q = quantise(w, inverse);
    }
}

/// A row's u8 quantisation: `(scale, inverse, zero)` for the range from its least to its
/// greatest value, widened to hold 0 (so that 0 and the zero padding are exact), in 255
/// steps; NaN is ignored, and a row that is all zeros or not finite gets `(0, 0, 0)`.
fn row_range(values: &[f32]) -> (f32, f32, f32) {
    let (lo, hi) = values
        .iter()
        .fold((0.0f32, 0.0f32), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    range_of(lo, hi)
}

#[inline(always)]
fn range_of(lo: f32, hi: f32) -> (f32, f32, f32) {
    let range = hi - lo;
    if range > 0.0 && range.is_finite() {
        let inverse = 255.0 / range;
        (range / 255.0, inverse, (-lo * inverse).round_ties_even())
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// `x` quantised to u8 with the row's `inverse` and `zero`: `round(x / scale) + zero`,
/// rounded to nearest even, clamped to 0…255.
#[inline(always)]
#[allow(clippy::manual_clamp)]
fn quantise_u8(x: f32, inverse: f32, zero: f32) -> u8 {
    ((x * inverse).round_ties_even() + zero).max(0.0).min(255.0) as u8
}

/// The symmetric int8 scale of `values`: `max |v| / 127`, and its inverse (0 for all zeros).
fn scale_of(values: &[f32]) -> (f32, f32) {
    let max = values.iter().fold(0.0f32, |m, &v| m.max(v.abs()));
    if max > 0.0 && max.is_finite() {
        (max / 127.0, 127.0 / max)
    } else {
        (0.0, 0.0)
    }
}

impl Int8Weight {
    pub(crate) fn new(weight: &[f32], inputs: usize, outputs: usize) -> Int8Weight {
        assert_eq!(weight.len(), inputs * outputs);
        let k_blocks = inputs.div_ceil(64);
        let n16 = outputs.div_ceil(32) * 2;
        let mut scales = Vec::with_capacity(outputs);
        let mut quantised = vec![0i8; outputs * inputs];
        for (row, q) in weight
            .chunks_exact(inputs)
            .zip(quantised.chunks_exact_mut(inputs))
        {
            let (scale, inverse) = scale_of(row);
            scales.push(scale);
            quantise_weights(q, row, inverse);
        }
        let mut sums = vec![0i32; n16 * 16];
        for (n, q) in quantised.chunks_exact(inputs).enumerate() {
            sums[n] = q.iter().map(|&v| v as i32).sum();
        }
        // output n's inputs 4r … 4r + 3 of block kb go to line r of tile (n / 16, kb), at
        // bytes 4 (n % 16) …: one output's quads in turn, padding left zero
        let mut tiles = vec![ZERO_LINE; n16 * k_blocks * 16];
        for (n, q) in quantised.chunks_exact(inputs).enumerate() {
            let (nb, c) = (n / 16, n % 16);
            for (kq, quad) in q.chunks(4).enumerate() {
                let (kb, r) = (kq / 16, kq % 16);
                tiles[(nb * k_blocks + kb) * 16 + r].0[4 * c..4 * c + quad.len()]
                    .copy_from_slice(quad);
            }
        }
        Int8Weight {
            tiles,
            k_blocks,
            inputs,
            outputs,
            scales,
            sums,
        }
    }
}

/// A dense layer's input quantised per row: 32-row blocks of `k_blocks` lines, and each row's
/// scale and zero point. Reused between products.
#[derive(Default)]
pub(crate) struct QuantisedRows {
    lines: Vec<Row8>,
    scales: Vec<f32>,
    zeros: Vec<i32>,
}

impl QuantisedRows {
    /// Room for `n` rows (padded to whole 32-row blocks) of `k_blocks` lines each.
    fn grow(&mut self, n: usize, k_blocks: usize) {
        // Grown, never cleared: what the last product left in the padding (inputs past `k`,
        // rows past `n`) is multiplied by zero weights or computed into rows nobody stores,
        // and zeroing it was a tenth of a product's time with the syntax heads' short rows.
        let padded = n.div_ceil(32) * 32;
        if self.lines.len() < padded * k_blocks {
            self.lines.resize(padded * k_blocks, ZERO_ROW);
        }
        if self.scales.len() < padded {
            self.scales.resize(padded, 0.0);
            self.zeros.resize(padded, 0);
        }
    }
}

/// [`quantise_block`] with AVX-512 by hand (LLVM's vectorisation of the generic loop left it
/// at a third of a product's time): the same results, as `every_kernel_gives_the_naive_bits`
/// checks — the least and greatest values ignore NaN like `f32::min`/`max` (and are exact in
/// any order, so four running vectors give the same range as one), the conversion rounds to
/// nearest even like `round_ties_even` (the default rounding mode), and the clamp to 0…255
/// is the saturation of the packing (the conversion's NaN and overflow value, `i32::MIN`,
/// saturates to 0 like `f32::max`'s NaN; the products stay within ±256 otherwise, as the
/// range holds every value). 64 values per step, packed to one 64-byte store: a store
/// narrowing each 16 values (`VPMOVDB` to memory) cost as much as the rest.
///
/// # Safety
/// AVX-512F and AVX-512BW present.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn quantise_block_avx512(
    dst: &mut [Row8],
    scales: &mut [f32],
    zeros: &mut [i32],
    src: &[f32],
    k: usize,
    k_blocks: usize,
) {
    use std::arch::x86_64::*;
    let mask = crate::dispatch::tail_mask;
    assert!(k <= k_blocks * 64);
    let whole = k / 64 * 64;
    // the packs interleave the four vectors' 128-bit lanes: dword m of the packed bytes
    // holds lane m / 4 of vector m % 4, put back in order
    let order = _mm512_setr_epi32(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
    for (((row, src), scale), zero) in dst
        .chunks_exact_mut(k_blocks)
        .zip(src.chunks_exact(k))
        .zip(scales.iter_mut())
        .zip(zeros.iter_mut())
    {
        let x = src.as_ptr();
        let mut lo = [_mm512_setzero_ps(); 4];
        let mut hi = [_mm512_setzero_ps(); 4];
        for i in (0..whole).step_by(64) {
            for j in 0..4 {
                // SAFETY: i + 16 j + 16 ≤ whole ≤ k, the row's length
                let v = unsafe { _mm512_loadu_ps(x.add(i + 16 * j)) };
                // the second operand is returned when either is NaN: NaN is ignored
                lo[j] = _mm512_min_ps(v, lo[j]);
                hi[j] = _mm512_max_ps(v, hi[j]);
            }
        }
        for i in (whole..k).step_by(16) {
            // SAFETY: masked to the row's k values (the rest read as 0, which the range holds)
            let v = unsafe { _mm512_maskz_loadu_ps(mask(k - i), x.add(i)) };
            lo[0] = _mm512_min_ps(v, lo[0]);
            hi[0] = _mm512_max_ps(v, hi[0]);
        }
        let lo = _mm512_min_ps(_mm512_min_ps(lo[0], lo[1]), _mm512_min_ps(lo[2], lo[3]));
        let hi = _mm512_max_ps(_mm512_max_ps(hi[0], hi[1]), _mm512_max_ps(hi[2], hi[3]));
        let (s, inverse, z) = range_of(_mm512_reduce_min_ps(lo), _mm512_reduce_max_ps(hi));
        *scale = s;
        *zero = z as i32;
        let (inverse, z) = (_mm512_set1_ps(inverse), _mm512_set1_epi32(z as i32));
        let level = |v: __m512| _mm512_add_epi32(_mm512_cvtps_epi32(_mm512_mul_ps(v, inverse)), z);
        let out = row.as_mut_ptr() as *mut i8;
        for i in (0..whole).step_by(64) {
            // SAFETY: i + 64 ≤ whole ≤ k, inside the row and its lines
            unsafe {
                let q: [__m512i; 4] =
                    std::array::from_fn(|j| level(_mm512_loadu_ps(x.add(i + 16 * j))));
                let bytes = _mm512_packus_epi16(
                    _mm512_packs_epi32(q[0], q[1]),
                    _mm512_packs_epi32(q[2], q[3]),
                );
                _mm512_storeu_si512(
                    out.add(i) as *mut __m512i,
                    _mm512_permutexvar_epi32(order, bytes),
                );
            }
        }
        let (low, high) = (_mm512_setzero_si512(), _mm512_set1_epi32(255));
        for i in (whole..k).step_by(16) {
            let m = mask(k - i);
            // SAFETY: masked to the row's k values; the row's lines hold k_blocks × 64 ≥ k
            unsafe {
                let v = level(_mm512_maskz_loadu_ps(m, x.add(i)));
                let v = _mm512_min_epi32(_mm512_max_epi32(v, low), high);
                _mm512_mask_cvtepi32_storeu_epi8(out.add(i), m, v);
            }
        }
    }
}

crate::kernels::multiversion! {
    /// Rows of `src` (`k` long) quantised into rows of `k_blocks` lines of `dst`, with
    /// their scales and zero points.
    pub fn quantise_block(dst: &mut [Row8], scales: &mut [f32], zeros: &mut [i32], src: &[f32], k: usize, k_blocks: usize) => quantise_block_generic
}

#[inline(always)]
fn quantise_block_generic(
    dst: &mut [Row8],
    scales: &mut [f32],
    zeros: &mut [i32],
    src: &[f32],
    k: usize,
    k_blocks: usize,
) {
    for (((row, src), scale), zero) in dst
        .chunks_exact_mut(k_blocks)
        .zip(src.chunks_exact(k))
        .zip(scales.iter_mut())
        .zip(zeros.iter_mut())
    {
        let (s, inverse, z) = row_range(src);
        *scale = s;
        *zero = z as i32;
        for (line, src) in row.iter_mut().zip(src.chunks(64)) {
            for (d, &x) in line.0.iter_mut().zip(src) {
                *d = quantise_u8(x, inverse, z);
            }
        }
    }
}

/// `dst[n, outputs] += u8(src[n, inputs]) · int8(weight)ᵀ`, rescaled, threaded over the
/// current rayon pool in blocks of 32 rows; `rows` is scratch for the quantised `src`.
///
/// # Panics
/// If the kernel is not supported, or the slices are shorter than the shapes say.
pub(crate) fn accumulate(
    kernel: Int8Kernel,
    dst: &mut [f32],
    src: &[f32],
    n: usize,
    weight: &Int8Weight,
    out: crate::kernels::Outputs,
    rows: &mut QuantisedRows,
) {
    let (k, outputs, kb) = (weight.inputs, weight.outputs, weight.k_blocks);
    assert!(dst.len() >= n * outputs && src.len() >= n * k);
    check_product(kernel, weight, out.bias);
    rows.grow(n, kb);
    let blocks = n.div_ceil(32);
    // each task quantises its own 32 rows and multiplies them at once: one parallel region
    // per product instead of two, and the rows still in the core's cache when multiplied
    rows.lines[..blocks * 32 * kb]
        .par_chunks_mut(32 * kb)
        .zip(rows.scales[..blocks * 32].par_chunks_mut(32))
        .zip(rows.zeros[..blocks * 32].par_chunks_mut(32))
        .zip(src[..n * k].par_chunks(32 * k))
        .zip(dst[..n * outputs].par_chunks_mut(32 * outputs))
        .enumerate()
        .for_each(|(b, ((((lines, scales), zeros), src), dst))| {
            quantise_rows(lines, scales, zeros, src, k, kb);
            let block = Block {
                bias: out.bias,
                lines,
                scales,
                zeros,
            };
            // SAFETY: as in `multiply_quantised`
            unsafe { multiply_block(kernel, dst, &block, weight) };
            out.finish(b * 32, dst);
        });
}

/// [`accumulate`] on an input already quantised into `rows` (at least `n` rows of the
/// weight's inputs), as a [`RowSink`] fills it.
///
/// # Panics
/// As [`accumulate`].
pub(crate) fn multiply_quantised(
    kernel: Int8Kernel,
    dst: &mut [f32],
    rows: &QuantisedRows,
    n: usize,
    weight: &Int8Weight,
    out: crate::kernels::Outputs,
) {
    let bias = out.bias;
    check_product(kernel, weight, bias);
    let outputs = weight.outputs;
    let kb = weight.k_blocks;
    let padded = n.div_ceil(32) * 32;
    assert!(dst.len() >= n * outputs && rows.scales.len() >= padded);
    assert!(rows.lines.len() >= padded * kb);
    dst[..n * outputs]
        .par_chunks_mut(32 * outputs)
        .enumerate()
        .for_each(|(b, dst)| {
            let block = Block {
                bias,
                lines: &rows.lines[b * 32 * kb..(b + 1) * 32 * kb],
                scales: &rows.scales[b * 32..(b + 1) * 32],
                zeros: &rows.zeros[b * 32..(b + 1) * 32],
            };
            // SAFETY: `supported()` checked the CPU (and for AMX the OS permission and
            // AVX-512); the block holds 32 rows of k_blocks lines each and `dst` whole rows
            // of `outputs`, at most 32.
            unsafe { multiply_block(kernel, dst, &block, weight) };
            out.finish(b * 32, dst);
        });
}

/// What every product checks before its blocks run: the kernel runs on this CPU, and a bias
/// has one value per output.
fn check_product(kernel: Int8Kernel, weight: &Int8Weight, bias: Option<&[f32]>) {
    assert!(
        kernel.supported(),
        "int8 kernel {} is not available",
        kernel.name()
    );
    assert!(bias.is_none_or(|b| b.len() == weight.outputs));
}

/// One block of at most 32 rows with `kernel`.
///
/// # Safety
/// `kernel` is supported by the CPU; the block holds 32 rows of `weight.k_blocks` lines each
/// and `dst` whole rows of `weight.outputs`, at most 32.
unsafe fn multiply_block(kernel: Int8Kernel, dst: &mut [f32], block: &Block, weight: &Int8Weight) {
    assert!(block.lines.len() >= 32 * weight.k_blocks && block.scales.len() >= 32);
    assert!(dst.len() <= 32 * weight.outputs);
    // SAFETY: the caller's
    unsafe {
        match kernel {
            Int8Kernel::Amx => amx_block(dst, block, weight),
            Int8Kernel::Avx512Vnni => vnni_block(dst, block, weight),
            Int8Kernel::AvxVnni => avx_vnni_block(dst, block, weight),
            Int8Kernel::Avx2 => avx2_block(dst, block, weight),
            Int8Kernel::Generic => generic_block(dst, block, weight),
        }
    }
}

/// Rows that blocks of a layer's input are quantised into by several tasks at once: the
/// input of the feed-forward's down product, made in the task where GELU produced it (see
/// `kernels::Outputs`), then multiplied with [`multiply_quantised`].
pub(crate) struct RowSink {
    lines: *mut Row8,
    scales: *mut f32,
    zeros: *mut i32,
    rows: usize,
    k: usize,
    k_blocks: usize,
}

// SAFETY: the tasks write disjoint rows (`quantise`'s contract) and nothing reads them
// until they are done.
unsafe impl Send for RowSink {}
unsafe impl Sync for RowSink {}

impl RowSink {
    /// `rows` grown to hold `n` rows of `weight`'s inputs (never cleared, as in `accumulate`).
    pub(crate) fn new(rows: &mut QuantisedRows, n: usize, weight: &Int8Weight) -> RowSink {
        rows.grow(n, weight.k_blocks);
        RowSink {
            lines: rows.lines.as_mut_ptr(),
            scales: rows.scales.as_mut_ptr(),
            zeros: rows.zeros.as_mut_ptr(),
            rows: n,
            k: weight.inputs,
            k_blocks: weight.k_blocks,
        }
    }

    /// Rows `first..` of the input (`src`: whole rows of the weight's inputs) quantised in.
    ///
    /// # Safety
    /// No other task touches these rows meanwhile, and the [`QuantisedRows`] given to
    /// [`RowSink::new`] is neither moved, grown nor read until every task is done.
    pub(crate) unsafe fn quantise(&self, first: usize, src: &[f32]) {
        let (k, kb) = (self.k, self.k_blocks);
        let count = src.len() / k;
        assert!(first + count <= self.rows && src.len() == count * k);
        // SAFETY: inside the grown buffers (first + count ≤ rows), rows no one else touches
        let (lines, scales, zeros) = unsafe {
            (
                std::slice::from_raw_parts_mut(self.lines.add(first * kb), count * kb),
                std::slice::from_raw_parts_mut(self.scales.add(first), count),
                std::slice::from_raw_parts_mut(self.zeros.add(first), count),
            )
        };
        quantise_rows(lines, scales, zeros, src, k, kb);
    }
}

/// Whole rows of `src` quantised, with the widest kernel the CPU has.
fn quantise_rows(
    lines: &mut [Row8],
    scales: &mut [f32],
    zeros: &mut [i32],
    src: &[f32],
    k: usize,
    k_blocks: usize,
) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw") {
        // SAFETY: AVX-512F and BW are present; the slices hold whole rows
        return unsafe { quantise_block_avx512(lines, scales, zeros, src, k, k_blocks) };
    }
    quantise_block(lines, scales, zeros, src, k, k_blocks)
}

/// 32 quantised rows: their lines, scales and zero points, and the bias the outputs start
/// from (none: they start from what `dst` holds).
pub(crate) struct Block<'a> {
    bias: Option<&'a [f32]>,
    lines: &'a [Row8],
    scales: &'a [f32],
    zeros: &'a [i32],
}

/// [`rescale_row`] with AVX-512 by hand for the AMX and VNNI kernels: the same operations
/// (the zero point's share taken off in i32, exact conversion, one product of the scales, one
/// fused multiply-add).
///
/// # Safety
/// AVX-512F present; `sums`, `scales` and `column_sums` at least as long as `dst`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn rescale_row_avx512(
    dst: &mut [f32],
    sums: &[i32],
    row_scale: f32,
    zero: i32,
    scales: &[f32],
    column_sums: &[i32],
    bias: Option<&[f32]>,
) {
    use std::arch::x86_64::*;
    let n = dst.len();
    assert!(sums.len() >= n && scales.len() >= n && column_sums.len() >= n);
    assert!(bias.is_none_or(|b| b.len() >= n));
    let start = bias.map_or(dst.as_ptr(), <[f32]>::as_ptr);
    let (row_scale, zero) = (_mm512_set1_ps(row_scale), _mm512_set1_epi32(zero));
    for i in (0..n).step_by(16) {
        let m = crate::dispatch::tail_mask(n - i);
        // SAFETY: masked to dst's length, which the others reach
        unsafe {
            let r = rescale_vector(
                _mm512_maskz_loadu_epi32(m, sums.as_ptr().add(i)),
                zero,
                _mm512_maskz_loadu_epi32(m, column_sums.as_ptr().add(i)),
                row_scale,
                _mm512_maskz_loadu_ps(m, scales.as_ptr().add(i)),
                _mm512_maskz_loadu_ps(m, start.add(i)),
            );
            _mm512_mask_storeu_ps(dst.as_mut_ptr().add(i), m, r);
        }
    }
}

/// 16 outputs of one row from their i32 sums: `(sums − zero × column_sums) × (row_scale ×
/// scales) + start`, the zero point's share taken off in i32, one exact conversion, one
/// product of the scales, one fused multiply-add — [`rescale_row`]'s steps, shared by
/// [`rescale_row_avx512`] and the VNNI tile so that both give its bits.
///
/// # Safety
/// AVX-512F present.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn rescale_vector(
    sums: std::arch::x86_64::__m512i,
    zero: std::arch::x86_64::__m512i,
    column_sums: std::arch::x86_64::__m512i,
    row_scale: std::arch::x86_64::__m512,
    scales: std::arch::x86_64::__m512,
    start: std::arch::x86_64::__m512,
) -> std::arch::x86_64::__m512 {
    use std::arch::x86_64::*;
    let s = _mm512_sub_epi32(sums, _mm512_mullo_epi32(zero, column_sums));
    let w = _mm512_mul_ps(row_scale, scales);
    _mm512_fmadd_ps(_mm512_cvtepi32_ps(s), w, start)
}

crate::kernels::multiversion! {
    /// `dst[c] += (sums[c] − zero × column_sums[c]) × (row_scale × scales[c])` for one row,
    /// one fused multiply-add each: the last step every kernel shares.
    pub fn rescale_row(dst: &mut [f32], sums: &[i32], row_scale: f32, zero: i32, scales: &[f32], column_sums: &[i32], bias: Option<&[f32]>) => rescale_row_generic
}

#[inline(always)]
fn rescale_row_generic(
    dst: &mut [f32],
    sums: &[i32],
    row_scale: f32,
    zero: i32,
    scales: &[f32],
    column_sums: &[i32],
    bias: Option<&[f32]>,
) {
    for (j, (((d, &s), &w), &c)) in dst
        .iter_mut()
        .zip(sums)
        .zip(scales)
        .zip(column_sums)
        .enumerate()
    {
        let start = bias.map_or(*d, |b| b[j]);
        *d = ((s - zero * c) as f32).mul_add(row_scale * w, start);
    }
}

/// One block of at most 32 rows in plain loops: for each row and 16-output vector, the 16
/// integer sums over the packed lines.
///
/// # Safety
/// None beyond the shapes (the block is 32 rows of `weight.k_blocks` lines); `unsafe` only to
/// share the kernels' signature.
unsafe fn generic_block(dst: &mut [f32], block: &Block, weight: &Int8Weight) {
    generic_sums(dst, block, weight)
}

crate::kernels::multiversion! {
    /// The body of [`generic_block`].
    pub fn generic_sums(dst: &mut [f32], block: &Block, weight: &Int8Weight) => generic_sums_inner
}

#[inline(always)]
fn generic_sums_inner(dst: &mut [f32], block: &Block, weight: &Int8Weight) {
    let (outputs, kb) = (weight.outputs, weight.k_blocks);
    let rows = dst.len() / outputs;
    let mut sums = vec![0i32; outputs.div_ceil(16) * 16];
    for r in 0..rows {
        sums.fill(0);
        let row = &block.lines[r * kb..(r + 1) * kb];
        for (v, sums) in sums.chunks_exact_mut(16).enumerate() {
            for (k, line) in row.iter().enumerate() {
                let tile = &weight.tiles[(v * kb + k) * 16..][..16];
                for (p, w) in tile.iter().enumerate() {
                    let x = &line.0[4 * p..4 * p + 4];
                    for (c, sum) in sums.iter_mut().enumerate() {
                        let w = &w.0[4 * c..4 * c + 4];
                        *sum += (0..4).map(|e| x[e] as i32 * w[e] as i32).sum::<i32>();
                    }
                }
            }
        }
        rescale_row(
            &mut dst[r * outputs..(r + 1) * outputs],
            &sums[..outputs],
            block.scales[r],
            block.zeros[r],
            &weight.scales,
            &weight.sums[..outputs],
            block.bias,
        );
    }
}

/// One block of at most 32 rows with `VPDPBUSD`: 8 rows × 3 vectors of 16 i32 sums at a time,
/// each row's four u8 inputs broadcast against a line of the packed weights, and the sums
/// rescaled into the outputs while they are still in registers (stored and read back as rows,
/// as the other kernels do, they cost 4–6 % more of the tagger's time on an AMD Zen 5).
///
/// # Safety
/// AVX-512F and AVX-512 VNNI present; the block is 32 rows of `weight.k_blocks` lines; `dst`
/// holds at most 32 rows of `weight.outputs`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vnni")]
unsafe fn vnni_block(dst: &mut [f32], block: &Block, weight: &Int8Weight) {
    let outputs = weight.outputs;
    let rows = dst.len() / outputs;
    let vectors = outputs.div_ceil(16);
    for r0 in (0..rows).step_by(8) {
        let count = (rows - r0).min(8);
        let mut v = 0;
        while v < vectors {
            // SAFETY: as this function's; rows r0..r0+8 lie in the 32-row block
            unsafe {
                match vectors - v {
                    1 => vnni_tile::<1>(dst, block, weight, r0, count, v),
                    2 => vnni_tile::<2>(dst, block, weight, r0, count, v),
                    _ => vnni_tile::<3>(dst, block, weight, r0, count, v),
                }
            }
            v += 3;
        }
    }
}

/// `finish(r, &acc[r])` for each listed row `r`, written out: a tile's accumulators indexed
/// only by constants stay in registers (see `vnni_tile`).
#[cfg(target_arch = "x86_64")]
macro_rules! each_row {
    ($finish:ident($acc:ident): $($r:literal),*) => {
        $($finish($r, &$acc[$r]);)*
    };
}

/// Rows `r0..r0 + count` (`count` ≤ 8) × output vectors `v..v + C` of [`vnni_block`], the
/// sums of 8 rows computed and the first `count` rescaled into `dst` from the registers with
/// [`rescale_vector`], as [`rescale_row_avx512`] does from memory.
///
/// # Safety
/// As [`vnni_block`]'s, with `r0 + 8 <= 32` and `v + C` at most the output vectors.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vnni")]
#[inline]
unsafe fn vnni_tile<const C: usize>(
    dst: &mut [f32],
    block: &Block,
    weight: &Int8Weight,
    r0: usize,
    count: usize,
    v: usize,
) {
    use std::arch::x86_64::*;
    let a = block.lines;
    let kb = weight.k_blocks;
    let outputs = weight.outputs;
    let mut acc = [[_mm512_setzero_si512(); C]; 8];
    assert!(a.len() >= (r0 + 8) * kb && weight.tiles.len() >= (v + C) * kb * 16);
    assert!(count <= 8 && dst.len() >= (r0 + count) * outputs);
    assert!(weight.scales.len() >= outputs && weight.sums.len() >= outputs);
    assert!(block.bias.is_none_or(|b| b.len() >= outputs));
    for k in 0..kb {
        // SAFETY (pointers below): inside `weight.tiles` and `a` by the assert
        let tiles: [*const Line8; C] =
            std::array::from_fn(|j| unsafe { weight.tiles.as_ptr().add(((v + j) * kb + k) * 16) });
        let quads: [*const i32; 8] =
            std::array::from_fn(|r| unsafe { a.as_ptr().add((r0 + r) * kb + k) as *const i32 });
        for p in 0..16 {
            // SAFETY: line p of a 16-line tile; lines are 64-byte aligned
            let b: [__m512i; C] = std::array::from_fn(|j| unsafe {
                _mm512_load_si512(tiles[j].add(p) as *const __m512i)
            });
            for (row, &line) in acc.iter_mut().zip(&quads) {
                // inputs 4p … 4p + 3 of the row (u8), broadcast
                // SAFETY: quad p of a 64-byte line, 4-byte aligned
                let quad = _mm512_set1_epi32(unsafe { *line.add(p) });
                for (sum, &b) in row.iter_mut().zip(&b) {
                    *sum = _mm512_dpbusd_epi32(*sum, quad, b);
                }
            }
        }
    }
    let c0: [usize; C] = std::array::from_fn(|j| (v + j) * 16);
    let m: [u16; C] = std::array::from_fn(|j| crate::dispatch::tail_mask(outputs - c0[j]));
    // SAFETY: masked to the outputs, which `scales`, `sums` and the bias reach (asserted)
    let w: [__m512; C] = std::array::from_fn(|j| unsafe {
        _mm512_maskz_loadu_ps(m[j], weight.scales.as_ptr().add(c0[j]))
    });
    let c: [__m512i; C] = std::array::from_fn(|j| unsafe {
        _mm512_maskz_loadu_epi32(m[j], weight.sums.as_ptr().add(c0[j]))
    });
    let mut finish = |r: usize, acc: &[__m512i; C]| {
        if r >= count {
            return;
        }
        let row = r0 + r;
        let out = dst[row * outputs..].as_mut_ptr();
        let start = block.bias.map_or(out as *const f32, <[f32]>::as_ptr);
        let zero = _mm512_set1_epi32(block.zeros[row]);
        let row_scale = _mm512_set1_ps(block.scales[row]);
        for j in 0..C {
            // SAFETY: masked to the row's outputs
            unsafe {
                let d = _mm512_maskz_loadu_ps(m[j], start.add(c0[j]));
                let r = rescale_vector(acc[j], zero, c[j], row_scale, w[j], d);
                _mm512_mask_storeu_ps(out.add(c0[j]), m[j], r);
            }
        }
    };
    // each row by a constant index: the accumulators then stay in registers rather than in a
    // stack array zeroed with `memset` for every tile (a loop over the rows indexes it)
    each_row!(finish(acc): 0, 1, 2, 3, 4, 5, 6, 7);
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn vnni_block(_: &mut [f32], _: &Block, _: &Int8Weight) {
    unreachable!("AVX-512 VNNI is x86-64 only")
}

/// One block of at most 32 rows with 256-bit `VPDPBUSD` (AVX-VNNI): 6 rows × one
/// 16-output vector (two 8-lane halves) at a time — 12 accumulators, two weight halves and a
/// broadcast fill the 16 vector registers AVX2 has —, each tile rescaled into `dst` from its
/// registers.
///
/// # Safety
/// AVX2, FMA and AVX-VNNI present; the block is 32 rows of `weight.k_blocks` lines; `dst`
/// holds at most 32 rows of `weight.outputs`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,avxvnni")]
unsafe fn avx_vnni_block(dst: &mut [f32], block: &Block, weight: &Int8Weight) {
    const R: usize = 6;
    let outputs = weight.outputs;
    let rows = dst.len() / outputs;
    let vectors = outputs.div_ceil(16);
    for r0 in (0..rows).step_by(R) {
        let here = (rows - r0).min(R);
        for v in 0..vectors {
            // SAFETY: as this function's; rows r0..r0+here lie in the 32-row block
            unsafe { avx_vnni_tile::<R>(dst, block, weight, r0, here, v) };
        }
    }
}

/// Rows `r0..r0 + here` (at most `R`) × output vector `v` of [`avx_vnni_block`], rescaled
/// into `dst` from the registers with [`rescale_vector_avx2`], as [`rescale_row`] does from
/// memory.
///
/// # Safety
/// As [`avx_vnni_block`]'s, with `r0 + here <= 32` and `v` below the output vectors.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,avxvnni")]
#[inline]
unsafe fn avx_vnni_tile<const R: usize>(
    dst: &mut [f32],
    block: &Block,
    weight: &Int8Weight,
    r0: usize,
    here: usize,
    v: usize,
) {
    use std::arch::x86_64::*;
    let a = block.lines;
    let kb = weight.k_blocks;
    let outputs = weight.outputs;
    const {
        assert!(
            R == 6,
            "the rows are finished by constant indices 0..6 below"
        )
    };
    let mut acc = [[_mm256_setzero_si256(); 2]; R];
    assert!(here <= R && a.len() >= (r0 + here) * kb && weight.tiles.len() >= (v + 1) * kb * 16);
    assert!(dst.len() >= (r0 + here) * outputs && v * 16 < outputs);
    for k in 0..kb {
        // SAFETY (pointers below): inside `weight.tiles` and `a` by the asserts; rows past
        // `here` read row r0 again (their sums are never stored)
        let tile = unsafe { weight.tiles.as_ptr().add((v * kb + k) * 16) };
        let quads: [*const i32; R] = std::array::from_fn(|r| unsafe {
            a.as_ptr().add((r0 + r.min(here - 1)) * kb + k) as *const i32
        });
        for p in 0..16 {
            // SAFETY: line p of a 16-line tile, two 32-byte halves of a 64-byte aligned line
            let (b0, b1) = unsafe {
                let line = tile.add(p) as *const __m256i;
                (_mm256_load_si256(line), _mm256_load_si256(line.add(1)))
            };
            for (row, &line) in acc.iter_mut().zip(&quads) {
                // inputs 4p … 4p + 3 of the row (u8), broadcast
                // SAFETY: quad p of a 64-byte line, 4-byte aligned
                let quad = _mm256_set1_epi32(unsafe { *line.add(p) });
                row[0] = _mm256_dpbusd_avx_epi32(row[0], quad, b0);
                row[1] = _mm256_dpbusd_avx_epi32(row[1], quad, b1);
            }
        }
    }
    // the second half lies past a ragged right edge when the outputs end in the first
    let halves: [Option<Columns8>; 2] = std::array::from_fn(|h| {
        let c0 = v * 16 + h * 8;
        // SAFETY: AVX2 present (this function's), c0 below the outputs
        (c0 < outputs).then(|| unsafe { Columns8::new(weight, c0) })
    });
    let mut finish = |r: usize, acc: &[__m256i; 2]| {
        if r >= here {
            return;
        }
        for (sums, columns) in acc.iter().zip(&halves) {
            if let Some(columns) = columns {
                // SAFETY: AVX2 and FMA present, row r0 + r of `dst` (asserted above)
                unsafe { columns.rescale_into(dst, block, r0 + r, *sums) };
            }
        }
    };
    // each row by a constant index, so that the accumulators stay in registers (as in
    // `vnni_tile`)
    each_row!(finish(acc): 0, 1, 2, 3, 4, 5);
}

/// Eight outputs `c0..c0 + 8` of a layer, as the AVX-VNNI and AVX2 tiles rescale them: the
/// mask of those below the layer's outputs (all 8, or a ragged end's), their weight scales and
/// the sums of their quantised weights.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
struct Columns8 {
    c0: usize,
    outputs: usize,
    mask: std::arch::x86_64::__m256i,
    scales: std::arch::x86_64::__m256,
    sums: std::arch::x86_64::__m256i,
}

#[cfg(target_arch = "x86_64")]
impl Columns8 {
    /// # Safety
    /// AVX2 present.
    ///
    /// # Panics
    /// If `c0` is not below the weight's outputs.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn new(weight: &Int8Weight, c0: usize) -> Columns8 {
        use std::arch::x86_64::*;
        let outputs = weight.outputs;
        assert!(c0 < outputs && weight.scales.len() >= outputs && weight.sums.len() >= c0 + 8);
        let mask = _mm256_cmpgt_epi32(
            _mm256_set1_epi32((outputs - c0).min(8) as i32),
            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
        );
        // SAFETY: the scales masked to the outputs; the sums are padded to whole 32s
        // (asserted)
        let (scales, sums) = unsafe {
            (
                _mm256_maskload_ps(weight.scales.as_ptr().add(c0), mask),
                _mm256_loadu_si256(weight.sums.as_ptr().add(c0) as *const __m256i),
            )
        };
        Columns8 {
            c0,
            outputs,
            mask,
            scales,
            sums,
        }
    }

    /// Row `row`'s eight outputs written into `dst` from their i32 `sums` with
    /// [`rescale_vector_avx2`], starting from the block's bias, else from `dst`.
    ///
    /// # Safety
    /// AVX2 and FMA present.
    ///
    /// # Panics
    /// If `dst`, or the bias, is shorter than the row's outputs.
    #[target_feature(enable = "avx2,fma")]
    #[inline]
    unsafe fn rescale_into(
        &self,
        dst: &mut [f32],
        block: &Block,
        row: usize,
        sums: std::arch::x86_64::__m256i,
    ) {
        use std::arch::x86_64::*;
        let outputs = self.outputs;
        assert!(dst.len() >= (row + 1) * outputs);
        assert!(block.bias.is_none_or(|b| b.len() >= outputs));
        let out = dst[row * outputs..].as_mut_ptr();
        let start = block.bias.map_or(out as *const f32, <[f32]>::as_ptr);
        let zero = _mm256_set1_epi32(block.zeros[row]);
        let row_scale = _mm256_set1_ps(block.scales[row]);
        // SAFETY: masked to the row's outputs (c0 below them)
        unsafe {
            let d = _mm256_maskload_ps(start.add(self.c0), self.mask);
            let r = rescale_vector_avx2(sums, zero, self.sums, row_scale, self.scales, d);
            _mm256_maskstore_ps(out.add(self.c0), self.mask, r);
        }
    }
}

/// [`rescale_vector`] for 8 outputs with AVX2 and FMA: the same steps, so the same bits.
///
/// # Safety
/// AVX2 and FMA present.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[inline]
unsafe fn rescale_vector_avx2(
    sums: std::arch::x86_64::__m256i,
    zero: std::arch::x86_64::__m256i,
    column_sums: std::arch::x86_64::__m256i,
    row_scale: std::arch::x86_64::__m256,
    scales: std::arch::x86_64::__m256,
    start: std::arch::x86_64::__m256,
) -> std::arch::x86_64::__m256 {
    use std::arch::x86_64::*;
    let s = _mm256_sub_epi32(sums, _mm256_mullo_epi32(zero, column_sums));
    let w = _mm256_mul_ps(row_scale, scales);
    _mm256_fmadd_ps(_mm256_cvtepi32_ps(s), w, start)
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn avx_vnni_block(_: &mut [f32], _: &Block, _: &Int8Weight) {
    unreachable!("AVX-VNNI is x86-64 only")
}

/// One block of at most 32 rows with AVX2 alone: the block's u8 inputs widened to i16 once,
/// then 6 rows × 8 outputs at a time — 12 accumulators, two widened weight vectors and a
/// broadcast —, each `VPMADDWD` adding two of a column's four products per step into i32
/// (exact: at most 2 × 255 × 127), the pairs added at the end; then the shared rescaling.
///
/// # Safety
/// AVX2 and FMA present; the block is 32 rows of `weight.k_blocks` lines; `dst` holds at most
/// 32 rows of `weight.outputs`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn avx2_block(dst: &mut [f32], block: &Block, weight: &Int8Weight) {
    use std::arch::x86_64::*;
    const R: usize = 6;
    let outputs = weight.outputs;
    let rows = dst.len() / outputs;
    let (kb, vectors) = (weight.k_blocks, outputs.div_ceil(16));
    // widened once per block and read by every output vector
    let mut wide = vec![0i16; rows * kb * 64];
    for (w, x) in wide.chunks_exact_mut(16).zip(
        block.lines[..rows * kb]
            .iter()
            .flat_map(|l| l.0.chunks_exact(16)),
    ) {
        // SAFETY: 16 bytes read, 16 i16 written, both inside their slices
        unsafe {
            let x = _mm_loadu_si128(x.as_ptr() as *const __m128i);
            _mm256_storeu_si256(w.as_mut_ptr() as *mut __m256i, _mm256_cvtepu8_epi16(x));
        }
    }
    for r0 in (0..rows).step_by(R) {
        let here = (rows - r0).min(R);
        for v in 0..vectors {
            for half in 0..2 {
                if v * 16 + half * 8 >= outputs {
                    continue;
                }
                // SAFETY: as this function's; rows r0..r0+here lie in the block
                unsafe { avx2_tile::<R>(dst, block, &wide, weight, r0, here, v, half) };
            }
        }
    }
}

/// Rows `r0..r0 + here` (at most `R`) × outputs `16v + 8half … + 8` of [`avx2_block`], from
/// the widened rows `wide` (`k_blocks × 64` i16 each), rescaled into `dst` from the
/// registers with [`rescale_vector_avx2`].
///
/// # Safety
/// As [`avx2_block`]'s, with `16v + 8half` below the outputs.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[inline]
#[allow(clippy::too_many_arguments)]
unsafe fn avx2_tile<const R: usize>(
    dst: &mut [f32],
    block: &Block,
    wide: &[i16],
    weight: &Int8Weight,
    r0: usize,
    here: usize,
    v: usize,
    half: usize,
) {
    use std::arch::x86_64::*;
    let kb = weight.k_blocks;
    let outputs = weight.outputs;
    const {
        assert!(
            R == 6,
            "the rows are finished by constant indices 0..6 below"
        )
    };
    let mut acc = [[_mm256_setzero_si256(); 2]; R];
    let c0 = v * 16 + half * 8;
    assert!((1..=R).contains(&here) && half < 2 && c0 < outputs);
    assert!(wide.len() >= (r0 + here) * kb * 64 && weight.tiles.len() >= (v + 1) * kb * 16);
    assert!(dst.len() >= (r0 + here) * outputs);
    for k in 0..kb {
        // SAFETY (pointers below): inside `weight.tiles` and `wide` by the asserts; rows past
        // `here` read row r0 + here - 1 again (their sums are never stored)
        let tile = unsafe { weight.tiles.as_ptr().add((v * kb + k) * 16) };
        let quads: [*const i16; R] = std::array::from_fn(|r| unsafe {
            wide.as_ptr().add(((r0 + r.min(here - 1)) * kb + k) * 64)
        });
        for p in 0..16 {
            // SAFETY: the half of line p of a 16-line tile holding 8 outputs × 4 inputs, two
            // 16-byte aligned quarters of a 64-byte aligned line
            let (w0, w1) = unsafe {
                let line = (tile.add(p) as *const __m128i).add(2 * half);
                (
                    _mm256_cvtepi8_epi16(_mm_load_si128(line)),
                    _mm256_cvtepi8_epi16(_mm_load_si128(line.add(1))),
                )
            };
            for (row, &quad) in acc.iter_mut().zip(&quads) {
                // inputs 4p … 4p + 3 of the row (i16), broadcast
                // SAFETY: four i16 inside the row's line
                let x = unsafe { (quad.add(4 * p) as *const i64).read_unaligned() };
                let x = _mm256_set1_epi64x(x);
                row[0] = _mm256_add_epi32(row[0], _mm256_madd_epi16(x, w0));
                row[1] = _mm256_add_epi32(row[1], _mm256_madd_epi16(x, w1));
            }
        }
    }
    // SAFETY: AVX2 present (this function's), c0 below the outputs (asserted)
    let columns = unsafe { Columns8::new(weight, c0) };
    let mut finish = |r: usize, row: &[__m256i; 2]| {
        if r >= here {
            return;
        }
        // a column's two partial sums are adjacent; after the add the 64-bit lanes hold
        // outputs [0 1 | 4 5 | 2 3 | 6 7], put in order
        let s = _mm256_permute4x64_epi64::<0xD8>(_mm256_hadd_epi32(row[0], row[1]));
        // SAFETY: AVX2 and FMA present, row r0 + r of `dst` (asserted above)
        unsafe { columns.rescale_into(dst, block, r0 + r, s) };
    };
    // each row by a constant index, so that the accumulators stay in registers
    each_row!(finish(acc): 0, 1, 2, 3, 4, 5);
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn avx2_block(_: &mut [f32], _: &Block, _: &Int8Weight) {
    unreachable!("AVX2 is x86-64 only")
}

/// One 32-row block: for each 32-column block of outputs, tiles 0–3 sum the 2×2 16×16
/// quarters in i32 over all inputs (u8 rows in tiles 4–5, int8 weight columns in tiles 6–7),
/// stored and rescaled into `dst`.
///
/// # Safety
/// AMX-INT8 and AVX-512F present and the tile state granted; the block is 32 rows of
/// `weight.k_blocks` lines; `dst` holds at most 32 rows of `weight.outputs`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn amx_block(dst: &mut [f32], block: &Block, weight: &Int8Weight) {
    use std::arch::asm;
    #[repr(C, align(64))]
    struct Sums([i32; 32 * 32]);
    let mut sums = Sums([0; 32 * 32]);
    let outputs = weight.outputs;
    let rows = dst.len() / outputs;
    let kb = weight.k_blocks;
    let a_stride = kb * 64;
    let a0 = block.lines.as_ptr();
    // SAFETY (all asm below): tile loads read 16 lines inside the block (rows r..r+16 at
    // stride a_stride) or one packed tile of `weight`; stores write the four 16 × 16 quarters
    // of `sums`. The tile registers are used by nothing else in this thread.
    unsafe {
        let a1 = a0.add(16 * kb);
        asm!(
            "ldtilecfg [{}]",
            in(reg) crate::bf16::TILE_CONFIG.0.as_ptr(),
            options(nostack, readonly)
        );
        for jb in 0..outputs.div_ceil(32) {
            let b0 = weight.tiles.as_ptr().add(2 * jb * kb * 16);
            let b1 = b0.add(kb * 16);
            asm!(
                "tilezero tmm0",
                "tilezero tmm1",
                "tilezero tmm2",
                "tilezero tmm3",
                options(nostack, nomem)
            );
            for k in 0..kb {
                asm!(
                    "tileloadd tmm4, [{a0} + {sa}*1]",
                    "tileloadd tmm5, [{a1} + {sa}*1]",
                    "tileloadd tmm6, [{b0} + {sb}*1]",
                    "tileloadd tmm7, [{b1} + {sb}*1]",
                    "tdpbusd tmm0, tmm4, tmm6",
                    "tdpbusd tmm1, tmm4, tmm7",
                    "tdpbusd tmm2, tmm5, tmm6",
                    "tdpbusd tmm3, tmm5, tmm7",
                    a0 = in(reg) a0.add(k),
                    a1 = in(reg) a1.add(k),
                    b0 = in(reg) b0.add(k * 16),
                    b1 = in(reg) b1.add(k * 16),
                    sa = in(reg) a_stride,
                    sb = in(reg) 64usize,
                    options(nostack, readonly)
                );
            }
            let c = sums.0.as_mut_ptr();
            asm!(
                "tilestored [{c0} + {st}*1], tmm0",
                "tilestored [{c1} + {st}*1], tmm1",
                "tilestored [{c2} + {st}*1], tmm2",
                "tilestored [{c3} + {st}*1], tmm3",
                c0 = in(reg) c,
                c1 = in(reg) c.add(16),
                c2 = in(reg) c.add(16 * 32),
                c3 = in(reg) c.add(16 * 32 + 16),
                st = in(reg) 32usize * 4,
                options(nostack)
            );
            let cols = (outputs - jb * 32).min(32);
            for r in 0..rows {
                rescale_row_avx512(
                    &mut dst[r * outputs + jb * 32..][..cols],
                    &sums.0[r * 32..r * 32 + cols],
                    block.scales[r],
                    block.zeros[r],
                    &weight.scales[jb * 32..jb * 32 + cols],
                    &weight.sums[jb * 32..jb * 32 + cols],
                    block.bias.map(|b| &b[jb * 32..jb * 32 + cols]),
                );
            }
        }
        asm!("tilerelease", options(nostack, nomem));
    }
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn amx_block(_: &mut [f32], _: &Block, _: &Int8Weight) {
    unreachable!("AMX is x86-64 only")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::runnable;
    use crate::kernels::Outputs;

    /// The int8 product computed naively: both operands quantised as the kernels do (inputs
    /// to u8 with a zero point, weights to int8), integer sums of `(x − zero) · w`, then `dst +
    /// sum × (row scale × weight scale)` as one fused multiply-add.
    fn naive(start: &[f32], src: &[f32], weight: &[f32], k: usize, m: usize) -> Vec<f32> {
        let rows: Vec<_> = src
            .chunks_exact(k)
            .map(|values| {
                let (scale, inverse, zero) = row_range(values);
                let q: Vec<i32> = values
                    .iter()
                    .map(|&x| quantise_u8(x, inverse, zero) as i32 - zero as i32)
                    .collect();
                (scale, q)
            })
            .collect();
        let columns: Vec<_> = weight
            .chunks_exact(k)
            .map(|values| {
                let (scale, inverse) = scale_of(values);
                let q: Vec<i32> = values
                    .iter()
                    .map(|&x| quantise(x, inverse) as i32)
                    .collect();
                (scale, q)
            })
            .collect();
        let mut out = start.to_vec();
        for (i, (rs, x)) in rows.iter().enumerate() {
            for (j, (ws, w)) in columns.iter().enumerate() {
                let sum: i32 = x.iter().zip(w).map(|(a, b)| a * b).sum();
                out[i * m + j] = (sum as f32).mul_add(rs * ws, out[i * m + j]);
            }
        }
        out
    }

    fn data(len: usize, a: usize, b: usize, c: f32) -> Vec<f32> {
        (0..len)
            .map(|i| ((i * a % b) as f32 - (b / 2) as f32) * c)
            .collect()
    }

    fn kernels() -> Vec<Int8Kernel> {
        Int8Kernel::ALL
            .into_iter()
            .filter(|&k| runnable(k))
            .collect()
    }

    /// Every kernel gives the same bits as the naive product, on ragged shapes (rows, inputs
    /// and outputs not multiples of the blocks: 32 rows, 64 inputs, 8 rows and 48 outputs
    /// for VNNI, 32 outputs for AMX), so labels in int8 do not depend on the CPU.
    #[test]
    fn every_kernel_gives_the_naive_bits() {
        // one scratch for every product, as the encoder reuses it: what a wider or longer
        // product left in the padding must not leak into the next
        let mut rows = QuantisedRows::default();
        for kernel in kernels() {
            for &(n, k, m) in &[
                (1, 384, 1152),
                (45, 40, 70),
                (77, 384, 9),
                (64, 1536, 384),
                (13, 100, 33),
                (3, 40, 20),
            ] {
                let src = data(n * k, 37, 101, 0.013);
                let weight = data(m * k, 53, 97, 0.007);
                let start = data(n * m, 1, 13, 0.31);
                let packed = Int8Weight::new(&weight, k, m);
                let mut dst = start.clone();
                accumulate(
                    kernel,
                    &mut dst,
                    &src,
                    n,
                    &packed,
                    Outputs::default(),
                    &mut rows,
                );
                let want = naive(&start, &src, &weight, k, m);
                assert_eq!(dst, want, "{kernel:?} ({n},{k},{m})");
                // starting from a bias: the bits of the rows filled with it first
                let bias = data(m, 3, 17, 0.21);
                let filled: Vec<f32> = bias.iter().copied().cycle().take(n * m).collect();
                let mut dst = vec![f32::NAN; n * m];
                accumulate(
                    kernel,
                    &mut dst,
                    &src,
                    n,
                    &packed,
                    Outputs::from_bias(&bias),
                    &mut rows,
                );
                let want = naive(&filled, &src, &weight, k, m);
                assert_eq!(dst, want, "{kernel:?} ({n},{k},{m}) with a bias");
            }
        }
    }

    #[test]
    fn an_input_quantised_in_pieces_gives_the_same_product() {
        let (n, k, m) = (70, 100, 40);
        let src = data(n * k, 37, 101, 0.013);
        let weight = data(m * k, 53, 97, 0.007);
        let packed = Int8Weight::new(&weight, k, m);
        for kernel in kernels() {
            let mut whole = vec![0.25f32; n * m];
            let out = Outputs::default();
            accumulate(
                kernel,
                &mut whole,
                &src,
                n,
                &packed,
                out,
                &mut QuantisedRows::default(),
            );
            let mut rows = QuantisedRows::default();
            let sink = RowSink::new(&mut rows, n, &packed);
            for (first, count) in [(64, 6), (0, 32), (45, 19), (32, 13)] {
                // SAFETY: one thread, disjoint rows, the rows read only afterwards
                unsafe { sink.quantise(first, &src[first * k..(first + count) * k]) };
            }
            let mut pieces = vec![0.25f32; n * m];
            multiply_quantised(kernel, &mut pieces, &rows, n, &packed, out);
            assert_eq!(pieces, whole, "{kernel:?}");
        }
    }

    /// The quantised product stays close to the real one: within a few hundredths of the
    /// products' scale on values like a layer's.
    #[test]
    fn the_product_is_close_to_f32() {
        let (n, k, m) = (20, 384, 96);
        let src = data(n * k, 37, 101, 0.013);
        let weight = data(m * k, 53, 97, 0.007);
        let packed = Int8Weight::new(&weight, k, m);
        let mut dst = vec![0.0; n * m];
        accumulate(
            kernel(),
            &mut dst,
            &src,
            n,
            &packed,
            Outputs::default(),
            &mut QuantisedRows::default(),
        );
        let exact = crate::bf16::naive_product(&src, &weight, n, k, m);
        let scale = exact.iter().fold(0.0f32, |a, &b| a.max(b.abs()));
        for (got, want) in dst.iter().zip(&exact) {
            assert!(
                (got - want).abs() <= 0.02 * scale,
                "{got} vs {want} (scale {scale})"
            );
        }
    }

    #[test]
    fn zero_and_non_finite_rows_do_not_poison_the_others() {
        let (k, m) = (64, 16);
        let weight = data(m * k, 53, 97, 0.007);
        let packed = Int8Weight::new(&weight, k, m);
        let mut src = data(3 * k, 37, 101, 0.013);
        src[..k].fill(0.0);
        src[k] = f32::INFINITY;
        for kernel in kernels() {
            let mut dst = vec![1.0; 3 * m];
            accumulate(
                kernel,
                &mut dst,
                &src,
                3,
                &packed,
                Outputs::default(),
                &mut QuantisedRows::default(),
            );
            assert!(dst[..m].iter().all(|&v| v == 1.0), "{kernel:?}");
            assert!(
                dst[2 * m..].iter().all(|v| v.is_finite() && *v != 1.0),
                "{kernel:?}"
            );
        }
    }

    #[test]
    fn kernels_parse_by_name() {
        for k in Int8Kernel::ALL {
            assert_eq!(k.name().parse::<Int8Kernel>(), Ok(k));
        }
        assert!("vnni".parse::<Int8Kernel>().is_err());
        assert!(Int8Kernel::Generic.supported());
    }
}
