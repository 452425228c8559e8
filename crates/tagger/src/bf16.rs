//! bf16 matrix products for the dense layers of the fused encoder.
//!
//! In bf16 precision every operand of a dense layer (weights and activations) is rounded to
//! bfloat16 (8 bits of mantissa, round to nearest even) and the products are summed in f32.
//! On CPUs with Intel AMX (Sapphire Rapids and later) that runs on the tile unit: one
//! `TDPBF16PS` multiplies a 16×32 bf16 block by a 32×16 one into 16×16 f32 sums, about ten
//! times the f32 rate of AVX-512 on the encoder's shapes (`claimx bench-matmul`). Elsewhere
//! the same rounding is applied and the product runs in f32 with `gemm`, so labels do not
//! depend on the machine beyond the order of summation.
//!
//! Weights are packed once at load into the tile layout AMX reads (pairs of consecutive
//! inputs interleaved per output column); activations are rounded and padded to whole
//! 32-row, 32-column blocks per product. AMX state is per thread: every rayon task loads
//! the tile configuration and releases the tiles when it is done.
use std::sync::OnceLock;

use rayon::prelude::*;

/// The bf16 nearest to `x` (round to nearest, ties to even), as its bit pattern.
#[inline(always)]
pub(crate) fn round(x: f32) -> u16 {
    let u = x.to_bits();
    if x.is_nan() {
        // keep it a NaN: truncation could clear every mantissa bit left
        return ((u >> 16) | 0x40) as u16;
    }
    (u.wrapping_add(0x7fff + ((u >> 16) & 1)) >> 16) as u16
}

/// `x` rounded to the nearest bf16 value, kept as f32.
#[inline(always)]
pub(crate) fn round_f32(x: f32) -> f32 {
    f32::from_bits((round(x) as u32) << 16)
}

/// One 64-byte row of an AMX tile: 32 bf16 values.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
pub(crate) struct Line([u16; 32]);

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

/// `src[n, k]` rounded to bf16 into `lines`, `k` padded with zeros to `k_blocks × 32`
/// columns and `n` to whole 32-row blocks.
fn round_rows(src: &[f32], n: usize, k: usize, k_blocks: usize, lines: &mut Vec<Line>) {
    lines.clear();
    lines.resize(n.div_ceil(32) * 32 * k_blocks, ZERO_LINE);
    lines[..n * k_blocks]
        .par_chunks_mut(32 * k_blocks)
        .zip(src[..n * k].par_chunks(32 * k))
        .for_each(|(dst, src)| round_block(dst, src, k, k_blocks));
}

crate::kernels::multiversion! {
    /// Rows of `src` (`k` long) rounded into rows of `k_blocks` lines of `dst`.
    pub fn round_block(dst: &mut [Line], src: &[f32], k: usize, k_blocks: usize) => round_block_generic
}

#[inline(always)]
fn round_block_generic(dst: &mut [Line], src: &[f32], k: usize, k_blocks: usize) {
    for (row, src) in dst.chunks_exact_mut(k_blocks).zip(src.chunks_exact(k)) {
        for (line, src) in row.iter_mut().zip(src.chunks(32)) {
            for (d, &s) in line.0.iter_mut().zip(src) {
                *d = round(s);
            }
        }
    }
}

/// `dst[n, outputs] += bf16(src[n, inputs]) · bf16(weight)ᵀ` with AMX, threaded over the
/// current rayon pool. `lines` is scratch for the rounded `src`.
///
/// # Panics
/// If [`amx`] is false or the slices are shorter than the shapes say.
pub(crate) fn accumulate_amx(
    dst: &mut [f32],
    src: &[f32],
    n: usize,
    weight: &PackedWeight,
    lines: &mut Vec<Line>,
) {
    assert!(amx(), "AMX bf16 is not available");
    let (k, outputs) = (weight.inputs, weight.outputs);
    assert!(dst.len() >= n * outputs && src.len() >= n * k);
    round_rows(src, n, k, weight.k_blocks, lines);
    let a: &[Line] = lines;
    dst[..n * outputs]
        .par_chunks_mut(32 * outputs)
        .enumerate()
        .for_each(|(b, dst)| {
            let a = &a[b * 32 * weight.k_blocks..(b + 1) * 32 * weight.k_blocks];
            // SAFETY: amx() checked the CPU, the OS permission and AVX-512; `a` holds 32
            // rows of k_blocks lines each and `dst` whole rows of `outputs`.
            unsafe { amx_block(dst, a, weight) }
        });
}

