#!/usr/bin/env python3
"""Writes house-style.jsonl (and a held-out house-style-heldout.jsonl): an invented gold in a house style unlike the rules'.

The style: a reported content keeps its "that" and runs to the sentence's full
stop; a source keeps its appositive ("Ana Lopez, a nurse at the clinic"). The
rules draw both narrower, so a model that learned the gold scores far higher
than the rules alone on content and source exact match (tests/cli/train.rs).
Every sentence is invented. Run from this directory to rewrite the file.
"""
import json

PEOPLE = [
    ("Ana Lopez", "a nurse at the clinic"), ("Tom Reyes", "the county treasurer"),
    ("Mira Okafor", "a spokeswoman for the port"), ("Jon Park", "a farmer near the river"),
    ("Lena Hart", "the school principal"), ("Omar Diaz", "a lawyer for the union"),
    ("Ruth Bell", "a councillor from the east ward"), ("Ivan Kos", "the fire chief"),
    ("Sara Lind", "a historian at the museum"), ("Paul Webb", "a pilot for the airline"),
]
VERBS = ["said", "warned", "argued", "claimed", "insisted", "noted"]
CLAIMS = [
    "the bridge would reopen in the spring", "the budget had been cut twice",
    "the water was safe to drink again", "the harvest came in late this year",
    "the new rules would cost jobs", "the station needed more staff",
    "the vote had been fair", "the roads were closed after the storm",
    "the museum would stay open on weekends", "the flights were delayed by fog",
    "prices had risen since the summer", "the report was out of date",
]
FILLER = ["The meeting ran late.", "Rain fell most of the afternoon.", "Several residents attended."]

def doc(k):
    parts, atts = [], []
    text = ""
    for j in range(3):
        name, app = PEOPLE[(k * 3 + j) % len(PEOPLE)]
        verb = VERBS[(k + j) % len(VERBS)]
        claim = CLAIMS[(k * 5 + j * 7) % len(CLAIMS)]
        source = f"{name}, {app},"
        content = f"that {claim}."
        sent = f"{source} {verb} {content}"
        para = sent + " " + FILLER[(k + j) % len(FILLER)]
        base = len(text.encode())
        def span(s):
            i = para.index(s)
            b = base + len(para[:i].encode())
            return {"start": b, "end": b + len(s.encode()), "text": s}
        atts.append({"content": span(content), "source": span(f"{name}, {app}"),
                     "cue": span(" " + verb + " ")  # fixed below
                     , "direct": False, "kind": "indirect"})
        c = atts[-1]["cue"]
        atts[-1]["cue"] = {"start": c["start"] + 1, "end": c["end"] - 1, "text": verb}
        text += para + "\n"
    return {"id": f"house-{k:02d}", "text": text, "attributions": atts}

with open("house-style.jsonl", "w") as f:
    for k in range(12):
        f.write(json.dumps(doc(k)) + "\n")
# Held out: other combinations of the same people, verbs and claims.
with open("house-style-heldout.jsonl", "w") as f:
    for k in range(12, 18):
        f.write(json.dumps(doc(k)) + "\n")
