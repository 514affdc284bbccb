#!/usr/bin/env python3
"""Writes the spread test corpus (tests/data/spread/corpus.jsonl) to stdout.

One statement carried by N documents with different dates and outlets:
the full quote, a re-punctuated copy, a trimmed copy, one with a few words
changed, extra spaces and capitals, an undated copy, an earlier copy stored
later (the first source is the earliest date, not the first stored), and a
copy attributed to another speaker. A second statement in three documents.
Distractors: quotes that share a common phrase ("we will see", "we will not
let the river") with each other or with the statement, but are other quotes.

Every record carries `statement`, the true label of its one quote (ignored
by quotegraph's input, read by tests/cli/spread_corpus.rs).

    python3 scripts/gen_spread_corpus.py > tests/data/spread/corpus.jsonl
"""
import json

A = "We will not let the river plant close while a single family in this valley still depends on it for work"
B = "The budget for the new bridge has been approved and construction will begin in the spring"

docs = [
    # (id, outlet, date, statement, text)
    ("a1", "valley-times.example", "2023-03-01", "A",
     f"The council met on Tuesday. \u201c{A},\u201d said Senator Maria Lopez.\nThe plant employs 400 people."),
    ("a2", "river-news.example", "2023-03-02", "A",
     f"Workers gathered outside the gates. \"We will not let the river plant close -- while a single family in this valley still depends on it, for work!\" said Senator Maria Lopez."),
    ("a3", "daily-post.example", "2023-03-02T08:15:00Z", "A",
     "The closure was announced last week. \u201cWe will not let the river plant close,\u201d said Senator Maria Lopez."),
    ("a4", "north-herald.example", "2023-03-03", "A",
     "Talks resumed on Friday. \u201cWe won't let the river plant close while one family in this valley still depends on it for jobs,\u201d said Senator Maria Lopez."),
    ("a5", "first-wire.example", "2023-02-28T21:00:00-05:00", "A",
     f"In a late statement, the senator spoke about the plant. \u201c{A},\u201d said Senator Maria Lopez."),
    ("a6", None, None, "A",
     f"A reader sent this in. \u201c{A},\u201d said Senator Maria Lopez."),
    ("a7", "misquote-daily.example", "2023-03-04", "A",
     f"The governor visited the plant. \u201c{A},\u201d said Governor Tom Baker."),
    ("a8", "shouty.example", "2023-03-05", "A",
     "Protest signs lined the road. \u201cWE WILL NOT LET THE RIVER PLANT CLOSE   while a single family in this valley still depends on it for work,\u201d said Senator Maria Lopez."),
    ("b1", "valley-times.example", "2023-04-01", "B",
     f"The council voted on Monday. \u201c{B},\u201d said Mayor John Smith."),
    ("b2", "river-news.example", "2023-04-02", "B",
     f"Residents welcomed the news. \u201c{B.lower()}.\u201d said Mayor John Smith."),
    ("b3", "daily-post.example", "2023-04-03", "B",
     "Traffic has grown for years. \u201cThe budget for the new bridge has been approved,\u201d said Mayor John Smith."),
    ("d1", "valley-times.example", "2023-05-01", "d1",
     "The council met again. \u201cWe will see what happens with the tariffs when the council meets next year,\u201d said Mayor John Smith."),
    ("d2", "river-news.example", "2023-05-02", "d2",
     "Asked about the vote, the senator was careful. \u201cWe will see how the election plays out in the fall before we decide anything,\u201d said Senator Maria Lopez."),
    ("d3", "daily-post.example", "2023-05-03", "d3",
     "Nobody knew what came next. \u201cWe will see,\u201d said Mayor John Smith."),
    ("d4", "north-herald.example", "2023-05-04", "d4",
     "Spring floods hit the town. \u201cWe will not let the river flood the town again this year,\u201d said Mayor John Smith."),
    ("d5", "first-wire.example", "2023-05-05", "d5",
     "The senator spoke at the fair. \u201cWe will not let anyone close the fair while a single stall in this valley still wants to open,\u201d said Senator Maria Lopez."),
]

for id_, outlet, date, statement, text in docs:
    rec = {"id": id_, "text": text, "statement": statement}
    if date:
        rec["date"] = date
    if outlet:
        rec["outlet"] = outlet
    print(json.dumps(rec, ensure_ascii=False))
