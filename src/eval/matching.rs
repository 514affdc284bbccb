//! Matching predictions to gold: exact keys, GenderGapTracker overlap at a
//! threshold, speaker and cue agreement on matched pairs, and independent
//! source/cue spans, all in code points as score.py counts them.

use super::*;

/// Reads prediction records into items per gold document (score.py `pred_docs`).
pub(super) fn pred_items(
    gold: &mut [GoldDoc],
    index: &BTreeMap<DocKey, usize>,
    preds: &[Value],
    diag: &mut Diagnostics,
) -> Vec<Option<Vec<Item>>> {
    let mut out: Vec<Option<Vec<Item>>> = vec![None; gold.len()];
    for rec in preds {
        let did = match rec.as_object() {
            Some(o) => o.get("doc").or_else(|| o.get("id")).cloned().unwrap_or(Value::Null),
            None => Value::Null,
        };
        diag.pred_docs += 1;
        let Some(&gi) = index.get(&DocKey::of(&did)) else {
            diag.pred_docs_not_in_gold += 1;
            continue;
        };
        let doc = &mut gold[gi].text;
        let items = out[gi].get_or_insert_with(Vec::new);
        let quotes = match get(Some(rec), "quotes") {
            Some(Value::Array(a)) => a.as_slice(),
            _ => &[],
        };
        for q in quotes {
            diag.pred_quotes += 1;
            let bad0 = doc.bad;
            let content = doc.span(Some(q)).unwrap_or((0, 0));
            let mut it = Item { content, raw: Some(q.clone()), ..Item::default() };
            let frags = q.get("fragments");
            if truthy(frags) {
                let mut ranges = Vec::new();
                if let Some(fs) = frags.and_then(Value::as_array) {
                    for f in fs {
                        let r = if f.is_object() {
                            doc.span(Some(f))
                        } else {
                            let a = f.as_array();
                            let at = |i: usize| a.and_then(|a| a.get(i)).cloned().unwrap_or(Value::Null);
                            doc.span(Some(&serde_json::json!({"start": at(0), "end": at(1)})))
                        };
                        ranges.push(r.unwrap_or((0, 0)));
                    }
                }
                it.set_chars(ranges);
            } else {
                it.set_chars(vec![content]);
            }
            if let (Some(t), Some(s), Some(e)) = (get(Some(q), "text"), py_int(q.get("start")), py_int(q.get("end"))) {
                let slice = text::py_slice_bytes(&doc.raw, Some(s), Some(e));
                if Value::String(String::from_utf8_lossy(slice).into_owned()) != *t {
                    diag.text_mismatch += 1;
                }
            }
            let sp = q.get("speaker").filter(|v| truthy(Some(v)));
            if let Some(sp) = sp {
                it.source = doc.span(Some(sp));
                let ent = sp.get("entity").filter(|v| truthy(Some(v)));
                it.speaker_name = ent.or_else(|| get(Some(sp), "text")).map(value_string);
                it.claims_entity = ent.is_some();
            }
            let cue = q.get("cue").filter(|v| truthy(Some(v)));
            if let Some(cue) = cue {
                it.cue = doc.span(Some(cue));
            }
            it.cue_text = match get(cue, "text") {
                Some(t) => value_string(t),
                // Invariant: `doc.span` clamps both ends into `0..=chars.len()` and orders them.
                None => it.cue.map(|(s, e)| doc.chars[s..e].iter().collect()).unwrap_or_default(),
            };
            it.direct = is_direct(&doc.chars, content.0, content.1);
            items.push(it);
            if doc.bad > bad0 {
                diag.bad_offsets += 1;
            }
        }
    }
    out
}

/// `isinstance(v, int)` (bools included) -> the value.
pub(super) fn py_int(v: Option<&Value>) -> Option<i128> {
    match v? {
        Value::Bool(b) => Some(*b as i128),
        Value::Number(n) => num_int(n),
        _ => None,
    }
}

pub(super) type Span = (usize, usize);

