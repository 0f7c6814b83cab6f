# SPDX-License-Identifier: Apache-2.0
"""Many reports at once: pickling, parse_many, to_frame, cells, text_utf8."""
import decimal
import multiprocessing
import os
import pathlib
import pickle
import tempfile
import unittest

import ogi

ROOT = pathlib.Path(os.environ.get("OGI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
REFERENCE = ROOT / "corpus" / "000-zhangdian-2021" / "input.txt"
# the text cases that are reports (a refused input's expected output is its error message)
CORPUS_TEXTS = [p for p in sorted((ROOT / "corpus").glob("*/input.txt"))
                if (p.parent / "expected.json").read_bytes().lstrip().startswith(b"{")]

try:
    import pandas
except ImportError:  # to_frame needs pandas; the rest does not
    pandas = None


class Pickling(unittest.TestCase):
    def test_a_report_pickles_to_the_same_report(self):
        r = ogi.parse_file(REFERENCE)
        back = pickle.loads(pickle.dumps(r))
        self.assertEqual(back.to_dict(), r.to_dict())
        self.assertEqual(back.path, str(REFERENCE))
        self.assertEqual(back.to_json(pretty=True), r.to_json(pretty=True))
        cell = r.to_dict()["tables"]["applications"]["cells"]["new_received.total"]
        self.assertEqual(back.text(cell["begin"], cell["end"]), b"16")
        self.assertEqual(back.text_utf8(cell["begin"], cell["end"]), "16")

    def test_multiprocessing_pool_maps_parse_file(self):
        paths = [str(p) for p in CORPUS_TEXTS[:4]]
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            reports = pool.map(ogi.parse_file, paths)
        self.assertEqual([r.path for r in reports], paths)
        self.assertEqual(reports[0].to_dict(), ogi.parse_file(paths[0]).to_dict())


class ParseMany(unittest.TestCase):
    def test_reports_come_in_input_order(self):
        paths = CORPUS_TEXTS * 2
        reports = list(ogi.parse_many(paths, jobs=3))
        self.assertEqual([r.path for r in reports], [str(p) for p in paths])
        self.assertEqual(reports[0].to_dict(), ogi.parse_file(paths[0]).to_dict())

    def test_an_unreadable_file_raises_by_default(self):
        with self.assertRaises(OSError):
            list(ogi.parse_many([REFERENCE, "/nonexistent/report.txt"], jobs=2))

    def test_an_unreadable_file_can_take_its_place(self):
        with tempfile.TemporaryDirectory() as d:
            binary = pathlib.Path(d) / "binary.txt"
            binary.write_bytes(b"\x00\x01\x02" * 100)
            out = list(ogi.parse_many([REFERENCE, binary, REFERENCE], jobs=2, errors="return"))
        self.assertIsInstance(out[0], ogi.Report)
        self.assertIsInstance(out[1], ogi.ParseError)
        self.assertEqual(out[1].path, str(binary))
        self.assertIsInstance(out[2], ogi.Report)


class Cells(unittest.TestCase):
    def test_cells_carry_values_and_spans(self):
        r = ogi.parse_file(REFERENCE)
        cells = {(c.table, c.row, c.column): c for c in r.cells()}
        c = cells[("applications", "granted", "total")]
        self.assertEqual(c.value, 8)
        self.assertEqual(r.text(c.begin, c.end), c.raw.encode())
        self.assertEqual(len(list(r.cells("review_litigation"))), 15)

    def test_text_utf8_reads_a_gb18030_report(self):
        r = ogi.parse(REFERENCE.read_text("utf-8").encode("gb18030"))
        self.assertEqual(r.encoding, "GB18030")
        agency = r.metadata["spans"]["agency"]
        self.assertEqual(r.text_utf8(agency["begin"], agency["end"]), "张店区人民政府办公室")


@unittest.skipIf(pandas is None, "pandas is not installed")
class ToFrame(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.frame = ogi.to_frame(ogi.parse_many(CORPUS_TEXTS, jobs=2))

    def test_one_row_per_cell_with_exact_values(self):
        f = self.frame
        ref = f[(f.report == str(REFERENCE)) & (f.table == "applications") & (f.row == "granted")
                & (f.column == "total")]
        self.assertEqual(len(ref), 1)
        value = ref.iloc[0]["value"]
        self.assertEqual(value, 8)
        self.assertIsInstance(value, int)  # never a float
        self.assertFalse(ref.iloc[0]["blank"])
        self.assertFalse(ref.iloc[0]["missing"])

    def test_diagnostic_codes_name_the_cell(self):
        f = self.frame
        ref = f[(f.report == str(REFERENCE)) & (f.table == "applications") & (f.row == "new_received")
                & (f.column == "natural_person")]
        self.assertIn("identity.column_balance", ref.iloc[0]["diagnostics"])

    def test_values_are_ints_decimals_or_none(self):
        for v in self.frame["value"]:
            self.assertTrue(v is None or isinstance(v, (int, decimal.Decimal)), repr(v))

    def test_a_missing_cell_has_no_value_and_is_not_blank(self):
        missing = self.frame[self.frame.missing]
        self.assertTrue(all(v is None for v in missing["value"]))
        self.assertFalse(any(missing["blank"]))

    def test_columns(self):
        self.assertEqual(list(self.frame.columns), ogi.FRAME_COLUMNS)


if __name__ == "__main__":
    unittest.main()
