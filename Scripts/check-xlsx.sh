#!/usr/bin/env bash
# Opens the workbooks PlanKit writes in two other programs and compares what they read with
# PlanKit's own CSV: LibreOffice (headless, `soffice --convert-to csv`) and openpyxl
# (Scripts/xlsx-values.py).
#
#   Scripts/check-xlsx.sh            every check; exit 1 on the first difference
#
# 1. `plankit query Q --format xlsx -o F` for a few queries over the seed and an eComptes file:
#    each program's values equal `plankit query Q --format csv`.
# 2. `plankit convert PLAN --to xlsx -o F` for the text and workbook plans of Examples/ and
#    Tests/Fixtures/: the sheet each program saves as CSV is read back by PlanKit, and its
#    answers equal the original plan's.
# PLANKIT_BIN names the executable (default: .build/debug/plankit, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PLANKIT_BIN:-.build/debug/plankit}
[ -x "$bin" ] || swift build >/dev/null
command -v soffice >/dev/null || { echo "check-xlsx: soffice (LibreOffice) is not installed" >&2; exit 2; }
python3 -c 'import openpyxl' || { echo "check-xlsx: openpyxl is not installed (pip install openpyxl)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A LibreOffice profile of its own, so that a running LibreOffice does not take the conversion.
lo=(soffice "-env:UserInstallation=file://$work/profile" --headless)
# CSV filter: comma, double quote, UTF-8, from line 1, cells as shown (dates as dd/mm/yyyy, amounts
# as 1,813.50 €: LibreOffice writes stored dates in its own locale's order otherwise).
csv_filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false'

# Compares two CSV files as rows of fields (line ends and quoting aside); TRUE/FALSE as true/false,
# an amount as shown (1,813.50 €) as the number PlanKit writes (1813.5).
same_csv() {
    python3 - "$1" "$2" <<'PY'
import csv, re, sys
def field(v):
    v = {"TRUE": "true", "FALSE": "false"}.get(v, v)
    m = re.fullmatch(r"(-?[0-9,]+\.[0-9]{2}) €", v)
    if m:
        n = float(m.group(1).replace(",", ""))
        v = str(int(n)) if n == int(n) else repr(n)
    return v
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [[field(v) for v in row] for row in csv.reader(f)]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a != b:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            print(f"  row {i + 1}: {x}\n       vs {y}")
            break
    else:
        print(f"  {len(a)} rows vs {len(b)}")
    sys.exit(1)
PY
}

failures=0
count=0
check() { # name, expected csv, actual csv
    count=$((count + 1))
    if same_csv "$2" "$3"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi
}

# 1. Query results.
queries=(
    'Examples/pst-citoyennete.tsv|actions select id, title, deadline, total, pending, pilot.agent, questions'
    'Examples/pst-citoyennete.tsv|budget select action, kind, label, amount, article, credit, action.deadline'
    'Examples/pst-citoyennete.tsv|budget group by article.main select article.main, sum(amount), count()'
    'Examples/|articles'
    'Tests/Fixtures/demo-pst-201805V1.xml|actions select id, title, deadline, progress, fte, status, plans'
)
n=0
for entry in "${queries[@]}"; do
    n=$((n + 1))
    file=${entry%%|*}
    query=${entry#*|}
    "$bin" query "$query" "$file" --format csv > "$work/q$n.expected.csv" 2>/dev/null
    "$bin" query "$query" "$file" --format xlsx -o "$work/q$n.xlsx" 2>/dev/null
done
# One LibreOffice run converts every workbook: starting it is most of its time.
"${lo[@]}" --convert-to "$csv_filter" --outdir "$work/lo" "$work"/q*.xlsx >/dev/null 2>&1
n=0
for entry in "${queries[@]}"; do
    n=$((n + 1))
    file=${entry%%|*}
    query=${entry#*|}
    python3 Scripts/xlsx-values.py "$work/q$n.xlsx" > "$work/q$n.openpyxl.csv"
    check "openpyxl     query $file: $query" "$work/q$n.expected.csv" "$work/q$n.openpyxl.csv"
    check "LibreOffice  query $file: $query" "$work/q$n.expected.csv" "$work/lo/q$n.csv"
done

# 2. Whole plans in PlanKit's layout, read back from each program's CSV.
# (Names differ: each workbook is named after its plan's file.)
plans=(Examples/*.tsv Examples/*.csv Tests/Fixtures/pst-citoyennete-utf16.txt
       Tests/Fixtures/workbooks/pst-faults.xlsx Tests/Fixtures/workbooks/pst-forms.ods)
answers=(
    'plans select name, kind, objectives, actions'
    'objectives select level, number, title, actions'
    'actions select id, title, code, pilot.political, pilot.service, pilot.agent, deadline, ordinary, extraordinary, total, hr, pending, questions'
    'budget select action, kind, label, amount, article, credit, funding, note'
    'links select action, relation, plan, kind, ref, status'
)
# Each plan's workbook is named after the plan's file, so that the CSV read back names the plan alike.
mkdir -p "$work/plans"
for plan in "${plans[@]}"; do
    base=$(basename "${plan%.*}")
    mkdir -p "$work/$base"
    "$bin" convert "$plan" --to xlsx -o "$work/plans/$base.xlsx" 2>/dev/null
    python3 Scripts/xlsx-values.py "$work/plans/$base.xlsx" > "$work/$base/$base.csv"
done
"${lo[@]}" --convert-to "$csv_filter" --outdir "$work/plans.lo" "$work"/plans/*.xlsx >/dev/null 2>&1
for plan in "${plans[@]}"; do
    base=$(basename "${plan%.*}")
    mkdir -p "$work/$base.lo"
    mv "$work/plans.lo/$base.csv" "$work/$base.lo/$base.csv"
    for q in "${answers[@]}"; do
        "$bin" query "$q" "$plan" --format csv > "$work/expected.csv" 2>/dev/null || true
        "$bin" query "$q" "$work/$base/$base.csv" --format csv > "$work/openpyxl.csv" 2>/dev/null || true
        "$bin" query "$q" "$work/$base.lo/$base.csv" --format csv > "$work/lo.csv" 2>/dev/null || true
        check "openpyxl     convert $plan: $q" "$work/expected.csv" "$work/openpyxl.csv"
        check "LibreOffice  convert $plan: $q" "$work/expected.csv" "$work/lo.csv"
    done
done
echo "check-xlsx: $((count - failures)) of $count comparisons agree."
[ "$failures" -eq 0 ]
