#!/usr/bin/env python3
"""Deterministic benchmark corpus generator for quotegraph (stdlib only).

Builds a large, realistic JSONL corpus (one `{"id","title","date","url","text"}`
object per line, the input format of `quotegraph extract` and `ingest`) from the
sample articles: the Wikinews articles in data/samples/wikinews.jsonl and the
seed article data/samples/hamas-talks.txt.

Each generated article is a copy of one source article in which

* the person names that appear next to a speech verb ("X said", "said X",
  "according to X", "X told", titles such as "President X") are swapped,
  consistently within the article (full name and surname alone), for names
  drawn from a pool of 40,000 invented first/last name pairs with a Zipf-like
  popularity, so that some speakers are quoted thousands of times and most
  only a few times, as in real news;
* the body paragraphs (everything after the lead paragraph) are reordered
  with a small number of random swaps; a paragraph with an odd number of
  double quotation marks (an open quote that continues in the next paragraph)
  stays glued to the paragraph after it;
* the id, date and title are new.

The same `--seed`, `--articles` and sources always give byte-identical output.
Output is streamed: memory use does not depend on `--articles`.

Sizes used by scripts/bench.sh: 1,000 (quick), 30,000 and 300,000 articles
(about 1.4 GB of text and over a million quotes).

Usage:
    python3 scripts/gen_corpus.py --articles 300000 --seed 7 -o corpus.jsonl \
        [--wikinews data/samples/wikinews.jsonl] [--seed-text data/samples/hamas-talks.txt] \
        [--names-out names.txt] [--stats-out stats.json]

Text is from Wikinews (CC BY 2.5, https://creativecommons.org/licenses/by/2.5/),
via github.com/vanatteveldt/wikinews; see data/samples for attribution.
"""

import argparse
import bisect
import itertools
import json
import os
import random
import re
import sys

FIRST_NAMES = """
Aaron Abigail Adam Adrian Ahmed Aisha Alan Albert Alejandro Alexander Alice Alina Amara Amir Ana Andrea
Andrew Angela Anna Anton Arjun Arthur Astrid Ayesha Barbara Beatriz Benjamin Bernard Bianca Boris Brian
Camila Carlos Carmen Caroline Catherine Chen Chiara Chloe Christian Claire Claudia Daniel David Deborah
Diana Diego Dmitri Elena Elif Elizabeth Emeka Emily Emma Eric Erik Esther Fatima Felipe Fernando Fiona
Francesca Gabriel George Grace Hana Hannah Hassan Helen Henrik Hiroshi Ibrahim Ines Ingrid Isaac Isabel
Ivan Jacob James Jan Javier Jean Jennifer Jessica Joanna John Jonas Jorge Jose Joseph Julia Kamala Karim
Katarzyna Keith Kenji Kevin Khalid Kim Lars Laura Leila Lena Leon Li Linda Lucas Lucia Luis Maria Mariam
Mark Marta Martin Maryam Mateo Matteo Mei Michael Miguel Mohammed Nadia Naomi Natalia Nikolai Nina Noah
Nora Olga Olivia Omar Oscar Pablo Patricia Paul Pedro Peter Priya Rachel Rafael Rahul Ravi Rebecca Ricardo
Robert Rosa Ruth Samuel Sandra Sara Sergei Simon Sofia Sophie Stefan Susan Tariq Thomas Tomas Valentina
Victor Viktor Wei William Yasmin Yuki Yusuf Zainab Zoe Adebayo Bongani Chidi Dalia Emre Farah Goran Hamid
Imani Jamal Kofi Lucia Malik Nasser Obinna Pilar Qasim Rania Selin Tendai Ugo Vera Wanjiru Xavier Yara Zeynep
""".split()

LAST_NAMES = """
Abbott Adeyemi Ahmadi Alvarez Andersen Araujo Bakker Barros Becker Bennett Berg Bianchi Brown Carter Castro
Chandra Chen Clarke Costa Cruz Dahl Davies Diaz Dubois Duarte Edwards Eriksson Evans Farouk Fischer Fontaine
Garcia Gomez Gonzalez Green Gupta Haddad Hansen Harris Hoffmann Hughes Ibrahim Ivanova Jansen Jensen Johnson
Kaplan Kato Keller Khan Kim Kowalski Kruger Larsen Laurent Lee Lindqvist Lopez Mahmoud Marino Martinez Meyer
Miller Moreau Morales Muller Murphy Nakamura Nguyen Nielsen Novak Nwosu Ochieng Okafor Oliveira Olsen Osei
Park Patel Pereira Petrov Popescu Quinn Rahman Ramirez Reyes Richter Rivera Romano Rossi Russo Saito Santos
Schmidt Schneider Silva Singh Sokolov Suzuki Tanaka Taylor Thompson Torres Turner Vargas Vasquez Volkov
Wagner Walker Wang Watanabe Weber Williams Wilson Wojcik Yamamoto Yilmaz Young Zhang Zimmermann Achterberg
Baptiste Castellano Delacroix Eklund Fitzgerald Gallagher Halvorsen Iglesias Jovanovic Kiplagat Lindgren
Mbeki Nordstrom Ortega Pellegrini Quintero Rasmussen Sandoval Takahashi Underwood Valdivia Whitfield
Xu Yoshida Zielinski Abara Brennan Cardenas Dimitrov Espinoza Forsberg Grigoryan Hakimi Iwasaki Jaramillo
""".split()

