//! bf16 matrix products for the dense layers of the fused encoder.
//!
//! In bf16 precision every operand of a dense layer (weights and activations) is rounded to
//! bfloat16 (8 bits of mantissa, round to nearest even) and the products are summed in f32.
//! Which unit multiplies is chosen at run time ([`kernel`]):
//! - [`Bf16Kernel::Amx`], Intel AMX (Sapphire Rapids and later): one `TDPBF16PS` multiplies
//!   a 16×32 bf16 block by a 32×16 one into 16×16 f32 sums, about ten times the f32 rate of
//!   AVX-512 on the encoder's shapes (`claimx bench-matmul`);
//! - [`Bf16Kernel::Avx512Bf16`], AVX-512 BF16 (AMD Zen 4 and 5, Intel Cooper Lake and later,
//!   which CPUs without AMX have): one `VDPBF16PS` adds 16 products of bf16 pairs to 16 f32
//!   sums, over the same packed weights;
//! - [`Bf16Kernel::Gemm`] everywhere else: the same rounding, the product in f32 with `gemm`.
//!
//! `CLAIMX_BF16_KERNEL=amx|avx512-bf16|gemm` forces one the CPU supports, so that each path
//! can be measured and tested on a machine that has several. Labels do not depend on the
//! kernel beyond the order of summation.
//!
//! Weights are packed once at load into the tile layout AMX reads (pairs of consecutive
//! inputs interleaved per output column); activations are rounded and padded to whole
//! 32-row, 32-column blocks per product. AMX state is per thread: every rayon task loads
//! the tile configuration and releases the tiles when it is done.
use std::sync::OnceLock;

use rayon::prelude::*;

/// The bf16 nearest to `x` (round to nearest, ties to even), as its bit pattern; a
/// subnormal `x` becomes a zero of its sign, as `VCVTNE2PS2BF16` makes it (and as AMX and
/// `VDPBF16PS` read a subnormal bf16 operand anyway), so that every conversion path gives the
/// same bits.
#[inline(always)]
pub(crate) fn round(x: f32) -> u16 {
    let u = x.to_bits();
    if x.is_nan() {
        // keep it a NaN: truncation could clear every mantissa bit left
        return ((u >> 16) | 0x40) as u16;
    }
    if x.is_subnormal() {
        return ((u >> 16) & 0x8000) as u16;
    }
    (u.wrapping_add(0x7fff + ((u >> 16) & 1)) >> 16) as u16
}

/// `x` rounded to the nearest bf16 value, kept as f32.
#[inline(always)]
pub(crate) fn round_f32(x: f32) -> f32 {
    f32::from_bits((round(x) as u32) << 16)
}

/// One 64-byte row of an AMX tile: 32 bf16 values.
///
/// A product's input is held as lines grouped by 16 rows: for each group, its rows' first
/// lines (inputs 0–31), then their second lines, and so on ([`line_of`]), so that the 16
/// lines of an A tile lie one after another (one kilobyte, like a packed weight tile) instead
/// of a row's length apart: at 1,536 inputs a row is 3 KB, and 16 rows at that stride fall
/// into 4 of the L1 cache's 64 sets.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
pub(crate) struct Line([u16; 32]);

/// Where line `j` of row `row` lies among rows of `k_blocks` lines grouped by 16 rows (see
/// [`Line`]).
#[inline(always)]
fn line_of(row: usize, j: usize, k_blocks: usize) -> usize {
    ((row / 16) * k_blocks + j) * 16 + row % 16
}

const ZERO_LINE: Line = Line([0; 32]);

/// Whether this process may use AMX bf16 tiles: the CPU has them and Linux granted the
/// tile state (`arch_prctl(ARCH_REQ_XCOMP_PERM)`, needed once per process). Where it is
/// false, bf16 products are rounded operands multiplied in f32.
pub fn amx() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(detect_amx)
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn detect_amx() -> bool {
    let leaf7 = std::arch::x86_64::__cpuid_count(7, 0);
    let (amx_bf16, amx_tile) = (leaf7.edx & (1 << 22) != 0, leaf7.edx & (1 << 24) != 0);
    if !(amx_bf16 && amx_tile && std::is_x86_feature_detected!("avx512f")) {
        return false;
    }
    const ARCH_REQ_XCOMP_PERM: libc::c_long = 0x1023;
    const XFEATURE_XTILEDATA: libc::c_long = 18;
    // SAFETY: a request for permission; it changes nothing but the process's allowed
    // XSAVE features.
    unsafe {
        libc::syscall(
            libc::SYS_arch_prctl,
            ARCH_REQ_XCOMP_PERM,
            XFEATURE_XTILEDATA,
        ) == 0
    }
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
fn detect_amx() -> bool {
    false
}

/// Whether the CPU has AVX-512 BF16 (`VDPBF16PS`) and AVX-512F.
pub fn avx512_bf16() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bf16")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The unit that multiplies bf16 operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bf16Kernel {
    /// Intel AMX tiles (`TDPBF16PS`).
    Amx,
    /// AVX-512 BF16 (`VDPBF16PS`).
    Avx512Bf16,
    /// Operands rounded to bf16, multiplied in f32 with `gemm` (AVX-512F or AVX2/FMA).
    Gemm,
}

