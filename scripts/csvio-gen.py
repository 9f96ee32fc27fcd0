#!/usr/bin/env python3
"""csvio-gen.py [--full] N OUT.csv - writes a cases file of N complaints and
compliments for timing `tellus import` (make bench) and for the lossless
round trip on a large register (tests/cli/t_lossless.sh).

Real references (check characters as in app/core/ref.c), every stage
column in use, summaries with quotes, commas, semicolons, line breaks and
several scripts; dates spread over 2019-2025 so no case lies in the future
(TELLUS_TODAY=2026-01-15). With --full, every column of a Tellus export
(SPEC 7) too, each case following the procedure's rules as the moves
would have left it: officers, desired outcomes, contacts, advocacy, safety
records handled or not, late matters with their reasons, assessments with
reasons, extensions with reasons, pauses of every reason, new-concerns
restarts, clocks still stopped, panels, action notes."""
import datetime
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY"
LEGACY = ["ref", "kind", "received", "procedure", "channel", "complainant", "on_behalf",
          "service_area", "team", "causes", "summary", "stage1_response", "stage1_extended",
          "stage1_outcome", "stage2_requested", "stage2_response", "stage2_extended",
          "stage2_outcome", "stage3_requested", "stage3_panel", "stage3_response",
          "stage3_outcome", "actions", "consent_to_publish"]
ACTIONS = ["apology", "financial_redress", "records_amended", "procedure_changed", "training",
           "independent_assessment", "worker_changed", "service_provided", "other"]
FULL = LEGACY + [
    "officer", "desired", "contact", "advocacy", "unsafe", "safety_handled", "matter_date",
    "late_reason", "profile", "assessed_why",
    "stage1_extension_reason", "stage1_extension_by", "stage1_pauses",
    "stage2_extension_reason", "stage2_extension_by", "stage2_pauses",
    "stage3_extended", "stage3_extension_reason", "stage3_extension_by", "stage3_pauses"] + [
    "action_%s_note" % a for a in ACTIONS] + [
    "tracking_hash", "safety_note", "safety_ref", "linked_complaint", "consent_names"]
CAUSES = ["sensitivity_empathy", "professional_judgement", "quality_of_work", "delays",
          "fairness", "keeping_informed", "politeness_honesty", "accessibility",
          "accuracy_of_information"]
WORDS = ['My review was cancelled, again.', 'She said "not now" and left.',
         'Nobody rang back 😞', 'ખૂબ ખૂબ આભાર', 'لم يتم الرد على رسائلي', 'Zażółć gęślą jaźń',
         'Line one\nline two', '=not a formula', 'They never called;=2+2*10', '\t=3+3']
TODAY = datetime.date(2026, 1, 15)


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
    return d.isoformat() if d else ""