#[repr(C, align(64))]
struct TileConfig([u8; 64]);

/// Palette 1, tiles 0–7 each 16 rows of 64 bytes.
const TILE_CONFIG: TileConfig = {
    let mut c = [0u8; 64];
    c[0] = 1;
    let mut t = 0;
    while t < 8 {
        c[16 + 2 * t] = 64;
        c[48 + t] = 16;
        t += 1;
    }
    TileConfig(c)
};

/// One 32-row block: for each 32-column block of outputs, tiles 0–3 sum the 2×2 16×16
/// quarters over all inputs (A rows in tiles 4–5, weight columns in tiles 6–7), then the
/// sums are added to `dst`.
///
/// # Safety
/// AMX-BF16 and AVX-512F present and the tile state granted; `a` is 32 rows of
/// `weight.k_blocks` lines; `dst` holds at most 32 rows of `weight.outputs`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn amx_block(dst: &mut [f32], a: &[Line], weight: &PackedWeight) {
    use std::arch::asm;
    #[repr(C, align(64))]
    struct Sums([f32; 32 * 32]);
    let mut sums = Sums([0.0; 32 * 32]);
    let outputs = weight.outputs;
    let rows = dst.len() / outputs;
    let kb = weight.k_blocks;
    let a_stride = kb * 64;
    let a0 = a.as_ptr();
    // SAFETY (all asm below): tile loads read 16 lines inside `a` (rows r..r+16 at stride
    // a_stride), one packed tile of `weight`, or a 16 × 16 quarter of a whole 32 × 32 block
    // of `dst` or of `sums`; stores write the same quarters. The tile registers are used by
    // nothing else in this thread.
    unsafe {
        let a1 = a0.add(16 * kb);
        asm!("ldtilecfg [{}]", in(reg) TILE_CONFIG.0.as_ptr(), options(nostack, readonly));
        for jb in 0..outputs.div_ceil(32) {
            let b0 = weight.tiles.as_ptr().add(2 * jb * kb * 16);
            let b1 = b0.add(kb * 16);
            // whole 32 × 32 blocks of `dst` go through the tiles directly; a ragged edge is
            // copied into `sums` (zeros around it) and back, so that every element starts from
            // its `dst` value and adds the products in the same order wherever its row falls
            // in the batch
            let direct = rows == 32 && (jb + 1) * 32 <= outputs;
            let cols = (outputs - jb * 32).min(32);
            let (c, c_stride) = if direct {
                (dst.as_mut_ptr().add(jb * 32), outputs)
            } else {
                sums.0.fill(0.0);
                for r in 0..rows {
                    sums.0[r * 32..r * 32 + cols]
                        .copy_from_slice(&dst[r * outputs + jb * 32..][..cols]);
                }
                (sums.0.as_mut_ptr(), 32)
            };
            asm!(
                "tileloadd tmm0, [{c0} + {st}*1]",
                "tileloadd tmm1, [{c1} + {st}*1]",
                "tileloadd tmm2, [{c2} + {st}*1]",
                "tileloadd tmm3, [{c3} + {st}*1]",
                c0 = in(reg) c,
                c1 = in(reg) c.add(16),
                c2 = in(reg) c.add(16 * c_stride),
                c3 = in(reg) c.add(16 * c_stride + 16),
                st = in(reg) c_stride * 4,
                options(nostack, readonly)
            );
            for k in 0..kb {
                asm!(
                    "tileloadd tmm4, [{a0} + {sa}*1]",
                    "tileloadd tmm5, [{a1} + {sa}*1]",
                    "tileloadd tmm6, [{b0} + {sb}*1]",
                    "tileloadd tmm7, [{b1} + {sb}*1]",
                    "tdpbf16ps tmm0, tmm4, tmm6",
                    "tdpbf16ps tmm1, tmm4, tmm7",
                    "tdpbf16ps tmm2, tmm5, tmm6",
                    "tdpbf16ps tmm3, tmm5, tmm7",
                    a0 = in(reg) a0.add(k),
                    a1 = in(reg) a1.add(k),
                    b0 = in(reg) b0.add(k * 16),
                    b1 = in(reg) b1.add(k * 16),
                    sa = in(reg) a_stride,
                    sb = in(reg) 64usize,
                    options(nostack, readonly)
                );
            }
            asm!(
                "tilestored [{c0} + {st}*1], tmm0",
                "tilestored [{c1} + {st}*1], tmm1",
                "tilestored [{c2} + {st}*1], tmm2",
                "tilestored [{c3} + {st}*1], tmm3",
                c0 = in(reg) c,
                c1 = in(reg) c.add(16),
                c2 = in(reg) c.add(16 * c_stride),
                c3 = in(reg) c.add(16 * c_stride + 16),
                st = in(reg) c_stride * 4,
                options(nostack)
            );
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
unsafe fn amx_block(_: &mut [f32], _: &[Line], _: &PackedWeight) {
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
    #[test]
    fn amx_rows_do_not_depend_on_their_batch() {
        if !amx() {
            eprintln!("no AMX bf16 on this machine");
            return;
        }
        let (k, m) = (96, 64);
        let weight: Vec<f32> = (0..m * k)
            .map(|i| ((i * 53 % 97) as f32 - 48.0) * 0.007)
            .collect();
        let packed = PackedWeight::new(&weight, k, m);
        let src: Vec<f32> = (0..40 * k)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) * 0.013)
            .collect();
        let start: Vec<f32> = (0..40 * m).map(|i| (i % 13) as f32 * 0.31).collect();
        let mut batch = start.clone();
        accumulate_amx(&mut batch, &src, 40, &packed, &mut Vec::new());
        for row in [0, 33] {
            let mut alone = start[row * m..(row + 1) * m].to_vec();
            accumulate_amx(
                &mut alone,
                &src[row * k..(row + 1) * k],
                1,
                &packed,
                &mut Vec::new(),
            );
            assert_eq!(alone, batch[row * m..(row + 1) * m], "row {row}");
        }
    }

    #[test]
    fn amx_product_matches_the_rounded_operands() {
        if !amx() {
            eprintln!("no AMX bf16 on this machine: the f32 emulation is tested in encoder");
            return;
        }
        // ragged shapes: rows, inputs and outputs not multiples of the 32-blocks
        for &(n, k, m) in &[(1, 384, 1152), (45, 40, 70), (77, 384, 9), (64, 1536, 384)] {
            let src: Vec<f32> = (0..n * k)
                .map(|i| ((i * 37 % 101) as f32 - 50.0) * 0.013)
                .collect();
            let weight: Vec<f32> = (0..m * k)
                .map(|i| ((i * 53 % 97) as f32 - 48.0) * 0.007)
                .collect();
            let packed = PackedWeight::new(&weight, k, m);
            let mut dst = vec![0.5f32; n * m];
            let mut lines = Vec::new();
            accumulate_amx(&mut dst, &src, n, &packed, &mut lines);
            let want = naive_product(&src, &weight, n, k, m);
            for (i, (&got, &want)) in dst.iter().zip(&want).enumerate() {
                assert!(
                    (got - 0.5 - want).abs() <= 1e-4 * (1.0 + want.abs()),
                    "({n},{k},{m}) element {i}: {got} vs {want} + 0.5"
                );
            }
        }
    }
}
