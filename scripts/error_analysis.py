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

Every gold attribution also gets a layout (issue 13), from its cue and the
words around its content, and each layout is counted as gold / found /
missed; false alarms get the layout of the prediction's cue:
  direct, mixed-short  (mixed whose quoted part is under MIXED_SHORT of it),
  mixed, according-to-start / according-to-end, nominal ("X's claim that",
  "the allegations", "his warning"), object-no-that ("described Y as Z",
  "called Y Z", "urged Y to"), passive ("it was reported that", "Y is
  expected to ..., officials said"), question-infinitive ("asked whether",
  "wondered why", "promised to"), that-clause, other.
Source extent, on pairs matched as above where both sides have a source:
exact, wider (the prediction takes sentence material: "But", "on Tuesday"),
narrower (it misses descriptors, appositives or post-modifiers), crossing,
elsewhere (another phrase), missing / extra (one side has none).
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
# A mixed quote is "short" when its quoted part covers less than this share
# of the content ("called the plan 'a disaster' and said ...").
MIXED_SHORT = 0.5
NOUN_CUES = os.path.join(HERE, "..", "data", "lexicon", "cue_nouns.txt")
OBJECT_CUES = {"describe", "described", "describes", "describing", "call", "called", "calls", "calling", "urge",
               "urged", "urges", "urging", "label", "labeled", "labelled", "dub", "dubbed", "brand", "branded",
               "term", "termed", "characterize", "characterized", "accuse", "accused", "accuses", "praise",
               "praised", "criticize", "criticized", "blame", "blamed", "ask", "asked", "tell", "told", "invite",
               "invited", "encourage", "encouraged", "warn", "warned", "order", "ordered"}
NOMINAL_SUFFIXES = ("tion", "ment", "sion", "ance", "ence", "ism", "ings", "ity")
PASSIVE = re.compile(r"\b(is|are|was|were|be|been|being)\s+(\w+ly\s+)?\w+(ed|en|wn|ld|id)\b", re.I)
WH_START = re.compile(r"^\W*(to|whether|why|how|what|who|whom|when|where|which|if)\b", re.I)
QUOTE_CHARS = set('"\u201c\u201d')


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


