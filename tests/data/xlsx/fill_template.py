#!/usr/bin/python3
"""Fills the perf-check template as a user would in Excel, for tests/unit/report/template_xlsx_test.cpp.

Usage: /usr/bin/python3 fill_template.py TEMPLATE.xlsx OUT.xlsx [SEED.csv FIRST LAST]
Removes the example project (rows 5 and below: values and merged ranges), then, when a CSV is given,
writes its rows FIRST..LAST (1-based physical lines, e.g. the seed's first project, 5..15) from row 5
down, merging the project columns A–D over them as the seed does. Without a CSV the table is left empty.
Everything else in the template (title, header, dropdowns, hints) is kept by openpyxl.
"""
import csv
import sys

import openpyxl


def main(template, out, seed=None, first=None, last=None):
    wb = openpyxl.load_workbook(template)
    ws = wb.worksheets[0]
    for rng in list(ws.merged_cells.ranges):
        if rng.min_row >= 5:
            ws.unmerge_cells(str(rng))
    for row in ws.iter_rows(min_row=5, max_row=max(ws.max_row, 5)):
        for cell in row:
            cell.value = None
    if seed:
        first, last = int(first), int(last)
        with open(seed, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))[first - 1:last]
        for i, values in enumerate(rows):
            for j, v in enumerate(values[:13]):
                if v != "":
                    ws.cell(row=5 + i, column=j + 1, value=v)
        end = 5 + len(rows) - 1
        for col in "ABCD":
            ws.merge_cells(f"{col}5:{col}{end}")
    wb.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
