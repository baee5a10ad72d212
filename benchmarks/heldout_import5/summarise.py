#!/usr/bin/env python
"""Totals of an evaluate.py --details JSON, by file size and as a mean per file.

    summarise.py DETAILS.json [--big 1000]

The record-weighted totals of evaluate.py are dominated by this set's few very large
exports (1,000-5,000 rows each). This prints the same all-four figure three ways: over
every record, over the files below --big records only, and as the mean of the files'
own percentages. It prints aggregates only, never a file's name or failures, so it can be
run on the held-out half.
"""

import argparse
import json


def line(name, sts):
    e = sum(s["expected"] for s in sts)
    p = sum(s["perfect"] for s in sts)
    f = sum(s["found"] for s in sts)
    pct = f"{100.0 * p / e:5.1f}%" if e else "  -  "
    return f"{name:34} files {len(sts):3d}  records {e:6d}  found {f:6d}  all four right {pct}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("details")
    ap.add_argument("--big", type=int, default=1000)
    a = ap.parse_args()
    with open(a.details, encoding="utf-8") as fh:
        files = json.load(fh)["files"]
    sts = [v["stats"] for v in files.values()]
    small = [s for s in sts if s["expected"] < a.big]
    big = [s for s in sts if s["expected"] >= a.big]
    print(line("all files", sts))
    print(line(f"files under {a.big} records", small))
    print(line(f"files of {a.big} records or more", big))
    means = [100.0 * s["perfect"] / s["expected"] for s in sts if s["expected"]]
    if means:
        print(f"{'mean of per-file all-four %':34} {sum(means) / len(means):5.1f}%")


if __name__ == "__main__":
    main()
