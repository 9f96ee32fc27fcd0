"""numpy_workdays.py HOLIDAYS QUERIES ANSWERS RUNS - numpy's working days, for make bench.

Reads the query file bench_workdays wrote (int32 triples: start day, working
days to add, end day, each day counted from 1970-01-01, as Tellus and
numpy's datetime64[D] both count), answers every query with
numpy.busday_offset (roll='backward') and numpy.busday_count(a + 1, b + 1),
which give Tellus's meanings (day 0 is the start date whatever day it is),
over the same non-working days, RUNS times each. Writes the answers
(int32: the dates added, then the counts) to ANSWERS for bench_workdays to
check against its own, and prints one line per function: the seconds of
each run.
"""
import sys
import time

import numpy as np


def main():
    holidays = np.array([l.strip() for l in open(sys.argv[1]) if l.strip()], dtype="datetime64[D]")
    q = np.fromfile(sys.argv[2], dtype=np.int32).reshape(-1, 3)
    runs = int(sys.argv[4])
    start = q[:, 0].astype("datetime64[D]")
    days = q[:, 1].astype(np.int64)
    end = q[:, 2].astype("datetime64[D]")
    cal = np.busdaycalendar(holidays=holidays)
    one = np.timedelta64(1, "D")
    add_t, between_t = [], []
    for _ in range(runs):
        t = time.perf_counter()
        added = np.busday_offset(start, days, roll="backward", busdaycal=cal)
        add_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        counted = np.busday_count(start + one, end + one, busdaycal=cal)
        between_t.append(time.perf_counter() - t)
    np.concatenate([added.astype(np.int64).astype(np.int32), counted.astype(np.int32)]).tofile(sys.argv[3])
    print(" ".join(f"{x:.6f}" for x in add_t))
    print(" ".join(f"{x:.6f}" for x in between_t))


if __name__ == "__main__":
    main()
