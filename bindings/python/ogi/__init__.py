# SPDX-License-Identifier: Apache-2.0
"""ogi — read 政府信息公开工作年度报告 (annual reports on open government information) into checked data.

    import ogi
    report = ogi.parse(open("report.txt", "rb").read())
    report.template                                   # "2021"
    report.metadata["agency"], report.metadata["year"]
    report.tables["applications"]["granted"]["total"] # an int, a decimal.Decimal, or None (blank)
    for d in report.diagnostics: print(d["code"], d["line"], d["message"])
    report.to_dict(); report.to_json()

Numbers are exact: integers as int, others as decimal.Decimal (never float). A cell the document
does not have, or that could not be placed with certainty, is absent from `tables` and named by a
diagnostic. Unreadable input (not text, bad encoding) raises ogi.ParseError.
"""
import decimal
import json

from . import _ogi

__all__ = ["parse", "parse_file", "check", "Report", "ParseError", "__version__"]
__version__ = _ogi.__version__


class ParseError(ValueError):
    """The input cannot be read as a report. `code` is the stable ErrorCode number (2 = not text,
    3 = bad encoding, …), `offset` the byte offset where it applies."""

    def __init__(self, code, message, offset):
        super().__init__(message)
        self.code = code
        self.offset = offset


class Report:
    """A parsed report. Its attributes are the ogi.report/1 JSON (docs/data-model.md) as Python."""

    def __init__(self, native):
        self._native = native
        self._dict = json.loads(native.json(False), parse_float=decimal.Decimal)
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

    def to_dict(self):
        """The whole report as a dict (a fresh copy)."""
        return json.loads(self._native.json(False), parse_float=decimal.Decimal)

    def to_json(self, pretty=True):
        """The report as ogi.report/1 JSON text."""
        return self._native.json(pretty)

    def text(self, begin, end):
        """The original bytes of a span (`begin`/`end` byte offsets as in the JSON)."""
        return self._native.text(begin, end)

    def findings(self):
        """Diagnostics at warning level or above: what `ogi check` reports."""
        return [d for d in self.diagnostics if d["severity"] != "info"]

    def __repr__(self):
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
    try:
        return Report(_ogi.parse_bytes(data, encoding or "", bool(strict), format or ""))
    except _ogi._ParseError as e:
        code, message, offset = e.args
        raise ParseError(code, message, offset) from None


def parse_file(path, encoding=None, strict=False, format=None):
    """Reads and parses a file (a text dump, an .html page, a .docx)."""
    with open(path, "rb") as f:
        return parse(f.read(), encoding=encoding, strict=strict, format=format)


def check(text_or_bytes, encoding=None, strict=False):
    """The findings (warning level and above) of a report: a list of diagnostic dicts."""
    return parse(text_or_bytes, encoding=encoding, strict=strict).findings()
