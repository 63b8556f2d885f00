"""Long inputs are checked with the GIL released, so threads validate in
parallel; results are the same from many threads."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import ringq

from conftest import NOW

TYPICAL = 'assigned_to_me:true -status_in:replied first_content_after:"2 weeks ago at 4pm" source:42 refund'


def long_query(megabytes):
    words = []
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        word = f"categorized_in:{i} remboursé{i} -assigned_to_team:{i}"
        words.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(words)


def test_the_interpreter_runs_while_a_long_query_is_checked():
    query = long_query(4)
    times = {}

    def check():
        times["start"] = time.perf_counter()
        ringq.check(query, now=NOW)
        times["end"] = time.perf_counter()

    worker = threading.Thread(target=check)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    start, end = times["start"], times["end"]
    # With the GIL held for the whole call, this thread could not run in
    # its middle third.
    third = (end - start) / 3
    assert end - start > 0.005
    assert any(start + third < t < end - third for t in ticks), (end - start, len(ticks))


def test_threads_get_the_same_answers():
    queries = [TYPICAL, long_query(0.1), "é asigned:true", TYPICAL.replace("refund", "remboursement")]

    def answer(q):
        try:
            return ringq.check(q, now=NOW)
        except ringq.QueryError as error:
            return [(d.code, d.start, d.end) for d in error.diagnostics]

    expected = [answer(q) for q in queries]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(answer, queries * 25))
    assert results == expected * 25
