#!/usr/bin/env python3
"""Records Chronic 0.10.5's answers for generated rows (needs Ruby and
Debian's ruby-chronic; the test that reads the result does not).

    python3 tests/chronic/generate.py --seed 1 | python3 tests/chronic/record.py > tests/chronic/corpus.tsv

Each output row is the input row followed by Chronic's answer: the span as
`START END` (UTC, RFC 3339), `nil` (no date) or `error` (Chronic raised).
One Ruby process per zone, with TZ set in its environment.
"""

import datetime
import os
import subprocess
import sys

ORACLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "oracle.rb")


def epoch(rfc3339):
    return int(datetime.datetime.fromisoformat(rfc3339.replace("Z", "+00:00")).timestamp())


def utc(seconds):
    t = datetime.datetime.fromtimestamp(int(seconds), datetime.timezone.utc)
    return f"{t.year:04d}-{t:%m-%dT%H:%M:%SZ}"


def main():
    rows = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
    answers = {}
    for zone in sorted({row[0] for row in rows}):
        mine = [i for i, row in enumerate(rows) if row[0] == zone]
        text = "".join(f"{epoch(rows[i][1])}\t{rows[i][2]}\t{rows[i][3]}\t{rows[i][4]}\n" for i in mine)
        out = subprocess.run(["ruby", ORACLE], input=text, capture_output=True, text=True, check=True,
                             env={**os.environ, "TZ": zone}).stdout.splitlines()
        if len(out) != len(mine):
            sys.exit(f"the oracle answered {len(out)} lines for {len(mine)} in {zone}")
        for i, answer in zip(mine, out):
            parts = answer.split("\t")
            answers[i] = f"{utc(parts[0])} {utc(parts[1])}" if len(parts) == 2 else answer
    for i, row in enumerate(rows):
        print("\t".join(row + [answers[i]]))


if __name__ == "__main__":
    main()
