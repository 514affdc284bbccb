#!/usr/bin/env python3
"""Offset audit (issue 15): library code in src/ (test modules and their files
left out) that can panic on an offset: `.unwrap()`, `.expect(`, range slices
`x[a..b]` and byte indexing `bytes[i]`. A site counts as explained when its
line or one of the three lines above holds an `Invariant:` comment.

Usage: scripts/offset_audit.py [ROOT] [-v]   (-v lists every site)"""
import os
import re
import sys

root = next((a for a in sys.argv[1:] if not a.startswith('-')), '.')
verbose = '-v' in sys.argv
PATTERNS = {
    'unwrap': re.compile(r'\.unwrap\(\)'),
    'expect': re.compile(r'\.expect\('),
    'range-slice': re.compile(r'\w[\])]?\[[^\[\]]*\.\.[^\[\]]*\]'),
    'byte-index': re.compile(r'bytes(\(\))?\[[^\].]+\]'),
}
# Files of test modules: `#[cfg(test)]` then `mod NAME;` anywhere in src/.
TEST_FILES = set()
for d, _, files in os.walk(os.path.join(root, 'src')):
    for f in files:
        if f.endswith('.rs'):
            src = open(os.path.join(d, f), encoding='utf-8').read()
            TEST_FILES.update(m + '.rs' for m in re.findall(r'#\[cfg\(test\)\]\s*(?:pub(?:\([\w:]+\))? )?mod (\w+);', src))
total = {k: 0 for k in PATTERNS}
bare = {k: 0 for k in PATTERNS}
for d, _, files in sorted(os.walk(os.path.join(root, 'src'))):
    for f in sorted(files):
        if not f.endswith('.rs') or f in TEST_FILES:
            continue
        path = os.path.join(d, f)
        lines = open(path, encoding='utf-8').read().split('\n')
        for i, line in enumerate(lines):
            if line.startswith('#[cfg(test)]') and i + 1 < len(lines) and re.match(r'mod \w+ \{', lines[i + 1]):
                break
            code = '' if line.lstrip().startswith('//') else line.split(' // ')[0]
            explained = any('Invariant:' in l for l in lines[max(0, i - 3):i + 1])
            for kind, pat in PATTERNS.items():
                if pat.search(code):
                    total[kind] += 1
                    bare[kind] += not explained
                    if verbose:
                        mark = 'ok  ' if explained else 'BARE'
                        print(f'{mark} {os.path.relpath(path, root)}:{i + 1}: [{kind}] {line.strip()}')
print('sites:      ', ' '.join(f'{k} {v}' for k, v in total.items()), '| total', sum(total.values()))
print('unexplained:', ' '.join(f'{k} {v}' for k, v in bare.items()), '| total', sum(bare.values()))
