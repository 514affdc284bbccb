#!/usr/bin/env python3
"""Generate data/lexicon/common_words.txt: lower-case English words from GUM.

    python3 scripts/gen_common_words.py ../shared/data/gum_train > data/lexicon/common_words.txt

Every word form written in lower case at least once in the GUM training
documents (annotations CC BY 4.0, Zeldes 2017; texts CC BY / BY-SA), minus
forms GUM ever tags as proper nouns.  quotegraph uses it to tell a capitalised
sentence-initial or headline word ("Despite", "Officials") from a name.
EXTRA adds sentence adverbs that GUM happens to write only at a sentence start.
"""
import collections
import glob
import os
import sys

EXTRA = """furthermore nonetheless moreover meanwhile additionally likewise similarly accordingly
alternatively conversely importantly fortunately interestingly""".split()


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "gum_train")
    count = collections.Counter()
    proper = set()
    for path in sorted(glob.glob(os.path.join(src, "*.conllu"))):
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or not cols[0].isdigit():
                continue
            form, upos = cols[1], cols[3]
            if upos == "PROPN":
                proper.add(form.lower())
            if form.isalpha() and form.islower():
                count[form] += 1
    words = sorted({w for w, n in count.items() if n >= 1 and w not in proper} | set(EXTRA))
    print("# Lower-case words from GUM (CC BY 4.0); scripts/gen_common_words.py")
    for w in words:
        print(w)


if __name__ == "__main__":
    main()
