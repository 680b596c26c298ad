#!/usr/bin/env python3
"""Writes a deterministic corpus of N communes' PSTs in the spreadsheet layout PlanKit reads.

Every cell form of the design appears: amounts in each notation, labelled lines, unknown
remainders, stated credits, unknown allocations of a known credit, envelopes, every deadline
form, links to the PCS and other plans, open questions, several pilots per cell, ??, / and
blanks. Most files are UTF-8 TSV; some are Excel CSV (semicolons, Windows-1252, CRLF), some
comma CSV with a BOM and quoted multi-line cells.

Beside the plans it writes:
  lines.csv     every budget line flattened (for sqlite3 and DuckDB), amounts in cents
  answers.json  the answers the benchmark and the tests expect, computed here

With --xlsx, every commune is an .xlsx workbook instead (written by openpyxl, its cells as
the text files' cells), for the workbook benchmark.

Usage: generate-corpus.py OUT_DIR [--communes N] [--actions-per-oo K] [--seed S] [--xlsx]
"""
import argparse, csv, io, json, os, random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def load_codes():
    ordinary, extraordinary = [], []
    with open(os.path.join(ROOT, "Reference", "economic-codes.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            code, label, rd, service = line.rstrip("\n").split("\t")
            if rd != "D":
                continue
            (extraordinary if service == "E" else ordinary).append((code, label))
    return ordinary, extraordinary

FUNCTIONS = ["840", "84010", "84021", "84022", "104", "1042", "762", "76201", "8325", "879", "421", "722", "124", "561"]
WORDS = ("organiser soutenir développer créer renforcer améliorer sensibiliser favoriser mettre en place "
         "la les des une un citoyens quartier école sport culture énergie mobilité aînés jeunesse "
         "participation numérique propreté sécurité logement emploi santé environnement patrimoine").split()
NAMES = ["S. Boulanger", "A. Martin", "B. Durand", "C. Leroy", "D. Lambert", "É. Dubois", "F. Lefèvre", "G. Mercier"]
SERVICES = ["PCS", "Finances", "Travaux", "Urbanisme", "Culture", "Sports", "Environnement", "Service Jeunesse"]
AGENTS = ["Cheffe de projet PCS", "Directeur financier", "Agent technique", "Chargé de comm.", "Éco-conseillère"]
MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre"]

def amount_text(rng, cents, nbsp_ok):
    euros, c = divmod(cents, 100)
    def grouped(sep):
        s = str(euros)
        parts = []
        while len(s) > 3:
            parts.insert(0, s[-3:])
            s = s[:-3]
        parts.insert(0, s)
        return sep.join(parts)
    if c:
        return grouped(".") + ",%02d €" % c
    form = rng.randrange(7)
    if form == 0: return grouped(".") + " €"
    if form == 1: return "€ " + grouped(".")
    if form == 2: return str(euros) + " EUR"
    if form == 3: return grouped(".") + "€"
    if form == 4: return grouped(" ") + " €"
    if form == 5 and nbsp_ok: return grouped("\u00a0") + " €"
    return grouped(".") + " €"

def deadline_text(rng):
    y = rng.choice([2019, 2020, 2021, 2022, 2023, 2024])
    form = rng.randrange(10)
    return [str(y), "%s sem. %d" % (rng.choice(["1er", "2e"]), y), "1er semestre %d" % y, "T%d %d" % (rng.randint(1, 4), y),
            "%s %d" % (rng.choice(MONTHS), y), "fin %d" % y, "2019-2024", "En continu", "??", ""][form]

class Generator:
    def __init__(self, seed, actions_per_oo):
        self.rng = random.Random(seed)
        self.ordinary, self.extraordinary = load_codes()
        self.actions_per_oo = actions_per_oo

    def article(self, kind):
        code, label = self.rng.choice(self.ordinary if kind == "ordinary" else self.extraordinary)
        return "%s/%s" % (self.rng.choice(FUNCTIONS), code), label

    def budget_cell(self, kind, nbsp_ok):
        """The cell's text and its lines: (label, cents or None, article or None, credit or None, funding)."""
        rng = self.rng
        form = rng.randrange(10)
        if form == 0: return "", []
        if form == 1: return "/", []
        if form == 2: return "??", [(None, None, None, None)]
        cents = rng.randrange(1, 60) * 50000 + (rng.choice([0, 0, 0, 50]) if kind == "ordinary" else 0)
        if form in (3, 4):
            art, label = self.article(kind)
            return "%s (Article %s %s)" % (amount_text(rng, cents, nbsp_ok), art, label), [(None, cents, art, None)]
        if form == 5:
            labels = rng.sample(["CCE", "CCCA", "CPJ", "CCPH", "PAT"], rng.randint(2, 4))
            lines, parts = [], []
            for l in labels:
                c = rng.randrange(1, 20) * 50000
                parts.append("%s %s" % (l, amount_text(rng, c, nbsp_ok)))
                lines.append((l, c, None, None))
            if rng.random() < 0.5:
                parts.append("??")
                lines.append((None, None, None, None))
            return " ".join(parts), lines
        if form == 6:
            art, label = self.article(kind)
            credit = cents + rng.randrange(0, 40) * 50000
            return "%s (%s à l'article %s %s)" % (amount_text(rng, cents, nbsp_ok), amount_text(rng, credit, nbsp_ok), art, label), [(None, cents, art, credit)]
        if form == 7:
            art, label = self.article(kind)
            return "?? (%s à l'article %s %s)" % (amount_text(rng, cents, nbsp_ok), art, label), [(None, None, art, cents)]
        if form == 8:
            return "?? Budget Plan d'actions (Enveloppe budgétaire PCS)", [("Budget Plan d'actions", None, None, None)]
        return amount_text(rng, cents, nbsp_ok), [(None, cents, None, None)]

    def pilots(self, pool):
        r = self.rng.random()
        if r < 0.1: return "??"
        if r < 0.15: return "/"
        if r < 0.2: return ""
        return " / ".join(self.rng.sample(pool, self.rng.choice([1, 1, 1, 2])))

    def title(self, number):
        rng = self.rng
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 40)))
        text = "Action %s. %s" % (number, words[0].upper() + words[1:])
        r = rng.random()
        if r < 0.15: text += " (en lien avec l'axe %d du PCS III)" % rng.randint(1, 7)
        elif r < 0.3: text += " (en lien avec l'action %d.%d.%02d du PCS III)" % (rng.randint(1, 7), rng.randint(1, 5), rng.randint(1, 12))
        elif r < 0.35: text += " (cfr PST Aînés - PST Culture)"
        if rng.random() < 0.08: text += " (à préciser! Comment?)"
        return text

    def commune(self, index):
        """One commune's rows and its budget lines."""
        rng = self.rng
        fmt = "tsv" if index % 10 < 8 else ("excel" if index % 10 == 8 else "bom")
        nbsp_ok = True
        rows = [["VOLET EXTERNE : POLITIQUES COMMUNALES"], [], ["DOMAINE : DOMAINE %d" % index], ["COMMUNE : Commune %03d" % index], [],
                ["", "", "", "Pilotes", "", "", "Échéance", "OO", 'Critères "Ressources à mobiliser"', "", ""],
                ["", "", "", "Politique en charge", "Service en charge", "Agent en charge", "", "", "Budget ordinaire +ref", "Budget extra + ref.", "RH"]]
        lines = []
        oo = 0
        for os_number in range(1, 6):
            rows.append(['Objectif stratégique : "Objectif %d de la commune %d"' % (os_number, index)])
            for _ in range(6):
                oo += 1
                rows.append(["<i>Objectif opérationnel %d. Objectif opérationnel %d</i>" % (oo, oo)])
                for a in range(1, self.actions_per_oo + 1):
                    number = "%d.%d" % (oo, a)
                    ordinary, olines = self.budget_cell("ordinary", nbsp_ok)
                    extra, elines = self.budget_cell("extraordinary", nbsp_ok)
                    title = self.title(number)
                    if fmt == "bom" and rng.random() < 0.2:
                        title = title.replace(" ", "\n", 1)  # a quoted multi-line title cell
                    rows.append(["", "", title, self.pilots(NAMES), self.pilots(SERVICES), self.pilots(AGENTS), deadline_text(rng),
                                 "A %s" % number, ordinary, extra, rng.choice(["", "", "0,5 ETP", "1 ETP"])])
                    for kind, ls in (("ordinary", olines), ("extraordinary", elines)):
                        for label, cents, art, credit in ls:
                            lines.append((number, kind, label, cents, art, credit))
        rows += [[], ["Légende:"], [], ["En attente confirmation/précision du Collège communal"]]
        width = 11
        rows = [r + [""] * (width - len(r)) for r in rows]
        if fmt == "tsv":
            data = "\n".join("\t".join(r) for r in rows).encode("utf-8")
            name = "commune-%03d.tsv" % index
        elif fmt == "excel":
            buf = io.StringIO()
            csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
            data = buf.getvalue().encode("cp1252")
            name = "commune-%03d.csv" % index
        else:
            buf = io.StringIO()
            csv.writer(buf, delimiter=",", lineterminator="\n").writerows(rows)
            data = b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
            name = "commune-%03d.csv" % index
        return name, data, lines

