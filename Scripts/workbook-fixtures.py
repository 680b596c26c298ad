"""Writes the workbook fixtures that a conversion of text cannot express (see generate-workbook-fixtures.sh).

Usage: workbook-fixtures.py WORK OUT
"""
import datetime
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

work, out = sys.argv[1], sys.argv[2]
YELLOW = PatternFill("solid", fgColor="FFFF00")

HEADER_1 = [None, None, None, "Pilotes", None, None, "Échéance", "OO", 'Critères "Ressources à mobiliser"']
HEADER_2 = [None, None, None, "Politique en charge", "Service en charge", "Agent en charge", None, None,
            "Budget ordinaire +ref", "Budget extra + ref.", "RH"]


def citoyennete(ws):
    ws.append(["VOLET EXTERNE : POLITIQUES COMMUNALES"])
    ws.append([])
    ws.append(["DOMAINE : CITOYENNETE"])
    ws.append([])
    ws.append(HEADER_1)
    ws.append(HEADER_2)
    # Row 7: a strategic objective merged across the table.
    ws.append(['Objectif stratégique : "Etre une commune qui place le citoyen au cœur de ses projets"'])
    ws.merge_cells("A7:K7")
    # Row 8: an operational objective in rich text (two runs, one bold).
    ws.append([CellRichText(TextBlock(InlineFont(b=True), "Objectif opérationnel 1."),
                            " Favoriser la participation citoyenne active")])
    # Row 9: a deadline typed as a number.
    ws.append([None, None, "Action 1.1. Redynamiser les Conseils consultatifs (en lien avec l'axe 6 du PCS III)",
               "S. Boulanger", "PCS", "Cheffe de projet PCS", 2020, "A 1.1", "CCE 3.000 € CCCA 3.000 € ??", "/"])
    # Row 10: awaiting the Collège (the legend's yellow); a deadline stored as a date serial.
    ws.append([None, None, "Action 1.2. Analyser la création de lieux de convivialité", "S. Boulanger", "PCS",
               "Cheffe de projet PCS", datetime.date(2021, 6, 30), "A 1.2", None, "20.000 € (Article 840/731-53)"])
    ws["G10"].number_format = "DD/MM/YYYY"
    for column in "ABCDEFGHIJK":
        ws[f"{column}10"].fill = YELLOW
    # Rows 11-12: one deadline merged down over two actions.
    ws.append([None, None, "Action 1.3. Organiser des sondages", "S. Boulanger", "PCS Service comm.", None,
               "2e sem. 2020", "A 1.3", "20.000 € (Article 1042/123-13 Plateforme citoyenne)"])
    ws.append([None, None, "Action 1.4. Consulter la population", "S. Boulanger", "PCS", None, None, "A 1.4"])
    ws.merge_cells("G11:G12")
    # Row 13: a budget computed by a formula (LibreOffice stores its value, 5000).
    ws.append([None, None, "Action 1.5. Soutenir les initiatives citoyennes", "S. Boulanger", "PCS", "??",
               "Mai 2022", "A 1.5", "=3000+2000"])
    # Row 14: a hidden action.
    ws.append([None, None, "Action 1.6. Action retirée du plan", "S. Boulanger", "PCS", "??", "2023", "A 1.6"])
    ws.row_dimensions[14].hidden = True
    ws.append([])
    ws.append(["Légende:"])
    ws.append([None])
    ws["A17"].fill = YELLOW
    ws["B17"] = "En attente confirmation/précision du Collège communal"


def environnement(ws):
    ws.append(["DOMAINE : ENVIRONNEMENT"])
    ws.append(HEADER_1)
    ws.append(HEADER_2)
    ws.append(['Objectif stratégique : "Etre une commune propre"'])
    ws.append(["Objectif opérationnel 1. Réduire les déchets"])
    ws.append([None, None, "Action 1.1. Installer des poubelles de tri", "A. Martin", "Environnement", "Éco-conseiller",
               "T3 2021", "A 1.1", "12.500 € (Article 879/124-02 Propreté)"])
    ws.append([None, None, "Action 1.2. Organiser un Grand Nettoyage de printemps", "A. Martin", "Environnement", "??",
               "En continu", "A 1.2", "?? "])


