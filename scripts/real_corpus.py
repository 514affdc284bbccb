#!/usr/bin/env python3
"""Deterministic real-text benchmark corpus (stdlib only, issue 19).

Repeats the real sample articles unchanged, with new ids, to a given number of
articles or bytes of text: the 295 Wikinews articles of
data/samples/wikinews.jsonl, then the seed article data/samples/hamas-talks.txt,
then the same 296 again, and so on. Text, title, date and url are the
source's, byte for byte; only the id is new (`<source id>~<round>`, round 0
keeping the plain source id), so `ingest` stores every copy as its own document.

Unlike scripts/gen_corpus.py (which swaps names and reorders paragraphs, and so
changes how long and how tangled the text is), every byte extracted here is
real news text: this is the corpus of the headline figures in BENCHMARKS.md.

The same arguments always give byte-identical output; output is streamed, so
memory does not depend on the size.

Usage:
    python3 scripts/real_corpus.py --articles 120000 -o real-120000.jsonl [--stats-out stats.json]
    python3 scripts/real_corpus.py --mb 27 -o real-27mb.jsonl    # stop once 27 MB of text is written
    python3 scripts/real_corpus.py --articles 2000 --first 120000 -o more.jsonl   # the next 2,000 (new ids)

Text is from Wikinews (CC BY 2.5, https://creativecommons.org/licenses/by/2.5/),
via github.com/vanatteveldt/wikinews; see data/samples/ATTRIBUTION.md.
"""

import argparse
import json
import os
import sys


def load_sources(wikinews_path, seed_path):
    docs = []
    with open(wikinews_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append({k: d[k] for k in ("id", "title", "date", "url", "text") if d.get(k) is not None})
    if seed_path and os.path.exists(seed_path):
        with open(seed_path, encoding="utf-8") as f:
            docs.append({"id": os.path.splitext(os.path.basename(seed_path))[0], "text": f.read()})
    if not docs:
        sys.exit("real_corpus: no source articles")
    return docs


def generate(sources, articles, max_bytes, first, out):
    stats = {"articles": 0, "text_bytes": 0, "file_bytes": 0, "sources": len(sources), "rounds": 0, "first": first}
    n = first
    while (articles is None or n < first + articles) and (max_bytes is None or stats["text_bytes"] < max_bytes):
        rnd, src = divmod(n, len(sources))
        doc = dict(sources[src])
        if rnd > 0:
            doc["id"] = f"{doc['id']}~{rnd}"
        line = json.dumps(doc, ensure_ascii=False) + "\n"
        out.write(line)
        stats["articles"] += 1
        stats["text_bytes"] += len(doc["text"].encode("utf-8"))
        stats["file_bytes"] += len(line.encode("utf-8"))
        stats["rounds"] = rnd + 1
        n += 1
    return stats


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = p.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int, help="number of articles")
    size.add_argument("--mb", type=float, help="stop after the article that brings the text to this many MB (10^6 bytes)")
    p.add_argument("--first", type=int, default=0,
                   help="start at this article number (ids continue a corpus of that many: new documents for an incremental ingest)")
    p.add_argument("--wikinews", default="data/samples/wikinews.jsonl", help="JSONL source articles")
    p.add_argument("--seed-text", default="data/samples/hamas-talks.txt", help="plain-text source article")
    p.add_argument("-o", "--output", default="-", help="output JSONL file (default stdout)")
    p.add_argument("--stats-out", help="write corpus statistics as JSON")
    args = p.parse_args()
    sources = load_sources(args.wikinews, args.seed_text)
    max_bytes = None if args.mb is None else int(args.mb * 1e6)
    if args.output == "-":
        stats = generate(sources, args.articles, max_bytes, args.first, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            stats = generate(sources, args.articles, max_bytes, args.first, out)
    if args.stats_out:
        with open(args.stats_out, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=1, sort_keys=True)
    print(f"real_corpus: {stats['articles']} articles, {stats['text_bytes'] / 1e6:.1f} MB text, "
          f"{stats['rounds']} rounds of {stats['sources']} sources", file=sys.stderr)


if __name__ == "__main__":
    main()