impl Bf16Kernel {
    /// Every kernel.
    pub const ALL: [Bf16Kernel; 3] = [Bf16Kernel::Amx, Bf16Kernel::Avx512Bf16, Bf16Kernel::Gemm];

    /// Whether this process can run the kernel. (Whether it is the fastest is [`kernel`]'s
    /// choice.)
    pub fn supported(self) -> bool {
        match self {
            Bf16Kernel::Amx => amx(),
            Bf16Kernel::Avx512Bf16 => avx512_bf16(),
            Bf16Kernel::Gemm => true,
        }
    }

    /// The kernel's name, as `CLAIMX_BF16_KERNEL` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Bf16Kernel::Amx => "amx",
            Bf16Kernel::Avx512Bf16 => "avx512-bf16",
            Bf16Kernel::Gemm => "gemm",
        }
    }

    /// Whether the kernel reads [`PackedWeight`]s (else rounded f32 weights).
    pub(crate) fn packed(self) -> bool {
        self != Bf16Kernel::Gemm
    }
}

impl std::str::FromStr for Bf16Kernel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Bf16Kernel::ALL
            .into_iter()
            .find(|k| k.name() == s.trim().to_lowercase())
            .ok_or_else(|| format!("unknown bf16 kernel `{s}` (amx, avx512-bf16, gemm)"))
    }
}

impl crate::dispatch::KernelFamily for Bf16Kernel {
    const FORMAT: &'static str = "bf16";
    const VARIABLE: &'static str = "CLAIMX_BF16_KERNEL";
    fn runs_here(self) -> bool {
        self.supported()
    }
    fn label(self) -> &'static str {
        self.name()
    }
}

/// Whether the CPU is AMD's. On an AMD EPYC Zen 4, PyTorch's bf16 products (oneDNN on
/// AVX-512 BF16) ran at 447 GFLOP/s against 210 in f32, and on a Zen 5 claimx's own
/// `VDPBF16PS` kernel at 798 against `gemm`'s 398 on the same rounded operands (2 threads,
/// `docs/performance.md`): the instruction pays there. On an Intel Xeon (with AMX) `VDPBF16PS`
/// ran at half the f32 FMA rate (97 against 203 GFLOP/s per core), so an Intel CPU without AMX
/// multiplies the rounded operands faster with `gemm` in f32.
fn amd() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        let leaf0 = std::arch::x86_64::__cpuid(0);
        // "AuthenticAMD" in ebx, edx, ecx
        (leaf0.ebx, leaf0.edx, leaf0.ecx) == (0x6874_7541, 0x6974_6e65, 0x444d_4163)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The kernel of this process's bf16 products: the one `CLAIMX_BF16_KERNEL` names if the CPU
/// supports it, else the fastest it supports — AMX, then AVX-512 BF16 on AMD CPUs (see
/// [`amd`]), then `gemm` (a forced kernel it lacks is reported on stderr once and replaced).
/// Fixed for the process, so that its labels do not change from call to call.
pub fn kernel() -> Bf16Kernel {
    static CHOSEN: OnceLock<Bf16Kernel> = OnceLock::new();
    *CHOSEN.get_or_init(|| {
        let best = if amx() {
            Bf16Kernel::Amx
        } else if avx512_bf16() && amd() {
            Bf16Kernel::Avx512Bf16
        } else {
            Bf16Kernel::Gemm
        };
        crate::dispatch::forced_or(best)
    })
}

/// A dense layer's weight `[outputs, inputs]` in AMX's B-operand layout: for every 16-column
/// block of outputs and 32-row block of inputs one 16-line tile whose line `r` holds, for
/// each of the 16 outputs, inputs `2r` and `2r + 1`. Inputs and outputs are padded with
/// zeros to whole blocks (32 inputs, 32 outputs).
pub(crate) struct PackedWeight {
    tiles: Vec<Line>,
    k_blocks: usize,
    inputs: usize,
    outputs: usize,
}

impl PackedWeight {
    pub(crate) fn new(weight: &[f32], inputs: usize, outputs: usize) -> PackedWeight {
        assert_eq!(weight.len(), inputs * outputs);
        let k_blocks = inputs.div_ceil(32);
        let n16 = outputs.div_ceil(32) * 2;
        let mut tiles = vec![ZERO_LINE; n16 * k_blocks * 16];
        for (t, tile) in tiles.chunks_exact_mut(16).enumerate() {
            let (nb, kb) = (t / k_blocks, t % k_blocks);
            for (r, line) in tile.iter_mut().enumerate() {
                for c in 0..16 {
                    let n = nb * 16 + c;
                    for e in 0..2 {
                        let k = kb * 32 + 2 * r + e;
                        if n < outputs && k < inputs {
                            line.0[2 * c + e] = round(weight[n * inputs + k]);
                        }
                    }
                }
            }
        }
        PackedWeight {
            tiles,
            k_blocks,
            inputs,
            outputs,
        }
    }
}

/// `lines` grown to hold `n` rows (padded to whole 32-row blocks) of `k_blocks` lines each.
/// Grown, never cleared: rows past `n` in the last block are computed and never stored, and
/// `round_block` writes the zeros of a row's last partial line itself (clearing the whole
/// buffer first was a pass of its own over it for every product).
fn grow_lines(lines: &mut Vec<Line>, n: usize, k_blocks: usize) {
    let padded = n.div_ceil(32) * 32 * k_blocks;
    if lines.len() < padded {
        lines.resize(padded, ZERO_LINE);
    }
}

