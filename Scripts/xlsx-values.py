#!/usr/bin/env python3
"""Prints a workbook's sheet as PlanKit's CSV writes a result, read with openpyxl.

Usage: xlsx-values.py WORKBOOK [--sheet NAME] [--describe]

Numbers are written as PlanKit writes them (15000, 1500.5), dates as dd/mm/yyyy, booleans as
true/false, empty cells as nothing; CSV with CRLF line ends, quoted where needed.
--describe prints instead one line per sheet: its name, frozen cell, autofilter range, and the
types and number formats of its second row's cells, to check what a spreadsheet program shows.
"""
import argparse, csv, datetime, io, sys

import openpyxl


def text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return str(int(value)) if value == int(value) else repr(value)
    return str(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workbook")
    parser.add_argument("--sheet")
    parser.add_argument("--describe", action="store_true")
    args = parser.parse_args()
    book = openpyxl.load_workbook(args.workbook)
    if args.describe:
        for sheet in book.worksheets:
            row = list(sheet.iter_rows(min_row=2, max_row=2))
            cells = " ".join(f"{type(c.value).__name__}:{c.number_format}" for c in (row[0] if row else []))
            print(f"{sheet.title}\tfrozen={sheet.freeze_panes}\tfilter={sheet.auto_filter.ref}\t{cells}")
        return
    sheet = book[args.sheet] if args.sheet else book.worksheets[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in sheet.iter_rows(values_only=True):
        writer.writerow([text(v) for v in row])
    sys.stdout.write(out.getvalue())


if __name__ == "__main__":
    main()
