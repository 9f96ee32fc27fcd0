#!/usr/bin/env python3
"""i18n.py - keeps the catalogues of the public words (SPEC 13) true.

  i18n.py pot     writes assets/locale/tellus.pot from the marked words
  i18n.py update  merges the .pot into every assets/locale/LANG/tellus.po
  i18n.py check   fails on a public string that is not marked, a .pot that
                  is behind the code, or a catalogue that is incomplete

What counts as a public string: every string literal in the files that
draw public screens (app/kiosk, app/ui, app/serve) must sit inside a
marker (_, N_, NP_, P_, NG_, lang_text...; include/tellus/lang.h), unless
it has no letters outside HTML tags ("%s: %d", "1234567890", "<p>",
"</h2><ul>"), or it is an argument of a
function whose strings are never words on screen (err_set, strcmp,
fprintf, store_setting_get, SDL_...; NOT_WORDS below), or its file is one
of the staff screens, which are in English by design (STAFF_ONLY). So a
new screen file, a new table of words or a new call is checked at once:
nothing has to be listed for a string to be caught.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

DOMAIN = "tellus"
POT = "assets/locale/tellus.pot"
SOURCES = ["app/core/lang/*.c", "app/core/people/equalities.c", "app/kiosk/*.c", "app/ui/*.c", "app/serve/*.c",
           "app/serve/*/*.c"]
PUBLIC = ["app/kiosk/*.c", "app/ui/*.c", "app/serve/*.c", "app/serve/*/*.c"]
KEYWORDS = ["_", "N_", "NP_:1c,2", "P_:1c,2", "NG_:1,2", "lang_text:2",
            "lang_ntext:2,3", "lang_ptext:2c,3"]
MARKERS = {"_", "N_", "NP_", "P_", "NG_", "NT_", "lang_text", "lang_ntext",
           "lang_ptext", "lang_gettext", "lang_ngettext", "lang_pgettext"}
# Functions whose string arguments are never shown as words: messages for
# staff and logs, keys, identifiers, comparisons, the platform's calls.
# A number limits it to that argument (1-based).
NOT_WORDS = {
    "err_set": None, "err_prefix": None, "fprintf": None, "printf": None,
    "fputs": None, "puts": None, "perror": None, "sscanf": None,
    "strcmp": None, "strncmp": None, "strcasecmp": None, "strstr": None,
    "strchr": None, "strspn": None, "strcspn": None, "strtok_r": None,
    "memcmp": None, "getenv": None, "setenv": None, "fopen": None,
    "access": None, "store_setting_get": None, "store_setting_set": None,
    "case_set_text": None, "words_find": None, "lang_use": None,
    "lang_find": None, "lang_header": None, "lang_list_parse": None, "ui_make_id": None,
    "ui_textfield": 2, "kiosk_sample": None, "store_set_actor": None,
    "kiosk_field_error": 2, "kiosk_typed": 2, "kiosk_hint": 2, "lang_isolate": 1,
    "field": 2,  # serve_page.c: a form field's name and id
}
NOT_WORDS_PREFIX = ("SDL_", "TTF_", "xkb_", "espeak_", "MHD_")
# Staff screens: English by design (the council's staff), and sample case
# content (a person's own words, which are never translated).
STAFF_ONLY = {"app/kiosk/main.c", "app/kiosk/kiosk_staff.c", "app/kiosk/kiosk_manage.c",
              "app/kiosk/kiosk_sample.c", "app/kiosk/kiosk_respond.c",
              "app/kiosk/kiosk_case.c", "app/kiosk/kiosk_safety.c",
              "app/kiosk/kiosk_edit.c", "app/kiosk/kiosk_sync.c"}
# Files that draw no words at all, with what their strings are instead.
NO_WORDS_FILES = {"app/ui/ui_font.c": "font files and ISO 15924 script tags",
                  "app/ui/ui_xkb.c": "XKB's key and rules names; key caps come from xkb-data",
                  "app/serve/serve.c": "options, paths and messages to the register's staff",
                  "app/serve/serve_http.c": "HTTP headers, and one-line refusals that a "
                  "device's tellus sync shows its staff; the pages' words are serve_words.c's",
                  "app/serve/serve_track.c": "lines of the audit trail, for staff"}

TOKEN = re.compile(r'''
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<pre>^[ \t]*\#[ \t]*include[^\n]*)
  | (?P<string>(?:u8|[LuU])?"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])+')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<comma>,)
  | (?P<space>\s+)
  | (?P<other>.)
''', re.S | re.M | re.X)
FORMAT = re.compile(r'%(?:\d+\$)?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z%]')


def has_words(literal):
    body = re.sub(r'^(?:u8|[LuU])?"|"$', "", literal)
    # HTML markup is not words: a tag, or one the next literal closes.
    body = re.sub(r'<[^<>]*(?:>|$)', " ", body.replace('\\"', "'"))
    body = re.sub(r'\\(?:x[0-9a-fA-F]+|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)', " ", body)
    body = FORMAT.sub(" ", body)
    return any(ch.isalpha() for ch in body)


def unmarked(path, text):
    """(line, literal) of every string literal in text that is not marked."""
    found = []
    frames = []          # [name or None, argument index]
    last_ident = None
    group = None         # [line, literal, frame name, argument] of adjacent literals
    line = 1

    def flush():
        if group is None:
            return
        lineno, lit, name, arg = group
        if name in MARKERS:
            return
        if name and (name.startswith(NOT_WORDS_PREFIX) or
                     (name in NOT_WORDS and NOT_WORDS[name] in (None, arg))):
            return
        if has_words(lit):
            found.append((lineno, lit))

    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "string":
            frame = frames[-1] if frames else [None, 0]
            if group is None:
                group = [line, tok, frame[0], frame[1] + 1]
            else:
                group[1] = group[1][:-1] + re.sub(r'^(?:u8|[LuU])?"', "", tok)
        elif kind not in ("comment", "space"):
            flush()
            group = None
            if kind == "ident":
                last_ident = tok
            elif kind == "open":
                frames.append([last_ident if tok == "(" else None, 0])
                last_ident = None
            elif kind == "close":
                if frames:
                    frames.pop()
                last_ident = None
            elif kind == "comma":
                if frames:
                    frames[-1][1] += 1
                last_ident = None
            else:
                last_ident = None
        line += tok.count("\n")
    flush()
    return found


def files(root, patterns):
    out = []
    for p in patterns:
        out += glob.glob(os.path.join(root, p))
    return sorted(set(os.path.relpath(f, root) for f in out))


def check_marks(root):
    errors = []
    for rel in files(root, PUBLIC):
        if rel in STAFF_ONLY or rel in NO_WORDS_FILES:
            continue
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            hits = unmarked(rel, f.read())
        for lineno, lit in hits:
            errors.append("%s:%d: %s is not marked for translation (_() or N_(); "
                          "NT_() if it is data, not words)" % (rel, lineno, lit[:60]))
    return errors


def xgettext(root, out):
    srcs = files(root, SOURCES)
    cmd = ["xgettext", "--language=C", "--from-code=UTF-8", "--add-comments=TRANSLATORS:",
           "--add-location=file", "--package-name=" + DOMAIN, "--foreign-user",
           "-o", out] + ["--keyword=" + k for k in KEYWORDS] + srcs
    # Its only complaint without --msgid-bugs-address is that it is missing:
    # there is no address to give, so its output is shown only on failure.
    r = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise SystemExit("i18n: xgettext failed")


def entries(po):
    """The (msgctxt, msgid, msgid_plural) of a .po or .pot, header left out."""
    r = subprocess.run(["msgcat", "--no-location", "--no-wrap", "--sort-output", po],
                       capture_output=True, text=True, check=True)
    keys, cur = set(), {}
    for ln in r.stdout.splitlines() + [""]:
        m = re.match(r'^(msgctxt|msgid|msgid_plural) (".*")$', ln)
        if m:
            cur[m.group(1)] = m.group(2)
        elif not ln.strip() and cur:
            if cur.get("msgid") != '""' or "msgctxt" in cur:
                keys.add((cur.get("msgctxt"), cur.get("msgid"), cur.get("msgid_plural")))
            cur = {}
    return keys


def check_catalogues(root):
    errors = []
    pot = os.path.join(root, POT)
    if not os.path.exists(pot):
        return ["%s: missing: run make pot" % POT]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh.pot")
        xgettext(root, fresh)
        if entries(fresh) != entries(pot):
            errors.append("%s: behind the marked words in the code: run make pot, then "
                          "make po-update and translate what is new" % POT)
    want = entries(pot)
    for po in files(root, ["assets/locale/*/tellus.po"]):
        lang = po.split("/")[2]
        path = os.path.join(root, po)
        r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", path],
                           capture_output=True, text=True)
        stats = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
        if r.returncode != 0:
            errors.append("%s: msgfmt --check failed: %s" % (po, r.stderr.strip()[:300]))
        elif "untranslated" in stats or "fuzzy" in stats:
            errors.append("%s: not complete: %s" % (po, stats))
        have = entries(path)
        missing = want - have
        if missing:
            errors.append("%s: %d words of the .pot are missing (first: %s): run make "
                          "po-update" % (po, len(missing), sorted(missing, key=str)[0][1]))
        with open(path, encoding="utf-8") as f:
            head = f.read(4000)
        if not re.search(r'^"Language: %s\\n"$' % re.escape(lang), head, re.M):
            errors.append("%s: header: Language must be %s" % (po, lang))
        if not re.search(r'^"Reviewed-By:.*\\n"$', head, re.M):
            errors.append("%s: header: no Reviewed-By field (leave it empty until a "
                          "qualified translator signs)" % po)
    return errors


def update(root):
    for po in files(root, ["assets/locale/*/tellus.po"]):
        subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none",
                        "--add-location=file", po, POT], cwd=root, check=True)


def main(argv):
    root = os.getcwd()
    args = argv[1:]
    if len(args) >= 2 and args[0] == "--root":
        root, args = args[1], args[2:]
    if args == ["pot"]:
        xgettext(root, POT)
        return 0
    if args == ["update"]:
        update(root)
        return 0
    if args == ["check"] or args == ["check-marks"]:
        errors = check_marks(root)
        if args == ["check"]:
            errors += check_catalogues(root)
        for e in errors:
            print("i18n: " + e, file=sys.stderr)
        return 1 if errors else 0
    print("usage: i18n.py [--root DIR] pot|update|check|check-marks", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
