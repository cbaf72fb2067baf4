#!/usr/bin/env python3
"""Write the cells that article30's workbook holds with openpyxl.

This is the alternative a DPO's own script would use: the default openpyxl
workbook, one sheet per sheet of the article30 workbook, every cell's text.
It prints {"seconds": ...}: the time to build and save the workbook, not to
load the JSON.

Usage: openpyxl_write.py CELLS.json OUT.xlsx
"""
import json
import sys
import time

import openpyxl


def main():
    cells, out = sys.argv[1], sys.argv[2]
    with open(cells, encoding="utf-8") as f:
        sheets = json.load(f)
    start = time.perf_counter()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(title=s["name"])
        for row in s["rows"] or []:
            ws.append([c if c != "" else None for c in (row or [])])
    wb.save(out)
    elapsed = time.perf_counter() - start
    count = sum(len(r or []) for s in sheets for r in s["rows"] or [])
    print(json.dumps({"seconds": elapsed, "note": "%d cells" % count}))


if __name__ == "__main__":
    main()