def workbook(name, data):
    """The commune's rows (as its text file splits them) in an .xlsx workbook of one sheet."""
    from openpyxl import Workbook
    text = data.decode("cp1252") if name.endswith(".csv") and not data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8-sig")
    if name.endswith(".tsv"):
        rows = [line.split("\t") for line in text.split("\n")]
    else:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if ";" in text.split("\n", 1)[0] else ","))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("PST")
    for row in rows:
        sheet.append([cell if cell != "" else None for cell in row])
    buf = io.BytesIO()
    book.save(buf)
    return name.rsplit(".", 1)[0] + ".xlsx", buf.getvalue()

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--communes", type=int, default=262)
    parser.add_argument("--actions-per-oo", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--xlsx", action="store_true", help="write each commune as an .xlsx workbook (needs openpyxl)")
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, "plans"), exist_ok=True)
    gen = Generator(args.seed, args.actions_per_oo)
    total_bytes = 0
    flat = []
    files = []
    for index in range(1, args.communes + 1):
        name, data, lines = gen.commune(index)
        if args.xlsx:
            name, data = workbook(name, data)
        path = os.path.join(args.out, "plans", name)
        with open(path, "wb") as f:
            f.write(data)
        total_bytes += len(data)
        files.append(os.path.join("plans", name))
        for number, kind, label, cents, art, credit in lines:
            function = art.split("/")[0] if art else ""
            flat.append(["Commune %03d" % index, number, kind, label or "", "" if cents is None else str(cents), art or "",
                         function, function[:3], "" if credit is None else str(credit)])
    with open(os.path.join(args.out, "lines.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["commune", "action", "kind", "label", "amount_cents", "article", "function", "main", "credit_cents"])
        w.writerows(flat)
    known = [r for r in flat if r[4] != ""]
    big = [int(r[4]) for r in known if int(r[4]) > 2000000]
    regex = [int(r[4]) for r in known if r[5].startswith("84")]
    groups = {}
    for r in flat:
        if r[5]:
            g = groups.setdefault(r[7], [0, 0])
            g[0] += int(r[4]) if r[4] else 0
            g[1] += 1
    answers = {
        "files": len(files), "bytes": total_bytes, "lines": len(flat),
        "actions": args.communes * 30 * args.actions_per_oo,
        "filter": {"count": len(big), "sum_cents": sum(big)},
        "regex": {"count": len(regex), "sum_cents": sum(regex)},
        "group": {k: {"sum_cents": v[0], "count": v[1]} for k, v in sorted(groups.items())},
    }
    with open(os.path.join(args.out, "answers.json"), "w") as f:
        json.dump(answers, f, indent=1, sort_keys=True)
    with open(os.path.join(args.out, "files.txt"), "w") as f:
        f.write("\n".join(files) + "\n")
    print("wrote %d files, %.1f MB, %d actions, %d budget lines to %s" % (len(files), total_bytes / 1e6, answers["actions"], len(flat), args.out))

if __name__ == "__main__":
    main()
