# SPDX-License-Identifier: Apache-2.0
"""The Python module on the reference report and the corpus (run by ctest with Debian's python3)."""
import decimal
import json
import os
import pathlib
import unittest

import ogi

ROOT = pathlib.Path(os.environ.get("OGI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
REFERENCE = ROOT / "corpus" / "000-zhangdian-2021" / "input.txt"


class ReferenceReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.report = ogi.parse(REFERENCE.read_bytes())

    def test_template_and_metadata(self):
        self.assertEqual(self.report.template, "2021")
        self.assertEqual(self.report.metadata["agency"], "张店区人民政府办公室")
        self.assertEqual(self.report.metadata["year"], 2021)
        self.assertEqual(self.report.metadata["sources"]["agency"], "title")

    def test_cells_are_exact_numbers(self):
        apps = self.report.tables["applications"]
        self.assertEqual(apps["granted"]["total"], 8)
        self.assertEqual(apps["new_received"]["natural_person"], 12)
        self.assertIsInstance(apps["granted"]["total"], int)

    def test_sections(self):
        keys = [s["key"] for s in self.report.sections]
        self.assertEqual(keys, ["overview", "active_disclosure", "applications", "review_litigation",
                                "problems", "other_matters"])

    def test_findings_name_the_broken_identity(self):
        codes = sorted((d["code"], d.get("column")) for d in self.report.findings() if d["code"].startswith("identity"))
        self.assertEqual(codes, [("identity.column_balance", "commercial"), ("identity.column_balance", "natural_person"),
                                 ("identity.column_balance", "research")])

    def test_spans_point_into_the_input(self):
        cell = self.report.to_dict()["tables"]["applications"]["cells"]["new_received.total"]
        self.assertEqual(self.report.text(cell["begin"], cell["end"]), b"16")

    def test_to_json_round_trips(self):
        self.assertEqual(json.loads(self.report.to_json(), parse_float=decimal.Decimal), self.report.to_dict())

    def test_str_input_works_too(self):
        self.assertEqual(ogi.parse(REFERENCE.read_text("utf-8")).template, "2021")


class Errors(unittest.TestCase):
    def test_pdf_is_refused_with_parse_error(self):
        with self.assertRaises(ogi.ParseError) as cm:
            ogi.parse(b"%PDF-1.7\n")
        if ogi._ogi.pdf:  # built with the PDF component: a damaged PDF
            self.assertEqual(cm.exception.code, 6)
            self.assertIn("PDF", str(cm.exception))
        else:  # without it: PDFs are not read
            self.assertEqual(cm.exception.code, 7)
            self.assertIn("pdftotext", str(cm.exception))

    def test_strict_refuses_invalid_bytes_with_offset(self):
        with self.assertRaises(ogi.ParseError) as cm:
            ogi.parse("总计".encode() + b"\xff", strict=True)
        self.assertEqual(cm.exception.offset, 6)

    def test_wrong_type(self):
        with self.assertRaises(TypeError):
            ogi.parse(42)


class Corpus(unittest.TestCase):
    def test_every_corpus_case_matches_its_expected_json(self):
        for case in sorted((ROOT / "corpus").iterdir()):
            if not (case / "input.txt").exists():
                continue
            if ogi._ogi.pdf and (case / "input.txt").read_bytes().startswith(b"%PDF"):
                continue  # how a build without the PDF component refuses a PDF: not this build
            with self.subTest(case=case.name):
                expected = (case / "expected.json").read_text("utf-8")
                try:
                    got = ogi.parse((case / "input.txt").read_bytes()).to_json()
                except ogi.ParseError as e:
                    got = "error: %s\n" % e
                self.assertEqual(got, expected)

    def test_check_returns_findings(self):
        self.assertEqual(len(ogi.check(REFERENCE.read_bytes())), 4)



class PublishedFiles(unittest.TestCase):
    def test_a_page_and_a_word_file_read_as_published(self):
        for name, fmt in (("015-html-reference-word-page/input.html", "html"),
                          ("016-docx-reference-libreoffice/input.docx", "docx")):
            r = ogi.parse_file(str(ROOT / "corpus" / name))
            self.assertEqual(r.format, fmt)
            self.assertEqual(r.metadata["agency"], "张店区人民政府办公室")
            self.assertEqual(r.tables["applications"]["new_received"]["total"], 16)

    def test_format_forces_how_bytes_are_read(self):
        self.assertEqual(ogi.parse(b"<b>x</b>", format="html").format, "html")
        self.assertEqual(ogi.parse(b"<b>x</b>").format, "text")
        with self.assertRaises(ValueError):
            ogi.parse(b"x", format="rtf")

if __name__ == "__main__":
    unittest.main()
