#!/usr/bin/env python3
"""Exports a project to XLSX with $MODELCOST and recomputes the workbook.

Every formula is evaluated from the cells it refers to and compared with the
value the export cached for it: the workbook adds up the same way when a
spreadsheet recomputes it after someone edits a quantity or a price.

Usage: check-xlsx-formulas.py PROJECT [MODELCOST OPTIONS...]
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
# The app rounds each month to the cent; a growing item's formula sums the
# unrounded months: half a cent a month, over the longest horizon.
TOLERANCE = 0.005 * 120
CELL = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")


def column_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n):
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class Workbook:
    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            workbook = ElementTree.fromstring(z.read("xl/workbook.xml"))
            self.sheets = [s.get("name") for s in workbook.find("m:sheets", NS)]
            self.cells = {}
            for index, name in enumerate(self.sheets):
                sheet = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{index + 1}.xml"))
                for c in sheet.iter(f"{{{NS['m']}}}c"):
                    f = c.find("m:f", NS)
                    v = c.find("m:v", NS)
                    self.cells[(name, c.get("r"))] = (
                        f.text if f is not None else None,
                        v.text if v is not None else None,
                        c.get("t"),
                    )

    def value(self, sheet, ref):
        formula, value, kind = self.cells.get((sheet, ref), (None, None, None))
        if formula is not None:
            return self.evaluate(sheet, formula)
        if value is None or kind == "s":
            return 0.0
        return float(value)

    def cells_in(self, sheet, first, last):
        (c1, r1), (c2, r2) = CELL.fullmatch(first).groups(), CELL.fullmatch(last).groups()
        return [(sheet, f"{column_letters(c)}{r}")
                for r in range(int(r1), int(r2) + 1)
                for c in range(column_number(c1), column_number(c2) + 1)]

    def is_subtotal(self, key):
        formula = self.cells.get(key, (None,))[0] or ""
        return formula.startswith("SUBTOTAL")

    def evaluate(self, sheet, formula):
        """The formulas the export writes: + - * / ^, IF, SUM, SUBTOTAL(9, ...)
        and references to cells, ranges and other sheets."""
        functions = {
            "IF": lambda test, a, b: a if test else b,
            "SUM": lambda cells: sum(self.value(*k) for k in cells),
            # SUBTOTAL leaves out the subtotals inside its range.
            "SUBTOTAL": lambda code, cells: sum(self.value(*k) for k in cells
                                                if not self.is_subtotal(k)),
            "value": self.value,
            "cells_in": self.cells_in,
        }
        expr = re.sub(r"'((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)",
                      lambda m: f"value({m.group(1).replace(chr(39) * 2, chr(39))!r}, "
                                f"'{m.group(2)}{m.group(3)}')", formula)
        expr = re.sub(r"(?<![\w'])(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3}\$?\d+)",
                      lambda m: f"cells_in({sheet!r}, '{m.group(1).replace('$', '')}', "
                                f"'{m.group(2).replace('$', '')}')", expr)
        expr = re.sub(r"(?<![\w'])\$?([A-Z]{1,3})\$?(\d+)(?![\w('])",
                      lambda m: f"value({sheet!r}, '{m.group(1)}{m.group(2)}')", expr)
        expr = expr.replace("^", "**").replace("=", "==")
        return eval(expr, {"__builtins__": {}}, functions)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "costs.xlsx")
        subprocess.run([os.environ["MODELCOST"], "--export", out, *sys.argv[2:], sys.argv[1]],
                       check=True)
        book = Workbook(out)

    checked = mismatches = 0
    per_sheet = dict.fromkeys(book.sheets, 0)
    for (sheet, ref), (formula, cached, _) in sorted(book.cells.items()):
        if formula is None:
            continue
        computed = book.evaluate(sheet, formula)
        expected = float(cached)
        checked += 1
        per_sheet[sheet] += 1
        if abs(computed - expected) > TOLERANCE:
            mismatches += 1
            print(f"{sheet}!{ref}: ={formula} computes {computed}, the file says {expected}")

    print(f"{checked} formulas in {len(book.sheets)} sheets, {mismatches} mismatches")
    for sheet, n in per_sheet.items():
        if n == 0:
            print(f"sheet “{sheet}” has no formulas")
            mismatches += 1

    return 1 if mismatches or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