/// `src[n, k]` rounded to bf16 into `lines`, `k` padded with zeros to `k_blocks × 32`
/// columns and `n` to whole 32-row blocks.
fn round_rows(src: &[f32], n: usize, k: usize, k_blocks: usize, lines: &mut Vec<Line>) {
    grow_lines(lines, n, k_blocks);
    lines[..n.div_ceil(16) * 16 * k_blocks]
        .par_chunks_mut(32 * k_blocks)
        .zip(src[..n * k].par_chunks(32 * k))
        .for_each(|(dst, src)| round_block(dst, src, k, k_blocks));
}

/// Rows of `src` (`k` long) rounded into rows of `k_blocks` lines of `dst` (grouped by 16
/// rows, [`Line`]; `dst` begins a group and holds the groups of every row): with
/// `VCVTNE2PS2BF16` (32 values an instruction) where the CPU has AVX-512 BF16, else in
/// plain Rust compiled per vector width; the same bits either way.
pub(crate) fn round_block(dst: &mut [Line], src: &[f32], k: usize, k_blocks: usize) {
    #[cfg(target_arch = "x86_64")]
    if avx512_bf16() {
        // SAFETY: the CPU has AVX-512F and AVX-512 BF16
        return unsafe { round_block_avx512_bf16(dst, src, k, k_blocks) };
    }
    round_block_plain(dst, src, k, k_blocks)
}

crate::kernels::multiversion! {
    /// [`round_block`] without AVX-512 BF16.
    pub fn round_block_plain(dst: &mut [Line], src: &[f32], k: usize, k_blocks: usize) => round_block_generic
}

/// [`round_block`] with `VCVTNE2PS2BF16`; a row's last partial line is read through a mask,
/// so its missing inputs become zeros.
///
/// # Safety
/// AVX-512F and AVX-512 BF16 present.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bf16")]
unsafe fn round_block_avx512_bf16(dst: &mut [Line], src: &[f32], k: usize, k_blocks: usize) {
    use crate::dispatch::tail_mask;
    use std::arch::x86_64::*;
    assert!(k <= k_blocks * 32);
    let rows = src.len() / k;
    assert!(dst.len() >= rows.div_ceil(16) * 16 * k_blocks);
    for (i, src) in src.chunks_exact(k).enumerate() {
        for (j, src) in src.chunks(32).enumerate() {
            let line = &mut dst[line_of(i, j, k_blocks)];
            let p = src.as_ptr();
            // SAFETY: the masks cover only `src`'s values (a masked-off lane is not read);
            // the line is 64 bytes, 64-byte aligned
            unsafe {
                let (lo, hi) = if src.len() == 32 {
                    (_mm512_loadu_ps(p), _mm512_loadu_ps(p.add(16)))
                } else {
                    let rest = src.len().saturating_sub(16);
                    (
                        _mm512_maskz_loadu_ps(tail_mask(src.len()), p),
                        _mm512_maskz_loadu_ps(tail_mask(rest), p.wrapping_add(16)),
                    )
                };
                let pair = _mm512_cvtne2ps_pbh(hi, lo);
                _mm512_store_si512(
                    line.0.as_mut_ptr().cast(),
                    std::mem::transmute::<__m512bh, __m512i>(pair),
                );
            }
        }
    }
}

#[inline(always)]
fn round_block_generic(dst: &mut [Line], src: &[f32], k: usize, k_blocks: usize) {
    for (i, src) in src.chunks_exact(k).enumerate() {
        for (j, src) in src.chunks(32).enumerate() {
            for (d, &s) in dst[line_of(i, j, k_blocks)].0.iter_mut().zip(src) {
                *d = round(s);
            }
        }
        // inputs past `k` multiply zero weights, but a stale NaN or infinity would not
        // give zero
        if !k.is_multiple_of(32) {
            dst[line_of(i, k_blocks - 1, k_blocks)].0[k % 32..].fill(0);
        }
    }
}

/// `dst[n, outputs] += bf16(src[n, inputs]) · bf16(weight)ᵀ` (with a bias in `out`, the
/// sums start from it instead of `dst`; `out`'s finishing step applied to each block of
/// rows) with a packed-weight kernel (AMX or AVX-512 BF16), threaded over the current rayon
/// pool in blocks of 32 rows. `lines` is scratch for the rounded `src`. Each row's sums are
/// added in the same order wherever the row falls in the batch.
///
/// # Panics
/// If the kernel is [`Bf16Kernel::Gemm`] or not supported, or the slices are shorter than
/// the shapes say.
pub(crate) fn accumulate_packed(
    kernel: Bf16Kernel,
    dst: &mut [f32],
    src: &[f32],
    n: usize,
    weight: &PackedWeight,
    out: crate::kernels::Outputs,
    lines: &mut Vec<Line>,
) {
    let (k, outputs) = (weight.inputs, weight.outputs);
    assert!(dst.len() >= n * outputs && src.len() >= n * k);
    round_rows(src, n, k, weight.k_blocks, lines);
    multiply_packed(kernel, dst, lines, n, weight, out);
}

