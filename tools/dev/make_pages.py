#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the published-file cases of corpus/ (docs/formats.md): HTML pages in the shapes reports
are published in, and Word documents made from them by LibreOffice.

    python3 tools/dev/make_pages.py [CASE…]     # rewrites every case below (or those named), then re-bless:
    OGI_BLESS=1 ctest --test-dir build -R corpus

The reference report (corpus/000) is given as a page in the style Word's "save as web page" writes,
its prose from input.txt and its tables in the State Council template with the values of its
expected.json; a made-up report (the 溪岭县 cases) is given in the other shapes. DOCX files need
LibreOffice (`soffice`, Debian: libreoffice-writer-nogui).
"""
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "corpus")

APPLICANTS = ["natural_person", "commercial", "research", "social", "legal_service", "other_org", "total"]
RESULT_GROUPS = [  # (group label, [(row label, key)])
    ("（三）不予公开", [("1.属于国家秘密", "denied_state_secret"), ("2.其他法律行政法规禁止公开", "denied_law_prohibits"),
                  ("3.危及“三安全一稳定”", "denied_security_stability"), ("4.保护第三方合法权益", "denied_third_party"),
                  ("5.属于三类内部事务信息", "denied_internal_affairs"), ("6.属于四类过程性信息", "denied_process_info"),
                  ("7.属于行政执法案卷", "denied_enforcement_file"), ("8.属于行政查询事项", "denied_admin_query")]),
    ("（四）无法提供", [("1.本机关不掌握相关政府信息", "unable_not_held"), ("2.没有现成信息需要另行制作", "unable_needs_creation"),
                  ("3.补正后申请内容仍不明确", "unable_unclear")]),
    ("（五）不予处理", [("1.信访举报投诉类申请", "ignored_complaint"), ("2.重复申请", "ignored_repeated"),
                  ("3.要求提供公开出版物", "ignored_publication"), ("4.无正当理由大量反复申请", "ignored_excessive"),
                  ("5.要求行政机关确认或重新出具已获取信息", "ignored_confirmation")]),
    ("（六）其他处理", [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
                  ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_unpaid_fee"),
                  ("3.其他", "other_other")]),
]
REVIEW = ["upheld", "corrected", "other", "pending", "total"]


class Page:
    """Builds HTML in one of a few styles: 'word' (MsoNormal paragraphs and spans), 'plain',
    'paragraphs' (plain, a filled cell's text in a <p>, an empty one bare &nbsp;) or 'broken' (no
    </td>, </tr> or </p>)."""

    def __init__(self, style):
        self.style = style
        self.out = []

    def p(self, text, heading=False):
        if self.style == "word":
            inner = f"<span style='font-family:仿宋_GB2312'>{text}</span>"
            if heading:
                inner = f"<b><span style='font-family:黑体'>{text}</span></b>"
            self.out.append(f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>{inner}</p>")
        elif self.style == "broken":
            self.out.append(f"<p>{text}")
        else:
            self.out.append(f"<p>{text}</p>")

    def cell(self, text, rs=1, cs=1):
        attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
        if self.style == "word":
            return (f"<td{attrs} style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
                    f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt'>{text}</span></p></td>")
        if self.style == "broken":
            return f"<td{attrs}>{text}"
        if self.style == "paragraphs" and text != "&nbsp;":  # a filled cell's text in a paragraph
            return f"<td{attrs}><p>{text}</p></td>"
        return f"<td{attrs}>{text}</td>"

    def table(self, rows):
        end_row = "" if self.style == "broken" else "</tr>"
        attrs = " class=MsoNormalTable border=1 cellspacing=0 cellpadding=0" if self.style == "word" else " border=1"
        self.out.append(f"<table{attrs}>" + "".join("<tr>" + "".join(r) + end_row for r in rows) + "</table>")


def value(v):
    if v is None:
        return "&nbsp;"
    return str(v)


def table2(pg, t):
    c = pg.cell
    rows = [[c("第二十条第（一）项", cs=4)], [c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")]]
    for label, key in (("规章", "rules"), ("行政规范性文件", "normative_documents")):
        rows.append([c(label)] + [c(value(t[key][k])) for k in ("made", "repealed", "in_force")])
    for item, col, entries in (("（五）", "本年处理决定数量", [("行政许可", "licensing")]),
                               ("（六）", "本年处理决定数量", [("行政处罚", "penalty"), ("行政强制", "coercion")]),
                               ("（八）", "本年收费金额（单位：万元）", [("行政事业性收费", "fees")])):
        rows.append([c(f"第二十条第{item}项", cs=4)])
        rows.append([c("信息内容"), c(col, cs=3)])
        for label, key in entries:
            v = t[key]["amount" if key == "fees" else "decisions"]
            rows.append([c(label), c(value(v), cs=3)])
    pg.table(rows)


def table3(pg, t):
    c = pg.cell
    vals = lambda key: [c(value(t[key][k])) for k in APPLICANTS]
    rows = [[c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3), c("申请人情况", cs=7)],
            [c("自然人", rs=2), c("法人或其他组织", cs=5), c("总计", rs=2)],
            [c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
            [c("一、本年新收政府信息公开申请数量", cs=3)] + vals("new_received"),
            [c("二、上年结转政府信息公开申请数量", cs=3)] + vals("carried_over"),
            [c("三、本年度办理结果", rs=22), c("（一）予以公开", cs=2)] + vals("granted"),
            [c("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cs=2)] + vals("partly_granted")]
    for group, entries in RESULT_GROUPS:
        for i, (label, key) in enumerate(entries):
            rows.append(([c(group, rs=len(entries))] if i == 0 else []) + [c(label)] + vals(key))
    rows.append([c("（七）总计", cs=2)] + vals("total"))
    rows.append([c("四、结转下年度继续办理", cs=3)] + vals("carried_forward"))
    pg.table(rows)


def table4(pg, t):
    c = pg.cell
    heads = [c("结果维持"), c("结果纠正"), c("其他结果"), c("尚未审结"), c("总计")]
    rows = [[c("行政复议", cs=5), c("行政诉讼", cs=10)],
            [c(h, rs=2) for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")]
            + [c("未经复议直接起诉", cs=5), c("复议后起诉", cs=5)],
            heads + heads,
            [c(value(t[g][k])) for g in ("review", "litigation_direct", "litigation_after_review") for k in REVIEW]]
    pg.table(rows)


def report_body(pg, title_lines, sections, tables):
    """sections: {number: (heading, [paragraphs])}; tables go after the headings of sections 2-4."""
    for line in title_lines:
        pg.p(line, heading=True)
    for n in range(1, 7):
        heading, paras = sections[n]
        pg.p(heading, heading=True)
        for para in paras:
            pg.p(para)
        if n == 2:
            table2(pg, tables["active_disclosure"])
        elif n == 3:
            table3(pg, tables["applications"])
        elif n == 4:
            table4(pg, tables["review_litigation"])


def html_page(body, charset="utf-8", title="政府信息公开工作年度报告"):
    return (f"<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n"
            f"<title>{title}</title>\n<style>p.MsoNormal{{margin:0cm;font-size:10.5pt}}</style>\n</head>\n<body>\n"
            + body + "\n</body>\n</html>\n")


def reference_sections():
    """corpus/000's prose, split at its six headings."""
    lines = open(os.path.join(CORPUS, "000-zhangdian-2021", "input.txt"), encoding="utf-8").read().split("\n")
    lines = [l.strip() for l in lines if "\t" not in l and l.strip()]
    heads = ["一、", "二、", "三、", "四、", "五、", "六、"]
    title, sections, cur = [], {}, None
    for l in lines:
        k = next((i + 1 for i, h in enumerate(heads) if l.startswith(h) and len(l) < 40), None)
        if k and k not in sections:
            cur = k
            sections[k] = (l, [])
        elif cur is None:
            title.append(l)
        else:
            sections[cur][1].append(l)
    return title, sections


