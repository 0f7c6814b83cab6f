#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Unseen dumps of familiar shapes: re-fills the published pages of a practice set with new random
tables (every identity holding) and re-makes the text dumps with the tools the set was made with.

The readers were tuned on the practice dumps; the same pages with other numbers show whether they
read the shape or remembered the numbers — a silent wrong number here is one the hidden reports
would show too. Nothing is written into the project: the set goes to OUT.

    python3 tools/dev/remix_practice.py ../shared/practice OUT [--seed N] [--only 001,015] [--tools …]
    python3 tools/dev/remix_practice.py ../shared/practice OUT --seed N --tools lo-mutool,lo-pdftotext-layout,…
    python3 tools/dev/remix_practice.py ../shared/practice OUT --seed N --tools lo-html-html2text,lo-html-w3m,lo-html-lynx
    python3 tools/dev/remix_practice.py ../shared/practice OUT --seed N --restyle   # layouts not tuned on
    ../shared/tools/score --ogi build/tools/ogi OUT

Each report folder of OUT gets source.html (the page with the new values), truth.json and
variants/*.txt. The prose's counts (`N件`) are written `若干件`: they would contradict the new
tables. Needs chromium, poppler-utils, mupdf-tools, python3-pdfminer, lynx, w3m, html2text and
LibreOffice; a missing tool's dump is skipped.
"""
import argparse
import atexit
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

BLANKS = {"", "-", "/", "—", "－", "／", "∕", "无", "——"}
NUMBER = re.compile(r"^\d+(\.\d+)?$")
CELL = re.compile(r"(<td\b[^>]*>)(.*?)(</td>)", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
APPLICANTS = ["natural_person", "commercial", "research", "social", "legal_service", "other_org"]
NOT_OUTCOMES = {"new_received", "carried_over", "total", "carried_forward"}


def cell_text(inner):
    return html.unescape(TAG.sub("", inner)).replace("\xa0", " ").strip()


def with_text(inner, text):
    """A cell's inner markup with its text replaced: the first text node that has the old text
    (never an attribute), else, for an empty cell, inside its innermost element."""
    parts = re.split(r"(<[^>]*>)", inner)
    old = cell_text(inner)
    for i, part in enumerate(parts):
        if not part.startswith("<") and html.unescape(part).replace("\xa0", " ").strip() == old and old:
            parts[i] = part.replace(part.strip(), html.escape(text, quote=False), 1)
            return "".join(parts)
    # empty (or split over several text nodes): the new text after the last opening tag
    opens = [i for i, part in enumerate(parts) if part.startswith("<") and not part.startswith("</")]
    for i, part in enumerate(parts):
        if not part.startswith("<"):
            parts[i] = "" if part.strip() else part
    at = opens[-1] + 1 if opens else 0
    parts.insert(at, html.escape(text, quote=False))
    return "".join(parts)


def printed(truth, path, value):
    if value is None:
        return truth.get("raw", {}).get(path, "")
    if isinstance(value, float) and value.is_integer() and "." not in str(truth.get("raw", {}).get(path, "")):
        return str(int(value))
    return str(value)


def truth_cells(truth):
    """(path, printed text) of every truth cell in table, row, column order."""
    for table, rows in truth["tables"].items():
        for row, cols in rows.items():
            for col, v in cols.items():
                path = f"{table}.{row}.{col}"
                yield path, printed(truth, path, v)


def as_number(text):
    """The number a cell prints, in the ways pages print one ("2,200", "－5", "减少21", "4681.0")."""
    t = text.replace(",", "").replace("，", "").replace("－", "-").replace("−", "-")
    sign = -1 if t.startswith("减少") else 1
    t = t[2:] if t[:2] in ("增加", "减少") else t
    try:
        return sign * float(t)
    except ValueError:
        return None


def same_cell(text, want):
    if text == want:
        return True
    a, b = as_number(text), as_number(want)
    return a is not None and b is not None and a == b


def styled(value, was):
    """`value` printed the way the page printed the cell's old number."""
    was = was or ""
    v = value
    if isinstance(v, float) and v.is_integer() and not re.search(r"\.\d", was):
        v = int(v)
    body = f"{abs(v):,}" if "," in was else str(abs(v))
    if was.endswith(".0") and isinstance(v, int):
        body += ".0"
    if was[:2] in ("增加", "减少"):
        return ("减少" if v < 0 else "增加") + body
    return ("－" if "－" in was else "-") + body if v < 0 else body


def locate(page, truth):
    """The <td> match of every truth cell, in order; None where the page does not line up."""
    cells = [m for m in CELL.finditer(page)]
    texts = [cell_text(m.group(2)) for m in cells]
    at, found = 0, {}
    for path, want in truth_cells(truth):
        while at < len(cells) and not same_cell(texts[at], want):
            at += 1
        if at == len(cells):
            return None
        found[path] = cells[at]
        at += 1
    return found


def small(rng):
    r = rng.random()
    if r < 0.55: return rng.randint(1, 5)
    if r < 0.85: return rng.randint(6, 60)
    return rng.randint(61, 3000)


def new_applications(rng, rows, dense=False):
    """A small body's table 3 is mostly blank; a big agency's (dense) has most cells filled, the
    shape whose rows reading-order dumps print whole beside their labels."""
    outcomes = [r for r in rows if r not in NOT_OUTCOMES]
    t = {r: {c: 0 for c in APPLICANTS} for r in rows}
    for ci, c in enumerate(APPLICANTS):
        if rng.random() > (0.95 if ci == 0 or dense else 0.45):
            continue
        density = rng.choice([0.8, 0.95]) if dense else rng.choice([0.1, 0.25, 0.5])
        for r in outcomes:
            if rng.random() < density:
                t[r][c] = small(rng)
        handled = sum(t[r][c] for r in outcomes)
        if "carried_forward" in t and rng.random() < 0.3:
            t["carried_forward"][c] = small(rng)
        out = handled + (t["carried_forward"][c] if "carried_forward" in t else 0)
        if out == 0:
            continue
        if "carried_over" in t and rng.random() < 0.3:
            t["carried_over"][c] = rng.randint(0, out)
        t["new_received"][c] = out - (t["carried_over"][c] if "carried_over" in t else 0)
        if "total" in t:
            t["total"][c] = handled
    for r in rows:
        t[r]["total"] = sum(t[r][c] for c in APPLICANTS)
    return t


def new_review(rng, rows):
    t = {}
    for r in rows:
        g = {k: (small(rng) if rng.random() < 0.3 else 0) for k in ("upheld", "corrected", "other", "pending")}
        g["total"] = sum(g.values())
        t[r] = g
    return t


def new_active(rng, rows):
    t = {}
    for r, cols in rows.items():
        t[r] = {}
        for c in cols:
            if rng.random() < 0.35:
                t[r][c] = 0
            elif c == "change":  # 2019's 本年增/减: either sign
                t[r][c] = rng.choice([-1, 1]) * small(rng)
            elif r == "fees":
                t[r][c] = round(rng.uniform(0.1, 3000), rng.choice([0, 1, 2]))
            else:
                t[r][c] = small(rng) if c != "in_force" else rng.randint(1, 900)
    return t


def restyle(page, rng):
    """The page in a layout it was not tuned on: another type size, table width and paper (the
    PDF tools' lines wrap and space otherwise), and the widths the text browsers lay it out at.
    Returns the page and the browsers' width."""
    size = rng.choice([11, 12, 13, 14, 16, 18])
    width = rng.choice([55, 70, 85, 100])
    paper = rng.choice(["A4", "A4 landscape", "letter", "A5", "B5"])
    margin = rng.choice([8, 15, 25])
    css = (f"<style>@page {{ size: {paper}; margin: {margin}mm; }}"
           f" body, p, td, th, span {{ font-size: {size}px !important; }}"
           f" table {{ width: {width}% !important; }}</style>")
    at = page.lower().find("</head>")
    page = page[:at] + css + page[at:] if at >= 0 else css + page
    return page, rng.choice([72, 80, 100, 120, 160])


def remix(src_dir, out_dir, rng, dense=False, restyled=False):
    truth = json.load(open(os.path.join(src_dir, "truth.json"), encoding="utf-8"))
    page = open(os.path.join(src_dir, "source.html"), encoding="utf-8").read()
    where = locate(page, truth)
    if where is None:
        return False
    tables = truth["tables"]
    new = {"active_disclosure": new_active(rng, tables["active_disclosure"]),
           "applications": new_applications(rng, list(tables["applications"]), dense),
           "review_litigation": new_review(rng, list(tables["review_litigation"]))}
    raw = truth.get("raw", {})
    marker = max(raw.values(), key=list(raw.values()).count) if raw else ""
    out_truth = {k: v for k, v in truth.items() if k not in ("tables", "raw", "checks", "narrative_mismatch")}
    out_truth.update(tables={}, raw={}, checks=[], narrative_mismatch=[],
                     note="Remixed practice page: the tables re-filled by tools/dev/remix_practice.py.")
    edits, donors = [], {}
    for path, m in where.items():
        t = cell_text(m.group(2))
        if (t in BLANKS or t == "0") and t not in donors:
            donors[t] = m.group(2)
    for table, rows in tables.items():
        out_truth["tables"][table] = {}
        for row, cols in rows.items():
            out_truth["tables"][table][row] = {}
            for col, old in cols.items():
                path = f"{table}.{row}.{col}"
                value = new[table][row][col]
                if value == 0:
                    # a zero prints as the page printed its blanks here (or its commonest blank)
                    was = printed(truth, path, old)
                    text = was if was in BLANKS or was == "0" else marker
                    stored = 0 if text == "0" else None
                else:
                    text, stored = styled(value, cell_text(where[path].group(2))), value
                if stored is None and text:
                    out_truth["raw"][path] = text
                out_truth["tables"][table][row][col] = stored
                m = where[path]
                was = cell_text(m.group(2))
                if was == text:
                    continue
                # a blank takes the markup of one of the page's own blanks (a no-break space, say)
                inner = donors[text] if text in donors else with_text(m.group(2), text)
                edits.append((m.start(2), m.end(2), inner))
    for s, e, inner in sorted(edits, reverse=True):
        page = page[:s] + inner + page[e:]
    page = re.sub(r"\d+(?=件)", "若干", page)
    browser_width = None
    if restyled:
        page, browser_width = restyle(page, rng)
    os.makedirs(os.path.join(out_dir, "variants"), exist_ok=True)
    with open(os.path.join(out_dir, "source.html"), "w", encoding="utf-8") as f:
        f.write(page)
    with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(out_truth, f, ensure_ascii=False, indent=1)
    if browser_width:
        with open(os.path.join(out_dir, "browser-width"), "w") as f:
            f.write(str(browser_width))
    if os.path.exists(os.path.join(src_dir, "meta.json")):
        shutil.copy(os.path.join(src_dir, "meta.json"), os.path.join(out_dir, "meta.json"))
    return True


def run(cmd, out=None, **kw):
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=120, **kw)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out is not None and r.returncode == 0:
        with open(out, "wb") as f:
            f.write(r.stdout)
    return r


# The practice sets' PDFs were printed where no Liberation fonts were installed: their digits are
# DejaVu Sans, and pdftotext lays them out accordingly. LibreOffice brings Liberation along;
# without this Chromium would print the digits in Liberation Serif, another layout.
PRACTICE_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>/usr/share/fonts/truetype/liberation*/*</glob></rejectfont></selectfont>
</fontconfig>
"""
_fonts_conf = None


def chromium_env():
    global _fonts_conf
    if _fonts_conf is None:
        folder = tempfile.mkdtemp(prefix="remix-fonts-")
        atexit.register(shutil.rmtree, folder, True)
        _fonts_conf = os.path.join(folder, "fonts.conf")
        with open(_fonts_conf, "w") as f:
            f.write(PRACTICE_FONTS)
    return dict(os.environ, FONTCONFIG_FILE=_fonts_conf)


def dumps(report, tools, sources=False):
    html_path = os.path.join(report, "source.html")
    v = os.path.join(report, "variants")
    pdf = os.path.join(report, "chromium.pdf")
    if sources or tools & {"chromium-pdftotext", "chromium-pdftotext-layout", "chromium-pdftotext-raw", "chromium-mutool", "chromium-pdfminer"}:
        run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}", "file://" + os.path.abspath(html_path)], env=chromium_env())
    have_pdf = os.path.exists(pdf)
    width_file = os.path.join(report, "browser-width")
    width = open(width_file).read().strip() if os.path.exists(width_file) else None
    wide = {"w3m": ["-cols", width], "lynx": [f"-width={width}"], "html2text": ["-width", width]} if width else {}
    plan = {
        "chromium-pdftotext": (["pdftotext", pdf, "-"], have_pdf),
        "chromium-pdftotext-layout": (["pdftotext", "-layout", pdf, "-"], have_pdf),
        "chromium-pdftotext-raw": (["pdftotext", "-raw", pdf, "-"], have_pdf),
        "chromium-mutool": (["mutool", "draw", "-F", "txt", pdf], have_pdf),
        "chromium-pdfminer": (["pdf2txt", pdf], have_pdf),
        "w3m": (["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", html_path], True),
        "lynx": (["lynx", "-dump", "-assume_charset=utf-8", "-display_charset=utf-8", "file://" + os.path.abspath(html_path)], True),
        "html2text": (["html2text", "-utf8", html_path], True),
    }
    for name, (cmd, ok) in plan.items():
        if name in tools and ok:
            run(cmd[:1] + wide.get(name, []) + cmd[1:], os.path.join(v, name + ".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        # The page as LibreOffice Writer prints it: another PDF maker's layout (narrower cells, a
        # count wrapped a piece a line, a page that closes up its columns), as an agency's
        # Word-made PDF may have. Not among the default tools: the practice sets hold none.
        if sources or tools & set(LO_PDF_TOOLS):
            run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, html_path])
            lo_pdf = os.path.join(tmp, "source.pdf")
            if os.path.exists(lo_pdf) and sources:
                # LibreOffice's print as positioned words (its PDF read through the bbox XHTML):
                # a Word-like layout for the same reader
                run(["pdftotext", "-bbox-layout", lo_pdf, os.path.join(report, "source.xhtml")])
            if os.path.exists(lo_pdf):
                for name, cmd in {"lo-pdftotext": ["pdftotext", lo_pdf, "-"],
                                  "lo-pdftotext-layout": ["pdftotext", "-layout", lo_pdf, "-"],
                                  "lo-pdftotext-raw": ["pdftotext", "-raw", lo_pdf, "-"],
                                  "lo-mutool": ["mutool", "draw", "-F", "txt", lo_pdf],
                                  "lo-pdfminer": ["pdf2txt", lo_pdf]}.items():
                    if name in tools:
                        run(cmd, os.path.join(v, name + ".txt"))
        # The page as an office program saves it (LibreOffice Writer's HTML export: every table
        # column's width set, blank cells as no-break spaces), then the text browsers: html2text
        # cuts such cells at their widths. An agency's Word-made page looks so.
        if tools & set(LO_HTML_TOOLS):
            run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "html:HTML (StarWriter)",
                 "--outdir", os.path.join(tmp, "office"), html_path])
            page = os.path.join(tmp, "office", "source.html")
            if os.path.exists(page):
                for name, cmd in {"lo-html-w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", page],
                                  "lo-html-lynx": ["lynx", "-dump", "-assume_charset=utf-8", "-display_charset=utf-8",
                                                   "file://" + os.path.abspath(page)],
                                  "lo-html-html2text": ["html2text", "-utf8", page]}.items():
                    if name in tools:
                        run(cmd, os.path.join(v, name + ".txt"))
        if "libreoffice" in tools:
            run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, html_path])
            if os.path.exists(os.path.join(tmp, "source.txt")):
                shutil.move(os.path.join(tmp, "source.txt"), os.path.join(v, "libreoffice.txt"))
        if "libreoffice-calc-tsv" in tools:
            run(["soffice", "--headless", "--infilter=HTML (StarCalc)", "--convert-to",
                 "csv:Text - txt - csv (StarCalc):9,,76,1", "--outdir", tmp, html_path])
            if os.path.exists(os.path.join(tmp, "source.csv")):
                shutil.move(os.path.join(tmp, "source.csv"), os.path.join(v, "libreoffice-calc-tsv.txt"))
        # The published files as the practice sets hold them, for `score --sources`: the page
        # Chromium printed and the page LibreOffice Writer converted to DOCX.
        if sources:
            run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, html_path])
            if os.path.exists(os.path.join(tmp, "source.docx")):
                shutil.move(os.path.join(tmp, "source.docx"), os.path.join(report, "source.docx"))
    if os.path.exists(pdf):
        if sources:
            os.replace(pdf, os.path.join(report, "source.pdf"))
        else:
            os.remove(pdf)


LO_PDF_TOOLS = ["lo-pdftotext", "lo-pdftotext-layout", "lo-pdftotext-raw", "lo-mutool", "lo-pdfminer"]
LO_HTML_TOOLS = ["lo-html-w3m", "lo-html-lynx", "lo-html-html2text"]
ALL_TOOLS = ["chromium-pdftotext", "chromium-pdftotext-layout", "chromium-pdftotext-raw", "chromium-mutool",
             "chromium-pdfminer", "w3m", "lynx", "html2text", "libreoffice", "libreoffice-calc-tsv"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("practice")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copies", type=int, default=1, help="remixes of each report")
    ap.add_argument("--only", default="", help="comma-separated report number prefixes")
    ap.add_argument("--tools", default=",".join(ALL_TOOLS),
                    help="comma-separated; also " + ",".join(LO_PDF_TOOLS) + " (the page printed by LibreOffice Writer), " +
                    ",".join(LO_HTML_TOOLS) + " (the page saved by LibreOffice Writer)")
    ap.add_argument("--dense", action="store_true", help="table 3 with most cells filled (a big agency's); tables 2 and 4 as always")
    ap.add_argument("--restyle", action="store_true",
                    help="each page in another type size, table width and paper, and the text browsers at another width")
    ap.add_argument("--sources", action="store_true",
                    help="keep the published files beside the dumps: source.pdf (Chromium's print), source.docx (LibreOffice Writer's) and source.xhtml (LibreOffice's print as pdftotext -bbox-layout words)")
    a = ap.parse_args()
    tools = set(a.tools.split(","))
    only = [p for p in a.only.split(",") if p]
    rng = random.Random(a.seed)
    for name in sorted(os.listdir(a.practice)):
        src = os.path.join(a.practice, name)
        if not os.path.exists(os.path.join(src, "source.html")) or (only and not any(name.startswith(p) for p in only)):
            continue
        for k in range(a.copies):
            out = os.path.join(a.out, f"{name}-r{a.seed}-{k}")
            if not remix(src, out, rng, a.dense, a.restyle):
                print(f"{name}: the page's cells do not line up with its truth; skipped", file=sys.stderr)
                break
            dumps(out, tools, a.sources)
            print(out)


if __name__ == "__main__":
    main()