book = Workbook()
cover = book.active
cover.title = "Couverture"
cover.append(["PST 2019-2024 de Testville"])
cover.append([])
cover.append(["Ce classeur tient un domaine du PST par feuille."])
citoyennete(book.create_sheet("Citoyennete"))
environnement(book.create_sheet("Environnement"))
hidden = book.create_sheet("Brouillon")
environnement(hidden)
hidden["A1"] = "DOMAINE : BROUILLON"
hidden.sheet_state = "hidden"
book.create_sheet("Feuil5")  # empty, as Excel leaves them
book.save(f"{work}/book-source.xlsx")

# Dates in the 1904 system, and a formula without its value (openpyxl computes nothing).
dates = Workbook()
dates.epoch = datetime.datetime(1904, 1, 1)  # openpyxl's CALENDAR_MAC_1904
ws = dates.active
ws.title = "Dates"
ws.append(HEADER_1)
ws.append(HEADER_2)
ws.append(['Objectif stratégique : "Tenir les délais"'])
ws.append(["Objectif opérationnel 1. Dater les actions"])
ws.append([None, None, "Action 1.1. Une date", "X", "Y", "Z", datetime.date(2020, 12, 31), "A 1.1"])
ws["G5"].number_format = "yyyy-mm-dd"
ws.append([None, None, "Action 1.2. Un budget calculé", "X", "Y", "Z", 2021, "A 1.2", "=SUM(1000,2000)"])
dates.save(f"{out}/dates-1904.xlsx")

# The French action-plan template as a spreadsheet program fills it: a title row, the header row,
# days as date cells (Excel serials), amounts as numbers; saved again by LibreOffice as .xlsx and .ods.
template = Workbook()
ws = template.active
ws.title = "Plan d'action"
ws.append(["Plan climat air énergie territorial"])
ws.append(["Axe (x)", "Sous-axe (x.x)", "Sous-sous axe (x.x.x)", "Titre de la fiche action", "Titre de la sous-action",
           "Descriptif", "Instances de gouvernance", "Objectifs", "Indicateurs liés", "Structure pilote",
           "Moyens humains et techniques", "Partenaires", "Direction ou service pilote", "Personne pilote",
           "Élu·e référent·e", "Participation Citoyenne", "Financements", "Financeur 1", "Montant € HT", "Financeur 2",
           "Montant € HT", "Financeur 3", "Montant € HT", "Budget prévisionnel total € HT", "Statut",
           "Niveau de priorité", "Date de début", "Date de fin"])
ws.append(["1 Mobilité", "1.1 Vélo", None, "Créer un réseau cyclable", None, "Relier les villages", None, None, None, None,
           None, None, "Service Mobilité, Service Travaux", "Jeanne Petit", "Marc Lenoir", None, None, "Région", 5000, None,
           None, None, None, 45000.5, "En cours", "Élevé", datetime.date(2024, 3, 1), datetime.date(2026, 12, 31)])
ws.append(["1 Mobilité", "1.1 Vélo", None, "Créer un réseau cyclable", "Tracer les itinéraires", None, None, None, None,
           None, None, None, None, "Jeanne Petit", None, None, None, None, "5.000", None, None, None, None, None,
           "Réalisé", None, None, datetime.date(2024, 6, 30)])
for row in (3, 4):
    for column in ("AA", "AB"):
        ws[f"{column}{row}"].number_format = "dd/mm/yyyy"
template.save(f"{work}/plan-action-dates-source.xlsx")