# Capitalised words that start or end a capitalised run but are not names.
NOT_NAME = set(
    """
The A An This That These Those It He She They We I You His Her Their Our In On At For From With By Of And
But Or As If When While After Before During Since Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December President Minister
Prime Secretary General Governor Senator Mayor Chief Director Police Officials Official Spokesman Spokeswoman
Spokesperson House White Department Ministry Office Committee Council Court Party Union News Times Post
Agency Service Services Government Company Group University Institute Association Organization Organisation
Commission Bank Federal National State States United Republic Democratic Democrats Republicans Army Navy
Force Forces Air Health World International Foundation Center Centre Board League Club Team Network Press
Reuters Associated Wikinews BBC CNN Street Road North South East West New Kingdom Nations Europe European
Islamic Israeli American British Russian Chinese Hamas Congress Senate Parliament Assembly Supreme Deputy
Vice Emergency Emergencies Investigative Security Regional City County Province Airport Station Hospital
Twitter Facebook Google Apple Microsoft Amazon Key Takeaways Dr Mr Mrs Ms Sir Lord Lady Saint St
""".split()
)

SPEECH = r"(?:said|says|told|added|stated|explained|warned|announced|claimed|noted|argued|wrote|insisted|asked)"
NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z]\.)?(?: (?:de |van |von |al-|bin )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}"
TITLE = r"(?:President|Minister|Secretary|Senator|Governor|Mayor|Dr\.|Mr\.|Mrs\.|Ms\.|spokesman|spokeswoman|spokesperson|official|director|chief|professor|Professor)"
NAME_CONTEXTS = [
    re.compile(r"(" + NAME + r"),? " + SPEECH + r"\b"),
    re.compile(r"(" + NAME + r"), [^,.\n\"]{3,60}, " + SPEECH + r"\b"),
    re.compile(r"\b" + SPEECH + r",? (?:" + TITLE + r" )?(" + NAME + r")"),
    re.compile(r"\baccording to (?:" + TITLE + r" )?(" + NAME + r")"),
    re.compile(r"\b" + TITLE + r" (" + NAME + r")"),
]

QUOTE_MARKS = re.compile('["\u201c\u201d]')
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")


def clean_name(name):
    """Drops leading/trailing non-name words; None when fewer than two words remain."""
    words = name.split(" ")
    while words and words[0] in NOT_NAME:
        words.pop(0)
    while words and words[-1] in NOT_NAME:
        words.pop()
    if len(words) < 2 or any(w in NOT_NAME for w in words):
        return None
    return " ".join(words)


class Source:
    """One source article, pre-analysed once: paragraphs and swappable names."""

    def __init__(self, source_id, title, text):
        self.id = source_id
        self.title = title
        paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(text.strip())]
        paragraphs = [p for p in paragraphs if p]
        self.lead = paragraphs[:1]
        # Blocks of body paragraphs that must stay together (open quotes running on).
        self.blocks = []
        block = []
        for p in paragraphs[1:]:
            block.append(p)
            if len(QUOTE_MARKS.findall(p)) % 2 == 0:
                self.blocks.append(block)
                block = []
        if block:
            self.blocks.append(block)
        names = set()
        for pattern in NAME_CONTEXTS:
            for m in pattern.finditer(text):
                n = clean_name(m.group(1))
                if n:
                    names.add(n)
        self.names = sorted(names)
        # Every full name and every surname (when unambiguous) gets a slot.
        surnames = {}
        for i, n in enumerate(self.names):
            surnames.setdefault(n.split(" ")[-1], []).append(i)
        self.keys = {n: (i, False) for i, n in enumerate(self.names)}
        for s, idx in surnames.items():
            if len(idx) == 1 and s not in self.keys:
                self.keys[s] = (idx[0], True)
        if self.keys:
            alternation = "|".join(re.escape(k) for k in sorted(self.keys, key=lambda k: (-len(k), k)))
            self.pattern = re.compile(r"\b(?:" + alternation + r")\b")
        else:
            self.pattern = None
        self.quote_marks = len(QUOTE_MARKS.findall(text))


