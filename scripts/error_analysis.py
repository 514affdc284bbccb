#!/usr/bin/env python3
"""Count quotegraph's attribution misses and false alarms by layout.

    scripts/error_analysis.py GOLD.jsonl PRED.jsonl [--json]

GOLD is PolNeAR-style gold (`attributions`), PRED the output of
`quotegraph extract --format jsonl` on the same texts. Matching is the one of
../shared/eval/score.py's "content overlap>0.3" row: a prediction matches a
gold attribution when it covers more than 30% of the gold content's
characters, greedily, one to one.

Only counts are printed, never document text, so the output may be kept in
the repository even when the gold may not (PolNeAR has no licence).

Categories of a missed gold attribution (false negative):
  boundary        a prediction overlaps it but covers 30% or less of it
  cue-unknown     its cue's head word is not in data/lexicon/cue_verbs.txt
                  (attitude and event verbs: "support", "seems", "plans")
  cue-noun        its cue is a noun or preposition phrase ("questions about")
  cue-punct       its cue is punctuation (":", "―") or it has no cue
  cue-known       its cue is in the lexicon but no attribution was built
                  (no subject found, the form was taken for a noun, ...)
A false alarm (false positive) is counted by the rule that produced it, and
as `near-gold` when it overlaps some gold content at all (a boundary or
segmentation disagreement) or `spurious` otherwise.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.join(HERE, "..", "data", "lexicon", "cue_verbs.txt")
PUNCT_CUE = re.compile(r"^[\W_]*$")


def lexicon_forms():
    forms = set()
    for line in open(LEXICON, encoding="utf-8"):
        line = line.split("#")[0].split("|")[0].strip()
        if not line:
            continue
        words = line.split()
        if len(words) == 1:
            w = words[0]
            stem = w[:-1]
            forms |= {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", stem + "ing", stem + "ies", stem + "ied"}
        else:
            forms |= set(words)
    return forms


def char_set(spans):
    out = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def gold_chars(a):
    c = a["content"]
    frags = c.get("fragments") or [c]
    return char_set((f["start"], f["end"]) for f in frags)


def pred_chars(q):
    frags = q.get("fragments") or [[q["start"], q["end"]]]
    return char_set((s, e) for s, e in frags)


def classify_miss(a, overlapping, forms):
    if overlapping:
        return "boundary"
    cue = a.get("cue")
    if not cue or PUNCT_CUE.match(cue["text"].strip()):
        return "cue-punct"
    words = re.findall(r"[a-z]+", cue["text"].lower())
    if not words:
        return "cue-punct"
    verbs = [w for w in words if w in forms]
    if verbs:
        return "cue-known"
    if words[-1] in {"about", "of", "for", "on", "to", "against", "with", "as", "over", "at", "by", "in"}:
        return "cue-noun"
    return "cue-unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    forms = lexicon_forms()
    gold = {}
    for line in open(args.gold, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            gold[d["id"]] = d
    preds = {}
    for line in open(args.pred, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            preds[d["doc"]] = d
    misses = defaultdict(Counter)  # gold kind -> category -> count
    totals = Counter()
    false_alarms = defaultdict(Counter)  # rule -> near-gold/spurious
    rule_totals = Counter()
    for doc_id, g in gold.items():
        P = [(pred_chars(q), q) for q in preds.get(doc_id, {"quotes": []})["quotes"]]
        G = [(gold_chars(a), a) for a in g["attributions"]]
        remaining = list(range(len(P)))
        matched_pred = set()
        for gc, a in G:
            totals[a["kind"]] += 1
            best, best_score = None, 0.0
            for j in remaining:
                score = len(gc & P[j][0]) / len(gc) if gc else 0.0
                if score > 0.3 and score > best_score:
                    best, best_score = j, score
            if best is None:
                overlapping = any(gc & pc for pc, _ in P)
                misses[a["kind"]][classify_miss(a, overlapping, forms)] += 1
            else:
                remaining.remove(best)
                matched_pred.add(best)
        all_gold = set().union(*(gc for gc, _ in G)) if G else set()
        for j, (pc, q) in enumerate(P):
            rule_totals[q.get("rule") or "?"] += 1
            if j not in matched_pred:
                false_alarms[q.get("rule") or "?"]["near-gold" if pc & all_gold else "spurious"] += 1
    report = {
        "gold_by_kind": dict(totals),
        "misses_by_kind": {k: dict(v) for k, v in misses.items()},
        "predictions_by_rule": dict(rule_totals),
        "false_alarms_by_rule": {k: dict(v) for k, v in false_alarms.items()},
    }
    if args.json:
        json.dump(report, sys.stdout, indent=1, sort_keys=True)
        print()
        return
    cats = ["boundary", "cue-known", "cue-unknown", "cue-noun", "cue-punct"]
    print("Missed gold attributions (overlap>0.3 matching)")
    print(f"{'kind':10s} {'gold':>6s} {'missed':>7s} " + " ".join(f"{c:>11s}" for c in cats))
    for kind in ("direct", "mixed", "indirect"):
        m = misses.get(kind, Counter())
        print(f"{kind:10s} {totals[kind]:6d} {sum(m.values()):7d} " + " ".join(f"{m[c]:11d}" for c in cats))
    print()
    print("False alarms by rule")
    print(f"{'rule':42s} {'predicted':>9s} {'unmatched':>9s} {'near-gold':>9s} {'spurious':>9s} {'precision':>9s}")
    for rule, n in rule_totals.most_common():
        fa = false_alarms.get(rule, Counter())
        un = sum(fa.values())
        print(f"{rule:42s} {n:9d} {un:9d} {fa['near-gold']:9d} {fa['spurious']:9d} {100 * (n - un) / n:8.1f}%")


if __name__ == "__main__":
    main()
