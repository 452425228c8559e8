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

/// How well confidences match outcomes: predictions in ten equal-width bins of confidence,
/// each with its mean confidence and the share that was right; the expected calibration
/// error (the bins' |share right − mean confidence|, weighted by their size); and the Platt
/// scaling fitted to these outcomes.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Reliability {
    /// The non-empty bins, lowest first.
    pub bins: Vec<ReliabilityBin>,
    /// Expected calibration error, 0 (calibrated) … 1.
    pub ece: f64,
    /// Predictions judged.
    pub total: usize,
    /// `(slope, intercept)` of the logistic fit of outcome on logit(confidence): what maps
    /// these confidences to calibrated ones (`(1, 0)` when they already are).
    pub platt: Option<(f64, f64)>,
}

/// One bin of a [`Reliability`] table.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ReliabilityBin {
    /// Lower edge of the bin's confidences.
    pub low: f64,
    /// Upper edge.
    pub high: f64,
    /// Predictions in the bin.
    pub count: usize,
    /// Their mean confidence.
    pub confidence: f64,
    /// The share of them that was right.
    pub accuracy: f64,
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

/// The reliability of `(confidence, right)` pairs.
pub fn reliability(pairs: &[(f32, bool)]) -> Reliability {
    let mut bins: Vec<ReliabilityBin> = (0..10)
        .map(|b| ReliabilityBin {
            low: b as f64 / 10.0,
            high: (b + 1) as f64 / 10.0,
            ..Default::default()
        })
        .collect();
    for &(c, ok) in pairs {
        let b = ((c as f64 * 10.0).floor() as usize).min(9);
        bins[b].count += 1;
        bins[b].confidence += c as f64;
        bins[b].accuracy += ok as u8 as f64;
    }
    let total = pairs.len();
    let mut ece = 0.0;
    for b in &mut bins {
        if b.count > 0 {
            b.confidence /= b.count as f64;
            b.accuracy /= b.count as f64;
            ece += b.count as f64 / total as f64 * (b.accuracy - b.confidence).abs();
        }
    }
    bins.retain(|b| b.count > 0);
    Reliability {
        bins,
        ece,
        total,
        platt: platt_fit(pairs),
    }
}

/// Logistic regression of `right` on logit(confidence) by Newton's method (a weak ridge
/// keeps it finite when one side is empty or the classes separate).
pub fn platt_fit(pairs: &[(f32, bool)]) -> Option<(f64, f64)> {
    if pairs.len() < 10 {
        return None;
    }
    let (mut a, mut b) = (1.0f64, 0.0f64);
    let ridge = 1e-3;
    for _ in 0..500 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) =
            (ridge * (a - 1.0), ridge * b, ridge, 0.0, ridge);
        for &(c, ok) in pairs {
            let x = logit(c as f64);
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let y = ok as u8 as f64;
            ga += (p - y) * x;
            gb += p - y;
            let w = p * (1.0 - p);
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        // damped: a full Newton step from far away can overshoot into divergence
        let step = (da.abs() + db.abs()).max(1.0);
        let (da, db) = (da / step, db / step);
        a -= da;
        b -= db;
        if da.abs() + db.abs() < 1e-9 {
            break;
        }
    }
    (a.is_finite() && b.is_finite()).then_some((a, b))
}

#[cfg(test)]
mod reliability_tests {
    use super::*;

    #[test]
    fn calibrated_confidences_have_small_error_and_an_identity_fit() {
        // 0.8-confident predictions right 8 times in 10, 0.3-confident ones 3 in 10
        let mut pairs = Vec::new();
        for k in 0..100 {
            pairs.push((0.8, k % 10 < 8));
            pairs.push((0.3, k % 10 < 3));
        }
        let r = reliability(&pairs);
        assert!(r.ece < 1e-6, "{}", r.ece);
        let (a, b) = r.platt.unwrap();
        assert!((a - 1.0).abs() < 0.05 && b.abs() < 0.05, "{a} {b}");
    }

    #[test]
    fn overconfidence_shows_as_error_and_a_flatter_fit() {
        let pairs: Vec<(f32, bool)> = (0..100).map(|k| (0.9, k % 2 == 0)).collect();
        let r = reliability(&pairs);
        assert!((r.ece - 0.4).abs() < 1e-6);
        assert_eq!(r.bins.len(), 1);
    }
}
