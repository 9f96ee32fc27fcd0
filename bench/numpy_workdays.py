"""numpy_workdays.py HOLIDAYS N - numpy's working-day functions, for make bench.

Prints "ADD_QPS BETWEEN_QPS": the median of five runs of numpy.busday_offset
(1-65 working days) and numpy.busday_count (spans of 0-91 days) over N random
dates from 2000 on, with the same non-working days as Tellus's calendar.
busday_offset with roll='backward' and busday_count(a + 1, b + 1) give
Tellus's meanings (day 0 is the start date whatever day it is).
"""
import statistics
import sys
import time

import numpy as np


def main():
    holidays = np.array([l.strip() for l in open(sys.argv[1]) if l.strip()], dtype="datetime64[D]")
    n = int(sys.argv[2])
    rng = np.random.default_rng(42)
    start = np.datetime64("2000-01-01") + rng.integers(0, 70 * 365, n).astype("timedelta64[D]")
    days = rng.integers(1, 66, n)
    end = start + rng.integers(0, 92, n).astype("timedelta64[D]")
    cal = np.busdaycalendar(holidays=holidays)
    one = np.timedelta64(1, "D")
    add, between = [], []
    for _ in range(5):
        t = time.perf_counter()
        np.busday_offset(start, days, roll="backward", busdaycal=cal)
        add.append(n / (time.perf_counter() - t))
        t = time.perf_counter()
        np.busday_count(start + one, end + one, busdaycal=cal)
        between.append(n / (time.perf_counter() - t))
    print(f"{statistics.median(add):.0f} {statistics.median(between):.0f}")


if __name__ == "__main__":
    main()