/// One-to-one matching on equal keys: (tp, fp, fn).
pub(super) fn match_by_key(gold: &[&Item], pred: &[&Item], key: &dyn Fn(&Item) -> Span) -> (u64, u64, u64) {
    let mut buckets: BTreeMap<Span, (usize, Vec<usize>)> = BTreeMap::new();
    for (j, p) in pred.iter().enumerate() {
        buckets.entry(key(p)).or_default().1.push(j);
    }
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold[i].optional);
    let (mut tp, mut fn_, mut used) = (0, 0, 0u64);
    for g in order {
        let b = buckets.get_mut(&key(gold[g])).filter(|(next, b)| *next < b.len());
        if let Some((next, _)) = b {
            *next += 1;
            used += 1;
            if !gold[g].optional {
                tp += 1;
            }
        } else if !gold[g].optional {
            fn_ += 1;
        }
    }
    (tp, pred.len() as u64 - used, fn_)
}

pub(super) fn ggt_score(g: &Item, p: &Item) -> f64 {
    if g.nchars == 0 || p.nchars == 0 {
        return 0.0;
    }
    intersect_len(&g.chars, &p.chars) as f64 / g.nchars as f64
}

/// GenderGapTracker's quote matching (score.py `ggt_compare_res`): (tp, fp, fn, pairs).
pub(super) fn ggt_compare_res(gold: &[&Item], pred: &[&Item], threshold: f64) -> (u64, u64, u64, Vec<(usize, usize)>) {
    let mut remaining: Vec<usize> = (0..pred.len()).collect();
    let mut pairs = Vec::new();
    let mut fn_ = 0;
    for (gi, g) in gold.iter().enumerate() {
        let mut best = None;
        let mut max_score = 0.0;
        for &j in &remaining {
            let score = ggt_score(g, pred[j]);
            if score > threshold && score > max_score {
                max_score = score;
                best = Some(j);
            }
        }
        if let Some(best) = best {
            match &pred[best].raw {
                Some(braw) => remaining.retain(|&j| !pred[j].raw.as_ref().is_some_and(|r| py_eq(r, braw))),
                None => remaining.retain(|&j| j != best),
            }
            pairs.push((gi, best));
        } else if !g.optional {
            fn_ += 1;
        }
    }
    let tp = pairs.iter().filter(|(gi, _)| !gold[*gi].optional).count() as u64;
    (tp, remaining.len() as u64, fn_, pairs)
}

pub(super) fn range_overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

pub(super) fn ggt_speaker_match(g: &Item, p: &Item) -> bool {
    if let (Some(gs), Some(ps)) = (g.source, p.source) {
        let n = gs.1 - gs.0;
        if n > 0 && range_overlap(gs, ps) as f64 / n as f64 > 0.0 {
            return true;
        }
    }
    p.source.is_none() && g.source.is_none()
}

#[derive(Clone, Copy)]
pub(super) enum Role {
    Source,
    Cue,
}

impl Role {
    pub(super) fn of(self, it: &Item) -> Option<Span> {
        match self {
            Role::Source => it.source,
            Role::Cue => it.cue,
        }
    }
    pub(super) fn name(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
        }
    }
}

/// GGT evaluate.py `compare_speakers_and_verbs`: (tp, n_gold, n_pred).
pub(super) fn ggt_indep(gold: &[&Item], pred: &[&Item], role: Role) -> (u64, u64, u64) {
    let mut tp = 0;
    for g in gold {
        let Some(gs) = role.of(g) else { continue };
        if g.optional {
            continue;
        }
        for p in pred {
            if let Some(ps) = role.of(p) {
                if range_overlap(gs, ps) >= 2 {
                    tp += 1;
                }
            }
        }
    }
    let n_t = gold.iter().filter(|g| role.of(g).is_some() && !g.optional).count() as u64;
    let n_p = pred.iter().filter(|p| role.of(p).is_some()).count() as u64;
    (tp, n_t, n_p)
}
