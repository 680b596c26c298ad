#!/usr/bin/env python3
"""Measures PlanKit on a generated regional corpus and compares it with sqlite3 and DuckDB.

Figures: load throughput (MB/s) and peak memory; the time of a filter, a regex filter, a
group-by, a title search, a filter following links (its first run, which builds the link index,
and its best), a filter of overdue actions (dates against today, fixed), a filter comparing two
fields and a group-by with `having` on the loaded corpus (in one session, `.timer on`), the
first three against the same queries in one
sqlite3 and one DuckDB session on the lines loaded there; `plankit query` end to end against
sqlite3 (`.import` of the flattened CSV, then SQL) and DuckDB (`read_csv`, then SQL); start-up
on the sample plan; and, with --scale, ten times the corpus. Every answer is compared with the
generator's and the baselines'; any disagreement fails the run (exit 1).

With --xlsx, the corpus is written as .xlsx workbooks as well, and PlanKit's end-to-end
answer on them is timed against python-calamine and openpyxl (read_only=True) only extracting
the same workbooks' rows, in the same run; PlanKit's peak memory is compared with the size of
the workbooks' sheet XML unzipped. --xlsx-only measures the workbooks alone; --compare BINARY
times another build of plankit on them in the same rounds (an earlier commit's, to compare).

Usage: Scripts/benchmark.py [--communes 262] [--runs 3] [--scale] [--xlsx] [--xlsx-only] [--compare BINARY] [--out DIR]
Needs a release build (swift build -c release --static-swift-stdlib), sqlite3, and DuckDB
(pip install duckdb-cli); with --xlsx, pip install python-calamine openpyxl.
"""
import argparse, csv, json, os, re, shutil, subprocess, sys, tempfile, time, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANKIT = os.environ.get("PLANKIT_BIN", os.path.join(ROOT, ".build", "release", "plankit"))

FILTER = 'budget where amount > 20000 select count(amount), sum(amount)'
REGEX = 'budget where article ~ "^84" select count(amount), sum(amount)'
GROUP = 'budget where article is not missing group by article.main select article.main, sum(amount), count() sort by article.main'
TEXT = 'actions where title ~ "culture" select count()'
FULL = 'plans select count(), sum(warnings)'
# Following links (the first run builds the link index) and a date filter, today fixed.
LINKS = 'links where target.title ~ "participation" select count()'
OVERDUE = 'actions where deadline.end < today() select count()'
TODAY = "2021-07-01"
FIELDS = 'budget where credit > amount select count()'
# The lines of known amount, so that the groups' sums are complete and some groups are kept.
HAVING = 'budget where article is not missing and amount is known group by article.main select article.main, count() having count() > 300 and sum(amount) / count() > 15000'
SQL_REGEX = "select count(amount_cents), sum(amount_cents) from lines where article regexp '^84' and amount_cents <> ''"
DUCK_REGEX = "select count(amount_cents), sum(cast(amount_cents as bigint)) from read_csv('lines.csv', all_varchar=true) where regexp_matches(article, '^84') and amount_cents <> ''"

# The same three queries for the baselines, on a table loaded once with typed columns.
SQL_LOAD = ("create table l as select kind, cast(nullif(amount_cents, '') as {int}) as amount, article, main "
            "from {source};")
SQL_SESSION = [
    "select count(amount), sum(amount) from l where amount > 2000000;",
    "select count(amount), sum(amount) from l where {regex} and amount is not null;",
    "select main, coalesce(sum(amount), 0), count(*) from l where article <> '' group by main order by main;",
]

failures = []

def timed(cmd, cwd, runs):
    """Best wall time of `runs` runs, with the peak RSS (KB) of the best run and its output."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate()
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0,):
            failures.append("%s exited %d: %s" % (" ".join(cmd[:3]), proc.returncode, err.decode()[:300]))
        if best is None or elapsed < best[0]:
            best = (elapsed, out.decode(), err.decode())
    return best

def timed_together(cmds, cwd, runs):
    """`timed` for several commands run in turn, round after round, so that a slow moment of a
    shared machine falls on all of them alike."""
    best = [None] * len(cmds)
    for _ in range(runs):
        for k, cmd in enumerate(cmds):
            result = timed(cmd, cwd, 1)
            if best[k] is None or result[0] < best[k][0]:
                best[k] = result
    return best

def peak_rss_kb(cmd, cwd):
    """Peak resident memory of one run, from wait4."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss

