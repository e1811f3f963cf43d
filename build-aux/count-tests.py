#!/usr/bin/env python3
"""Counts the test cases in meson's JSON test logs and prints "N passed, N failed".

A TAP test executable counts each of its subtests; any other test counts once.
Exits 1 if anything failed or nothing ran.
"""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            record = json.loads(line)
            result = record.get("result")
            out = record.get("stdout") or ""
            oks = len(re.findall(r"^ok \d+", out, re.M))
            not_oks = len(re.findall(r"^not ok \d+", out, re.M))
            skips = len(re.findall(r"^ok \d+ .*# SKIP", out, re.M))
            if result in ("OK", "EXPECTEDFAIL"):
                if oks or not_oks:
                    passed += oks - skips
                    skipped += skips
                    failed += not_oks
                else:
                    passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += max(1, not_oks)
                passed += max(0, oks - skips)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
