#!/usr/bin/env python3
"""Writes data/samples (295 Wikinews articles and the seed article) repeated
with new ids (`r{k}-{id}`) up to N articles, as JSONL on stdout: real text at
scale, where every quote has hundreds of exact copies (the worst case for
linking copies of a quote).

    python3 scripts/repeat_samples.py 120000 > /tmp/bench120k.jsonl
"""
import json
import os
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 120000
root = os.path.join(os.path.dirname(__file__), "..", "data", "samples")
docs = [json.loads(l) for l in open(os.path.join(root, "wikinews.jsonl"), encoding="utf-8")]
docs.append({"id": "hamas-talks", "text": open(os.path.join(root, "hamas-talks.txt"), encoding="utf-8").read()})
written, k = 0, 0
while written < n:
    for d in docs:
        if written >= n:
            break
        r = dict(d)
        r["id"] = f"r{k}-{d['id']}"
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        written += 1
    k += 1