def csv_numbers(text):
    lines = [l for l in text.strip().splitlines() if l]
    return [lines[0]] + [[c for c in l.split(",")] for l in lines[1:]]

def euros_to_cents(text):
    # A sum with unknown parts reads `15000 + ?`: the generator's answers are its known part.
    text = text.removesuffix(" + ?")
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2]) if whole.lstrip("-").isdigit() else None

def check(name, got, expected):
    if got != expected:
        failures.append("%s: got %r, expected %r" % (name, got, expected))

def baseline_session(out, answers, repeats):
    """The best time (s) of each of SQL_SESSION, `repeats` times each in one session of sqlite3
    and of DuckDB (when installed), after loading the flattened lines; answers are checked."""
    engines = [("sqlite3", ["sqlite3", ":memory:"], ".mode csv\n.import lines.csv lines\n",
                SQL_LOAD.format(int="integer", source="lines"), "article regexp '^84'", False)]
    if shutil.which("duckdb"):
        engines.append(("duckdb", ["duckdb"], "", SQL_LOAD.format(int="bigint", source="read_csv('lines.csv', all_varchar=true)"),
                        "regexp_matches(article, '^84')", True))
    times = {}
    for name, cmd, prelude, load, regex, headers in engines:
        queries = [q.format(regex=regex) for q in SQL_SESSION]
        script = prelude + load + "\n.mode csv\n.timer on\n" + "".join(q + "\n" for q in queries for _ in range(repeats))
        proc = subprocess.run(cmd, cwd=out, input=script, capture_output=True, text=True)
        # Each statement's rows come before its timer line.
        blocks, rows = [], []
        for line in proc.stdout.splitlines():
            found = re.match(r"Run Time(?: \(s\))?: real ([0-9.]+)", line)
            if found:
                blocks.append((float(found.group(1)), rows[1:] if headers else rows))
                rows = []
            elif line:
                rows.append(line)
        if proc.returncode != 0 or len(blocks) != len(queries) * repeats:
            failures.append("%s session: exit %d, %d timed statements: %s" % (name, proc.returncode, len(blocks), proc.stderr[:300]))
            continue
        for k, key in enumerate(["filter", "regex"]):
            count, total = blocks[k * repeats][1][0].split(",")
            check("%s %s" % (name, key), (int(count), int(total or 0)), (answers[key]["count"], answers[key]["sum_cents"]))
        got = {l.split(",")[0]: {"sum_cents": int(l.split(",")[1]), "count": int(l.split(",")[2])} for l in blocks[2 * repeats][1]}
        check("%s group by" % name, got, answers["group"])
        times[name] = [min(t for t, _ in blocks[k * repeats:(k + 1) * repeats]) for k in range(len(queries))]
    return times

def generate(out, communes):
    subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate-corpus.py"), out, "--communes", str(communes)], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "answers.json")) as f:
        answers = json.load(f)
    with open(os.path.join(out, "files.txt")) as f:
        files = f.read().split()
    # PlanKit is given the directory, which stands for the plan files in it.
    listed = sorted(os.listdir(os.path.join(out, "plans")))
    check("plan files", ["plans/" + name for name in listed], sorted(files))
    return answers, ["plans"]

