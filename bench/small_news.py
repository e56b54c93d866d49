#!/usr/bin/env python3
"""Writes COUNT small news items into DEST, for timing claimlint on many claims per subject.

    python3 bench/small_news.py DEST COUNT

Each file is a dated item of two or three sentences: a figure about one of a few subjects
(trainers in Iraq, troops in Afghanistan, an earthquake's death toll, marchers in Hong
Kong), often an official quoted by title and name (with or without the organisation, now and
then misspelt), and a surname. Every subject and every title then gathers claims from
thousands of documents, many of them of one day. The output depends only on COUNT.
"""
import os
import random
import sys

dest, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(29)

OUTLETS = [f"{name} {kind}" for name in ("Harbour", "Pacific", "Northern", "City", "Evening", "Capital",
                                         "Border", "Morning")
           for kind in ("Post", "Wire", "Herald", "Times", "Desk")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
OFFICIALS = [
    "US Defense Secretary Mark Esper", "Defense Secretary Mark Esper", "Defense Secretary Esper",
    "NATO Secretary General Jens Stoltenberg", "Secretary General Jens Stoltenberg",
    "NATO Secretary General Jens Stoltenburg", "Police Commissioner Stephen Lo",
]


def figure(month, day):
    when = f"on {MONTHS[month - 1]} {day}"
    kind = rng.randrange(4)
    if kind == 0:
        n = rng.choice([500, 500, 500, 550, 4000, 100 + rng.randrange(900)])
        return f"NATO said {when} it has {n:,} trainers in Iraq."
    if kind == 1:
        n = rng.choice([8600, 8600, 4500, 2500, 2500, 1000 + rng.randrange(12000)])
        return f"The United States had {n:,} troops in Afghanistan {when}, the Pentagon said."
    if kind == 2:
        n = rng.randrange(100, 50000)
        return f"The death toll from the earthquake rose to {n:,} {when}, officials said."
    n = rng.choice([1_030_000, 1_030_000, 240_000, 2_000_000, 338_000])
    return f"Organisers said {n:,} people marched in Hong Kong {when}."


os.makedirs(dest, exist_ok=True)
for i in range(count):
    year = rng.choice([2019, 2020])
    month = rng.randrange(1, 13)
    day = rng.randrange(1, 29)
    lines = [figure(month, day)]
    if rng.random() < 0.5:
        lines.append(f"{rng.choice(OFFICIALS)} said the figure could change within {rng.randrange(2, 30)} days.")
    if rng.random() < 0.3:
        lines.append(f"{rng.choice(['Stoltenberg', 'Esper', 'Lo'])} spoke to reporters in the capital.")
    folder = os.path.join(dest, f"{i // 1000:03d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"item-{i:06d}.md"), "w") as f:
        f.write(f"---\ntitle: \"Item {i}\"\nsource: {rng.choice(OUTLETS)}\n"
                f"date: {year}-{month:02d}-{day:02d}\n---\n{' '.join(lines)}\n")
