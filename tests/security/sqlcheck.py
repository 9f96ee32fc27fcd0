"""sqlcheck.py FILE... - finds SQL built from pieces in C sources.

Tellus runs SQL only as prepared statements with bound parameters. This
reads each C file (comments and character constants removed, adjacent
string literals joined) and reports, one "file:line: why" a line:
  - any call of sqlite3_mprintf, sqlite3_vmprintf, sqlite3_snprintf,
    sqlite3_vsnprintf or the sqlite3_str_* builders;
  - a printf-family call whose format holds an SQL keyword and a text
    conversion (%s, %c, %q, ...) - SQL text with a value spliced in.
    Whole numbers (%d) may be formatted into SQL where SQLite takes no
    parameter (PRAGMA user_version, SAVEPOINT names): they cannot carry
    SQL;
  - strcat/strncat/strcpy/stpcpy/memcpy into a buffer named like sql/query;
  - sqlite3_prepare*/sqlite3_exec/store_stmt given SQL that is neither a
    string literal nor a name bound to literals only (a const string or a
    table of them, here or in an included header; a buffer only ever
    written by such formats; a parameter every caller fills so; a macro
    made of literals and such macros only, with literal arguments) -
    unless the file is listed in ALLOWED_SQL_SOURCES.
Exit status 1 when anything is found. `--self-test` checks the checker.
"""
import re
import sys

PRINTF = r"\b(?:v?s?n?printf|v?asprintf|v?fprintf|dprintf)\s*\("
SQLITE_FMT = r"\b(sqlite3_v?mprintf|sqlite3_v?snprintf|sqlite3_str_\w+)\s*\("
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WHERE|VALUES|"
                       r"REPLACE|ATTACH|VACUUM|BEGIN|COMMIT|SAVEPOINT|RELEASE|ROLLBACK)\b")
CONVERSION = re.compile(r"%[-+ #0]*(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?[cspaAqQw]")
COPY_INTO_SQL = re.compile(r"\b(strn?cat|strn?cpy|stpn?cpy|memcpy|memmove)\s*\(\s*&?\s*(\w*(sql|query|stmt)\w*)",
                           re.IGNORECASE)
PREPARE = re.compile(r"\b(sqlite3_prepare(?:_v2|_v3)?|sqlite3_exec|store_stmt)\s*\(")
# Files whose prepared SQL comes from reviewed data tables, not values;
# store_stmt.c prepares what its callers give, and they are checked here
# as prepares themselves.
# store_bulk_new.c makes again the triggers a bulk write dropped, from the
# CREATE TRIGGER text the file's own schema held, each checked to be one.
ALLOWED_SQL_SOURCES = {"app/core/report/report.c", "app/core/store/store_stmt.c",
                       "app/core/store/store_bulk_new.c"}


