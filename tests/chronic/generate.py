#!/usr/bin/env python3
"""Generates date phrasings for the differential test against Chronic.

    python3 tests/chronic/generate.py [--seed N] [--count N] > rows.tsv

Each row is `zone<TAB>now<TAB>locale<TAB>context<TAB>expression`. The phrasings
are drawn from templates over the vocabulary a person types into a date
filter (amounts, weekdays, months, clock times, ordinals, numeric layouts,
parts of the day, words around a date, typos, impossible dates), so no row is
hand-picked; a different seed gives a held-out set of the same kind.
The committed corpus is seed 1 (`record.py` adds Chronic's answers).
"""

import argparse
import random

ZONES = ["UTC", "America/New_York", "Europe/Paris"]
NOWS = [
    "2026-11-24T12:34:56Z",  # a Tuesday afternoon
    "2011-03-15T08:05:00Z",  # the seed's era
    "2024-02-29T23:30:00Z",  # a leap day, late
    "2026-03-29T01:30:00Z",  # Paris changes to summer time this night
    "2026-11-01T06:30:00Z",  # New York falls back this night
    "2025-12-31T23:59:59Z",  # the last second of a year
    "2026-06-07T00:00:30Z",  # a Sunday, just after midnight UTC
    "2026-04-30T16:45:00Z",  # the last day of a month
]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
UNITS = ["second", "minute", "min", "hour", "hr", "day", "week", "month", "year",
         "fortnight", "weekend", "weekday", "business day", "season"]
WORD_NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "fifteen", "twenty", "twenty one", "thirty-three", "a", "an"]
ORDINALS = ["1st", "2nd", "3rd", "4th", "5th", "first", "second", "third", "fourth", "last"]
GRAINS = ["day", "week", "month", "year", "hour", "minute", "weekend", "fortnight", "season",
          "morning", "afternoon", "evening", "night"]
PARTS = ["morning", "afternoon", "evening", "night"]
NAMED_DAYS = ["today", "yesterday", "tomorrow", "tonight", "now"]
SEASONS = ["spring", "summer", "autumn", "fall", "winter"]
FILLERS = ["meeting", "the", "about", "around", "on", "by", "until", "call", "approx", "sometime"]
TYPOS = ["fridday", "janury", "weks", "tomorow", "yesterdy", "mondey", "agoo", "hourz", "nxt", "lst"]


def clock(r):
    h12 = r.randint(1, 12)
    h24 = r.randint(0, 23)
    m = r.choice([0, 5, 15, 30, 45, 59])
    return r.choice([
        f"{h12}pm", f"{h12}am", f"{h12} pm", f"{h12}:{m:02d}pm", f"{h12}:{m:02d} am",
        f"{h24}:{m:02d}", f"{h24:02d}:{m:02d}", f"{h24:02d}:{m:02d}:{r.randint(0, 59):02d}",
        f"{h12}", f"{h24}", "noon", "midnight", f"{h24:02d}{m:02d}", f"{h12}:{m:02d}",
        f"{h12}p", f"{h12}:{m:02d}a", f"{h12} o'clock", f"{h12}a.m.", f"{h12} p.m.",
    ])


def amount(r):
    return r.choice([str(r.randint(1, 40)), str(r.randint(1, 5)), r.choice(WORD_NUMBERS)])


def unit(r, n):
    u = r.choice(UNITS)
    plural = n not in ("1", "one", "a", "an")
    return u + "s" if plural and r.random() < 0.9 else u


def year(r):
    return r.choice([str(r.randint(1990, 2030)), str(r.randint(1990, 2030)), f"{r.randint(0, 99):02d}"])


def day_of_month(r):
    return r.choice([r.randint(1, 28), r.randint(1, 31), r.randint(29, 32)])


def ordinal_day(r):
    d = day_of_month(r)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d, "th")
    return f"{d}{suffix}"


