# SPDX-License-Identifier: Apache-2.0
"""Reads 政府信息公开工作年度报告 (annual reports on open government information) into checked data.

    import ogi
    report = ogi.parse_file("report.txt")           # or .html, .docx; ogi.parse(bytes or str)
    report.template                                   # "2021"
    report.metadata["agency"], report.metadata["year"]
    report.tables["applications"]["granted"]["total"] # an int, a decimal.Decimal, or None (blank)
    for d in report.diagnostics: print(d["code"], d["line"], d["message"])
    report.to_dict(); report.to_json()

A folder of reports, parsed on several threads (the parser releases the GIL), into one long
pandas DataFrame of every cell:

    reports = ogi.parse_many(sorted(pathlib.Path("reports").rglob("*.html")), jobs=4)
    frame = ogi.to_frame(reports)      # report, table, row, column, value, blank, missing, …

Reports pickle (multiprocessing.Pool.map(ogi.parse_file, paths) works).

What only reports given together show — last year's 结转下年度 against this year's 上年结转, the
same report twice — is added to their diagnostics by check_across (codes year.*):

    for report, finding in ogi.check_across(reports): print(report.path, finding["message"])

Numbers are exact: integers as int, others as decimal.Decimal (never float). A cell the document
does not have, or that could not be placed with certainty, is absent from `tables` and named by a
diagnostic. Unreadable input (not text, bad encoding) raises ogi.ParseError, whose `code` is an
ogi.ErrorCode.

help(ogi.Report), help(ogi.parse_many), help(ogi.to_frame), help(ogi.check_across) say more;
docs/python.md has the whole API.
"""
import collections
import concurrent.futures
import decimal
import enum
import json
import os

from . import _ogi

__all__ = ["parse", "parse_file", "parse_many", "check", "check_across", "to_frame", "Report", "Cell",
           "ParseError", "ErrorCode", "__version__"]
__version__ = _ogi.__version__


class ErrorCode(enum.IntEnum):
    """Why an input could not be read at all (ParseError.code): ogi::ErrorCode of the C++ library,
    the same numbers (the C API's ogi_status agrees up to 7). Findings about a readable report are
    not errors: they are its diagnostics.

    OK             0  no error
    IO             1  the file could not be read
    NOT_TEXT       2  binary input ogi does not read (image, old Office, NUL bytes, …)
    BAD_ENCODING   3  undecodable in the chosen encoding, or invalid bytes under strict=True
    TOO_LARGE      4  over the input size limit
    BAD_OPTION     5  an unknown encoding name
    BAD_DOCUMENT   6  an HTML, DOCX or PDF file that cannot be read (broken, encrypted, scanned)
    UNSUPPORTED    7  a format this build does not read (PDF without the PDF component, .doc/.wps)
    OUT_OF_MEMORY  8  the input needed more memory than there was (raised as MemoryError instead)"""
    OK = 0
    IO = 1
    NOT_TEXT = 2
    BAD_ENCODING = 3
    TOO_LARGE = 4
    BAD_OPTION = 5
    BAD_DOCUMENT = 6
    UNSUPPORTED = 7
    OUT_OF_MEMORY = 8


class ParseError(ValueError):
    """The input cannot be read as a report. `code` is an ErrorCode (ErrorCode.NOT_TEXT,
    ErrorCode.BAD_ENCODING, …; an int), `offset` the byte offset where it applies, the message
    one line in Chinese."""

    def __init__(self, code, message, offset):
        super().__init__(message)
        try:
            self.code = ErrorCode(code)
        except ValueError:  # a code newer than this module: kept as the number
            self.code = code
        self.offset = offset


Cell = collections.namedtuple("Cell", "table row column value raw line begin end")
Cell.__doc__ = """A table cell as Report.cells() gives it: canonical keys, the exact value (int,
decimal.Decimal, or None for a blank cell), the text as written, and its span (line, begin, end:
byte offsets into the input, as in the JSON)."""


