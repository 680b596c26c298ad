#!/usr/bin/env bash
# Writes the workbook fixtures under Tests/Fixtures/workbooks/ with real office software, so that
# the tests need none:
# - LibreOffice (headless) converts each text fixture to .xlsx and .ods: their twins, which must
#   read as the text does;
# - openpyxl writes what a conversion of text cannot express (fills and a legend, merged cells,
#   date serials, formulas, several sheets, hidden rows and sheets), and LibreOffice saves it
#   again as .xlsx and .ods, computing the formulas' values as office software does;
# - msoffcrypto-tool encrypts a workbook with a password, LibreOffice saves an old .xls;
# - Python's zipfile writes the bad archives (a zip that is no workbook, zip bombs) and a sheet of
#   a million rows.
# Needs: soffice (apt-get install libreoffice-calc-nogui), pip install openpyxl msoffcrypto-tool.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/Fixtures/workbooks
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="-env:UserInstallation=file://$work/profile"

# CSV import options: separator, quote ("), UTF-8 (76), first line 1, no column formats, default
# language, quoted cells as text, no special numbers (dates, currencies: locale-dependent), no
# formulas evaluated, no scientific notation. Plain numbers (2020, 5000) become numbers.
convert_text() { # FILE SEPARATOR-CODE [COLUMN-FORMATS]
    local file=$1 sep=$2 formats=${3:-} name
    name=$(basename "${file%.*}")
    for format in xlsx ods; do
        soffice "$profile" --headless --infilter="CSV:$sep,34,76,1,$formats,0,true,false,false,false,false,-1,false,false,false" \
            --convert-to "$format" --outdir "$work" "$file" >/dev/null
        mv "$work/$name.$format" "$out/$name.$format"
    done
}
convert_text Tests/Fixtures/pst-citoyennete.tsv 9
convert_text Tests/Fixtures/pcs-citoyenneville.tsv 9
convert_text Tests/Fixtures/pst-cohesion.tsv 9
convert_text Tests/Fixtures/pst-faults.tsv 9
convert_text Tests/Fixtures/pst-forms.csv 44
convert_text Tests/Fixtures/iapst-export.tsv 9
# Its amounts (`5.000`, `250.000`) stay text: the import would read them as 5 and 250, as an
# English-language spreadsheet program does (column/2 is a text column).
convert_text Tests/Fixtures/plan-action-template.tsv 9 19/2/21/2/23/2/24/2
convert_text Examples/layout/pst-modave.tsv 9
# Its amounts (`3.000`, three thousand) stay text, as the template's do.
convert_text Examples/layout/pst-ferrieres.tsv 9 10/2/12/2/13/2

python3 Scripts/workbook-fixtures.py "$work" "$out"

# The openpyxl workbook saved again by LibreOffice: formulas get their computed values.
for format in xlsx ods; do
    soffice "$profile" --headless --convert-to "$format" --outdir "$work/lo" "$work/book-source.xlsx" >/dev/null
    mv "$work/lo/book-source.$format" "$out/book.$format"
done

# The French template with date cells and numbers, saved again by LibreOffice.
for format in xlsx ods; do
    soffice "$profile" --headless --convert-to "$format" --outdir "$work/lo" "$work/plan-action-dates-source.xlsx" >/dev/null
    mv "$work/lo/plan-action-dates-source.$format" "$out/plan-action-dates.$format"
done

# An old binary .xls, and the seed encrypted with a password (an OLE2 compound file).
soffice "$profile" --headless --convert-to xls --outdir "$work" "$out/pst-citoyennete.xlsx" >/dev/null
mv "$work/pst-citoyennete.xls" "$out/old-binary.xls"

# Cell values: amounts and dates as their formats show them, a formula without its value, a row
# repeated a million times, a shared string out of range; the values saved again by LibreOffice.
python3 Scripts/workbook-cell-fixtures.py "$work" "$out"
soffice "$profile" --headless --convert-to ods --outdir "$work/lo" "$out/cell-values.xlsx" >/dev/null
mv "$work/lo/cell-values.ods" "$out/cell-values.ods"
msoffcrypto-tool -e -p secret "$out/pst-citoyennete.xlsx" "$out/password.xlsx"
ls -l "$out"
