#!/usr/bin/env python3
"""Helpers of scripts/bench.sh (stdlib only). Subcommands:

  count               read `quotegraph extract --format jsonl` records on stdin; print JSON
                      {docs, quotes, kinds, speakers: [most quoted speaker entities]}
  dbcount DB          print JSON {documents, quotes, db_bytes} of a quotegraph SQLite database
                      (tables found by name: document(s), quote(s); db_bytes includes -wal)
  query ...           time query commands (one process per run, different names each run) and
                      print JSON with p50/p99 per command; a command missing from the binary is
                      reported as unavailable
  report TSV          render the results TSV written by bench.sh as a Markdown table

Latencies are wall-clock times of whole `quotegraph` processes (start-up, opening the
database, the query, printing to /dev/null), which is what a user waits for; the
`--version` row gives the process start-up floor. The cpu_* figures are the user +
system time of the same processes (getrusage of the children): on a shared machine
they show the query's own cost when the wall clock carries other processes' load.
"""

import argparse
import collections
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time

SEARCH_WORDS = [
    "government", "peace", "police", "election", "people", "war", "health", "president", "hostages",
    "minister", "security", "children", "money", "water", "fire", "court", "vote", "deal", "hospital",
    "students", "storm", "climate", "border", "talks", "economy", "workers", "law", "crisis", "safety", "support",
]


def looks_like_name(text):
    words = (text or "").split()
    return text if 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words) else None


def cmd_count(_args):
    docs = quotes = 0
    kinds = collections.Counter()
    speakers = collections.Counter()
    for line in sys.stdin:
        if not line.strip():
            continue
        rec = json.loads(line)
        docs += 1
        for q in rec.get("quotes", []):
            quotes += 1
            kinds[q.get("kind") or "?"] += 1
            speaker = q.get("speaker") or {}
            # The canonical entity name; before entities are resolved, a mention that looks like a full name.
            name = speaker.get("entity") or looks_like_name(speaker.get("text"))
            if name:
                speakers[name] += 1
    top = [name for name, _ in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))[:500]]
    json.dump({"docs": docs, "quotes": quotes, "kinds": dict(sorted(kinds.items())), "speakers": top}, sys.stdout)
    print()


def table_count(con, names):
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    for n in names:
        if n in tables:
            return con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
    return None


def cmd_dbcount(args):
    size = sum(os.path.getsize(p) for p in (args.db, args.db + "-wal") if os.path.exists(p))
    out = {"documents": None, "quotes": None, "db_bytes": size}
    try:
        con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
        out["documents"] = table_count(con, ["documents", "document", "docs", "doc"])
        out["quotes"] = table_count(con, ["quotes", "quote"])
        con.close()
    except sqlite3.Error as e:
        out["error"] = str(e)
    json.dump(out, sys.stdout)
    print()


def available(binary, command):
    """True when `binary COMMAND --help` succeeds (clap exits 2 on an unknown subcommand)."""
    r = subprocess.run([binary, command, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 100)) - 1))
    return sorted_values[k]


def cmd_query(args):
    names = []
    if args.names and os.path.exists(args.names):
        with open(args.names, encoding="utf-8") as f:
            names = [line.split("\t")[0].strip() for line in f if line.strip()]
    names = names[: args.max_names] or ["Basem Naim", "James Hewitt"]
    base = [args.bin, "--db", args.db]
    n = args.iterations

    def pick(i, offset=0):
        return names[(i + offset) % len(names)]

    specs = [
        ("startup (--version)", None, lambda i: [args.bin, "--version"]),
        ("quotes --by", "quotes", lambda i: base + ["quotes", "--by", pick(i)]),
        ("who --about", "who", lambda i: base + ["who", "--about", pick(i)]),
        ("search", "search", lambda i: base + ["search", SEARCH_WORDS[i % len(SEARCH_WORDS)]]),
        ("path", "path", lambda i: base + ["path", pick(i), pick(i, 1 + len(names) // 2)]),
        ("export dot ego --depth 1", "export", lambda i: base + ["export", "--format", "dot", "--entity", pick(i), "--depth", "1"]),
    ]
    results = []
    startup = None
    for label, command, argv in specs:
        row = {"query": label, "runs": 0}
        if command is not None and not available(args.bin, command):
            row["status"] = "n/a (command not available)"
            results.append(row)
            print(f"  {label:28} n/a (command not available)", file=sys.stderr)
            continue
        for i in range(args.warmup):
            subprocess.run(argv(i), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times, cpu, errors, misses, last_err = [], [], 0, 0, ""
        runs = n if command is not None else max(n, 50)  # the start-up floor needs a stable median
        for i in range(runs):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            r = subprocess.run(argv(i), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times.append((time.perf_counter() - t0) * 1000.0)
            # CPU time of the process (user + system): what the query costs, whatever else runs.
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000.0)
            if r.returncode == 1:
                # Exit code 1: the command ran but found nothing (no such name, no path).
                misses += 1
            elif r.returncode != 0:
                # 2 is a usage error (the command line rotted), 101 a panic, < 0 a signal.
                errors += 1
                last_err = f"exit {r.returncode}: " + " ".join(r.stderr.decode("utf-8", "replace").strip().splitlines()[:1])
        times.sort()
        cpu.sort()
        row.update(runs=runs, errors=errors, misses=misses, p50_ms=percentile(times, 50), p99_ms=percentile(times, 99), max_ms=times[-1],
                   cpu_p50_ms=percentile(cpu, 50), cpu_p99_ms=percentile(cpu, 99))
        if errors:
            row["status"] = f"error: {errors}/{runs} runs failed ({last_err})"
        elif misses:
            row["status"] = f"ok ({misses}/{runs} runs exited 1, e.g. no such name)"
        else:
            row["status"] = "ok"
        if startup is not None and command is not None:
            row["net_p50_ms"] = row["p50_ms"] - startup
        if command is None:
            startup = row["p50_ms"]
        results.append(row)
        print(f"  {label:28} p50 {row['p50_ms']:8.2f} ms  p99 {row['p99_ms']:8.2f} ms  "
              f"cpu p50 {row['cpu_p50_ms']:7.2f} p99 {row['cpu_p99_ms']:7.2f} ms  ({row['status']})", file=sys.stderr)
    json.dump(results, sys.stdout, indent=1)
    print()
    if any(r.get("status", "").startswith("error") for r in results):
        sys.exit(1)


def cmd_report(args):
    rows = []
    with open(args.tsv, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            rows.append(parts + [""] * (4 - len(parts)))
    print("| figure | measured | target | note |")
    print("|---|---:|---|---|")
    for name, value, target, note in rows:
        print(f"| {name} | {value} | {target} | {note} |")


def main():
    p = argparse.ArgumentParser(description="helpers of scripts/bench.sh")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("count")
    d = sub.add_parser("dbcount")
    d.add_argument("db")
    q = sub.add_parser("query")
    q.add_argument("--bin", required=True)
    q.add_argument("--db", required=True)
    q.add_argument("--names", help="file with one name per line (tab-separated count allowed)")
    q.add_argument("--max-names", type=int, default=200)
    q.add_argument("--iterations", type=int, default=100)
    q.add_argument("--warmup", type=int, default=3)
    r = sub.add_parser("report")
    r.add_argument("tsv")
    args = p.parse_args()
    {"count": cmd_count, "dbcount": cmd_dbcount, "query": cmd_query, "report": cmd_report}[args.cmd](args)


if __name__ == "__main__":
    main()
