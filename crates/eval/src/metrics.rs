use serde::Serialize;

/// Counts of true positives, predictions and gold items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Items both predicted and in gold.
    pub tp: usize,
    /// Items predicted.
    pub pred: usize,
    /// Items in gold.
    pub gold: usize,
}

impl Prf {
    /// tp / pred (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            1.0
        } else {
            self.tp as f64 / self.pred as f64
        }
    }
    /// tp / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Add another count (another document, language or corpus).
    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

/// Correct / total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Items right.
    pub correct: usize,
    /// Items judged.
    pub total: usize,
}

impl Accuracy {
    /// correct / total (1 when nothing was judged).
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
    /// Count one item, right or not.
    pub fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += ok as usize;
    }
}

/// Numbers equal up to a relative tolerance (specs print 15 significant digits).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(Prf { tp: 8, pred: 10, gold: 16 }, 0.8, 0.5, 2.0 * 0.8 * 0.5 / 1.3)]
    #[case(Prf { tp: 0, pred: 0, gold: 0 }, 1.0, 1.0, 1.0)]
    #[case(Prf { tp: 0, pred: 3, gold: 4 }, 0.0, 0.0, 0.0)]
    fn precision_recall_f1(
        #[case] p: Prf,
        #[case] precision: f64,
        #[case] recall: f64,
        #[case] f1: f64,
    ) {
        assert!((p.precision() - precision).abs() < 1e-12);
        assert!((p.recall() - recall).abs() < 1e-12);
        assert!((p.f1() - f1).abs() < 1e-12);
    }

    #[test]
    fn tolerance_is_relative() {
        assert!(close(0.166666666666667, 1.0 / 6.0));
        assert!(close(1e9, 1_000_000_000.5));
        assert!(!close(100.0, 101.0));
    }
}
