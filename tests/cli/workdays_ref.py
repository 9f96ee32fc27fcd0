#!/usr/bin/env python3
"""workdays_ref.py - a second, independent working-day calendar to check
`tellus` against. Written from the rules alone, sharing nothing with the C
code: Easter by Knuth's form of the Lilius-Clavius epact computus (the C
code uses Meeus/Jones/Butcher), dates by Python's datetime, substitute days
by "next weekday not already taken", working days by walking day by day.

  workdays_ref.py queries SEED COUNT   random batch queries, one a line
  workdays_ref.py answer [CLOSURES]    answers the queries on stdin
  workdays_ref.py holidays FIRST LAST [CLOSURES]
                                       non-working weekdays of those years
CLOSURES is a comma-separated list of YYYY-MM-DD authority closure days.
"""
import datetime
import random
import sys

ONE = datetime.timedelta(days=1)
FIRST_YEAR, LAST_YEAR = 1995, 2099

# Days added or moved by proclamation since 1995 (SPEC section 3).
MOVED = {  # (year, holiday) -> the day it moved to
    (1995, "early_may"): (5, 8),
    (2002, "spring"): (6, 4),
    (2012, "spring"): (6, 4),
    (2020, "early_may"): (5, 8),
    (2022, "spring"): (6, 2),
}
EXTRA = [(1999, 12, 31), (2002, 6, 3), (2011, 4, 29), (2012, 6, 5),
         (2022, 6, 3), (2022, 9, 19), (2023, 5, 8)]


def easter(y):
    """Easter Sunday: golden number, solar and lunar corrections, epact."""
    golden = y % 19 + 1
    century = y // 100 + 1
    solar = 3 * century // 4 - 12
    lunar = (8 * century + 5) // 25 - 5
    sunday = 5 * y // 4 - solar - 10
    epact = (11 * golden + 20 + lunar - solar) % 30
    if (epact == 25 and golden > 11) or epact == 24:
        epact += 1
    full_moon = 44 - epact
    if full_moon < 21:
        full_moon += 30
    day = full_moon + 7 - (sunday + full_moon) % 7
    return datetime.date(y, 4, day - 31) if day > 31 else datetime.date(y, 3, day)


def is_weekend(d):
    return d.isoweekday() >= 6


def mondays(y, m):
    d = datetime.date(y, m, 1)
    while d.month == m:
        if d.isoweekday() == 1:
            yield d
        d += ONE


def bank_holidays(y):
    """Set of the bank holidays of England and Wales in year y."""
    fixed = [datetime.date(y, 1, 1), datetime.date(y, 12, 25), datetime.date(y, 12, 26)]
    taken = {d for d in fixed if not is_weekend(d)}
    for d in fixed:  # a weekend one moves to the next free weekday
        if is_weekend(d):
            while is_weekend(d) or d in taken:
                d += ONE
            taken.add(d)
    e = easter(y)
    taken |= {e - 2 * ONE, e + ONE}
    rules = {"early_may": list(mondays(y, 5))[0], "spring": list(mondays(y, 5))[-1]}
    for key, day in rules.items():
        if (y, key) in MOVED:
            day = datetime.date(y, *MOVED[(y, key)])
        taken.add(day)
    taken.add(list(mondays(y, 8))[-1])
    taken |= {datetime.date(*t) for t in EXTRA if t[0] == y}
    return taken


class Calendar:
    def __init__(self, closures=()):
        self.closures = set(closures)
        self.holidays = {}

    def works(self, d):
        if d.year not in self.holidays:
            self.holidays[d.year] = bank_holidays(d.year)
        return not (is_weekend(d) or d in self.holidays[d.year] or d in self.closures)

    def add(self, d, n):
        step = ONE if n > 0 else -ONE
        while n:
            d += step
            if self.works(d):
                n -= 1 if n > 0 else -1
        return d

    def between(self, a, b):
        lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
        count = 0
        while lo < hi:
            lo += ONE
            count += self.works(lo)
        return sign * count

    def non_working(self, y):
        days = bank_holidays(y) | {d for d in self.closures if d.year == y}
        return sorted(days)


def parse(s):
    return datetime.date.fromisoformat(s)


def closures_arg(args):
    return [parse(s) for s in args[0].split(",") if s] if args else []


def random_date(rng):
    lo = datetime.date(FIRST_YEAR, 1, 1).toordinal()
    hi = datetime.date(2060, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(lo, hi))


def queries(seed, count):
    """Mostly short spans (where mistakes hide), some across decades,
    then every day around each Christmas and Easter."""
    rng = random.Random(seed)
    for i in range(count):
        a = random_date(rng)
        if i % 2 == 0:
            print(f"add {a} {rng.randint(-70, 70)}")
            continue
        span = rng.randint(-3000, 3000) if i % 50 == 1 else rng.randint(-400, 400)
        b = datetime.date.fromordinal(a.toordinal() + span)
        b = min(max(b, datetime.date(FIRST_YEAR, 1, 1)), datetime.date(LAST_YEAR, 12, 31))
        print(f"between {a} {b}")
    for y in range(FIRST_YEAR, 2061):  # where the holidays crowd together
        for start in (datetime.date(y, 12, 18), easter(y) - 6 * ONE):
            for k in range(14):
                d = start + k * ONE
                print(f"add {d} {rng.choice((1, 5, 10, 20, -1, -10))}")
                print(f"between {d} {d + rng.randint(1, 30) * ONE}")


def answer(cal):
    for line in sys.stdin:
        op, x, y = line.split()
        if op == "add":
            print(cal.add(parse(x), int(y)))
        else:
            print(cal.between(parse(x), parse(y)))


def main(argv):
    if len(argv) == 3 and argv[0] == "queries":
        queries(int(argv[1]), int(argv[2]))
    elif argv and argv[0] == "answer":
        answer(Calendar(closures_arg(argv[1:])))
    elif len(argv) >= 3 and argv[0] == "holidays":
        cal = Calendar(closures_arg(argv[3:]))
        for y in range(int(argv[1]), int(argv[2]) + 1):
            for d in cal.non_working(y):
                print(d)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
