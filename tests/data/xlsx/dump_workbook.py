#!/usr/bin/python3
"""Prints a workbook as JSON, read by an independent reader (openpyxl), for the xlsx report and template tests.

Usage: /usr/bin/python3 dump_workbook.py WORKBOOK.xlsx > out.json
Per sheet: name, state, frozen cell, autofilter range, merged ranges, column widths, every row's values
(numbers stay JSON numbers, so a test can tell a number from text), solid fills by cell, bold cells, and
data validations with their lists and input prompts.
"""
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def main(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in wb.worksheets:
        rows = [[value(v) for v in row] for row in ws.iter_rows(values_only=True)]
        fills = {}
        bold = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.fill is not None and cell.fill.fill_type == "solid":
                    fills[cell.coordinate] = str(cell.fill.fgColor.rgb)
                if cell.font is not None and cell.font.b and cell.value is not None:
                    bold.append(cell.coordinate)
        widths = {}
        for key, dim in ws.column_dimensions.items():
            if dim.width:
                # openpyxl groups equal adjacent columns (min..max); report each column.
                for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
                    widths[get_column_letter(c)] = dim.width
        validations = []
        for dv in ws.data_validations.dataValidation:
            validations.append({
                "sqref": str(dv.sqref),
                "type": dv.type,
                "formula1": dv.formula1,
                "prompt": dv.prompt,
                "prompt_title": dv.promptTitle,
                "show_input": bool(dv.showInputMessage),
                "allow_blank": bool(dv.allow_blank),
            })
        out["sheets"].append({
            "name": ws.title,
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": widths,
            "rows": rows,
            "fills": fills,
            "bold": bold,
            "validations": validations,
        })
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