def measure(out, communes, runs, report):
    answers, files = generate(out, communes)
    mb = answers["bytes"] / 1e6
    report.append(("corpus", "%d communes, %d actions, %d budget lines, %.1f MB" % (communes, answers["actions"], answers["lines"], mb)))

    # Load: parse every field of every file (`warnings` reads them all), as the console does.
    load_time, _, _ = timed([PLANKIT, "query", FULL, *files, "--format", "csv"], out, runs)
    rss = peak_rss_kb([PLANKIT, "query", FULL, *files], out)
    report.append(("load (every field)", "%.2f s, %.1f MB/s" % (load_time, mb / load_time)))
    report.append(("peak memory, every field loaded", "%.0f MB, %.1f × the input" % (rss / 1024, rss * 1024 / answers["bytes"])))

    # End to end: parse the raw spreadsheets and answer the regex-filtered sum; the baselines
    # import the flattened CSV and answer the same, each run in turn with PlanKit.
    commands = [[PLANKIT, "query", REGEX, *files, "--format", "csv"],
                ["sqlite3", ":memory:", "-cmd", ".mode csv", "-cmd", ".import lines.csv lines", SQL_REGEX]]
    if shutil.which("duckdb"):
        commands.append(["duckdb", "-csv", "-noheader", "-c", DUCK_REGEX])
    results = timed_together(commands, out, runs)
    e2e, out_text, _ = results[0]
    row = out_text.strip().splitlines()[1].split(",")
    check("plankit regex", (int(row[0]), euros_to_cents(row[1])), (answers["regex"]["count"], answers["regex"]["sum_cents"]))
    report.append(("plankit query (regex sum), end to end", "%.3f s" % e2e))
    e2e_rss = peak_rss_kb([PLANKIT, "query", REGEX, *files], out)
    report.append(("peak memory, regex sum (budget columns only)", "%.0f MB, %.1f × the input" % (e2e_rss / 1024, e2e_rss * 1024 / answers["bytes"])))

    sqlite_time, sqlite_out, _ = results[1]
    c, s = sqlite_out.strip().split(",")
    check("sqlite3 regex", (int(c), int(s)), (answers["regex"]["count"], answers["regex"]["sum_cents"]))
    report.append(("sqlite3 .import + query", "%.3f s  (plankit / sqlite3 = %.2f)" % (sqlite_time, e2e / sqlite_time)))

    if len(results) > 2:
        duck_time, duck_out, _ = results[2]
        c, s = duck_out.strip().split(",")
        check("duckdb regex", (int(c), int(s)), (answers["regex"]["count"], answers["regex"]["sum_cents"]))
        report.append(("duckdb read_csv + query", "%.3f s  (plankit / duckdb = %.2f)" % (duck_time, e2e / duck_time)))
    else:
        report.append(("duckdb", "not installed (pip install duckdb-cli)"))

    # Queries on the loaded corpus, in one session.
    # Each query five times in one session; the best time of each is reported.
    repeats = 5
    session_queries = (FILTER, REGEX, GROUP, TEXT, LINKS, OVERDUE, FIELDS, HAVING)
    names = ["in-session filter", "in-session regex filter", "in-session group by", "in-session title search",
             "in-session link following", "in-session overdue (dates)", "in-session field-to-field filter", "in-session having"]
    script = ".format csv\n.timer on\n" + "".join("%s\n" % q for q in session_queries for _ in range(repeats))
    _, session_out, session_err = timed([PLANKIT, "-c", script.replace("\n", ";"), *files, "--today", TODAY], out, 1)
    times = [float(t) for t in re.findall(r"time: ([0-9.]+) ms", session_err)][-len(session_queries) * repeats:]
    baselines = baseline_session(out, answers, repeats)
    if len(times) == len(session_queries) * repeats:
        report.append(("in-session link following, first run (builds the link index)", "%.1f ms" % times[4 * repeats]))
        for k, name in enumerate(names):
            best = min(times[k * repeats:(k + 1) * repeats])
            # The baselines' timers count whole milliseconds: 0 is below their resolution.
            compared = [("%s %.0f ms (plankit / %s = %.2f)" % (engine, t[k] * 1000, engine, best / (t[k] * 1000)) if t[k] > 0
                         else "%s under 1 ms" % engine) for engine, t in baselines.items() if k < len(t)]
            report.append((name + " (best of %d)" % repeats, "%.1f ms" % best + ("  " + ", ".join(compared) if compared else "")))
    blocks = [b for b in session_out.replace("\r", "").strip().split("count(amount),sum(amount)\n") if b]
    flt = blocks[0].splitlines()[0].split(",")
    check("plankit filter", (int(flt[0]), euros_to_cents(flt[1])), (answers["filter"]["count"], answers["filter"]["sum_cents"]))
    group_lines = session_out.replace("\r", "").strip().split("article.main,sum(amount),count()\n")[1].splitlines()
    got = {l.split(",")[0]: {"sum_cents": euros_to_cents(l.split(",")[1]) or 0, "count": int(l.split(",")[2])} for l in group_lines}
    check("plankit group by", got, answers["group"])
    # The field-to-field filter and the having query, against the flattened lines.
    with open(os.path.join(out, "lines.csv")) as f:
        rows = list(csv.DictReader(f))
    over = sum(1 for l in rows if l["credit_cents"] and l["amount_cents"] and int(l["credit_cents"]) > int(l["amount_cents"]))
    lines = session_out.replace("\r", "").splitlines()
    # Under `count()` come the title search's five answers, the link following's, the overdue
    # filter's, then the field-to-field filter's five.
    counts = [lines[i + 1] for i, l in enumerate(lines) if l == "count()" and i + 1 < len(lines)]
    check("plankit field-to-field filter", int(counts[3 * repeats]) if len(counts) > 3 * repeats else None, over)
    start = lines.index("article.main,count()") if "article.main,count()" in lines else None
    having_got = None
    if start is not None:
        having_got = sorted(l.split(",")[0] for l in lines[start + 1:] if l and "," in l and l != "article.main,count()")
        having_got = sorted(set(having_got))
    known = {}
    for l in rows:
        if l["article"] and l["amount_cents"]:
            count, total = known.get(l["main"], (0, 0))
            known[l["main"]] = (count + 1, total + int(l["amount_cents"]))
    kept = sorted(m for m, (count, total) in known.items() if count > 300 and total > 15000 * 100 * count)
    check("plankit having", having_got, kept)
    if not kept:
        failures.append("the having query keeps no group: it would measure an empty answer")
    sqlite_group = subprocess.run(["sqlite3", ":memory:", "-cmd", ".mode csv", "-cmd", ".import lines.csv lines",
                                   "select main, sum(case when amount_cents = '' then 0 else amount_cents end), count(*) from lines where article <> '' group by main order by main"],
                                  cwd=out, capture_output=True, text=True).stdout
    sq = {l.split(",")[0]: {"sum_cents": int(l.split(",")[1]), "count": int(l.split(",")[2])} for l in sqlite_group.strip().splitlines()}
    check("sqlite3 group by", sq, answers["group"])
    return e2e, sqlite_time, answers["bytes"]

