#!/usr/bin/env python3
"""Print the 60 Wikinews sample articles of the speaker-name gold (docs/gold-guideline.md).

Mechanical, chosen before annotation: of the articles in data/samples/wikinews.jsonl that
contain a double quotation mark or "said"/"says"/"told"/"according to", every len/60-th.
"""
import json, re, sys

path = sys.argv[1] if len(sys.argv) > 1 else "data/samples/wikinews.jsonl"
docs = [json.loads(l) for l in open(path, encoding="utf-8")]
cand = [d for d in docs if re.search(r'["\u201c\u201d]', d["text"])
        or re.search(r"\b(said|says|told|according to)\b", d["text"])]
step = len(cand) / 60
for i in range(60):
    print(cand[int(i * step)]["id"])