def load_sources(wikinews_path, seed_path):
    sources = []
    if wikinews_path:
        with open(wikinews_path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    row = json.loads(line)
                    sources.append(Source(row["id"], row.get("title") or row["id"], row["text"]))
    if seed_path:
        with open(seed_path, encoding="utf-8") as f:
            text = f.read()
        stem = os.path.splitext(os.path.basename(seed_path))[0]
        sources.append(Source(stem, text.strip().split("\n", 1)[0][:120], text))
    if not sources:
        sys.exit("error: no source articles (give --wikinews and/or --seed-text)")
    return sources


def name_pool(seed):
    """40,000 invented names in a fixed shuffled order, with Zipf(1.1) cumulative weights."""
    pool = [f"{f} {l}" for f, l in itertools.product(sorted(set(FIRST_NAMES)), sorted(set(LAST_NAMES)))]
    random.Random(f"pool-{seed}").shuffle(pool)
    cum = list(itertools.accumulate(1.0 / (rank + 1) ** 1.1 for rank in range(len(pool))))
    return pool, cum


def generate(args, out):
    sources = load_sources(args.wikinews, args.seed_text)
    pool, cum = name_pool(args.seed)
    total = cum[-1]
    rng = random.Random(args.seed)
    uses = {}
    stats = {"articles": 0, "text_bytes": 0, "file_bytes": 0, "quote_marks": 0, "swapped_names": 0}
    for i in range(args.articles):
        src = sources[rng.randrange(len(sources))]
        # Names: one pool name per source name, distinct within the article.
        chosen = []
        for _ in src.names:
            while True:
                name = pool[bisect.bisect_left(cum, rng.random() * total)]
                if name not in chosen:
                    break
            chosen.append(name)
            uses[name] = uses.get(name, 0) + 1
        # Order: a few random swaps of body blocks.
        blocks = list(src.blocks)
        for _ in range(min(3, len(blocks) // 2)):
            a, b = rng.randrange(len(blocks)), rng.randrange(len(blocks))
            blocks[a], blocks[b] = blocks[b], blocks[a]
        text = "\n\n".join(src.lead + [p for block in blocks for p in block])
        if src.pattern is not None:

            def swap(m, src=src, chosen=chosen):
                idx, surname_only = src.keys[m.group(0)]
                new = chosen[idx]
                return new.split(" ")[-1] if surname_only else new

            text = src.pattern.sub(swap, text)
            title = src.pattern.sub(swap, src.title)
        else:
            title = src.title
        day = rng.randrange(3653)  # 2015-01-01 .. 2024-12-31
        year, rest = 2015 + day // 366, day % 366
        date = f"{year:04d}-{1 + rest // 31 % 12:02d}-{1 + rest % 28:02d}"
        doc_id = f"gen{args.seed}-{i:07d}"
        record = {"id": doc_id, "title": title, "date": date, "url": f"https://example.org/{doc_id}", "text": text}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        out.write(line)
        stats["articles"] += 1
        stats["text_bytes"] += len(text.encode("utf-8"))
        stats["file_bytes"] += len(line.encode("utf-8"))
        stats["quote_marks"] += src.quote_marks
        stats["swapped_names"] += len(chosen)
    stats["distinct_names"] = len(uses)
    stats["seed"] = args.seed
    stats["sources"] = len(sources)
    # Most quoted names first (ties by name), for query benchmarks.
    top = sorted(uses.items(), key=lambda kv: (-kv[1], kv[0]))
    return stats, top


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--wikinews", default="data/samples/wikinews.jsonl", help="JSONL source articles")
    p.add_argument("--seed-text", default="data/samples/hamas-talks.txt", help="plain-text source article")
    p.add_argument("-o", "--output", default="-", help="output JSONL file (default stdout)")
    p.add_argument("--names-out", help="write the swapped-in names, most used first, one per line")
    p.add_argument("--stats-out", help="write corpus statistics as JSON")
    args = p.parse_args()
    for path in (args.wikinews, args.seed_text):
        if path and not os.path.exists(path):
            sys.exit(f"error: source {path} not found (pass --wikinews/--seed-text)")
    if args.output == "-":
        stats, top = generate(args, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
            stats, top = generate(args, out)
    if args.names_out:
        with open(args.names_out, "w", encoding="utf-8") as f:
            for name, n in top:
                f.write(f"{name}\t{n}\n")
    if args.stats_out:
        with open(args.stats_out, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=1, sort_keys=True)
            f.write("\n")
    print(
        f"gen_corpus: {stats['articles']} articles, {stats['text_bytes'] / 1e6:.1f} MB text, "
        f"~{stats['quote_marks'] // 2} double-quoted passages, {stats['distinct_names']} distinct swapped names",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