def absolute(r):
    y, mo, d = r.randint(1995, 2030), r.randint(1, 13), day_of_month(r)
    mo2 = r.randint(1, 12)
    h, mi, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
    return r.choice([
        f"{y}-{mo2:02d}-{d:02d}", f"{y}-{mo2:02d}-{d:02d} {h:02d}:{mi:02d}",
        f"{y}-{mo2:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}", f"{y}-{mo2:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
        f"{y}-{mo2:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}+01:00", f"{y}-{mo2:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}-05:00",
        f"{y}-{mo2:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d} +0100", f"{y}-{mo:02d}-{d:02d}",
        f"{mo}/{d}/{y}", f"{mo:02d}/{d:02d}/{y}", f"{d}/{mo}/{y}", f"{mo}-{d}-{y}", f"{mo}/{d}",
        f"{mo}/{d}/{y % 100:02d}", f"{d}.{mo}.{y}", f"{d:02d}.{mo:02d}.{y}", f"{y}.{mo2:02d}.{d:02d}",
        f"{y}/{mo2:02d}/{d:02d}", f"{y}-{mo2:02d}", f"{mo2:02d}/{y}", f"{y}/{mo2}",
        f"{y}-{mo2:02d}-{d:02d} at {clock(r)}", f"{mo}/{d}/{y} {clock(r)}", f"{mo}/{d}/{y} at {clock(r)}",
    ])


def month_day(r):
    m, d = r.choice(MONTHS), day_of_month(r)
    od = ordinal_day(r)
    y = year(r)
    return r.choice([
        f"{m} {d}", f"{m} {od}", f"{m} {d} {y}", f"{m} {d}, {y}", f"{m} {od}, {y}", f"{d} {m}",
        f"{od} {m}", f"{d} {m} {y}", f"{od} of {m}", f"{m} {d} at {clock(r)}", f"{m} {od} at {clock(r)}",
        f"{m} {d} {y} at {clock(r)}", f"{m} {d} {clock(r)}", f"{clock(r)} on {m} {d}", f"{m} {y}",
        f"{m}", f"{d}-{m}", f"{d}-{m}-{y}", f"{m}. {d}", f"{m} {d} at midnight", f"{m} {d} {y} midnight",
        f"{r.choice(WEEKDAYS)} {m} {d}", f"{r.choice(WEEKDAYS)} {m} {d} {y}", f"{r.choice(WEEKDAYS)}, {m} {od}",
        f"{r.choice(WEEKDAYS)} {m} {d} at {clock(r)}", f"{r.choice(WEEKDAYS)} {od}", f"{y} {m} {od}",
    ])


def relative(r):
    n = amount(r)
    u = unit(r, n)
    return r.choice([
        f"{n} {u} ago", f"{n} {u} ago", f"{n} {u} from now", f"in {n} {u}", f"{n} {u} hence",
        f"{n} {u} before now", f"{n} {u} after now", f"{n} {u} ago at {clock(r)}",
        f"{n} {u} ago {r.choice(WEEKDAYS)}", f"{n} {u} ago {r.choice(WEEKDAYS)} at {clock(r)}",
        f"{n} {u} from now at {clock(r)}", f"{n} {u} before {r.choice(NAMED_DAYS)}",
        f"{n} {u} after {r.choice(NAMED_DAYS)}", f"{n} {u} ago {r.choice(NAMED_DAYS)}",
        f"{n} {u} and {amount(r)} {r.choice(['minutes', 'seconds', 'hours'])} ago",
        f"{n} {u} from {r.choice(NAMED_DAYS)}", f"{n} {u} ago this {r.choice(WEEKDAYS)}",
    ])