def made_up():
    """A small made-up report (溪岭县司法局 2022) with numbers that keep the identities."""
    zero = {k: 0 for k in APPLICANTS}
    row = lambda n, c=0: {**zero, "natural_person": n, "commercial": c, "total": n + c}
    apps = {k: dict(zero) for _, entries in RESULT_GROUPS for _, k in entries}
    apps.update(new_received=row(9, 1), carried_over=row(1), granted=row(5, 1), partly_granted=row(1),
                unable_not_held=row(2), total=row(8, 1), carried_forward=row(2))
    tables = {
        "active_disclosure": {"rules": {"made": 0, "repealed": 0, "in_force": 2},
                              "normative_documents": {"made": 3, "repealed": 1, "in_force": 27},
                              "licensing": {"decisions": 56}, "penalty": {"decisions": 11},
                              "coercion": {"decisions": 0}, "fees": {"amount": 0}},
        "applications": apps,
        "review_litigation": {g: {k: (1 if (g, k) in (("review", "upheld"), ("review", "total")) else 0) for k in REVIEW}
                              for g in ("review", "litigation_direct", "litigation_after_review")},
    }
    sections = {
        1: ("一、总体情况", ["2022年，溪岭县司法局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息312条。",
                        "（一）主动公开情况", "通过门户网站公开机构职能、法治宣传等信息。"]),
        2: ("二、主动公开政府信息情况", []),
        3: ("三、收到和处理政府信息公开申请情况", []),
        4: ("四、政府信息公开行政复议、行政诉讼情况", []),
        5: ("五、存在的主要问题及改进情况", ["主动公开的深度有待加强。下一步将完善工作机制。"]),
        6: ("六、其他需要报告的事项", ["本年度未收取信息处理费。"]),
    }
    return ["溪岭县司法局", "2022年政府信息公开工作年度报告"], sections, tables


