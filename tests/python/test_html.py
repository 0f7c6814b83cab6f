# SPDX-License-Identifier: Apache-2.0
"""`ogi check --html` in a real browser: headless Chromium loads the page, runs its script, and
the DOM it leaves is checked (issue 22). Skips with a message where Chromium is absent."""
import html.parser
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest

ROOT = pathlib.Path(os.environ.get("OGI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
OGI = os.environ.get("OGI_BIN", str(ROOT / "build" / "tools" / "ogi"))
REFERENCE = ROOT / "corpus" / "000-zhangdian-2021" / "input.txt"
SHARED_REAL = ROOT.parent / "shared" / "corpus" / "real"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# docs/cli.md, "Looking at the page": the flags a browser needs here (no sandbox as root, nothing
# fetched in the background, a profile of its own)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Dom(html.parser.HTMLParser):
    """Elements by id, the body's attributes, and the rows of the list of reports in order."""

    def __init__(self):
        super().__init__()
        self.by_id, self.body, self.rows = {}, {}, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.by_id[a["id"]] = a
        if tag == "body":
            self.body = a
        if tag == "tr" and "data-n" in a:
            self.rows.append(a)


def classes(element):
    return set((element or {}).get("class", "").split())


@unittest.skipUnless(CHROMIUM, "chromium is not installed (apt-get install chromium): the page is not tested in a browser")
class PageInBrowser(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def page(self, *inputs):
        out = self.dir / "check.html"
        r = subprocess.run([OGI, "check", "--html", str(out), *map(str, inputs)], capture_output=True)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return out

    def dom(self, page, fragment=""):
        profile = tempfile.mkdtemp(dir=self.dir)
        r = subprocess.run([CHROMIUM, *FLAGS, "--user-data-dir=" + profile, "--dump-dom", page.as_uri() + fragment],
                           capture_output=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        dom = Dom()
        dom.feed(r.stdout.decode("utf-8"))
        self.assertEqual(dom.body.get("data-ready"), "1", "the page's script did not run to its end")
        return dom

    def test_the_reference_report_shows_where_it_breaks_r1(self):
        dom = self.dom(self.page(REFERENCE))
        for column in ("natural_person", "commercial", "research"):
            for row in ("new_received", "carried_over", "total", "carried_forward"):
                cell = dom.by_id.get("r1-applications-%s-%s" % (row, column))
                self.assertIn("broken", classes(cell), (row, column))
                self.assertTrue(cell.get("data-line"), "every read cell knows its source line")
        for column in ("social", "legal_service", "other_org", "total"):
            self.assertNotIn("broken", classes(dom.by_id.get("r1-applications-new_received-" + column)), column)
        self.assertNotIn("broken", classes(dom.by_id.get("r1-applications-granted-natural_person")))
        finding = dom.by_id.get("r1-f1")
        self.assertIn("r1-applications-new_received-natural_person", finding.get("data-cells", "").split())

    def test_a_folder_of_reports_gets_a_list_to_sort_and_filter(self):
        inputs = [REFERENCE, ROOT / "corpus" / "006-legacy-2016" / "input.txt", ROOT / "corpus" / "007-pdf-refused" / "input.txt"]
        if SHARED_REAL.is_dir():
            inputs.append(SHARED_REAL)
        page = self.page(*inputs)
        dom = self.dom(page)
        statuses = [r["data-status"] for r in dom.rows]
        self.assertIn("problem", statuses)
        self.assertIn("unreadable", statuses)
        self.assertEqual(len(dom.rows), len([k for k in dom.by_id if k.startswith("r") and k[1:].isdigit()]))
        sorted_dom = self.dom(page, "#status=problem&sort=findings&dir=desc")
        shown = [r for r in sorted_dom.rows if "hidden" not in r]
        self.assertTrue(shown)
        self.assertTrue(all(r["data-status"] == "problem" for r in shown))
        counts = [int(r["data-findings"]) for r in shown]
        self.assertEqual(counts, sorted(counts, reverse=True))
        self.assertTrue(all("hidden" in r for r in sorted_dom.rows if r["data-status"] != "problem"))


if __name__ == "__main__":
    unittest.main()
