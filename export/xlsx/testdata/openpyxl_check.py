"""Checks a workbook as openpyxl reads it (used by TestOpenpyxl).

Prints one problem a line, nothing when all is well:
- a sheet whose cells openpyxl's read-only mode (which trusts the
  <dimension> the sheet declares) does not all see, without
  reset_dimensions();
- a cell under a drop-down list whose value is not in the list.
"""
import sys

import openpyxl
from openpyxl.utils.cell import range_boundaries


def cells(ws):
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
            if c.value is not None and hasattr(c, "column")}


def main(path):
    full = openpyxl.load_workbook(path)
    ro = openpyxl.load_workbook(path, read_only=True)
    for ws in full.worksheets:
        want = cells(ws)
        got = cells(ro[ws.title])
        if want != got:
            print(f"{ws.title}: read-only mode sees {len(got)} cells of {len(want)} (dimension {ro[ws.title].calculate_dimension()})")
    names = full.defined_names
    for ws in full.worksheets:
        for dv in ws.data_validations.dataValidation:
            if dv.type != "list":
                continue
            f = dv.formula1 or ""
            if f.startswith('"'):
                allowed = set(f.strip('"').split(","))
            else:
                dn = names.get(f)
                if dn is None:
                    print(f"{ws.title}: drop-down on {dv.sqref} names {f!r}, which is not defined")
                    continue
                allowed = set()
                for title, ref in dn.destinations:
                    for row in full[title][ref.replace("$", "")]:
                        for c in row:
                            if c.value is not None:
                                allowed.add(str(c.value))
            for rng in str(dv.sqref).split():
                min_col, min_row, max_col, max_row = range_boundaries(rng)
                for row in ws.iter_rows(min_row=min_row, max_row=min(max_row, ws.max_row),
                                        min_col=min_col, max_col=max_col):
                    for c in row:
                        v = c.value
                        # A catalogue's custom entries ("custom: ...") are
                        # allowed by the drop-down's warning, not listed.
                        if v is not None and str(v) not in allowed and not str(v).startswith("custom"):
                            print(f"{ws.title}!{c.coordinate}: {v!r} is not in its own drop-down list")

main(sys.argv[1])
