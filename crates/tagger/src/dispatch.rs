//! Choosing one kernel of a number format per process: the fastest the CPU runs, or the one
//! an environment variable forces, so that every path the CPU has can be measured and tested.

/// The kernels of one number format (bf16, int8).
pub(crate) trait KernelFamily: Copy + std::str::FromStr<Err = String> {
    /// The number format, as messages name it (`bf16`).
    const FORMAT: &'static str;
    /// The environment variable that forces a kernel (`CLAIMX_BF16_KERNEL`).
    const VARIABLE: &'static str;
    /// Whether this process can run the kernel.
    fn runs_here(self) -> bool;
    /// The kernel's name, as the variable takes it.
    fn label(self) -> &'static str;
}

/// `best`, unless `K::VARIABLE` names a kernel the CPU runs; a kernel it lacks, or a name that
/// is none, is reported on stderr and `best` runs.
pub(crate) fn forced_or<K: KernelFamily>(best: K) -> K {
    let Ok(forced) = std::env::var(K::VARIABLE) else {
        return best;
    };
    match forced.parse::<K>() {
        Ok(k) if k.runs_here() => k,
        Ok(k) => {
            eprintln!(
                "claimx: {}={} is not supported by this CPU; using the {} kernel {}",
                K::VARIABLE,
                k.label(),
                K::FORMAT,
                best.label()
            );
            best
        }
        Err(e) => {
            eprintln!(
                "claimx: {}: {e}; using the {} kernel {}",
                K::VARIABLE,
                K::FORMAT,
                best.label()
            );
            best
        }
    }
}

/// Whether the tests can run `kernel` here; says `skipped` on stderr where they cannot.
#[cfg(test)]
pub(crate) fn runnable<K: KernelFamily>(kernel: K) -> bool {
    let ok = kernel.runs_here();
    if !ok {
        eprintln!(
            "skipped: {} kernel {} is not supported here",
            K::FORMAT,
            kernel.label()
        );
    }
    ok
}

/// The AVX-512 mask of the first `left` of 16 lanes (all 16 when `left` ≥ 16): the ragged
/// edge of a row.
#[inline(always)]
pub(crate) fn tail_mask(left: usize) -> u16 {
    if left >= 16 {
        0xffff
    } else {
        (1u16 << left) - 1
    }
}
