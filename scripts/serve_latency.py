#!/usr/bin/env python3
"""Latency of a running `quotegraph serve`, measured from a local client (stdlib only).

One keep-alive HTTP/1.1 connection sends GET requests one after the other
and times each from sending the request to reading the whole body, so the
figures include the client's own HTTP handling (tens of microseconds) but no
process start-up or connection set-up. Names are used in turn from --names.

    python3 scripts/serve_latency.py --url http://127.0.0.1:8080 --names speakers.txt \
        --route '/api/quotes?by={name}' --iterations 2000 [--server-pid PID]

With --server-pid the server's CPU time (user + sys from /proc) per request is
reported too. Prints one JSON object: p50, p90, p95, p99, max and mean in ms.
"""

import argparse
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick


def nearest_rank(sorted_values, p):
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--names", required=True, help="file with one name per line")
    ap.add_argument("--route", default="/api/quotes?by={name}")
    ap.add_argument("--iterations", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--server-pid", type=int)
    a = ap.parse_args()
    names = [n.strip() for n in open(a.names, encoding="utf-8") if n.strip()]
    if not names:
        sys.exit("no names in " + a.names)
    u = urllib.parse.urlparse(a.url)
    conn = http.client.HTTPConnection(u.hostname, u.port or 80)

    def get(i):
        path = a.route.format(name=urllib.parse.quote(names[i % len(names)]))
        t0 = time.perf_counter_ns()
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        t1 = time.perf_counter_ns()
        if r.status != 200:
            sys.exit(f"GET {path}: {r.status} {body[:200]!r}")
        return (t1 - t0) / 1e6, len(body)

    for i in range(a.warmup):
        get(i)
    cpu0 = cpu_seconds(a.server_pid) if a.server_pid else None
    client0 = time.process_time()
    times, sizes = [], []
    for i in range(a.iterations):
        t, n = get(i)
        times.append(t)
        sizes.append(n)
    client = time.process_time() - client0
    s = sorted(times)
    out = {
        "route": a.route,
        "requests": len(times),
        "names": len(names),
        "p50_ms": round(nearest_rank(s, 50), 3),
        "p90_ms": round(nearest_rank(s, 90), 3),
        "p95_ms": round(nearest_rank(s, 95), 3),
        "p99_ms": round(nearest_rank(s, 99), 3),
        "max_ms": round(s[-1], 3),
        "mean_ms": round(statistics.fmean(s), 3),
        "mean_body_bytes": round(statistics.fmean(sizes)),
        "client_cpu_ms_per_request": round(client * 1000 / len(times), 3),
    }
    if cpu0 is not None:
        out["server_cpu_ms_per_request"] = round((cpu_seconds(a.server_pid) - cpu0) * 1000 / len(times), 3)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
