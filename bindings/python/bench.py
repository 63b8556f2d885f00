"""ringq.check from Python on the Rust benchmarks' own queries (the typical
query and a 1 MB query of benches/common), to set beside
`cargo bench --bench query`. Run with the package installed:

    python bindings/python/bench.py
"""

import statistics
import timeit
from datetime import datetime, timezone

import ringq

# benches/common/mod.rs, exactly.
TYPICAL = (
    "assigned_to_me:true -status_in:replied status_in:new source:5d8b1f2a "
    'categorized_in:c42 language:en first_content_after:2011-02-03 order:created_at.asc refund "late delivery"'
)


def long_query(size):
    parts, length, i = [], 0, 0
    while length < size:
        term = [
            f"source:s{i} ",
            f"-assigned_to_team:t{i} ",
            f'"late delivery {i}" ',
            f"categorized_in:c{i} ",
            f'assigned_to:"u{i}" ',
            f"refund{i} ",
        ][i % 6]
        parts.append(term)
        length += len(term.encode())
        i += 1
    return "".join(parts)


def median(call, number):
    """The median time of one call over 15 repeats of `number` calls (a
    median, as criterion reports)."""
    return statistics.median(timeit.repeat(call, number=number, repeat=15)) / number


def main():
    now = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)
    megabyte = long_query(1 << 20)
    rows = [
        ("typical, ringq.format (no dates, as the Rust bench)", median(lambda: ringq.format(TYPICAL), 10_000), len(TYPICAL)),
        ("typical, ringq.check(now=...)", median(lambda: ringq.check(TYPICAL, now=now), 10_000), len(TYPICAL)),
        ("1 MB, ringq.format", median(lambda: ringq.format(megabyte), 5), len(megabyte)),
        ("1 MB, ringq.check(now=...)", median(lambda: ringq.check(megabyte, now=now), 5), len(megabyte)),
    ]
    for name, seconds, size in rows:
        if seconds < 1e-3:
            print(f"{name}: {seconds * 1e6:.2f} µs")
        else:
            print(f"{name}: {seconds * 1e3:.2f} ms, {size / seconds / 1e6:.0f} MB/s")


if __name__ == "__main__":
    main()
