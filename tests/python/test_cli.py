# SPDX-License-Identifier: Apache-2.0
"""The `ogi` program in batch use: JSON Lines against the schema, CSV, bad inputs, threads."""
import csv
import io
import json
import os
import re
import pathlib
import resource
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

ROOT = pathlib.Path(os.environ.get("OGI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
OGI = os.environ.get("OGI_BIN", str(ROOT / "build" / "tools" / "ogi"))
REFERENCE = ROOT / "corpus" / "000-zhangdian-2021" / "input.txt"
SCHEMA = ROOT / "docs" / "schema" / "ogi.report-1.schema.json"


def run(*args, **kwargs):
    if "stdout" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run([OGI, *map(os.fsencode, args)], **kwargs)


def copies(directory, n, name="r%03d.txt", source=REFERENCE):
    for i in range(n):
        shutil.copy(source, directory / (name % i))


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
        r = run("parse", "--lang", "en", self.dir, missing)
        self.assertEqual(r.returncode, 1)
        records = [json.loads(l) for l in r.stdout.decode("utf-8").splitlines()]
        self.assertEqual([pathlib.Path(x["path"]).name for x in records], ["binary.txt", "good.txt", "scan.txt", "gone.txt"])
        # a PDF's bytes: not read without the PDF component, damaged with it
        pdf = records[2].get("error", {}).get("code")
        self.assertIn(pdf, ("unsupported", "bad_document"))
        self.assertEqual([x.get("error", {}).get("code") for x in records], ["not_text", None, pdf, "io"])
        self.assertIn(b"1 report read, 3 could not be read", r.stderr)
        self.assertIn(b"skipped (not a kind of file ogi reads): " + str(self.dir / "picture.png").encode(), r.stderr)

    def test_empty_directory(self):
        r = run("parse", self.dir)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, b"")
        self.assertIn("目录中没有报告文件".encode(), r.stderr)

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


class Reliability(unittest.TestCase):
    """Issue 17: the promises of docs/limits.md, kept under attack (one test per item)."""

    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())

    def tearDown(self):
        for sub in self.dir.rglob("*"):
            if sub.is_dir() and not sub.is_symlink():
                sub.chmod(0o755)
        shutil.rmtree(self.dir)

    def test_2_a_full_disk_is_an_error_that_names_the_output(self):
        copies(self.dir, 3)
        for args in (["parse", REFERENCE], ["parse", self.dir], ["csv", self.dir], ["check", REFERENCE]):
            with open("/dev/full", "wb") as full:
                r = run(*args, stdout=full, stderr=subprocess.PIPE)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn("无法写入 标准输出：设备上没有空间".encode(), r.stderr, args)
        r = run("check", "--lang", "en", "--html", "/dev/full", REFERENCE)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"cannot write to '/dev/full': no space left on device", r.stderr)

    def test_2_a_full_disk_stops_a_batch_larger_than_the_output_buffer(self):
        # 40 records of ~28 KB: more than the 256 KB the output is written in, so the first
        # failed write comes mid-batch, stops it, and the exit status still says so
        copies(self.dir, 40)
        for args in (["parse", "-j", "1", self.dir], ["parse", "-j", "2", self.dir]):
            with open("/dev/full", "wb") as full:
                r = run(*args, stdout=full, stderr=subprocess.PIPE)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn("无法写入 标准输出：设备上没有空间".encode(), r.stderr, args)
            read = int(re.search(rb"\xe8\xaf\xbb\xe5\x8f\x96 (\d+) ", r.stderr).group(1))  # 读取 N 份报告
            self.assertLess(read, 40, args)

    def test_5_standard_input_may_be_named_once(self):
        r = run("parse", "-j", "2", "-", "-", input=REFERENCE.read_bytes())
        self.assertEqual(r.returncode, 2)
        self.assertIn("标准输入（-）只能指定一次".encode(), r.stderr)
        self.assertEqual(r.stdout, b"")

    def test_6_every_path_found_gets_exactly_one_record(self):
        shutil.copy(REFERENCE, self.dir / "good.txt")
        os.mkfifo(self.dir / "pipe.txt")
        os.symlink(self.dir / "nowhere.txt", self.dir / "dangling.txt")
        locked = self.dir / "locked"
        locked.mkdir()
        shutil.copy(REFERENCE, locked / "inside.txt")
        locked.chmod(0)
        self.dir.chmod(0o755)
        (self.dir / "good.txt").chmod(0o644)

        def as_nobody():  # root reads any directory: list it as a user who cannot
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)

        r = subprocess.run([OGI, "parse", "--lang", "en", str(self.dir)], capture_output=True, preexec_fn=as_nobody,
                           timeout=60)
        records = [json.loads(l) for l in r.stdout.decode("utf-8").splitlines()]
        by_name = {pathlib.Path(x["path"]).name: x for x in records}
        self.assertEqual(sorted(by_name), ["dangling.txt", "good.txt", "locked", "pipe.txt"])
        self.assertIn("dangling symbolic link", by_name["dangling.txt"]["error"]["message"])
        self.assertIn("FIFO", by_name["pipe.txt"]["error"]["message"])
        self.assertIn("cannot list the directory", by_name["locked"]["error"]["message"])
        self.assertNotIn("error", by_name["good.txt"])
        self.assertIn(b"1 report read, 3 could not be read", r.stderr)
        self.assertEqual(r.returncode, 1)

    def test_7_out_of_memory_is_exit_2_with_a_message(self):
        big = self.dir / "big.txt"
        big.write_bytes(REFERENCE.read_bytes() * 1500)  # 36 MB: parsing it needs several hundred MB

        def limited():
            resource.setrlimit(resource.RLIMIT_AS, (160 << 20, 160 << 20))

        for sub in ("parse", "check"):
            r = subprocess.run([OGI, sub, str(big)], capture_output=True, preexec_fn=limited, timeout=120)
            self.assertEqual(r.returncode, 2, (sub, r.stderr))
            self.assertIn("内存不足".encode(), r.stderr)

    def test_9_standard_input_of_zeros_is_refused_at_once(self):
        with open("/dev/zero", "rb") as zero:
            started = time.monotonic()
            r = run("parse", "-", stdin=zero, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertLess(time.monotonic() - started, 10)
        self.assertIn("NUL".encode(), r.stderr)

    def test_13_devices_are_refused_not_read_as_empty_reports(self):
        for dev in ("/dev/zero", "/dev/urandom"):
            r = run("parse", dev, timeout=60)
            self.assertEqual(r.returncode, 2, dev)
            self.assertIn("不是文本".encode(), r.stderr, dev)

    def test_14_file_names_that_are_not_utf8_are_escaped(self):
        name = b"\xb1\xa8\xb8\xe6.txt"  # 报告 in GBK
        shutil.copy(REFERENCE, os.path.join(os.fsencode(self.dir), name))
        out = run("parse", self.dir).stdout
        record = json.loads(out.decode("utf-8"))
        self.assertEqual(record["path_bytes"], str(self.dir) + "/%B1%A8%B8%E6.txt")
        self.assertIn("\ufffd", record["path"])
        rows = list(csv.reader(io.StringIO(run("csv", self.dir).stdout.decode("utf-8"))))
        self.assertIn("\ufffd", rows[1][0])

    def test_15_control_characters_reach_no_terminal_and_are_named(self):
        text = REFERENCE.read_text("utf-8").replace("一、总体情况", "\x1b[31m一、总体情况\x1b[0m\x07", 1)
        (self.dir / "esc.txt").write_text(text, "utf-8")
        r = run("check", self.dir / "esc.txt")
        self.assertNotIn(b"\x1b", r.stdout + r.stderr)
        self.assertNotIn(b"\x07", r.stdout + r.stderr)
        self.assertIn(b"text.control_characters", r.stdout)
        self.assertIn(b"ESC", r.stdout)

    def test_16_interrupt_finishes_the_record_prints_the_summary_and_exits_130(self):
        big = self.dir / "in"
        big.mkdir()
        copies(big, 60, source=REFERENCE)
        slow = REFERENCE.read_bytes() * 40
        for i in range(60):
            (big / ("r%03d.txt" % i)).write_bytes(slow)
        p = subprocess.Popen([OGI, "parse", "--lang", "en", "-j", "1", str(big)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, bufsize=0)  # unbuffered: communicate() then reads the rest
        first = p.stdout.readline()  # one record out: the batch is running
        p.send_signal(signal.SIGINT)
        rest, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 130)
        out = first + rest
        self.assertTrue(out.endswith(b"\n"))
        lines = out.decode("utf-8").split("\n")[:-1]
        self.assertLess(len(lines), 60)
        for line in lines:
            json.loads(line)  # no cut record
        self.assertRegex(err.decode(), r"\d+ reports? read, 0 could not be read; interrupted, \d+ not done")


class Auditor(unittest.TestCase):
    """Issue 22: a CLI that speaks an auditor's language."""

    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_check_takes_a_directory_and_sums_up(self):
        copies(self.dir, 2)
        (self.dir / "empty.txt").write_bytes(b"")
        (self.dir / "scan.txt").write_bytes(b"%PDF-1.7\n")
        (self.dir / "notes.xlsx").write_bytes(b"PK")
        r = run("check", self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertIn("共 4 份：无问题 0 份，有问题 3 份，无法读取 1 份；跳过 1 个其他文件".encode(), r.stderr)
        self.assertIn("notes.xlsx".encode(), r.stderr)
        self.assertIn(b"document.not_a_report", r.stdout)  # an empty file does not pass

    def test_check_in_chinese_by_default_and_in_english_when_asked(self):
        zh = run("check", REFERENCE).stdout.decode("utf-8")
        self.assertIn("表三 依申请：勾稽关系不成立", zh)
        self.assertIn("第 100 行 [警告] identity.column_balance", zh)
        en = run("check", "--lang", "en", REFERENCE).stdout.decode("utf-8")
        self.assertIn("table 3, applications: inconsistent", en)
        self.assertIn("line 100 [warning] identity.column_balance", en)

    def test_cannot_open_gives_the_reason(self):
        r = run("check", self.dir / "gone.txt")
        self.assertEqual(r.returncode, 2)
        self.assertIn("文件不存在".encode(), r.stderr)

    def test_min_severity(self):
        glued = ROOT / "corpus" / "005-glued-one-line" / "input.txt"
        self.assertNotIn(b"[\xe6\x8f\x90\xe7\xa4\xba]", run("check", glued).stdout)  # 提示 hidden by default
        self.assertIn("[提示]".encode(), run("check", "--min-severity", "info", glued).stdout)
        only_errors = run("check", "--min-severity", "error", REFERENCE)
        self.assertEqual(only_errors.returncode, 0)  # the reference has warnings only
        self.assertNotIn(b"identity.column_balance", only_errors.stdout)

    def test_check_csv_has_one_row_per_finding(self):
        shutil.copy(REFERENCE, self.dir / "a.txt")
        (self.dir / "b.txt").write_bytes(b"\x00\x01\x02" * 10)
        r = run("check", "--csv", self.dir)
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))
        self.assertEqual(list(rows[0]), ["file", "agency", "year", "table", "row", "column", "code", "severity", "message",
                                         "line"])
        a = [x for x in rows if x["file"].endswith("a.txt")]
        self.assertEqual(len(a), 4)
        self.assertEqual((a[0]["table"], a[0]["column"], a[0]["code"], a[0]["line"]),
                         ("applications", "natural_person", "identity.column_balance", "100"))
        b = [x for x in rows if x["file"].endswith("b.txt")]
        self.assertEqual([x["code"] for x in b], ["input.not_text"])

    def test_csv_with_chinese_labels_for_excel(self):
        shutil.copy(REFERENCE, self.dir / "a.txt")
        r = run("csv", "--labels", "zh", "--excel", self.dir)
        self.assertTrue(r.stdout.startswith(b"\xef\xbb\xbf"))
        self.assertNotIn(b"\n", r.stdout.replace(b"\r\n", b""))
        rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8-sig"))))
        self.assertEqual(rows[0]["表三·予以公开·自然人"], "8")
        self.assertEqual(rows[0]["表三状态"], "勾稽关系不成立")
        self.assertNotIn("null", rows[0].values())


if __name__ == "__main__":
    unittest.main()
