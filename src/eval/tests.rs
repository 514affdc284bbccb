use super::text::{is_direct, name_key, trim};
use super::*;

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn fmt_g_matches_python_percent_g() {
    for (x, want) in
        [(0.3, "0.3"), (0.8, "0.8"), (0.5, "0.5"), (1.0, "1"), (1e-5, "1e-05"), (123456789.0, "1.23457e+08"), (0.0, "0")]
    {
        assert_eq!(fmt_g(x), want, "{x}");
    }
}

#[test]
fn direct_needs_double_marks() {
    let t = chars("He said “we will go” and 'maybe' ''later'' ``now''.");
    let span = |needle: &str| {
        let s: String = t.iter().collect();
        let b = s.find(needle).unwrap();
        let c = s[..b].chars().count();
        (c, c + needle.chars().count())
    };
    let (s, e) = span("we will go");
    assert!(is_direct(&t, s, e));
    let (s, e) = span("maybe");
    assert!(!is_direct(&t, s, e));
    let (s, e) = span("later");
    assert!(is_direct(&t, s, e));
    let (s, e) = span("now");
    assert!(is_direct(&t, s, e));
    let (s, e) = span("He said");
    assert!(!is_direct(&t, s, e));
}

#[test]
fn trim_strips_marks_and_one_that() {
    let t = chars("“that that is, ” ");
    let (s, e) = trim(&t, 0, t.len(), true);
    assert_eq!(t[s..e].iter().collect::<String>(), "that is");
    let (s, e) = trim(&t, 0, t.len(), false);
    assert_eq!(t[s..e].iter().collect::<String>(), "that that is");
}

#[test]
fn name_key_folds_accents_case_and_possessive() {
    assert_eq!(name_key("José  Pérez's"), "jose perez");
    assert_eq!(name_key("Dr. Basem Naim"), "dr basem naim");
    assert_eq!(name_key(""), "");
}

#[test]
fn python_equality_of_records() {
    let a: Value = serde_json::from_str(r#"{"a": 1, "b": [true, 2.0]}"#).unwrap();
    let b: Value = serde_json::from_str(r#"{"b": [1, 2], "a": 1.0}"#).unwrap();
    assert!(py_eq(&a, &b));
    let c: Value = serde_json::from_str(r#"{"b": [1, 2.5], "a": 1.0}"#).unwrap();
    assert!(!py_eq(&a, &c));
}

#[test]
fn gold_scored_against_itself_converted_to_predictions() {
    let gold_rec: Value = serde_json::from_str(
        r#"{"id": "d1", "text": "“Héllo there,” she said. Bob said that rain is coming.",
            "attributions": [
              {"content": {"start": 3, "end": 15}, "source": {"start": 20, "end": 23}, "cue": {"start": 24, "end": 28}, "direct": true},
              {"content": {"start": 39, "end": 58}, "source": {"start": 30, "end": 33}, "cue": {"start": 34, "end": 38}, "direct": false}
            ]}"#,
    )
    .unwrap();
    let gold = gold_from_records(&[gold_rec], "gold", &mut |_, _| unreachable!()).unwrap();
    let pred: Value = serde_json::from_str(
        r#"{"doc": "d1", "quotes": [
              {"start": 3, "end": 15, "speaker": {"start": 20, "end": 23, "entity": null}, "cue": {"start": 24, "end": 28}},
              {"start": 44, "end": 58, "speaker": {"start": 30, "end": 33, "entity": "Bob"}, "cue": {"start": 34, "end": 38}}
            ]}"#,
    )
    .unwrap();
    let r = score(&gold, &[pred], &DEFAULT_THRESHOLDS);
    assert_eq!(r.all.prf("content_exact_strict"), Some((0.5, 0.5, 0.5)));
    assert_eq!(r.all.prf("content_exact_norm"), Some((1.0, 1.0, 1.0)));
    assert_eq!(r.all.prf("content_overlap_0.3"), Some((1.0, 1.0, 1.0)));
    assert_eq!(r.direct.n_gold, 1);
    assert_eq!(r.direct.n_pred, 1);
    assert_eq!(r.diagnostics.bad_offsets, 0);
}
