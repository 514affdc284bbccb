#!/usr/bin/env python3
"""Build data/gold/wikinews-speakers.jsonl from the hand annotations in data/gold/src/ID.json.

Each annotation file names spans by their exact text, so a person can write and review it:

    {"id": "wikinews-2019-001",
     "attributions": [
       {"content": "exact words", "occurrence": 1,
        "source": "exact words" | null, "cue": "exact words" | null,
        "kind": "direct|mixed|indirect", "reference": "Canonical Name" | null}]}

`occurrence` (1-based, default 1) picks among repeated content strings. The source and cue
are the occurrences nearest to the content (same paragraph preferred), unless
"source_occurrence" / "cue_occurrence" (1-based, over the whole text) picks one. Offsets are UTF-8
bytes. Any text that cannot be found is an error naming the file and attribution.
"""
import json, os, sys

ROOT = os.path.join(os.path.dirname(__file__), "..")
SAMPLES = os.path.join(ROOT, "data/samples/wikinews.jsonl")
SRC = os.path.join(ROOT, "data/gold/src")
OUT = os.path.join(ROOT, "data/gold/wikinews-speakers.jsonl")


def occurrences(text, s):
    i = text.find(s)
    while i >= 0:
        yield i
        i = text.find(s, i + 1)


def nearest(text, s, c0, c1, avoid):
    best = None
    para0 = text.rfind("\n", 0, c0) + 1
    para1 = text.find("\n", c1)
    para1 = len(text) if para1 < 0 else para1
    for i in occurrences(text, s):
        j = i + len(s)
        if i < c1 and j > c0 and (i, j) != avoid:
            continue  # inside the content itself
        dist = c0 - j if j <= c0 else i - c1
        same = para0 <= i and j <= para1
        key = (0 if same else 1, abs(dist))
        if best is None or key < best[0]:
            best = (key, i, j)
    return None if best is None else (best[1], best[2])


def span(text, i, j):
    b0 = len(text[:i].encode("utf-8"))
    b1 = b0 + len(text[i:j].encode("utf-8"))
    return {"start": b0, "end": b1, "text": text[i:j]}


def main():
    docs = {}
    for line in open(SAMPLES, encoding="utf-8"):
        d = json.loads(line)
        docs[d["id"]] = d["text"]
    ids = [l.strip() for l in open(os.path.join(ROOT, "data/gold/ids.txt")) if l.strip()]
    errors, out = [], []
    for doc_id in ids:
        path = os.path.join(SRC, doc_id + ".json")
        if not os.path.exists(path):
            errors.append(f"{path}: missing")
            continue
        ann = json.load(open(path, encoding="utf-8"))
        text = docs[doc_id]
        atts = []
        for n, a in enumerate(ann["attributions"], 1):
            where = f"{path}: attribution {n}"
            occ = list(occurrences(text, a["content"]))
            k = a.get("occurrence", 1)
            if len(occ) < k or not a["content"]:
                errors.append(f"{where}: content not found: {a['content'][:60]!r}")
                continue
            c0 = occ[k - 1]
            c1 = c0 + len(a["content"])
            rec = {"content": span(text, c0, c1)}
            for role in ("source", "cue"):
                s = a.get(role)
                if s and role + "_occurrence" in a:
                    occ_r = list(occurrences(text, s))
                    k_r = a[role + "_occurrence"]
                    i_r = occ_r[k_r - 1] if 0 < k_r <= len(occ_r) else None
                    hit = None if i_r is None else (i_r, i_r + len(s))
                    if hit is None:
                        errors.append(f"{where}: {role} not found: {s!r} #{k_r}")
                        rec[role] = None
                    else:
                        rec[role] = span(text, *hit)
                elif s:
                    hit = nearest(text, s, c0, c1, None)
                    if hit is None:
                        errors.append(f"{where}: {role} not found: {s!r}")
                        rec[role] = None
                    else:
                        rec[role] = span(text, *hit)
                else:
                    rec[role] = None
            if a["kind"] not in ("direct", "mixed", "indirect"):
                errors.append(f"{where}: bad kind {a['kind']!r}")
            rec["direct"] = a["kind"] == "direct"
            rec["kind"] = a["kind"]
            rec["reference"] = a.get("reference")
            atts.append(rec)
        atts.sort(key=lambda r: (r["content"]["start"], r["content"]["end"]))
        out.append({"id": doc_id, "text": text, "attributions": atts})
    for e in errors:
        print("error:", e, file=sys.stderr)
    if "--check" not in sys.argv:
        with open(OUT, "w", encoding="utf-8") as f:
            for d in out:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(d['attributions']) for d in out)} attributions, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
