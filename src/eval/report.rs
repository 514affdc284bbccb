//! The report: precision/recall/F1 and accuracy rows for all attributions
//! and the direct subset, printed as score.py prints them (`%g` numbers,
//! sorted JSON objects).

use super::*;

/// Precision/recall counts of one row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Prf {
    pub(super) fn add(&mut self, tp: u64, fp: u64, fn_: u64) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }
    /// (precision, recall, F1), 0 where undefined.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 { self.tp as f64 / (self.tp + self.fp) as f64 } else { 0.0 };
        let r = if self.tp + self.fn_ > 0 { self.tp as f64 / (self.tp + self.fn_) as f64 } else { 0.0 };
        (p, r, f1(p, r))
    }
}

pub(super) fn f1(p: f64, r: f64) -> f64 {
    if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// An accuracy: correct out of n.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Acc {
    pub correct: u64,
    pub n: u64,
}

impl Acc {
    pub fn acc(&self) -> Option<f64> {
        (self.n > 0).then(|| self.correct as f64 / self.n as f64)
    }
}

/// One row of a subset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Metric {
    /// tp/fp/fn counts with P, R, F1.
    Prf(Prf),
    /// GGT's pairwise count: tp over every gold x pred pair, and the span totals.
    Pairwise { tp: u64, n_gold: u64, n_pred: u64 },
    /// An accuracy over matched pairs.
    Acc(Acc),
}

impl Metric {
    /// (P, R, F1) of a P/R row.
    pub fn prf(&self) -> Option<(f64, f64, f64)> {
        match *self {
            Metric::Prf(c) => Some(c.prf()),
            Metric::Pairwise { tp, n_gold, n_pred } => {
                let r = if n_gold > 0 { tp as f64 / n_gold as f64 } else { 0.0 };
                let p = if n_pred > 0 { tp as f64 / n_pred as f64 } else { 0.0 };
                Some((p, r, f1(p, r)))
            }
            Metric::Acc(_) => None,
        }
    }

    pub(super) fn to_json(self) -> Value {
        match self {
            Metric::Prf(c) => {
                let (p, r, f) = c.prf();
                serde_json::json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "p": p, "r": r, "f1": f})
            }
            Metric::Pairwise { tp, n_gold, n_pred } => {
                let (p, r, f) = self.prf().unwrap_or_default();
                serde_json::json!({"tp": tp, "n_gold": n_gold, "n_pred": n_pred, "p": p, "r": r, "f1": f})
            }
            Metric::Acc(a) => serde_json::json!({"correct": a.correct, "n": a.n, "acc": a.acc()}),
        }
    }
}

/// The rows of one subset (all attributions, or the direct ones), keyed as in score.py --json.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Subset {
    pub rows: BTreeMap<String, Metric>,
    pub n_gold: u64,
    pub n_pred: u64,
}

impl Subset {
    pub fn prf(&self, key: &str) -> Option<(f64, f64, f64)> {
        self.rows.get(key).and_then(Metric::prf)
    }
    /// `Some(None)` for an accuracy row with no pairs.
    pub fn acc(&self, key: &str) -> Option<Option<f64>> {
        match self.rows.get(key) {
            Some(Metric::Acc(a)) => Some(a.acc()),
            _ => None,
        }
    }
}

/// Counters reported beside the scores (score.py `diagnostics`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    pub pred_docs: u64,
    pub pred_docs_not_in_gold: u64,
    pub pred_quotes: u64,
    pub bad_offsets: u64,
    pub text_mismatch: u64,
    pub gold_docs: u64,
    pub gold_docs_missing_in_pred: u64,
    pub gold_attributions: u64,
    pub gold_optional: u64,
    pub gold_direct: u64,
}

/// The result of [`score`].
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub gold: String,
    pub pred: String,
    pub thresholds: Vec<f64>,
    pub diagnostics: Diagnostics,
    pub has_reference: bool,
    pub all: Subset,
    pub direct: Subset,
}

pub(super) fn sorted_object(entries: BTreeMap<String, Value>) -> Value {
    Value::Object(entries.into_iter().collect())
}