# The peers extract every sheet's rows, and print the number of non-blank cells.
CALAMINE = """
import os, sys
from python_calamine import CalamineWorkbook
cells = 0
for name in sorted(os.listdir("plans")):
    book = CalamineWorkbook.from_path(os.path.join("plans", name))
    for sheet in book.sheet_names:
        for row in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False):
            cells += sum(1 for c in row if c != "" and c is not None)
print(cells)
"""
OPENPYXL = """
import os
from openpyxl import load_workbook
cells = 0
for name in sorted(os.listdir("plans")):
    book = load_workbook(os.path.join("plans", name), read_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += sum(1 for c in row if c != "" and c is not None)
    book.close()
print(cells)
"""

def measure_workbooks(out, communes, runs, report, compare=None):
    """PlanKit's answer on the corpus as .xlsx, against python-calamine and openpyxl extracting rows."""
    subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate-corpus.py"), out, "--communes", str(communes), "--xlsx"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "answers.json")) as f:
        answers = json.load(f)
    names = sorted(os.listdir(os.path.join(out, "plans")))
    unzipped = 0
    for name in names:
        with zipfile.ZipFile(os.path.join(out, "plans", name)) as z:
            unzipped += sum(i.file_size for i in z.infolist() if i.filename.startswith("xl/worksheets/") or i.filename == "xl/sharedStrings.xml")
    report.append(("xlsx corpus", "%d workbooks, %.1f MB zipped, %.1f MB of sheet XML unzipped" % (len(names), answers["bytes"] / 1e6, unzipped / 1e6)))
    commands = [[PLANKIT, "query", REGEX, "plans", "--format", "csv"], [sys.executable, "-c", CALAMINE]]
    if subprocess.run([sys.executable, "-c", "import python_calamine"], capture_output=True).returncode != 0:
        report.append(("python-calamine", "not installed (pip install python-calamine)"))
        commands = commands[:1]
    # Another build of PlanKit (--compare), timed in the same rounds.
    if compare:
        commands.append([compare, "query", REGEX, "plans", "--format", "csv"])
    results = timed_together(commands, out, runs)
    if compare:
        elapsed, _, _ = results.pop()
        rss = peak_rss_kb([compare, "query", REGEX, "plans"], out)
        report.append(("%s on .xlsx, end to end" % compare, "%.3f s, peak memory %.0f MB (%.2f × the sheet XML)" % (elapsed, rss / 1024, rss * 1024 / unzipped)))
    # openpyxl takes minutes: one run, right after the others.
    if len(commands) > 1 and subprocess.run([sys.executable, "-c", "import openpyxl"], capture_output=True).returncode == 0:
        results.append(timed([sys.executable, "-c", OPENPYXL], out, 1))
    e2e, out_text, _ = results[0]
    row = out_text.strip().splitlines()[1].split(",")
    check("plankit regex on xlsx", (int(row[0]), euros_to_cents(row[1])), (answers["regex"]["count"], answers["regex"]["sum_cents"]))
    report.append(("plankit query (regex sum) on .xlsx, end to end", "%.3f s" % e2e))
    for (elapsed, text, _), name in zip(results[1:], ["python-calamine", "openpyxl read_only"]):
        report.append((name + ", rows only", "%.3f s  (plankit / %s = %.2f), %s cells" % (elapsed, name, e2e / elapsed, text.strip())))
    if len(results) > 2:
        check("calamine and openpyxl cells", results[1][1].strip(), results[2][1].strip())
    rss = peak_rss_kb([PLANKIT, "query", REGEX, "plans"], out)
    report.append(("peak memory, regex sum on .xlsx", "%.0f MB, %.2f × the sheet XML unzipped" % (rss / 1024, rss * 1024 / unzipped)))

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--communes", type=int, default=262)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", action="store_true", help="also measure ten times the corpus")
    parser.add_argument("--xlsx", action="store_true", help="also measure the corpus as .xlsx workbooks, against python-calamine and openpyxl")
    parser.add_argument("--xlsx-only", action="store_true", help="measure the .xlsx workbooks alone")
    parser.add_argument("--compare", default=None, metavar="BINARY", help="with --xlsx, also time another plankit build on the workbooks, in the same rounds")
    parser.add_argument("--out", default=None, help="write the corpus here and keep it (by default a temporary directory, removed afterwards)")
    args = parser.parse_args()
    if not os.path.exists(PLANKIT):
        sys.exit("no release build at %s: run swift build -c release --static-swift-stdlib" % PLANKIT)
    # A corpus of its own is removed afterwards (ten times is 333 MB); `--out` keeps it.
    out = args.out or tempfile.mkdtemp(prefix="plankit-bench-")
    try:
        run(out, args)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)

