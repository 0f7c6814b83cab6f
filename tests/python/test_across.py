# SPDX-License-Identifier: Apache-2.0
"""Reports given together: ogi.check_across adds the year.* findings (docs/diagnostics.md)."""
import os
import pathlib
import pickle
import unittest

import ogi

ROOT = pathlib.Path(os.environ.get("OGI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
REFERENCE = (ROOT / "corpus" / "000-zhangdian-2021" / "input.txt").read_text(encoding="utf-8")
TITLE = "2021 年政府信息公开工作年度报告"
CARRIED_FORWARD = "四、结转下年度继续办理\t\t0\t0"


def report(text=REFERENCE, year=2021):
    return ogi.parse(text.replace(TITLE, "%d 年政府信息公开工作年度报告" % year))


def codes(r, prefix="year."):
    return [(d["code"], d.get("row"), d.get("column")) for d in r.diagnostics if d["code"].startswith(prefix)]


class CheckAcross(unittest.TestCase):
    def test_this_years_carried_over_must_equal_last_years_carried_forward(self):
        last = report(REFERENCE.replace(CARRIED_FORWARD, "四、结转下年度继续办理\t\t3\t0"), 2021)
        now = report(year=2022)
        found = ogi.check_across([now, last])
        self.assertEqual(codes(now, "year.carried_over"), [("year.carried_over_mismatch", "carried_over", "natural_person")])
        self.assertEqual(codes(last), [])
        self.assertIn((True, "year.carried_over_mismatch"), [(r is now, d["code"]) for r, d in found])
        self.assertIn("year.carried_over_mismatch", [d["code"] for d in now.findings()])
        self.assertIn("year.carried_over_mismatch", now.to_json())

    def test_consecutive_reports_that_agree_give_no_year_warning(self):
        last, now = report(year=2021), report(year=2022)
        ogi.check_across([last, now])
        self.assertEqual([d for d in now.findings() + last.findings() if d["code"].startswith("year.")], [])

    def test_an_in_force_count_that_does_not_roll_forward_is_a_hint(self):
        # the same table both years: 19 in force last year, 4 made, none repealed, 19 now
        last, now = report(year=2021), report(year=2022)
        found = ogi.check_across([last, now])
        self.assertEqual([(r is now, d["code"], d["row"], d["severity"]) for r, d in found],
                         [(True, "year.in_force_rollforward", "normative_documents", "info")])
        self.assertIn("19 + 制发 4 − 废止 0 = 23", found[0][1]["message"])

    def test_the_same_agency_and_year_twice_is_reported_on_the_second(self):
        a, b = report(), report()
        ogi.check_across([a, b])
        self.assertEqual(codes(a), [])
        self.assertEqual(codes(b), [("year.duplicate", None, None)])

    def test_a_second_call_states_the_findings_once(self):
        a, b = report(), report()
        ogi.check_across([a, b])
        ogi.check_across([a, b])
        self.assertEqual(len(codes(b)), 1)
        ogi.check_across([a])
        self.assertEqual(codes(b), [("year.duplicate", None, None)])  # b was not given this time
        ogi.check_across([b])
        self.assertEqual(codes(b), [])

    def test_the_same_report_object_twice_is_one_report(self):
        a = report()
        self.assertEqual(ogi.check_across([a, a]), [])

    def test_exceptions_among_the_reports_are_skipped(self):
        a, b = report(), report()
        self.assertEqual(len(ogi.check_across([a, OSError("unreadable"), b])), 1)

    def test_the_findings_travel_with_a_pickled_report(self):
        a, b = report(), report()
        ogi.check_across([a, b])
        back = pickle.loads(pickle.dumps(b))
        self.assertEqual(codes(back), codes(b))
        self.assertEqual(back.to_json(pretty=True), b.to_json(pretty=True))  # parsed again, findings put back


if __name__ == "__main__":
    unittest.main()
