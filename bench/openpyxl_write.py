#!/usr/bin/env python3
"""Write the cells that article30's workbook holds with openpyxl.

This is the alternative a DPO's own script would use: the default openpyxl
workbook, one sheet per sheet of the article30 workbook, every cell's text.
It prints {"seconds": ...}: the time to build and save the workbook, not to
load the JSON.

Usage: openpyxl_write.py CELLS.json OUT.xlsx [REPEATS [MODE]]

With REPEATS, the workbook is written that many times and the median time
is printed. MODE is "normal" (the default workbook) or "write_only"
(openpyxl's streaming mode, its fastest). The process's peak memory
(VmHWM) is printed too, as "peak", in bytes.
"""
import json
import sys
import time

import openpyxl


def main():
    cells, out = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    write_only = len(sys.argv) > 4 and sys.argv[4] == "write_only"
    with open(cells, encoding="utf-8") as f:
        sheets = json.load(f)
    times = []
    for _ in range(max(repeats, 1)):
        start = time.perf_counter()
        wb = openpyxl.Workbook(write_only=write_only)
        if not write_only:
            wb.remove(wb.active)
        for s in sheets:
            ws = wb.create_sheet(title=s["name"])
            for row in s["rows"] or []:
                ws.append([c if c != "" else None for c in (row or [])])
        wb.save(out)
        times.append(time.perf_counter() - start)
    times.sort()
    elapsed = times[(len(times) - 1) // 2]
    count = sum(len(r or []) for s in sheets for r in s["rows"] or [])
    print(json.dumps({"seconds": elapsed, "note": "%d cells" % count, "peak": peak()}))


def peak():
    """The process's peak resident set size in bytes (VmHWM), or 0."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    main()