# iA.PST's Export as a spreadsheet program fills it: its days as date cells (Excel serials with a
# date format), one as a bare serial whose format was lost (SUBACT Date fin effective, row 2), the
# progress as numbers. Written by openpyxl as it is: LibreOffice would keep the same cells.
def iapst_dates(path):
    with open("Tests/Fixtures/iapst-export.tsv", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    book = Workbook()
    ws = book.active
    ws.title = "Export"
    header = rows[0]
    ws.append(header)
    for r, row in enumerate(rows[1:], start=2):
        values = []
        for label, text in zip(header, row + [""] * (len(header) - len(row))):
            value = text if text else None
            if text and ("Date" in label or "Échéance" in label) and text.count("/") == 2:
                d, m, y = (int(part) for part in text.split("/"))
                value = datetime.date(y, m, d)
            elif text and "Progression" in label:
                value = int(text)
            values.append(value)
        ws.append(values)
        for c, value in enumerate(values, start=1):
            if isinstance(value, datetime.date):
                ws.cell(row=r, column=c).number_format = "dd/mm/yyyy"
    bare = header.index("SUBACT Date fin effective") + 1
    ws.cell(row=2, column=bare).number_format = "General"
    book.save(path)


iapst_dates(f"{out}/iapst-dates.xlsx")

# Bad archives.
with zipfile.ZipFile(f"{out}/not-a-workbook.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("notes.txt", "Ceci n'est pas un classeur.\n")
with zipfile.ZipFile(f"{out}/zip-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with z.open("xl/workbook.xml", "w", force_zip64=True) as entry:
        block = b" " * (1 << 20)
        for _ in range(300):
            entry.write(block)
with zipfile.ZipFile(f"{out}/many-entries.xlsx", "w", zipfile.ZIP_STORED) as z:
    for i in range(10_001):
        z.writestr(f"e{i}", b"")

# A sheet of a million rows: the plan's table at the top, a million rows below, an action last.
rows = []
with zipfile.ZipFile(f"{out}/million-rows.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Long" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')

    def inline(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        head = ('<row r="1">' + inline("C1", "Politique en charge") + inline("D1", "Service en charge") + inline("E1", "Échéance") + "</row>"
                '<row r="2">' + inline("A2", "Objectif stratégique : Durer") + "</row>"
                '<row r="3">' + inline("A3", "Objectif opérationnel 1. Tenir") + "</row>")
        sheet.write(head.encode())
        chunk = []
        for r in range(4, 1_048_576):
            # Row and cell numbers may be left out (each follows the last): the archive stays small.
            chunk.append('<row><c s="0"/></row>')
            if len(chunk) == 10_000:
                sheet.write("".join(chunk).encode())
                chunk = []
        sheet.write("".join(chunk).encode())
        last = '<row r="1048576">' + inline("B1048576", "Action 1.1. La dernière") + inline("C1048576", "S. Boulanger") + inline("E1048576", "2024") + "</row>"
        sheet.write((last + "</sheetData></worksheet>").encode())

# A legend whose lines start with "Action" (not an action: no number), and a theme colour's
# swatch after it: every line is the legend's, and the theme colour marks an action pending.
from openpyxl.styles.colors import Color
legend = Workbook()
ws = legend.active
ws.title = "Legende"
ws.append(HEADER_1)
GREEN = PatternFill("solid", fgColor="92D050")
THEME = PatternFill("solid", fgColor=Color(theme=7, tint=0.3999755851924192))
ws.append(HEADER_2)
ws.append(['Objectif stratégique 1 : "Etre une commune qui écoute"'])
ws.append(["Objectif opérationnel 1. Consulter les habitants"])
ws.append([None, None, "Action 1.1. Organiser une consultation", "S. Boulanger", "PCS", None, "2024", "A 1.1"])
ws.append([None, None, "Action 1.2. Ouvrir une boîte à idées", "S. Boulanger", "PCS", None, "2025", "A 1.2"])
ws.append([None, None, "Action 1.3. Publier les résultats", "S. Boulanger", "PCS", None, "2026", "A 1.3"])
for column in "ABCDEFGHIJK":
    ws[f"{column}5"].fill = GREEN
    ws[f"{column}6"].fill = THEME
ws.append([])
ws.append(["Légende:"])
ws.append(["Action prioritaire"])
ws["A10"].fill = GREEN
ws.append([None, "À valider par le Collège"])
ws["A11"].fill = THEME
legend.save(f"{out}/legend-lines.xlsx")
