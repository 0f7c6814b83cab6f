#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Agency, year and outline of `ogi parse` against each report's meta.json.

Usage: tools/dev/metadata_score.py [--ogi PROGRAM] [--verbose] [--sources] REPORT_DIR_OR_PARENT...

A report folder holds meta.json ({"agency": …, "year": …}) and variants/*.txt. Every variant
(with --sources: source.html/.docx/.pdf/.xhtml instead) is parsed once, and counted:
  agency   metadata.agency equals meta.json's agency exactly
  year     metadata.year equals meta.json's year
  sections the six standard keys are top-level sections, in order (reports of 2019 and later)
A dump whose text no longer holds the agency (cut bytes: html2text, U+FFFD) is named "not held":
the agency cannot be read from it, and it is counted apart.
Nothing is copied: the shared files are only read.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor

SIX = ["overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"]
SOURCES = ("source.html", "source.htm", "source.docx", "source.pdf", "source.xhtml")

# CJK Radicals Supplement characters PDF tools print for common ideographs (NFKC leaves them).
SUPPLEMENT = {"\u2e8c": "小", "\u2ea0": "民", "\u2ec4": "西", "\u2ed4": "长", "\u2ed7": "雨", "\u2ee9": "黄",
              "\u2ebc": "肉", "\u2ecf": "邑", "\u2ed8": "青", "\u2ee2": "马", "\u2ea7": "牛", "\u2ec5": "见",
              "\u2ec8": "讠", "\u2ec9": "贝", "\u2ed0": "钅", "\u2ed3": "长", "\u2ee0": "饣", "\u2ee3": "骨"}


def folded(s):
    s = unicodedata.normalize("NFKC", "".join(SUPPLEMENT.get(c, c) for c in s))
    return "".join(c for c in s if not c.isspace())


def reports(dirs):
    for d in dirs:
        if os.path.exists(os.path.join(d, "meta.json")):
            yield d
            continue
        for sub in sorted(os.listdir(d)):
            p = os.path.join(d, sub)
            if os.path.exists(os.path.join(p, "meta.json")):
                yield p


def inputs(report, sources):
    if sources:
        return [os.path.join(report, s) for s in SOURCES if os.path.exists(os.path.join(report, s))]
    v = os.path.join(report, "variants")
    if not os.path.isdir(v):
        return []
    return [os.path.join(v, f) for f in sorted(os.listdir(v)) if f.endswith(".txt")]


def parse(ogi, path):
    r = subprocess.run([ogi, "parse", "--compact", path], capture_output=True)
    if r.returncode != 0:
        return None
    return json.loads(r.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ogi", default="build/tools/ogi")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--sources", action="store_true")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()

    jobs = []
    for rep in reports(a.dirs):
        meta = json.load(open(os.path.join(rep, "meta.json"), encoding="utf-8"))
        for f in inputs(rep, a.sources):
            jobs.append((rep, meta, f))
    with ThreadPoolExecutor(a.j) as ex:
        outs = list(ex.map(lambda j: parse(a.ogi, j[2]), jobs))

    n = agency_ok = agency_held = agency_ok_held = year_ok = sec_n = sec_ok = 0
    for (rep, meta, f), out in zip(jobs, outs):
        n += 1
        name = os.path.relpath(f)
        if out is None or "error" in out:
            print(f"UNREADABLE {name}")
            continue
        md = out.get("metadata", {})
        want_agency, want_year = meta.get("agency"), meta.get("year")
        got_agency, got_year = md.get("agency"), md.get("year")
        raw = open(f, "rb").read().decode("utf-8", errors="replace") if f.endswith(".txt") else None
        held = raw is None or folded(want_agency) in folded(raw)
        agency_held += held
        ok_a = got_agency == want_agency
        agency_ok += ok_a
        agency_ok_held += ok_a and held
        ok_y = got_year == want_year
        year_ok += ok_y
        fails = []
        if not ok_a:
            src = md.get("sources", {}).get("agency", "")
            fails.append(f"agency {got_agency!r} {src}" + ("" if held else " (not held)"))
        if not ok_y:
            fails.append(f"year {got_year!r} (want {want_year})")
        if want_year and want_year >= 2019:
            sec_n += 1
            keys = [s["key"] for s in out.get("sections", []) if s.get("key") in SIX]
            ok_s = keys == SIX
            sec_ok += ok_s
            if not ok_s:
                fails.append(f"sections {keys}")
        if fails and (a.verbose or not (len(fails) == 1 and not held and not ok_a)):
            print(f"{name}: " + "; ".join(fails))
    pct = lambda x, d: f"{x}/{d} ({100.0 * x / d:.1f} %)" if d else "0/0"
    print(f"agency {pct(agency_ok, n)}, where the text holds it {pct(agency_ok_held, agency_held)}; "
          f"year {pct(year_ok, n)}; six sections {pct(sec_ok, sec_n)}")


if __name__ == "__main__":
    sys.exit(main())