def run(out, args):
    report = []
    # Start-up to the first statement on the sample plan.
    startup, _, _ = timed([PLANKIT, "-c", ".quit", "Examples/pst-citoyennete.tsv"], ROOT, 10)
    report.append(("start-up on the sample plan (best of 10)", "%.1f ms" % (startup * 1000)))
    if args.xlsx_only:
        args.xlsx, args.scale = True, False
    else:
        e2e, sqlite_time, size = measure(os.path.join(out, "x1"), args.communes, args.runs, report)
    if args.scale:
        # Best of up to three runs at ten times too: a single run against a best of five would
        # count the machine's slow moments against the larger corpus only.
        e2e10, sqlite10, size10 = measure(os.path.join(out, "x10"), args.communes * 10, min(args.runs, 3), report)
        report.append(("ten times the corpus", "%.2f × the time for %.1f × the data (sqlite3: %.2f ×)"
                       % (e2e10 / e2e, size10 / size, sqlite10 / sqlite_time)))
    if args.xlsx:
        measure_workbooks(os.path.join(out, "xlsx"), args.communes, args.runs, report, args.compare)
    width = max(len(k) for k, _ in report)
    print("machine: %d cores, %s" % (os.cpu_count(), subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip()))
    for key, value in report:
        print("%s  %s" % (key.ljust(width), value))
    if failures:
        print("\nANSWERS DISAGREE:")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print("\nall answers agree")

if __name__ == "__main__":
    main()
