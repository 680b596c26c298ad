"""Writes the workbook fixtures of cell values (see generate-workbook-fixtures.sh).

Usage: workbook-cell-fixtures.py WORK OUT
- cell-values.xlsx (openpyxl): amounts with float noise or more decimals than their format shows,
  dates in month and year formats, a total by a formula without its cached value (openpyxl
  computes nothing); LibreOffice saves it again as cell-values.ods.
- repeated-row.ods: one filled row of 3000 cells repeated a million times, then empty rows.
- shared-string-out-of-range.xlsx: pst-citoyennete.xlsx with the pilot of action 1.1 (D12)
  pointing at shared string 99999, which the workbook does not hold.
"""
import datetime
import re
import sys
import zipfile

from openpyxl import Workbook

work, out = sys.argv[1], sys.argv[2]

HEADER_1 = [None, None, None, "Pilotes", None, None, "Échéance", "OO", 'Critères "Ressources à mobiliser"']
HEADER_2 = [None, None, None, "Politique en charge", "Service en charge", "Agent en charge", None, None,
            "Budget ordinaire +ref", "Budget extra + ref.", "RH"]

book = Workbook()
ws = book.active
ws.title = "Valeurs"
ws.append(HEADER_1)
ws.append(HEADER_2)
ws.append(['Objectif stratégique : "Compter juste"'])
ws.append(["Objectif opérationnel 1. Lire les montants et les dates comme la feuille les montre"])
# Row 5: =I4*1.21 as office software stores it, shown with two decimals; a month.
ws.append([None, None, "Action 1.1. Un montant TVAC", "X", "Y", "Z", datetime.date(2022, 5, 1), "A 1.1", 1493.261])
ws["G5"].number_format = "mmmm yyyy"
ws["I5"].number_format = '#,##0.00\\ "€"'
# Row 6: float noise in a General cell; a year.
ws.append([None, None, "Action 1.2. Un montant bruité", "X", "Y", "Z", datetime.date(2023, 1, 1), "A 1.2", 12345.670000000002])
ws["G6"].number_format = "yyyy"
# Row 7: 0.1 + 0.2.
ws.append([None, None, "Action 1.3. Une somme de flottants", "X", "Y", "Z", 2024, "A 1.3", 0.30000000000000004])
# Row 8: a fraction of a cent a General cell shows: unknown.
ws.append([None, None, "Action 1.4. Une fraction de cent", "X", "Y", "Z", 2024, "A 1.4", 1493.261])
# Row 9: a total by a formula, without its value.
ws.append([None, None, "Action 1.5. Le total", "X", "Y", "Z", 2024, "A 1.5", "=I6+I7"])
book.save(f"{work}/cell-values.xlsx")


def rewrite(source, target, part, replacements):
    """Copies the archive `source` to `target`, each (pattern, replacement) applied once to `part`."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                for pattern, replacement in replacements:
                    data, count = re.subn(pattern, replacement, data)
                    assert count == 1, pattern
            zout.writestr(item, data)


# openpyxl writes the shortest decimal of a float; Excel writes 17 significant digits, noise and all.
rewrite(f"{work}/cell-values.xlsx", f"{out}/cell-values.xlsx", "xl/worksheets/sheet1.xml", [
    (rb'(<c r="I6"[^>]*><v>)[^<]*', rb"\g<1>12345.670000000002"),
    (rb'(<c r="I7"[^>]*><v>)[^<]*', rb"\g<1>0.30000000000000004"),
])

# One filled row repeated a million times: 3000 cells a row, some bytes in the archive.
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def cell(text):
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


rows = ("<table:table-row>" + cell("") * 3 + cell("Politique en charge") + cell("Service en charge") + cell("Agent en charge")
        + cell("Échéance") + "</table:table-row>"
        + "<table:table-row>" + cell("Objectif stratégique : Durer") + "</table:table-row>"
        + "<table:table-row>" + cell("Objectif opérationnel 1. Tenir") + "</table:table-row>"
        + "<table:table-row>" + cell("") * 2 + cell("Action 1.1. Une action") + cell("X") + "</table:table-row>"
        + '<table:table-row table:number-rows-repeated="1000000">'
        + '<table:table-cell table:number-columns-repeated="3000" office:value-type="string"><text:p>x</text:p></table:table-cell>'
        + "</table:table-row>"
        + '<table:table-row table:number-rows-repeated="48571"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}><office:body><office:spreadsheet>'
           f'<table:table table:name="Feuille1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>')
with zipfile.ZipFile(f"{out}/repeated-row.ods", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
    z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
               '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
               '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    z.writestr("content.xml", content)

# The seed's pilot of action 1.1 pointing past the shared strings.
rewrite(f"{out}/pst-citoyennete.xlsx", f"{out}/shared-string-out-of-range.xlsx", "xl/worksheets/sheet1.xml", [
    (rb'(<c r="D12"[^>]*><v>)\d+(</v>)', rb"\g<1>99999\g<2>"),
])
