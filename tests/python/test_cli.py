# SPDX-License-Identifier: Apache-2.0
"""The `ogi` program in batch use: JSON Lines against the schema, CSV, bad inputs, threads."""
import csv
import io
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest

ROOT = pathlib.Path(os.environ.get("OGI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
OGI = os.environ.get("OGI_BIN", str(ROOT / "build" / "tools" / "ogi"))
REFERENCE = ROOT / "corpus" / "000-zhangdian-2021" / "input.txt"
SCHEMA = ROOT / "docs" / "schema" / "ogi.report-1.schema.json"


def run(*args):
    return subprocess.run([OGI, *map(str, args)], capture_output=True)


class Batch(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_json_lines_validate_against_the_schema(self):
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema is not installed")
        validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))
        dirs = [ROOT / "corpus"]
        shared = ROOT.parent / "shared" / "corpus" / "real"
        if shared.is_dir():
            dirs.append(shared)
        out = run("parse", *dirs).stdout.decode("utf-8")
        lines = out.splitlines()
        self.assertGreaterEqual(len(lines), 8)
        for line in lines:
            record = json.loads(line)
            errors = sorted(validator.iter_errors(record), key=str)
            self.assertEqual(errors, [], record.get("path"))

    def test_single_report_json_validates_too(self):
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema is not installed")
        validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))
        validator.validate(json.loads(run("parse", REFERENCE).stdout))

    def test_mixed_good_and_bad_inputs(self):
        shutil.copy(REFERENCE, self.dir / "good.txt")
        (self.dir / "scan.txt").write_bytes(b"%PDF-1.7\n...")          # a PDF saved as .txt
        (self.dir / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
        (self.dir / "picture.png").write_bytes(b"\x89PNG\r\n")         # not a .txt: not taken from a directory
        missing = self.dir / "gone.txt"                                 # named, but not there
        r = run("parse", self.dir, missing)
        self.assertEqual(r.returncode, 1)
        records = [json.loads(l) for l in r.stdout.decode("utf-8").splitlines()]
        self.assertEqual([pathlib.Path(x["path"]).name for x in records], ["binary.txt", "good.txt", "scan.txt", "gone.txt"])
        self.assertEqual([x.get("error", {}).get("code") for x in records], ["not_text", None, "unsupported", "io"])
        self.assertIn(b"1 report read, 3 could not be read", r.stderr)

    def test_empty_directory(self):
        r = run("parse", self.dir)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, b"")
        self.assertIn(b"no .txt, .html, .htm or .docx files", r.stderr)

    def test_csv_loads_with_the_documented_header(self):
        shutil.copy(REFERENCE, self.dir / "a.txt")
        (self.dir / "b.txt").write_bytes(b"%PDF-1.7")
        r = run("csv", "--bom", self.dir)
        self.assertEqual(r.returncode, 1)
        text = r.stdout.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        self.assertEqual(len(rows), 2)
        header = next(csv.reader(io.StringIO(text)))
        self.assertEqual(header[:8], ["path", "agency", "year", "template", "encoding", "active_disclosure.status",
                                      "applications.status", "review_litigation.status"])
        self.assertEqual(header[-4:], ["diagnostics.error", "diagnostics.warning", "diagnostics.info", "error"])
        a, b = rows
        self.assertEqual(a["agency"], "张店区人民政府办公室")
        self.assertEqual(a["applications.granted.total"], "8")
        self.assertEqual(a["applications.other.total"], "")          # the 2021 table has no single （六） row
        self.assertEqual(a["diagnostics.warning"], "4")
        self.assertIn("PDF", b["error"])
        self.assertTrue(r.stdout.startswith(b"\xef\xbb\xbf"))

    def test_one_and_two_threads_give_identical_output(self):
        for i in range(12):
            shutil.copy(REFERENCE, self.dir / ("r%02d.txt" % i))
        inputs = [self.dir, ROOT / "corpus"]
        for sub in ("parse", "csv"):
            one = run(sub, "-j", "1", *inputs)
            two = run(sub, "-j", "2", *inputs)
            self.assertEqual(one.stdout, two.stdout, sub)
            self.assertEqual(one.returncode, two.returncode)

    def test_help_per_subcommand(self):
        for sub in ("parse", "check", "csv"):
            r = run(sub, "--help")
            self.assertEqual(r.returncode, 0)
            self.assertIn(b"--encoding", r.stdout)


if __name__ == "__main__":
    unittest.main()