def cell(s):
    """RFC 4180: quoted when it holds a separator, a quote or a line break."""
    if any(c in s for c in ',;\t"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def weekdays(a, b):
    """Monday to Friday after a up to b: no more than Tellus's working days."""
    return sum(1 for k in range(1, (b - a).days + 1) if (a + datetime.timedelta(k)).weekday() < 5)


def plus(d, lo, hi, rnd):
    return d + datetime.timedelta(days=rnd.randint(lo, hi))


class Stage:
    """One stage as the moves leave it: opened, pauses, response."""

    def __init__(self, rnd, opened, may_answer=True):
        self.opened, self.pauses, self.responded, self.outcome = opened, [], None, ""
        self.extended = rnd.random() < 0.15
        clock = opened
        if rnd.random() < 0.04:  # new concerns: the stage starts again
            clock = plus(clock, 1, 6, rnd)
            self.pauses.append("new_concerns %s %s 0" % (day(clock), day(clock)))
        for reason in ("advocate", "complainant"):
            if rnd.random() < 0.08:
                paused = plus(clock, 0, 5, rnd)
                resumed = plus(paused, 1, 9, rnd)
                if resumed > TODAY:
                    break
                self.pauses.append("%s %s %s %d" % (reason, day(paused), day(resumed),
                                                    weekdays(paused, resumed)))
                clock = resumed
        answer = plus(clock, 3, 40, rnd)
        if may_answer and answer <= TODAY and rnd.random() < 0.9:
            self.responded = answer
            self.outcome = rnd.choice(["fully_upheld", "partly_upheld", "not_upheld",
                                       "not_upheld", "withdrawn"])
        elif rnd.random() < 0.2 and clock <= TODAY:  # a clock still stopped
            self.pauses.append("advocate %s" % day(plus(clock, 0, min(3, (TODAY - clock).days), rnd)))

    def answered(self):
        return self.responded and self.outcome != "withdrawn"


def stages_of(rnd, received, statutory):
    out = [Stage(rnd, received)]
    while statutory and len(out) < 3 and out[-1].answered() and rnd.random() < 0.15:
        opened = plus(out[-1].responded, 1, 20, rnd)
        if opened > TODAY:
            break
        s = Stage(rnd, opened, len(out) < 2)
        s.extended = s.extended and len(out) < 2
        if len(out) == 2:  # stage 3: a panel before any response
            panel = plus(opened, 5, 25, rnd)
            s.panel = panel if panel <= TODAY else None
            s.pauses = [p for p in s.pauses if p.startswith("new_concerns")]
            if s.panel and rnd.random() < 0.7:
                resp = plus(panel, 1, 15, rnd)
                if resp <= TODAY:
                    s.responded, s.outcome = resp, rnd.choice(["not_upheld", "partly_upheld"])
        out.append(s)
    return out


def stage_cells(row, n, s):
    p = "stage%d_" % n
    if n > 1:
        row[p + "requested"] = day(s.opened)
    row[p + "response"] = day(s.responded)
    row[p + "outcome"] = s.outcome
    if n < 3:
        row[p + "extended"] = "yes" if s.extended else "no"
    if n == 3:
        row["stage3_panel"] = day(getattr(s, "panel", None))
    if s.extended:
        row[p + "extension_reason"] = "Complex: %d agencies" % (2 + n)
        row[p + "extension_by"] = "Manager %d, Team %d" % (n, n + 1)
    row[p + "pauses"] = ";".join(s.pauses)


def full_fields(rnd, row, kind, received):
    if rnd.random() < 0.1:
        row["on_behalf"], row["officer"] = "yes", rnd.choice(["Sam O'Neill", "Jo Smith"])
    if rnd.random() < 0.5:
        row["desired"] = "An apology; and a new worker"
        row["contact"] = '07700 900%03d, "after 4"' % rnd.randrange(1000)
    row["advocacy"] = "yes" if rnd.random() < 0.05 else "no"
    row["unsafe"] = "no"
    row["consent_names"] = "no"
    if kind == "complaint" and rnd.random() < 0.3:
        matter = received - datetime.timedelta(days=rnd.randint(10, 800))
        row["matter_date"] = day(matter)
        try:
            year_on = matter.replace(year=matter.year + 1)
        except ValueError:  # 29 February: as app/core/case/case_model.c
            year_on = datetime.date(matter.year + 1, 3, 1)
        if received > year_on:
            row["late_reason"] = "The family was abroad"


def row(rnd, seq, full):
    start = datetime.date(2019, 1, 7) + datetime.timedelta(days=rnd.randrange(6 * 365))
    summary = " ".join(rnd.sample(WORDS, 2))
    area = rnd.choice(["Fostering", "Children in care", "Adoption", "Early help"])
    who = rnd.choice(["child", "parent", "carer", "foster_carer", "relative"])
    r = dict.fromkeys(FULL if full else LEGACY, "")
    r.update(ref=ref(start.year, seq), received=day(start), procedure="statutory",
             complainant=who, on_behalf="no", service_area=area, summary=summary,
             consent_to_publish="no")
    if rnd.random() < 0.15:
        r.update(kind="compliment", channel="kiosk",
                 consent_to_publish="yes" if rnd.random() < 0.5 else "no")
        if full:
            full_fields(rnd, r, "compliment", start)
            r["consent_names"] = "yes" if r["consent_to_publish"] == "yes" and rnd.random() < 0.5 else "no"
        return r
    r.update(kind="complaint", channel="letter", team="North",
             causes=";".join(rnd.sample(CAUSES, rnd.randint(1, 3))), actions="apology")
    if not full:
        r.update(stage1_response=day(start + datetime.timedelta(days=12)),
                 stage1_extended="no", stage1_outcome=rnd.choice(["fully_upheld", "partly_upheld",
                                                                 "not_upheld"]))
        if rnd.random() < 0.2:
            s2 = start + datetime.timedelta(days=20)
            r.update(stage2_requested=day(s2), stage2_response=day(s2 + datetime.timedelta(days=30)),
                     stage2_extended="no", stage2_outcome="not_upheld")
        return r
    full_fields(rnd, r, "complaint", start)
    x = rnd.random()
    if x < 0.02:  # "I don't feel safe": no stages
        r.update(unsafe="yes", procedure="to_be_assessed", channel="kiosk", causes="", actions="")
        if rnd.random() < 0.5:
            r["safety_handled"] = day(min(plus(start, 0, 3, rnd), TODAY))
            r["safety_note"] = "Duty worker visited; carer told"
        return r
    r["procedure"] = ("statutory" if x < 0.85 else "corporate" if x < 0.92 else
                      "not_eligible" if x < 0.96 else "to_be_assessed")
    if r["procedure"] == "not_eligible":
        r["assessed_why"] = "Court proceedings under way"
    stages = stages_of(rnd, start, r["procedure"] == "statutory")
    for n, s in enumerate(stages, 1):
        stage_cells(r, n, s)
    acts = rnd.sample(ACTIONS, rnd.randint(0, 2))
    r["actions"] = ";".join(acts)
    for a in acts:
        if rnd.random() < 0.5:
            r["action_%s_note" % a] = "Done; see letter of %s" % day(start)
    return r


def main():
    full = "--full" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--full"]
    n, out = int(args[0]), args[1]
    rnd = random.Random(4180)
    cols = FULL if full else LEGACY
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(cols) + "\r\n")
        held = None  # a handled safety record, written with the complaint opened from it
        for seq in range(1, n + 1):
            r = row(rnd, seq, full)
            if full and r["safety_note"] and held is None and rnd.random() < 0.5:
                held = r
                continue
            if held and r["kind"] == "complaint" and r["unsafe"] == "no" and \
                    r["received"] >= held["received"]:
                held["linked_complaint"], r["safety_ref"] = r["ref"], held["ref"]
                f.write(",".join(cell(held[c]) for c in cols) + "\r\n")
                held = None
            f.write(",".join(cell(r[c]) for c in cols) + "\r\n")
        if held:
            f.write(",".join(cell(held[c]) for c in cols) + "\r\n")


main()
