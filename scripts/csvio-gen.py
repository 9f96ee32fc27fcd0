#!/usr/bin/env python3
"""csvio-gen.py N OUT.csv - writes a cases file of N complaints and
compliments for timing `tellus import` (see mk/csvio.mk, bench-csvio).
Real references (check characters as in app/core/ref.c), every stage
column in use, summaries with quotes, commas, line breaks and several
scripts; dates spread over 2019-2025 so no case lies in the future."""
import datetime
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY"
HEADER = ("ref,kind,received,procedure,channel,complainant,on_behalf,service_area,team,"
          "causes,summary,stage1_response,stage1_extended,stage1_outcome,stage2_requested,"
          "stage2_response,stage2_extended,stage2_outcome,stage3_requested,stage3_panel,"
          "stage3_response,stage3_outcome,actions,consent_to_publish")
CAUSES = ["sensitivity_empathy", "professional_judgement", "quality_of_work", "delays",
          "fairness", "keeping_informed", "politeness_honesty", "accessibility",
          "accuracy_of_information"]
WORDS = ['My review was cancelled, again.', 'She said ""not now"" and left.',
         'Nobody rang back 😞', 'ખૂબ ખૂબ આભાર', 'لم يتم الرد على رسائلي', 'Zażółć gęślą jaźń',
         'Line one\nline two', '=not a formula']


def ref(year, seq):
    body = "K2-%02d-%04d" % (year % 100, seq)
    total, i = 0, 0
    for ch in body:
        if ch != "-":
            i += 1
            total = (total + i * ALPHABET.index(ch)) % 31
    check = next(c for c in range(31) if (total + (i + 1) * c) % 31 == 0)
    return body + "-" + ALPHABET[check]


def day(d):
    return d.isoformat()


def row(rnd, seq):
    start = datetime.date(2019, 1, 7) + datetime.timedelta(days=rnd.randrange(6 * 365))
    summary = '"' + " ".join(rnd.sample(WORDS, 2)) + '"'
    area = rnd.choice(["Fostering", "Children in care", "Adoption", "Early help"])
    who = rnd.choice(["child", "parent", "carer", "foster_carer", "relative"])
    if rnd.random() < 0.15:
        return [ref(start.year, seq), "compliment", day(start), "statutory", "kiosk", who, "no",
                area, "", "", summary] + [""] * 12 + ["yes"]
    stages = [""] * 11
    stages[1] = "no"
    stages[0] = day(start + datetime.timedelta(days=12))
    stages[2] = rnd.choice(["fully_upheld", "partly_upheld", "not_upheld"])
    if rnd.random() < 0.2:
        s2 = start + datetime.timedelta(days=20)
        stages[3:7] = [day(s2), day(s2 + datetime.timedelta(days=30)), "no", "not_upheld"]
    causes = ";".join(rnd.sample(CAUSES, rnd.randint(1, 3)))
    return ([ref(start.year, seq), "complaint", day(start), "statutory", "letter", who, "no",
             area, "North", causes, summary] + stages + ["apology", "no"])


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(4180)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\r\n")
        for seq in range(1, n + 1):
            f.write(",".join(row(rnd, seq)) + "\r\n")


main()