/// [`accumulate_packed`] on an input already rounded into `a` (`n` rows of the weight's
/// `k_blocks` lines grouped by 16 rows, [`Line`], padded to whole 32-row blocks), as a
/// [`LineSink`] fills it.
///
/// # Panics
/// As [`accumulate_packed`].
pub(crate) fn multiply_packed(
    kernel: Bf16Kernel,
    dst: &mut [f32],
    a: &[Line],
    n: usize,
    weight: &PackedWeight,
    out: crate::kernels::Outputs,
) {
    let bias = out.bias;
    assert!(
        kernel.packed() && kernel.supported(),
        "bf16 kernel {} is not available",
        kernel.name()
    );
    let outputs = weight.outputs;
    assert!(dst.len() >= n * outputs && a.len() >= n.div_ceil(32) * 32 * weight.k_blocks);
    assert!(bias.is_none_or(|b| b.len() == outputs));
    dst[..n * outputs]
        .par_chunks_mut(32 * outputs)
        .enumerate()
        .for_each(|(b, dst)| {
            let a = &a[b * 32 * weight.k_blocks..(b + 1) * 32 * weight.k_blocks];
            // SAFETY: `supported()` checked the CPU (and for AMX the OS permission and
            // AVX-512); `a` holds 32 rows of k_blocks lines each and `dst` whole rows of
            // `outputs`, at most 32.
            unsafe {
                match kernel {
                    Bf16Kernel::Amx => amx_block(dst, a, weight, bias),
                    _ => avx512_block(dst, a, weight, bias),
                }
            }
            out.finish(b * 32, dst);
        });
}

/// Tile lines that blocks of rows are rounded into by several tasks at once: the input of
/// the feed-forward's down product, made in the task where GELU produced it (see
/// `kernels::Outputs`), then multiplied with [`multiply_packed`].
pub(crate) struct LineSink {
    lines: *mut Line,
    rows: usize,
    k: usize,
    k_blocks: usize,
}

// SAFETY: the tasks write disjoint rows (`round`'s contract) and nothing reads the lines
// until they are done.
unsafe impl Send for LineSink {}
unsafe impl Sync for LineSink {}

impl LineSink {
    /// `lines` grown to hold `n` rows of `weight`'s inputs ([`grow_lines`]).
    pub(crate) fn new(lines: &mut Vec<Line>, n: usize, weight: &PackedWeight) -> LineSink {
        grow_lines(lines, n, weight.k_blocks);
        LineSink {
            lines: lines.as_mut_ptr(),
            rows: n,
            k: weight.inputs,
            k_blocks: weight.k_blocks,
        }
    }

    /// Rows `first..` of the input (`src`: whole rows of the weight's inputs) rounded in.
    ///
    /// # Safety
    /// No other task touches these rows meanwhile, and the `Vec` given to [`LineSink::new`]
    /// is neither moved, resized nor read until every task is done.
    pub(crate) unsafe fn round(&self, first: usize, src: &[f32]) {
        let count = src.len() / self.k;
        assert!(first + count <= self.rows && src.len() == count * self.k);
        // rows are handed over in whole groups of 16 ([`Line`]), the last one maybe partly
        assert!(
            first.is_multiple_of(16) && (count.is_multiple_of(16) || first + count == self.rows)
        );
        // SAFETY: inside the grown buffer (first + count ≤ rows, and the buffer holds whole
        // 32-row blocks), groups of rows no one else touches
        let dst = unsafe {
            std::slice::from_raw_parts_mut(
                self.lines.add(first * self.k_blocks),
                count.div_ceil(16) * 16 * self.k_blocks,
            )
        };
        round_block(dst, src, self.k, self.k_blocks);
    }
}

/// One block of at most 32 rows with `VDPBF16PS`: 8 rows × 3 column vectors of 16 sums at a
/// time (24 of the 32 vector registers), each starting from the bias or `dst`, adding the
/// products of input pairs in order, stored back (masked at a ragged right edge). The A block
/// is padded to 32 rows with zeros, so all 8 rows are computed and only the real ones stored.
///
/// # Safety
/// AVX-512F and AVX-512 BF16 present; `a` is 32 rows of `weight.k_blocks` lines; `dst` holds
/// at most 32 rows of `weight.outputs`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bf16")]
unsafe fn avx512_block(dst: &mut [f32], a: &[Line], weight: &PackedWeight, bias: Option<&[f32]>) {
    let outputs = weight.outputs;
    assert!(bias.is_none_or(|b| b.len() >= outputs));
    let rows = dst.len() / outputs;
    let vectors = outputs.div_ceil(16);
    for r0 in (0..rows).step_by(8) {
        let mut v = 0;
        while v < vectors {
            // SAFETY: as this function's; rows r0..r0+8 lie in the 32-row block of `a`
            unsafe {
                match vectors - v {
                    1 => avx512_tile::<1>(dst, a, weight, bias, r0, v),
                    2 => avx512_tile::<2>(dst, a, weight, bias, r0, v),
                    _ => avx512_tile::<3>(dst, a, weight, bias, r0, v),
                }
            }
            v += 3;
        }
    }
}