def anchored(r):
    g = r.choice(["last", "this", "next"])
    return r.choice([
        f"{g} {r.choice(WEEKDAYS)}", f"{g} {r.choice(GRAINS)}", f"{g} {r.choice(MONTHS)}",
        f"{g} {r.choice(SEASONS)}", f"{g} {r.choice(WEEKDAYS)} at {clock(r)}", f"{g} week {r.choice(WEEKDAYS)}",
        f"{r.choice(WEEKDAYS)} {g} week", f"{g} {r.choice(WEEKDAYS)} {r.choice(PARTS)}",
        f"{r.choice(NAMED_DAYS)}", f"{r.choice(NAMED_DAYS)} at {clock(r)}", f"{clock(r)} {r.choice(NAMED_DAYS)}",
        f"{r.choice(NAMED_DAYS)} {r.choice(PARTS)}", f"{r.choice(PARTS)} {r.choice(NAMED_DAYS)}",
        f"this {r.choice(PARTS)}", f"{r.choice(WEEKDAYS)}", f"{r.choice(WEEKDAYS)} at {clock(r)}",
        f"{clock(r)} {r.choice(WEEKDAYS)}", f"on {r.choice(WEEKDAYS)}", f"{clock(r)}", f"at {clock(r)}",
        f"{r.choice(WEEKDAYS)} {clock(r)}", f"{r.choice(NAMED_DAYS)} {clock(r)}", f"{r.choice(GRAINS)}",
        f"{clock(r)} in the {r.choice(PARTS)}", f"{r.choice(NAMED_DAYS)} at noon", f"noon {r.choice(NAMED_DAYS)}",
        f"{r.choice(NAMED_DAYS)} at midnight", f"{r.choice(['half', 'quarter', '10', '20'])} {r.choice(['past', 'to', 'after', 'before', 'till'])} {r.randint(1, 12)}",
        f"{g} {r.choice(MONTHS)} {r.randint(1, 28)}", f"{r.choice(PARTS)}",
    ])


def ordinal(r):
    o = r.choice(ORDINALS)
    return r.choice([
        f"{o} {r.choice(WEEKDAYS)} in {r.choice(MONTHS)}", f"{o} {r.choice(WEEKDAYS)} of {r.choice(MONTHS)}",
        f"{o} day {r.choice(['last', 'this', 'next'])} {r.choice(['week', 'month', 'year'])}",
        f"{o} {r.choice(['week', 'month', 'day'])} {r.choice(['last', 'this', 'next'])} {r.choice(['month', 'year'])}",
        f"{o} {r.choice(WEEKDAYS)} {r.choice(['last', 'this', 'next'])} month",
        f"{o} {r.choice(WEEKDAYS)} in {r.choice(['last', 'this', 'next'])} month", f"{ordinal_day(r)}",
        f"{ordinal_day(r)} at {clock(r)}", f"{o} of {r.choice(['last', 'this', 'next'])} month",
        f"{o} {r.choice(['week', 'day'])} in {r.choice(MONTHS)}",
    ])


def decorated(r, base):
    kind = r.random()
    if kind < 0.25:
        return f"{r.choice(FILLERS)} {base}"
    if kind < 0.45:
        return f"{base} {r.choice(FILLERS)}"
    if kind < 0.6:
        words = base.split(" ")
        i = r.randrange(len(words))
        words[i] = r.choice(TYPOS)
        return " ".join(words)
    if kind < 0.8:
        return base.upper() if r.random() < 0.3 else base.title()
    return f"{base},"


def phrase(r):
    family = r.random()
    if family < 0.16:
        base = absolute(r)
    elif family < 0.36:
        base = month_day(r)
    elif family < 0.56:
        base = relative(r)
    elif family < 0.80:
        base = anchored(r)
    else:
        base = ordinal(r)
    if r.random() < 0.12:
        base = decorated(r, base)
    return " ".join(base.split(" ")) if "  " in base else base


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=2400)
    args = parser.parse_args()
    r = random.Random(args.seed)
    seen = set()
    while len(seen) < args.count:
        zone, now = r.choice(ZONES), r.choice(NOWS)
        locale = "fr" if r.random() < 0.15 else "en"
        context = "future" if r.random() < 0.15 else "past"
        row = (zone, now, locale, context, phrase(r))
        if row in seen:
            continue
        seen.add(row)
        print("\t".join(row))


if __name__ == "__main__":
    main()