def noun_cues():
    out = set()
    for line in open(NOUN_CUES, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line:
            out.add(line.lower())
    return out


def quoted_share(text):
    """Share of `text` inside double quotation marks."""
    inside, n, on = 0, 0, False
    for ch in text:
        if ch in QUOTE_CHARS or ch == '"':
            on = not on
            continue
        n += 1
        inside += on
    return inside / n if n else 0.0


def layout(kind, content_text, cue_text, before, lexica, cue_first=False):
    """Layout of an attribution: `before` is the text just before its content."""
    nouns, forms = lexica
    cue = (cue_text or "").strip()
    words = re.findall(r"[a-z]+", cue.lower())
    if kind == "direct":
        return "direct"
    if kind == "mixed":
        return "mixed-short" if quoted_share(content_text) < MIXED_SHORT else "mixed"
    if "according to" in cue.lower():
        return "according-to-start" if cue_first else "according-to-end"
    verb_first = bool(words) and words[0] in forms and words[0] not in nouns
    if words and not verb_first and (words[-1] in nouns or words[-1].endswith(NOMINAL_SUFFIXES) or "'s" in cue or "\u2019s" in cue
                  or (len(words) > 1 and words[0] in {"the", "his", "her", "their", "its", "a", "an"})):
        return "nominal"
    if PASSIVE.search(cue) or re.search(r"\b(is|are|was|were)\s+(expected|likely|set|said|reported|believed)\b", cue, re.I):
        return "passive"
    if WH_START.match(content_text) or (words and words[-1] == "to"):
        return "question-infinitive"
    if words and words[0] in OBJECT_CUES and not re.match(r"^\W*that\b", content_text, re.I):
        return "object-no-that"
    if re.match(r"^\W*that\b", content_text, re.I) or re.search(r"\bthat\s*$", before):
        return "that-clause"
    return "other"


LAYOUTS = ["direct", "mixed", "mixed-short", "that-clause", "according-to-start", "according-to-end", "nominal",
           "object-no-that", "passive", "question-infinitive", "other"]


def source_extent(text_b, g, p):
    """Category of a predicted source span against the gold one (byte spans)."""
    if g is None and p is None:
        return None
    if g is None:
        return "extra"
    if p is None:
        return "missing"
    gs, ge = g
    ps, pe = p
    gt = text_b[gs:ge].decode("utf-8", "replace").strip(" ,.;:")
    pt = text_b[ps:pe].decode("utf-8", "replace").strip(" ,.;:")
    if gt == pt:
        return "exact"
    if ge <= ps or pe <= gs:
        return "elsewhere"
    if ps <= gs and pe >= ge:
        return "wider"
    if gs <= ps and ge >= pe:
        return "narrower"
    return "crossing"


SOURCE_CATS = ["exact", "narrower", "wider", "crossing", "elsewhere", "missing", "extra"]


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
    nouns = (noun_cues(), forms)
    lay_gold, lay_missed, lay_fa = Counter(), Counter(), Counter()
    src = Counter()
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
        tb = g["text"].encode("utf-8")
        remaining = list(range(len(P)))
        matched_pred = set()
        for gc, a in G:
            totals[a["kind"]] += 1
            c = a["content"]
            lay = layout(a["kind"], c["text"], (a.get("cue") or {}).get("text"),
                         tb[max(0, c["start"] - 200):c["start"]].decode("utf-8", "replace"), nouns,
                         bool(a.get("cue")) and a["cue"]["start"] < c["start"])
            lay_gold[lay] += 1
            best, best_score = None, 0.0
            for j in remaining:
                score = len(gc & P[j][0]) / len(gc) if gc else 0.0
                if score > 0.3 and score > best_score:
                    best, best_score = j, score
            if best is None:
                overlapping = any(gc & pc for pc, _ in P)
                misses[a["kind"]][classify_miss(a, overlapping, forms)] += 1
                lay_missed[lay] += 1
            else:
                remaining.remove(best)
                matched_pred.add(best)
                q = P[best][1]
                gsrc = (a["source"]["start"], a["source"]["end"]) if a.get("source") else None
                sp = q.get("speaker") or {}
                psrc = (sp["start"], sp["end"]) if sp.get("start") is not None else None
                cat = source_extent(tb, gsrc, psrc)
                if cat:
                    src[cat] += 1
        all_gold = set().union(*(gc for gc, _ in G)) if G else set()
        for j, (pc, q) in enumerate(P):
            rule_totals[q.get("rule") or "?"] += 1
            if j not in matched_pred:
                false_alarms[q.get("rule") or "?"]["near-gold" if pc & all_gold else "spurious"] += 1
                pk = "direct" if q.get("kind") == "direct" else q.get("kind") or "indirect"
                before = tb[max(0, q["start"] - 200):q["start"]].decode("utf-8", "replace")
                qc = q.get("cue") or {}
                lay_fa[layout(pk, q.get("text") or "", qc.get("text"), before, nouns,
                              qc.get("start") is not None and qc["start"] < q["start"])] += 1
    report = {
        "gold_by_kind": dict(totals),
        "misses_by_kind": {k: dict(v) for k, v in misses.items()},
        "predictions_by_rule": dict(rule_totals),
        "false_alarms_by_rule": {k: dict(v) for k, v in false_alarms.items()},
        "layouts": {k: {"gold": lay_gold[k], "missed": lay_missed[k], "false_alarms": lay_fa[k]} for k in LAYOUTS},
        "source_extent": dict(src),
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
    print("Gold attributions by layout (false alarms by the layout of the predicted cue)")
    print(f"{'layout':22s} {'gold':>6s} {'missed':>7s} {'recall':>7s} {'false alarms':>13s}")
    for k in LAYOUTS:
        n = lay_gold[k]
        rec = 100 * (n - lay_missed[k]) / n if n else 0.0
        print(f"{k:22s} {n:6d} {lay_missed[k]:7d} {rec:6.1f}% {lay_fa[k]:13d}")
    print()
    print("Source extent on matched pairs")
    tot = sum(src[c] for c in SOURCE_CATS)
    for c in SOURCE_CATS:
        print(f"{c:10s} {src[c]:6d} {100 * src[c] / tot if tot else 0:6.1f}%")
    print()
    print("False alarms by rule")
    print(f"{'rule':42s} {'predicted':>9s} {'unmatched':>9s} {'near-gold':>9s} {'spurious':>9s} {'precision':>9s}")
    for rule, n in rule_totals.most_common():
        fa = false_alarms.get(rule, Counter())
        un = sum(fa.values())
        print(f"{rule:42s} {n:9d} {un:9d} {fa['near-gold']:9d} {fa['spurious']:9d} {100 * (n - un) / n:8.1f}%")


if __name__ == "__main__":
    main()