def strip(src):
    """Blanks comments and character constants, keeping line numbers."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j])); i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1]); i = j + 1
        elif c == "'":
            j = i + 1
            while j < n and src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            out.append(" " * (j + 1 - i)); i = j + 1
        else:
            out.append(c); i += 1
    return "".join(out)


def call_args(text, start):
    """The argument text of the call whose '(' is at start."""
    depth, i = 0, start
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    return text[start + 1:]


def split_args(args):
    parts, depth, cur, i = [], 0, "", 0
    while i < len(args):
        c = args[i]
        if c == '"':
            j = i + 1
            while j < len(args) and args[j] != '"':
                j += 2 if args[j] == "\\" else 1
            cur += args[i:j + 1]; i = j + 1; continue
        if c in "([{": depth += 1
        if c in ")]}": depth -= 1
        if c == "," and depth == 0:
            parts.append(cur); cur = ""
        else:
            cur += c
        i += 1
    parts.append(cur)
    return [p.strip() for p in parts]


def literal(arg):
    """The joined string literals of arg, or None when arg is not only literals."""
    pieces = re.findall(r'"((?:[^"\\]|\\.)*)"', arg)
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', "", arg).strip()
    return "".join(pieces) if pieces and not rest else None


def literal_macros(text):
    """Macros whose body is string literals, the macro's own parameters and
    other such macros only: "SELECT " COLS(x) " FROM t" and the like."""
    defs = {}
    joined = re.sub(r"\\\n", " ", text)
    for m in re.finditer(r"^[ \t]*#\s*define\s+(\w+)(\(([^)]*)\))?[ \t]*(.*)$", joined, re.MULTILINE):
        params = {p.strip() for p in (m.group(3) or "").split(",") if p.strip()}
        defs[m.group(1)] = (params, m.group(4))
    good, changed = set(), True
    while changed:
        changed = False
        for name, (params, body) in defs.items():
            if name not in good and literal_expr(body, good, params):
                good.add(name); changed = True
    return good


def literal_expr(expr, macros, params=()):
    """Is expr string literals joined with literal macros (and params)?"""
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', " ", expr)
    if not re.fullmatch(r"[\w\s(),]*", rest) or not re.search(r'"', expr + " ".join(
            n for n in re.findall(r"\w+", rest) if n in macros)):
        return False
    return all(n in macros or n in params for n in re.findall(r"[A-Za-z_]\w*", rest))


def statement_end(text, start):
    """Where the statement from start ends: its first ';' outside a string
    literal (SQL inside a literal may hold one: group_concat(x, ';'))."""
    i = start
    while i < len(text):
        if text[i] == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif text[i] == ";":
            return i
        i += 1
    return len(text)


def literal_names(text):
    """Names bound only to string literals: static const strings and tables."""
    names = set()
    for m in re.finditer(r"\b(?:static\s+)?const\s+char\s*(?:\*\s*const\s*)?\*?\s*(\w+)\s*(\[\s*\w*\s*\])?\s*=\s*",
                         text):
        body_start = m.end()
        end = statement_end(text, body_start)
        body = text[body_start:end]
        # Alternatives that cannot overlap, so that a long body that is not
        # all literals (the migrations' table) fails at once.
        if re.fullmatch(r'\{?(?:\s|,|"(?:[^"\\]|\\.)*"|NULL)*(?:\}\s*)?', body):
            names.add(m.group(1))
    return names


def headers(path, src):
    """The text of the local headers path includes (its own folder, then
    the core's private headers under app/core, as -Iapp/core finds them)."""
    import os
    out = ""
    for h in re.findall(r'#include\s+"([^"]+)"', src):
        for d in (os.path.dirname(path), "app/core"):
            p = os.path.join(d, h)
            if os.path.exists(p):
                with open(p, encoding="utf-8", errors="replace") as f:
                    out += strip(f.read())
                break
    return out


def safe_buffers(text):
    """Buffers every write to which is a format with no text conversion."""
    writes = {}
    for m in re.finditer(r"\b(v?s?n?printf|strn?cpy|strn?cat|memcpy|memmove|stpn?cpy)\s*\(\s*(\w+)\s*,", text):
        fn, name = m.group(1), m.group(2)
        args = split_args(call_args(text, text.index("(", m.start())))
        fmt = next((literal(a) for a in args[1:3] if literal(a) is not None), None)
        ok = fn.endswith("printf") and fmt is not None and not CONVERSION.search(fmt)
        writes.setdefault(name, []).append(ok)
    return {n for n, oks in writes.items() if all(oks)}


def check(path, src, extra=""):
    text = strip(src)
    line = lambda pos: text.count("\n", 0, pos) + 1
    found = []
    for m in re.finditer(SQLITE_FMT, text):
        found.append((line(m.start()), f"{m.group(1)} builds SQL text from values"))
    for m in re.finditer(PRINTF, text):
        args = split_args(call_args(text, m.end() - 1))
        for a in args[:3]:
            fmt = literal(a)
            if fmt and SQL_WORDS.search(fmt) and CONVERSION.search(fmt):
                found.append((line(m.start()), f"SQL built with a format: \"{fmt[:60]}\""))
                break
    for m in COPY_INTO_SQL.finditer(text):
        found.append((line(m.start()), f"{m.group(1)} into {m.group(2)}: SQL built from pieces"))
    safe = literal_names(text + extra) | safe_buffers(text)
    macros = literal_macros(text + extra)
    if not any(path.endswith(f) for f in ALLOWED_SQL_SOURCES):
        for m in PREPARE.finditer(text):
            if re.search(r"\b(int|void)\s+$", text[max(0, m.start() - 16):m.start()]):
                continue  # a declaration or definition, not a call
            args = split_args(call_args(text, m.end() - 1))
            sql = args[1] if len(args) > 1 else ""
            if literal(sql) is not None or literal_expr(sql, macros) or sql in macros:
                continue
            if not re.fullmatch(r"\w+(\[\s*\w+\s*\])?", sql):
                found.append((line(m.start()), f"{m.group(1)} on an expression: {sql[:50]}"))
            else:
                name = re.match(r"\w+", sql).group(0)
                if name not in safe and not passes_literals(text, name, safe, macros):
                    found.append((line(m.start()), f"{m.group(1)} on '{name}', which is not "
                                  "bound to string literals here"))
    return [f"{path}:{ln}: {why}" for ln, why in found]


def passes_literals(text, name, safe, macros=frozenset()):
    """Is name a parameter of a static function that every caller in this
    file gives a string literal (or a safe name) in that place?"""
    for m in re.finditer(r"\bstatic\s+[\w\s\*]+?\b(\w+)\s*\(([^)]*)\)\s*\{", text):
        params = [p.strip() for p in m.group(2).split(",")]
        idx = [i for i, p in enumerate(params) if re.search(rf"\b{name}$", p)]
        if not idx:
            continue
        fn, k = m.group(1), idx[0]
        calls = [c for c in re.finditer(rf"\b{fn}\s*\(", text) if c.start() != m.start(1)]
        ok = bool(calls)
        for c in calls:
            args = split_args(call_args(text, c.end() - 1))
            if k >= len(args):
                ok = False; break
            a = re.sub(r"\[[^\]]*\]$", "", args[k])
            if literal(a) is None and a not in safe and not literal_expr(a, macros):
                ok = False; break
        if ok:
            return True
    return False


SELF_TEST = {
    'snprintf(q, sizeof q, "SELECT * FROM cases WHERE ref = \'%s\'", ref);': 1,
    'snprintf(q, sizeof q,\n  "UPDATE cases SET team = "\n  "\'%s\'", team);': 1,
    'char *q = sqlite3_mprintf("INSERT INTO t VALUES(%Q)", v);': 1,
    'strcat(sql, where);': 1,
    'sqlite3_prepare_v2(db, buf, -1, &s, NULL);': 1,
    'sqlite3_exec(db, make_sql(x), NULL, NULL, NULL);': 1,
    'sqlite3_prepare_v2(db, "SELECT 1 FROM t WHERE a = ?", -1, &s, NULL);': 0,
    'static const char Q[] = "SELECT 1";\nvoid f(void) { sqlite3_prepare_v2(db, Q, -1, &s, 0); }': 0,
    'static int run(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, 0, 0, 0); }\n'
    'void g(void) { run(db, "BEGIN"); run(db, "COMMIT"); }': 0,
    'static int run(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, 0, 0, 0); }\n'
    'void g(char *x) { run(db, x); }': 1,
    'snprintf(msg, sizeof msg, "%s: where it went wrong", path); /* SELECT %s */': 0,
    'printf("%s\\n", ref);': 0,
    'char q[64]; snprintf(q, sizeof q, "SAVEPOINT sp%d", depth); sqlite3_exec(db, q, 0, 0, 0);': 0,
    'char q[64]; snprintf(q, sizeof q, "SAVEPOINT %s", name); sqlite3_exec(db, q, 0, 0, 0);': 2,
    'char q[64]; snprintf(q, sizeof q, "BEGIN"); strcat(q, x); sqlite3_exec(db, q, 0, 0, 0);': 1,
    'char q[64]; fgets(q, sizeof q, stdin); sqlite3_exec(db, q, 0, 0, 0);': 1,
    '#define COLS "a, b"\n#define WHERE(x) " WHERE " x\n'
    'void f(void) { sqlite3_exec(db, "SELECT " COLS " FROM t" WHERE("a = 1"), 0, 0, 0); }': 0,
    '#define WHERE(x) " WHERE " x\nvoid f(char *v) { sqlite3_exec(db, "SELECT 1" WHERE(v), 0, 0, 0); }': 1,
    '#define PART "SELECT " name\nvoid f(void) { sqlite3_exec(db, PART, 0, 0, 0); }': 1,
    '#define Q "SELECT 1"\nvoid f(void) { store_stmt(st, Q, &s, err); }': 0,
    'static const char *const T[] = { "SELECT group_concat(a, \';\') FROM t", "SELECT 2" };\n'
    'void f(int i) { sqlite3_exec(db, T[i], 0, 0, 0); }': 0,
    'void f(const char *x) { store_stmt(st, x, &s, err); }': 1,
    'void f(void) { store_stmt(st, "SELECT 1 WHERE a = " + 1, &s, err); }': 1,
}


def self_test():
    bad = 0
    for src, want in SELF_TEST.items():
        got = len(check("sample.c", src))
        if got != want:
            print(f"self-test: want {want} finding(s), got {got}: {src!r}")
            bad += 1
    return bad


def main(argv):
    if argv[1:] == ["--self-test"]:
        return 1 if self_test() else 0
    findings = []
    for path in argv[1:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            src = f.read()
        findings += check(path, src, headers(path, src))
    for f in findings:
        print(f)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