/// Rows `r0..r0 + 8` × output vectors `v..v + C` of [`avx512_block`], the sums starting
/// from `bias` (every row) where there is one, else from what `dst` holds.
///
/// # Safety
/// As [`avx512_block`]'s, with `r0 + 8 <= 32` and `v + C` at most the output vectors.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bf16")]
#[inline]
unsafe fn avx512_tile<const C: usize>(
    dst: &mut [f32],
    a: &[Line],
    weight: &PackedWeight,
    bias: Option<&[f32]>,
    r0: usize,
    v: usize,
) {
    use std::arch::x86_64::*;
    let outputs = weight.outputs;
    let rows = (dst.len() / outputs - r0).min(8);
    let kb = weight.k_blocks;
    // the columns of each output vector that exist (a ragged edge is masked)
    let masks: [__mmask16; C] =
        std::array::from_fn(|j| crate::dispatch::tail_mask(outputs - (v + j) * 16));
    let mut acc = [[_mm512_setzero_ps(); C]; 8];
    for (r, row) in acc.iter_mut().enumerate().take(rows) {
        // (the bias read where `dst` would be: the bits of rows filled with it first, with
        // no pass writing them)
        // SAFETY: row r0 + r < rows of `dst`
        let start = bias.map_or(
            unsafe { dst.as_ptr().add((r0 + r) * outputs) },
            <[f32]>::as_ptr,
        );
        for (j, sum) in row.iter_mut().enumerate() {
            // SAFETY: row r0 + r < rows of `dst` (or the bias, as long as a row), columns
            // masked to `outputs`
            *sum = unsafe { _mm512_maskz_loadu_ps(masks[j], start.add((v + j) * 16)) };
        }
    }
    assert!(a.len() >= (r0 + 8) * kb && weight.tiles.len() >= (v + C) * kb * 16);
    for k in 0..kb {
        // the packed tile of each output vector for this block of 32 inputs: 16 lines, line
        // `p` holding inputs 2p and 2p + 1 of the vector's 16 outputs
        // SAFETY (pointers below): inside `weight.tiles` and `a` by the assert
        let tiles: [*const Line; C] =
            std::array::from_fn(|j| unsafe { weight.tiles.as_ptr().add(((v + j) * kb + k) * 16) });
        // each row's line for these inputs, read as 16 pairs of bf16
        let pairs: [*const i32; 8] = std::array::from_fn(|r| unsafe {
            a.as_ptr().add(line_of(r0 + r, k, kb)) as *const i32
        });
        for p in 0..16 {
            // SAFETY: line p of a 16-line tile; lines are 64-byte aligned
            let b: [__m512bh; C] = std::array::from_fn(|j| unsafe {
                std::mem::transmute::<__m512i, __m512bh>(_mm512_load_si512(
                    tiles[j].add(p) as *const __m512i
                ))
            });
            for (row, &line) in acc.iter_mut().zip(&pairs) {
                // inputs 2p, 2p + 1 of the row, broadcast as one 32-bit pair
                // SAFETY: pair p of a 64-byte line, 4-byte aligned
                let pair = std::mem::transmute::<__m512i, __m512bh>(_mm512_set1_epi32(unsafe {
                    *line.add(p)
                }));
                for (sum, &b) in row.iter_mut().zip(&b) {
                    *sum = _mm512_dpbf16_ps(*sum, pair, b);
                }
            }
        }
    }
    for (r, row) in acc.iter().enumerate().take(rows) {
        for (j, &sum) in row.iter().enumerate() {
            // SAFETY: as the loads
            unsafe {
                _mm512_mask_storeu_ps(
                    dst.as_mut_ptr().add((r0 + r) * outputs + (v + j) * 16),
                    masks[j],
                    sum,
                )
            };
        }
    }
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn avx512_block(_: &mut [f32], _: &[Line], _: &PackedWeight, _: Option<&[f32]>) {
    unreachable!("AVX-512 BF16 is x86-64 only")
}

#[repr(C, align(64))]
pub(crate) struct TileConfig(pub(crate) [u8; 64]);

/// Palette 1 with the tiles sized for a block of `upper + lower` rows (`upper` ≤ 16): tiles
/// 0 and 1 (sums) and 4 (inputs) hold the first `upper` rows, tiles 2, 3 and 5 the `lower`
/// rows after them (left unconfigured when there are none), tiles 6 and 7 (weights) 16 rows
/// of input pairs; every row 64 bytes.
const fn tile_config(upper: usize, lower: usize) -> TileConfig {
    let mut c = [0u8; 64];
    c[0] = 1;
    let mut t = 0;
    while t < 8 {
        let rows = match t {
            0 | 1 | 4 => upper,
            2 | 3 | 5 => lower,
            _ => 16,
        };
        if rows > 0 {
            c[16 + 2 * t] = 64;
            c[48 + t] = rows as u8;
        }
        t += 1;
    }
    TileConfig(c)
}

/// Palette 1, tiles 0–7 each 16 rows of 64 bytes: the int8 kernel's whole 32-row blocks.
pub(crate) const TILE_CONFIG: TileConfig = tile_config(16, 16);

/// One block of at most 32 rows: for each 32-column block of outputs, tiles 0–3 sum the
/// 2×2 quarters (16 columns wide, the block's first 16 rows and the rest) over all inputs
/// (A rows in tiles 4–5, weight columns in tiles 6–7), starting from `dst` or, given one,
/// from `bias` (every tile row loaded from the same 64 bytes: a stride of 0), then are
/// stored to `dst`. The tiles are configured with as many rows as the block has, so that a
/// short block (a sentence's words in the syntax heads, a batch's last rows) is read and
/// written in place and costs its rows only; the lower tiles are left out when the block
/// has 16 rows or fewer.
///
/// # Safety
/// AMX-BF16 and AVX-512F present and the tile state granted; `a` is 32 rows of
/// `weight.k_blocks` lines; `dst` holds at most 32 rows of `weight.outputs`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn amx_block(dst: &mut [f32], a: &[Line], weight: &PackedWeight, bias: Option<&[f32]>) {
    use std::arch::asm;
    #[repr(C, align(64))]
    struct Sums([f32; 32 * 32]);
    let mut sums = Sums([0.0; 32 * 32]);
    let outputs = weight.outputs;
    let rows = dst.len() / outputs;
    assert!((1..=32).contains(&rows));
    let (upper, lower) = (rows.min(16), rows.saturating_sub(16));
    let config = tile_config(upper, lower);
    let kb = weight.k_blocks;
    let a0 = a.as_ptr();
    // SAFETY (all asm below): tile loads read `upper` (tiles 0, 1, 4) or `lower` (2, 3, 5)
    // lines inside `a` (a group of 16 rows' lines for one block of inputs, one after
    // another: [`line_of`]), one packed tile of `weight`, that many rows of a 16-column
    // quarter of a whole 32-column block of `dst` (rows < `rows`) or of `sums`, or that many
    // times the same 16 floats of `bias` (whole 32-column blocks only: `bias` holds
    // `outputs` values); stores write the same quarters of `dst` or `sums`. The tiles of the
    // lower rows are touched only when there are lower rows. The tile registers are used by
    // nothing else in this thread.
    unsafe {
        let a1 = a0.add(16 * kb);
        asm!("ldtilecfg [{}]", in(reg) config.0.as_ptr(), options(nostack, readonly));
        for jb in 0..outputs.div_ceil(32) {
            let b0 = weight.tiles.as_ptr().add(2 * jb * kb * 16);
            let b1 = b0.add(kb * 16);
            // whole 32-column blocks of `dst` go through the tiles directly; a ragged edge
            // is copied into `sums` (zeros around it) and back, so that every element starts
            // from its `dst` value and adds the products in the same order wherever its row
            // falls in the batch
            let direct = (jb + 1) * 32 <= outputs;
            let cols = (outputs - jb * 32).min(32);
            let (c, c_stride) = if direct {
                (dst.as_mut_ptr().add(jb * 32), outputs)
            } else {
                sums.0.fill(0.0);
                for r in 0..rows {
                    let start = match bias {
                        Some(b) => &b[jb * 32..][..cols],
                        None => &dst[r * outputs + jb * 32..][..cols],
                    };
                    sums.0[r * 32..r * 32 + cols].copy_from_slice(start);
                }
                (sums.0.as_mut_ptr(), 32)
            };
            // the lower rows' quarters (used only when there are lower rows)
            let c_lower = c.wrapping_add(16 * c_stride);
            // where the sums start: the stored block itself, or the bias's 32 columns
            // repeated down the rows
            let (s, s_lower, s_stride) = match bias {
                Some(b) if direct => {
                    let s = b.as_ptr().add(jb * 32);
                    (s, s, 0)
                }
                _ => (c.cast_const(), c_lower.cast_const(), c_stride),
            };
            asm!(
                "tileloadd tmm0, [{c0} + {st}*1]",
                "tileloadd tmm1, [{c1} + {st}*1]",
                c0 = in(reg) s,
                c1 = in(reg) s.wrapping_add(16),
                st = in(reg) s_stride * 4,
                options(nostack, readonly)
            );
            if lower > 0 {
                asm!(
                    "tileloadd tmm2, [{c2} + {st}*1]",
                    "tileloadd tmm3, [{c3} + {st}*1]",
                    c2 = in(reg) s_lower,
                    c3 = in(reg) s_lower.wrapping_add(16),
                    st = in(reg) s_stride * 4,
                    options(nostack, readonly)
                );
            }
            for k in 0..kb {
                // loads between the products (as oneDNN orders them): the first product of
                // a step waits for two tile loads, not four; the lower rows' two products
                // follow only where the block has lower rows (the tiles stay loaded between
                // the two asm blocks: the compiler does not use tile registers)
                asm!(
                    "tileloadd tmm4, [{a0} + {sa}*1]",
                    "tileloadd tmm6, [{b0} + {sb}*1]",
                    "tdpbf16ps tmm0, tmm4, tmm6",
                    "tileloadd tmm7, [{b1} + {sb}*1]",
                    "tdpbf16ps tmm1, tmm4, tmm7",
                    a0 = in(reg) a0.add(k * 16),
                    b0 = in(reg) b0.add(k * 16),
                    b1 = in(reg) b1.add(k * 16),
                    sa = in(reg) 64usize,
                    sb = in(reg) 64usize,
                    options(nostack, readonly)
                );
                if lower > 0 {
                    asm!(
                        "tileloadd tmm5, [{a1} + {sa}*1]",
                        "tdpbf16ps tmm2, tmm5, tmm6",
                        "tdpbf16ps tmm3, tmm5, tmm7",
                        a1 = in(reg) a1.add(k * 16),
                        sa = in(reg) 64usize,
                        options(nostack, readonly)
                    );
                }
            }
            asm!(
                "tilestored [{c0} + {st}*1], tmm0",
                "tilestored [{c1} + {st}*1], tmm1",
                c0 = in(reg) c,
                c1 = in(reg) c.add(16),
                st = in(reg) c_stride * 4,
                options(nostack)
            );
            if lower > 0 {
                asm!(
                    "tilestored [{c2} + {st}*1], tmm2",
                    "tilestored [{c3} + {st}*1], tmm3",
                    c2 = in(reg) c_lower,
                    c3 = in(reg) c_lower.wrapping_add(16),
                    st = in(reg) c_stride * 4,
                    options(nostack)
                );
            }
            if !direct {
                for r in 0..rows {
                    dst[r * outputs + jb * 32..][..cols]
                        .copy_from_slice(&sums.0[r * 32..r * 32 + cols]);
                }
            }
        }
        asm!("tilerelease", options(nostack, nomem));
    }
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn amx_block(_: &mut [f32], _: &[Line], _: &PackedWeight, _: Option<&[f32]>) {
    unreachable!("AMX is x86-64 only")
}

/// The bf16 product computed naively for tests: `src[n, k] · weight[m, k]ᵀ` with rounded
/// operands, summed in f64.
#[cfg(test)]
pub(crate) fn naive_product(src: &[f32], weight: &[f32], n: usize, k: usize, m: usize) -> Vec<f32> {
    let mut out = vec![0.0f32; n * m];
    for i in 0..n {
        for j in 0..m {
            let s: f64 = (0..k)
                .map(|t| round_f32(src[i * k + t]) as f64 * round_f32(weight[j * k + t]) as f64)
                .sum();
            out[i * m + j] = s as f32;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::runnable;
    use crate::kernels::Outputs;

    #[test]
    fn rounding_is_to_nearest_even() {
        assert_eq!(round(1.0), 0x3f80);
        // 1 + 2^-8 lies halfway between 1 and 1 + 2^-7: ties go to the even mantissa (1.0)
        assert_eq!(round(1.0 + 1.0 / 256.0), 0x3f80);
        // 1 + 3·2^-8 is halfway between 1 + 2^-7 and 1 + 2^-6: even is 1 + 2^-6
        assert_eq!(round(1.0 + 3.0 / 256.0), 0x3f82);
        assert_eq!(
            round_f32(1.0 + 1.0 / 512.0 + 1.0 / 256.0),
            1.0 + 1.0 / 128.0
        );
        assert_eq!(round_f32(-2.5), -2.5);
        assert!(round_f32(f32::NAN).is_nan());
        assert_eq!(round_f32(f32::INFINITY), f32::INFINITY);
        assert_eq!(round_f32(f32::MAX), f32::INFINITY);
    }

    /// A row's result does not depend on the rows batched with it: the same bits whether
    /// it lands in a whole 32-row block or in the ragged last one.
    /// The kernels with packed weights this CPU runs; the others are reported as skipped.
    fn packed_kernels() -> Vec<Bf16Kernel> {
        Bf16Kernel::ALL
            .into_iter()
            .filter(|k| k.packed() && runnable(*k))
            .collect()
    }

    #[test]
    fn rows_do_not_depend_on_their_batch() {
        let (k, m) = (96, 64);
        let weight: Vec<f32> = (0..m * k)
            .map(|i| ((i * 53 % 97) as f32 - 48.0) * 0.007)
            .collect();
        let packed = PackedWeight::new(&weight, k, m);
        let src: Vec<f32> = (0..40 * k)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) * 0.013)
            .collect();
        let start: Vec<f32> = (0..40 * m).map(|i| (i % 13) as f32 * 0.31).collect();
        for kernel in packed_kernels() {
            let mut batch = start.clone();
            accumulate_packed(
                kernel,
                &mut batch,
                &src,
                40,
                &packed,
                Outputs::default(),
                &mut Vec::new(),
            );
            for row in [0, 33] {
                let mut alone = start[row * m..(row + 1) * m].to_vec();
                accumulate_packed(
                    kernel,
                    &mut alone,
                    &src[row * k..(row + 1) * k],
                    1,
                    &packed,
                    Outputs::default(),
                    &mut Vec::new(),
                );
                assert_eq!(alone, batch[row * m..(row + 1) * m], "{kernel:?} row {row}");
            }
        }
    }

    #[test]
    fn packed_products_match_the_rounded_operands() {
        // ragged shapes: rows, inputs and outputs not multiples of the blocks (32 rows and
        // inputs, 8 rows and 48 outputs for AVX-512); one scratch for every product, as the
        // encoder reuses it, with a NaN left where a later product's padding lies
        let mut lines = vec![Line([0x7fc0; 32]); 4096];
        for kernel in packed_kernels() {
            for &(n, k, m) in &[
                (1, 384, 1152),
                (45, 40, 70),
                (77, 384, 9),
                (64, 1536, 384),
                (13, 64, 33),
                // blocks of more than 16 rows and fewer than 32 (AMX's lower tiles short)
                (20, 96, 64),
                (50, 100, 72),
            ] {
                let src: Vec<f32> = (0..n * k)
                    .map(|i| ((i * 37 % 101) as f32 - 50.0) * 0.013)
                    .collect();
                let weight: Vec<f32> = (0..m * k)
                    .map(|i| ((i * 53 % 97) as f32 - 48.0) * 0.007)
                    .collect();
                let packed = PackedWeight::new(&weight, k, m);
                let mut dst = vec![0.5f32; n * m];
                accumulate_packed(
                    kernel,
                    &mut dst,
                    &src,
                    n,
                    &packed,
                    Outputs::default(),
                    &mut lines,
                );
                let want = naive_product(&src, &weight, n, k, m);
                for (i, (&got, &want)) in dst.iter().zip(&want).enumerate() {
                    assert!(
                        (got - 0.5 - want).abs() <= 1e-4 * (1.0 + want.abs()),
                        "{kernel:?} ({n},{k},{m}) element {i}: {got} vs {want} + 0.5"
                    );
                }
                // starting from a bias: the bits of the rows filled with it first
                let bias: Vec<f32> = (0..m).map(|j| (j % 7) as f32 * 0.3 - 1.0).collect();
                let mut filled: Vec<f32> = bias.iter().copied().cycle().take(n * m).collect();
                accumulate_packed(
                    kernel,
                    &mut filled,
                    &src,
                    n,
                    &packed,
                    Outputs::default(),
                    &mut lines,
                );
                let mut from_bias = vec![f32::NAN; n * m];
                let b = Outputs::from_bias(&bias);
                accumulate_packed(kernel, &mut from_bias, &src, n, &packed, b, &mut lines);
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&from_bias), bits(&filled), "{kernel:?} ({n},{k},{m})");
            }
        }
    }

    #[test]
    fn every_rounding_path_gives_the_same_bits() {
        // ties, NaN (quiet and signalling), infinities, the largest finite value, subnormals
        // and zeros of both signs, then a spread of ordinary values; rows of 70 values: two
        // whole lines and a partial one, padded with zeros
        let special = [
            1.0 + 1.0 / 256.0,
            1.0 + 3.0 / 256.0,
            -2.5,
            f32::NAN,
            f32::from_bits(0x7f80_0001),
            f32::from_bits(0xff80_0123),
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::MAX,
            f32::MIN_POSITIVE,
            f32::from_bits(1),
            f32::from_bits(0x8000_0001),
            f32::from_bits(0x007f_ffff),
            -0.0,
            0.0,
        ];
        let (n, k): (usize, usize) = (5, 70);
        let k_blocks = k.div_ceil(32);
        let src: Vec<f32> = special
            .iter()
            .copied()
            .chain((0..).map(|i: u32| f32::from_bits(i.wrapping_mul(2_654_435_761))))
            .take(n * k)
            .collect();
        // rows grouped by 16: all rows' first lines, then their second lines, …
        let mut expected = vec![ZERO_LINE; 16 * k_blocks];
        for (r, row) in src.chunks(k).enumerate() {
            for (i, &x) in row.iter().enumerate() {
                expected[(i / 32) * 16 + r].0[i % 32] = round(x);
            }
        }
        let lines = |f: fn(&mut [Line], &[f32], usize, usize)| {
            let mut dst = vec![Line([0x7fc0; 32]); 16 * k_blocks];
            // rows past `n` in the group are not written
            for j in 0..k_blocks {
                for r in n..16 {
                    dst[j * 16 + r] = ZERO_LINE;
                }
            }
            f(&mut dst, &src, k, k_blocks);
            dst.iter().flat_map(|l| l.0).collect::<Vec<u16>>()
        };
        let want: Vec<u16> = expected.iter().flat_map(|l| l.0).collect();
        assert_eq!(lines(round_block_plain), want);
        assert_eq!(lines(round_block), want);
        if !avx512_bf16() {
            eprintln!("skipped VCVTNE2PS2BF16: this CPU has no AVX-512 BF16");
        }
    }

    #[test]
    fn an_input_rounded_in_pieces_gives_the_same_product() {
        let (n, k, m) = (70, 100, 40);
        let src: Vec<f32> = (0..n * k)
            .map(|i| ((i * 31 % 89) as f32 - 44.0) * 0.02)
            .collect();
        let weight: Vec<f32> = (0..m * k)
            .map(|i| ((i * 17 % 61) as f32 - 30.0) * 0.01)
            .collect();
        let packed = PackedWeight::new(&weight, k, m);
        for kernel in packed_kernels() {
            let mut whole = vec![0.25f32; n * m];
            let out = Outputs::default();
            accumulate_packed(kernel, &mut whole, &src, n, &packed, out, &mut Vec::new());
            // stale NaN lines where the padding lies, groups of rows handed over out of order
            let mut lines = vec![Line([0x7fc0; 32]); 8];
            let sink = LineSink::new(&mut lines, n, &packed);
            for (first, count) in [(64, 6), (0, 32), (48, 16), (32, 16)] {
                // SAFETY: one thread, disjoint rows, the lines read only afterwards
                unsafe { sink.round(first, &src[first * k..(first + count) * k]) };
            }
            let mut pieces = vec![0.25f32; n * m];
            multiply_packed(kernel, &mut pieces, &lines, n, &packed, out);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&pieces), bits(&whole), "{kernel:?}");
        }
    }

    #[test]
    fn kernels_parse_by_name() {
        for k in Bf16Kernel::ALL {
            assert_eq!(k.name().parse::<Bf16Kernel>(), Ok(k));
        }
        assert!("avx2".parse::<Bf16Kernel>().is_err());
        assert!(Bf16Kernel::Gemm.supported());
    }
}