class Report:
    """A parsed report. Its attributes are the ogi.report/1 JSON (docs/data-model.md) as Python.

    `path` is the file it was read from (None for parse()). A Report pickles: what it holds is
    kept as the JSON and the input bytes, and the native report is parsed again, from the same
    bytes and options, only when a call needs it (text_utf8, to_json with pretty=True).

    Attributes: template ("2021", "2019", "legacy", "unknown"), encoding, format ("text", "html",
    "docx", …), metadata (agency, year, … and where each was read), sections, tables (table ->
    row -> column -> value; None for a table the document lacks), table_status ("ok",
    "inconsistent", "uncertain", "missing" or None), diagnostics (dicts: code, severity, table,
    row, column, message, line, begin, end), path."""

    def __init__(self, native, options=("", False, ""), path=None):
        self._native = native
        self._options = options
        self.path = path
        self._across = []  # the year.* findings check_across added, kept through pickling
        self._template_cells = [tuple(c) for c in native.template_cells()]
        self._refresh()

    def _refresh(self):
        self._json = self._native.json(False)
        self._load()
        self._across = [d for d in self.diagnostics if d["code"].startswith("year.")]

    def _load(self):
        self._dict = json.loads(self._json, parse_float=decimal.Decimal)
        d = self._dict
        self.template = d["template"]
        self.encoding = d["encoding"]
        self.format = d.get("format", "text")  # how the input was read: text, html, docx, …
        self.metadata = d["metadata"]
        self.sections = d["sections"]
        self.diagnostics = d["diagnostics"]
        # table -> row -> column -> value; an absent table is None
        self.tables = {name: (t["rows"] if t is not None else None) for name, t in d["tables"].items()}
        self.table_status = {name: (t["status"] if t is not None else None) for name, t in d["tables"].items()}

    def __getstate__(self):
        return {"json": self._json, "input": self._input(), "options": self._options, "path": self.path,
                "template_cells": self._template_cells, "across": self._across}

    def __setstate__(self, state):
        self._native = None
        self._json = state["json"]
        self._input_bytes = state["input"]
        self._options = tuple(state["options"])
        self.path = state["path"]
        self._template_cells = state["template_cells"]
        self._across = state.get("across", [])
        self._load()

    def _input(self):
        if self._native is not None:
            return self._native.input()
        return self._input_bytes

    def _report(self):
        if self._native is None:  # unpickled: parse the same bytes again (deterministic)
            encoding, strict, fmt = self._options
            self._native = _ogi.parse_bytes(self._input_bytes, encoding, strict, fmt)
            del self._input_bytes
            for d in self._across:  # check_across's findings: not found again without the others
                _ogi.add_across_finding(self._native, d["code"], d["severity"], d.get("table", ""), d.get("row", ""),
                                        d.get("column", ""), d["message"], d.get("begin", 0), d.get("end", 0),
                                        d.get("line", 0))
        return self._native

    def to_dict(self):
        """The whole report as a dict (a fresh copy)."""
        return json.loads(self._json, parse_float=decimal.Decimal)

    def to_json(self, pretty=True):
        """The report as ogi.report/1 JSON text."""
        return self._report().json(True) if pretty else self._json

    def text(self, begin, end):
        """The original bytes of a span (`begin`/`end` byte offsets as in the JSON)."""
        data = self._input()
        if not 0 <= begin <= end <= len(data):
            raise IndexError("span outside the input")
        return data[begin:end]

    def text_utf8(self, begin, end):
        """What a span says as str, whatever the input's encoding (GB18030, UTF-16, …); bytes that
        do not decode become U+FFFD. For a DOCX the span is XML and its markup stays."""
        return self._report().text_utf8(begin, end)

    def cells(self, table=None):
        """The cells the tables have (all tables, or the one named), row by row in template
        order, as Cell tuples with their spans."""
        d = self._dict["tables"]
        for name in ([table] if table else list(d)):
            t = d.get(name)
            if t is None:
                continue
            for key, c in t["cells"].items():
                row, column = key.split(".", 1)
                yield Cell(name, row, column, t["rows"].get(row, {}).get(column), c["raw"], c["line"],
                           c["begin"], c["end"])

    def findings(self):
        """Diagnostics at warning level or above: what `ogi check` reports."""
        return [d for d in self.diagnostics if d["severity"] != "info"]

    def __repr__(self):
        """<ogi.Report agency year template=… findings=…>"""
        return "<ogi.Report %s %s template=%s findings=%d>" % (
            self.metadata.get("agency"), self.metadata.get("year"), self.template, len(self.findings()))


def parse(text_or_bytes, encoding=None, strict=False, format=None):
    """Parses a report from bytes (a text dump in any supported encoding, an HTML page, a DOCX) or
    str. The format is told from the bytes unless `format` names it ("text", "html", "docx", …).
    Releases the GIL while parsing."""
    if isinstance(text_or_bytes, str):
        data = text_or_bytes.encode("utf-8")
    elif isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(text_or_bytes)
    else:
        raise TypeError("parse() takes str or bytes, not %s" % type(text_or_bytes).__name__)
    return _parse(data, encoding, strict, format, None)


def _parse(data, encoding, strict, format, path):
    options = (encoding or "", bool(strict), format or "")
    try:
        return Report(_ogi.parse_bytes(data, *options), options, path)
    except _ogi._ParseError as e:
        code, message, offset = e.args
        raise ParseError(code, message, offset) from None


def parse_file(path, encoding=None, strict=False, format=None):
    """Reads and parses a file (a text dump, an .html page, a .docx, a bbox XHTML, a PDF in a
    module built with the PDF component). The Report's `path` is `path` as a str."""
    with open(path, "rb") as f:
        data = f.read()
    return _parse(data, encoding, strict, format, os.fspath(path))