impl Report {
    /// The report as score.py --json prints it (same keys, sorted).
    pub fn to_json(&self) -> Value {
        let d = &self.diagnostics;
        let diag: BTreeMap<String, Value> = [
            ("bad_offsets", d.bad_offsets),
            ("gold_attributions", d.gold_attributions),
            ("gold_direct", d.gold_direct),
            ("gold_docs", d.gold_docs),
            ("gold_docs_missing_in_pred", d.gold_docs_missing_in_pred),
            ("gold_optional", d.gold_optional),
            ("pred_docs", d.pred_docs),
            ("pred_docs_not_in_gold", d.pred_docs_not_in_gold),
            ("pred_quotes", d.pred_quotes),
            ("text_mismatch", d.text_mismatch),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::from(v)))
        .collect();
        let subset = |s: &Subset| {
            let mut m: BTreeMap<String, Value> = s.rows.iter().map(|(k, v)| (k.clone(), v.to_json())).collect();
            m.insert("n_gold".into(), s.n_gold.into());
            m.insert("n_pred".into(), s.n_pred.into());
            sorted_object(m)
        };
        let mut top = BTreeMap::new();
        top.insert("all".to_string(), subset(&self.all));
        top.insert("diagnostics".to_string(), sorted_object(diag));
        top.insert("direct".to_string(), subset(&self.direct));
        top.insert("gold".to_string(), Value::String(self.gold.clone()));
        top.insert("has_reference".to_string(), Value::Bool(self.has_reference));
        top.insert("pred".to_string(), Value::String(self.pred.clone()));
        top.insert("thresholds".to_string(), self.thresholds.iter().map(|&t| Value::from(t)).collect());
        sorted_object(top)
    }

    /// The report as JSON text indented like score.py --json (`indent=1`).
    pub fn to_json_string(&self) -> String {
        use serde::Serialize;
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, serde_json::ser::PrettyFormatter::with_indent(b" "));
        // Invariant: a `serde_json::Value` into a `Vec` never fails.
        self.to_json().serialize(&mut ser).expect("serialising a JSON value cannot fail");
        String::from_utf8(buf).expect("serde_json writes UTF-8")
    }

    /// The report as score.py's table.
    pub fn to_table(&self) -> String {
        fn pc(x: Option<f64>) -> String {
            match x {
                None => "   n/a".to_string(),
                Some(x) => format!("{:6.1}", 100.0 * x),
            }
        }
        let ths = &self.thresholds;
        let mut rows: Vec<(String, String)> = vec![
            ("content exact (strict)".into(), "content_exact_strict".into()),
            ("content exact (norm)".into(), "content_exact_norm".into()),
        ];
        for &th in ths {
            rows.push((format!("content overlap>{} (GGT)", fmt_g(th)), format!("content_overlap_{}", fmt_g(th))));
        }
        for (l, k) in [
            ("source exact | matched", "source_exact_matched"),
            ("source overlap | matched", "source_overlap_matched"),
            ("source exact (indep)", "source_exact_indep"),
            ("cue exact | matched", "cue_exact_matched"),
            ("cue exact (indep)", "cue_exact_indep"),
        ] {
            rows.push((l.into(), k.into()));
        }
        let d = &self.diagnostics;
        let mut out = Vec::new();
        out.push(format!(
            "gold: {}  ({} docs, {} attributions, {} direct{})",
            self.gold,
            d.gold_docs,
            d.gold_attributions,
            d.gold_direct,
            if d.gold_optional > 0 { format!(", {} optional ignored", d.gold_optional) } else { String::new() }
        ));
        out.push(format!(
            "pred: {}  ({} quotes in gold docs; {} gold docs missing -> empty{}{}{})",
            self.pred,
            self.all.n_pred,
            d.gold_docs_missing_in_pred,
            if d.pred_docs_not_in_gold > 0 {
                format!("; {} pred docs not in gold (ignored)", d.pred_docs_not_in_gold)
            } else {
                String::new()
            },
            if d.bad_offsets > 0 { format!("; {} quotes with bad offsets", d.bad_offsets) } else { String::new() },
            if d.text_mismatch > 0 { format!("; {} quotes whose text != slice", d.text_mismatch) } else { String::new() },
        ));
        let hdr = format!("{:<26} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}", "", "P", "R", "F1", "P", "R", "F1");
        out.push(format!(
            "{:<26} | {:<20} | {:<20}",
            "",
            format!("all (n={}/{})", self.all.n_gold, self.all.n_pred),
            format!("direct (n={}/{})", self.direct.n_gold, self.direct.n_pred)
        ));
        let rule = "-".repeat(hdr.chars().count());
        out.push(hdr);
        out.push(rule.clone());
        for (label, key) in &rows {
            let (ap, ar, af) = self.all.prf(key).unwrap_or_default();
            let (bp, br, bf) = self.direct.prf(key).unwrap_or_default();
            out.push(format!(
                "{:<26} | {} {} {} | {} {} {}",
                label,
                pc(Some(ap)),
                pc(Some(ar)),
                pc(Some(af)),
                pc(Some(bp)),
                pc(Some(br)),
                pc(Some(bf))
            ));
        }
        out.push(rule);
        for &th in ths {
            let g = fmt_g(th);
            let parts: Vec<String> = [&self.all, &self.direct]
                .iter()
                .map(|r| {
                    let mut s = format!(
                        "spk {}  verb {}",
                        pc(r.acc(&format!("speaker_span_{g}")).flatten()).trim(),
                        pc(r.acc(&format!("verb_{g}")).flatten()).trim()
                    );
                    if let Some(a) = r.acc(&format!("name_{g}")) {
                        s += &format!("  name {}", pc(a).trim());
                    }
                    s
                })
                .collect();
            out.push(format!("{:<26} | all: {} | direct: {}", format!("GGT acc. @>{g} matches"), parts[0], parts[1]));
        }
        for (label, key) in [("GGT speakers (indep)", "ggt_speakers_indep"), ("GGT verbs (indep)", "ggt_verbs_indep")] {
            let (p, r, f) = self.all.prf(key).unwrap_or_default();
            out.push(format!(
                "{:<26} | {} {} {} | (GGT's pairwise count; may exceed 100)",
                label,
                pc(Some(p)),
                pc(Some(r)),
                pc(Some(f))
            ));
        }
        if !self.has_reference {
            out.push("(no canonical `reference` names in this gold: name accuracy n/a)".into());
        }
        out.join("\n")
    }
}

/// Python's `"%g" % x`.
pub fn fmt_g(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{x:.5e}");
    // Invariant: `sci` was formatted with `{:e}`, which always writes an `e`.
    let (mant, exp) = sci.split_once('e').expect("exponent format");
    let exp: i32 = exp.parse().expect("exponent");
    let strip = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if (-4..6).contains(&exp) {
        strip(&format!("{:.*}", (5 - exp) as usize, x))
    } else {
        format!("{}e{}{:02}", strip(mant), if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}