ONLY = set()  # the cases to write, named on the command line (none named: every case)


def write(case, name, data):
    if ONLY and case not in ONLY:
        return
    d = os.path.join(CORPUS, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def to_docx(html_bytes):
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("make_pages: soffice not found (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "report.html")
        with open(src, "wb") as f:
            f.write(html_bytes)
        subprocess.run([soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, src],
                       check=True, capture_output=True)
        with open(os.path.join(tmp, "report.docx"), "rb") as f:
            return f.read()


def browser_copy(html_bytes):
    """The page's text as a browser copies it (Chromium's `innerText` of the body): a table's cells
    on lines of their own with a tab between, a cell holding &nbsp; a field of its own (`\t\u00a0\t`)."""
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("make_pages: chromium not found (apt-get install chromium)")
    script = (b"<script>addEventListener('load',()=>{const t=document.body.innerText;"
              b"document.body.replaceChildren();const p=document.createElement('pre');p.id='copied';"
              b"p.textContent=t;document.body.append(p);});</script>")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "report.html")
        with open(src, "wb") as f:
            f.write(html_bytes.replace(b"</body>", script + b"</body>"))
        dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + src],
                             check=True, capture_output=True).stdout.decode("utf-8")
    text = dom.split('<pre id="copied">', 1)[1].split("</pre>", 1)[0]
    return html.unescape(text).encode("utf-8")


def main():
    ONLY.update(sys.argv[1:])
    ref_title, ref_sections = reference_sections()
    with open(os.path.join(CORPUS, "000-zhangdian-2021", "expected.json"), encoding="utf-8") as f:
        ref_tables = {k: v["rows"] for k, v in json.load(f)["tables"].items()}
    pg = Page("word")
    report_body(pg, ref_title, ref_sections, ref_tables)
    ref_html = html_page("\n".join(pg.out)).encode("utf-8")
    write("015-html-reference-word-page", "input.html", ref_html)
    write("016-docx-reference-libreoffice", "input.docx", to_docx(ref_html))

    title, sections, tables = made_up()
    pg = Page("plain")
    report_body(pg, title, sections, tables)
    plain = "\n".join(pg.out)
    write("017-html-gbk-labelled-gb2312", "input.html", html_page(plain, "gb2312").encode("gb18030"))
    write("018-html-utf8-labelled-gb2312", "input.html", html_page(plain, "gb2312").encode("utf-8"))
    # The whole report in a layout table, each data table nested in a one-cell box of its own.
    nested = plain.replace("<table border=1>", "<table><tr><td><table border=1>").replace("</table>", "</table></td></tr></table>")
    nested = ("<table width=\"100%\"><tr><td class=\"nav\">首页 &gt; 政务公开</td></tr><tr><td class=\"content\">\n"
              + nested + "\n</td></tr><tr><td>主办单位：溪岭县司法局</td></tr></table>")
    write("019-html-nested-layout-tables", "input.html", html_page(nested).encode("utf-8"))
    # Cells as people fill them: a unit in the cell, and blanks written as -, / or 无.
    odd = json.loads(json.dumps(tables))
    odd["active_disclosure"]["licensing"]["decisions"] = "56件"
    odd["active_disclosure"]["coercion"]["decisions"] = "-"
    odd["active_disclosure"]["fees"]["amount"] = "0.0万元"
    for row in odd["applications"].values():
        row["social"], row["legal_service"] = "/", "无"
    pg = Page("broken")
    report_body(pg, title, sections, odd)
    write("020-html-broken-markup", "input.html", html_page("\n".join(pg.out)).encode("utf-8"))
    write("021-docx-word-merged-cells", "input.docx", to_docx(html_page(plain).encode("utf-8")))
    # A Word-made page copied from a browser, its empty cells &nbsp; (each of them a cell: a row
    # of zeros left blank would otherwise place its one value anywhere).
    sparse = json.loads(json.dumps(tables), object_hook=lambda row: {k: (None if v == 0 else v) for k, v in row.items()})
    pg = Page("paragraphs")
    report_body(pg, title, sections, sparse)
    write("150-browser-copy-blank-cells-as-no-break-space-fields", "input.txt",
          browser_copy(html_page("\n".join(pg.out)).encode("utf-8")))


if __name__ == "__main__":
    main()