def parse_many(paths, jobs=None, encoding=None, strict=False, format=None, errors="raise"):
    """Parses many files on `jobs` threads (default: the CPUs; the parser releases the GIL) and
    yields their Reports in the order of `paths`, each as soon as it and those before it are done.

    A file that cannot be read raises its ParseError or OSError (errors="raise"), or is yielded as
    that exception in the report's place (errors="return"), its `path` attribute set. At most
    2 × jobs files are read ahead of the consumer."""
    if errors not in ("raise", "return"):
        raise ValueError("errors must be 'raise' or 'return'")
    jobs = max(1, int(jobs or os.cpu_count() or 1))

    def one(path):
        try:
            return parse_file(path, encoding=encoding, strict=strict, format=format)
        except (ParseError, OSError) as e:
            if errors == "raise":
                raise
            e.path = os.fspath(path)
            return e

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        pending = collections.deque()
        for path in paths:
            pending.append(pool.submit(one, path))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def check(text_or_bytes, encoding=None, strict=False):
    """The findings (warning level and above) of a report: a list of diagnostic dicts."""
    return parse(text_or_bytes, encoding=encoding, strict=strict).findings()


def check_across(reports):
    """Checks reports given together against each other (ogi::check_across_reports, as `ogi check`
    does with several files) and adds what it finds to their `diagnostics` (docs/diagnostics.md):

    year.carried_over_mismatch (warning, on the later report): this year's 上年结转 differs from
      last year's 结转下年度 for the same agency (as written), column by column;
    year.in_force_rollforward (info): 现行有效件数 does not roll forward from last year's plus
      制发 minus 废止 (a hint: documents are often repealed by other bodies);
    year.duplicate (warning, on the second): the same agency and year twice.

    `reports` is an iterable of Report (exceptions from parse_many(errors="return") are skipped;
    the same object twice counts once; an unpickled report is parsed again). Calling it again replaces the year.* findings of an earlier call. Returns the findings added, as
    (report, diagnostic dict) pairs in the order of `reports`."""
    given = list({id(r): r for r in reports if isinstance(r, Report)}.values())  # one object is one report
    _ogi.check_across([r._report() for r in given])
    found = []
    for r in given:
        r._refresh()
        found.extend((r, d) for d in r._across)
    return found


FRAME_COLUMNS = ["report", "table", "row", "column", "value", "blank", "missing", "raw", "line", "begin",
                 "end", "diagnostics"]


def _frame_rows(reports):
    """The rows of to_frame, one per cell, in FRAME_COLUMNS' order."""
    for i, r in enumerate(reports):
        if isinstance(r, Exception):
            continue
        name = r.path if r.path is not None else i
        # the diagnostic codes that speak of a cell: those naming it, its row, its column or its table
        def codes(table, row, column, diags=r.diagnostics):
            return ",".join(sorted({d["code"] for d in diags
                                    if d.get("table") == table and d.get("row", "") in ("", row)
                                    and d.get("column", "") in ("", column)}))
        have = set()
        for c in r.cells():
            have.add((c.table, c.row, c.column))
            yield (name, c.table, c.row, c.column, c.value, c.value is None, False, c.raw, c.line, c.begin,
                   c.end, codes(c.table, c.row, c.column))
        for table, row, column in r._template_cells:
            if r.tables.get(table) is not None and (table, row, column) not in have:
                yield (name, table, row, column, None, False, True, None, None, None, None,
                       codes(table, row, column))


def to_frame(reports):
    """One long pandas DataFrame of every cell of `reports` (an iterable of Report, e.g.
    parse_many(...); exceptions in it are skipped), one row per cell:

    report (the path, else the position), table, row, column (canonical keys), value (int or
    decimal.Decimal: exact, in an object column; None when blank or missing), blank (the document
    left the cell empty), missing (the report's template has the cell but it was not read: a
    diagnostic says why), raw, line, begin, end (the span), diagnostics (the codes that speak of the
    cell, its row, its column or its table, comma-separated). A table the report lacks has no rows.

    Needs pandas (Debian: python3-pandas); without it, ImportError."""
    import pandas  # only here: the module works without pandas

    rows = list(_frame_rows(reports))
    columns = list(zip(*rows)) if rows else [()] * len(FRAME_COLUMNS)
    dtypes = {"value": object, "report": object, "raw": object, "blank": bool, "missing": bool,
              "line": "Int64", "begin": "Int64", "end": "Int64"}
    # built column by column: from records, pandas would turn ints beside None into floats
    return pandas.DataFrame({name: pandas.Series(list(values), dtype=dtypes.get(name))
                             for name, values in zip(FRAME_COLUMNS, columns)})
