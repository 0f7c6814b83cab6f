#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the made-up report behind the PDF corpus cases (corpus/030-035) as HTML.

    python3 tools/dev/pdf_cases.py STYLE > report.html

STYLE: plain (A4), split (a short page: table 3 runs over two pages), thead (table 3 with a
<thead> Chrome repeats on each page, its labels without row spans). The cases were made with
Debian 12's tools:

    030  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \\
           --print-to-pdf=input.pdf split.html
    031  soffice --headless --infilter="HTML (StarWriter)" --convert-to odt plain.html
         soffice --headless --convert-to pdf plain.odt
    032  chromium … --print-to-pdf=thead.pdf thead.html; pdftotext -bbox-layout thead.pdf input.xhtml
    033  031's PDF with /Rotate 270 on every page (mutool run, page.put("Rotate", 270)), then
         pdftotext -bbox-layout
    034  pdftoppm -r 40 -png of a page, the picture printed to PDF by chromium (no text layer)
    035  034 encrypted: mutool clean -E aes-128 -U secret -O owner

STYLE pagetop, narrow, split4, blank4, page4, wrapdigits, offpage, tallheader, tightcells,
tightascii (plain otherwise; each printed by chromium as above, then pdftotext -bbox-layout →
input.xhtml) make 140–142, 147, 148, 149, 151, 206 and 208: table 3's blank 予以公开 row opening a page
beside its group's numbering; its leaf labels in a column two characters wide, their numbers in
a narrower font; table 4's header cut by a page break after its first group's columns; table 4
with nothing printed in its row; table 4's row alone at the top of the next page (`1  1  2`, not
a page number); table 3's four-digit counts wrapped in value cells two digits wide (`12` over
`12`, as LibreOffice and Word print narrow columns); tables 3 and 4 wider than the page, their
last columns cut off where the print stops (Chrome clips at the printed area's edge; Word and
LibreOffice at the page's side); table 3's header names one character a line at a fixed 28 pt
line spacing, each in two paragraphs (商/业, a paragraph's gap, 企/业: some five characters' height);
table 3 with a browser's default cells (2 px apart, 1 px padding, no borders) in a narrow table with
five-digit counts, so that its group labels wrap in columns a few characters wide, side by side
three points apart (三、 | （一）予以 over 本年 | 公开), at the top of a page; the same with its
groups numbered in ASCII parentheses, in another font than the label: `(`, `一`, `)`, `予`.
"""
import sys
style = sys.argv[1] if len(sys.argv) > 1 else 'plain'
tight = style in ('tightcells', 'tightascii')
agency = '示例县测试局'
year = 2024
css = """body{font-family:'WenQuanYi Zen Hei';font-size:10.5pt;margin:0}
table{border-collapse:collapse;margin:4pt 0}td,th{border:1px solid #000;padding:1pt 3pt;text-align:center;font-weight:normal}
h1{font-size:14pt;text-align:center}thead{display:table-header-group}tr{break-inside:avoid}h2{font-size:12pt;margin:6pt 0}"""
if style == 'pagetop':
    css += "\ntr.page{break-before:page}"
if style == 'narrow':
    css += "\ntd.leaf{width:2.5em;max-width:2.5em;font-family:'Liberation Serif','Droid Sans Fallback'}"
if style in ('split4', 'page4'):
    css += "\ntr.page{break-before:page}"
if style == 'wrapdigits':
    css += "\ntd.v{width:1.3em;max-width:1.3em;word-break:break-all}td.leaf{width:6em;max-width:6em}"
if style == 'offpage':  # tables 3 and 4 wider than the page: their last column past its side
    css += "\ntable.wide{width:300mm;table-layout:fixed}table.wide th,table.wide td{overflow:visible}"
if style == 'tallheader':  # 固定值 28 磅 line spacing, header names one character a line, two paragraphs
    css += "\nth.col{width:1.1em;max-width:1.1em;line-height:28pt;word-break:break-all}th.col p{margin:22pt 0}"
if tight:  # a browser's default cells, a few points apart, in a narrow table: labels wrap side by side
    css += "\nbody,td,th{font-size:11px}table{width:50%;border-collapse:separate;border-spacing:2px}td,th{padding:1px;border:0;text-align:left}"
if style in ('split', 'thead'):
    css += "\n@page{size:148mm 150mm;margin:8mm}" if style == "split" else "\n@page{size:148mm 230mm;margin:8mm}"
elif tight:
    css += "\n@page{size:B5;margin:25mm}"
else:
    css += "\n@page{size:A4;margin:15mm}"
rows3 = [
 ('一、本年新收政府信息公开申请数量', None, None, [12, 3, None, 1, '-', 0, 16]),
 ('二、上年结转政府信息公开申请数量', None, None, [1, 0, None, 0, 0, 0, 1]),
 ('三、本年度办理结果', '（一）予以公开', None, [5, 1, None, 0, 0, 0, 6]),
 (None, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', None, [2, 0, None, 0, 0, 0, 2]),
 (None, '（三）不予公开', '1.属于国家秘密', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '2.其他法律行政法规禁止公开', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '3.危及“三安全一稳定”', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '4.保护第三方合法权益', [1, 0, None, 0, 0, 0, 1]),
 (None, None, '5.属于三类内部事务信息', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '6.属于四类过程性信息', [0, 1, None, 0, 0, 0, 1]),
 (None, None, '7.属于行政执法案卷', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '8.属于行政查询事项', [0, 0, None, 0, 0, 0, 0]),
 (None, '（四）无法提供', '1.本机关不掌握相关政府信息', [3, 1, None, 1, 0, 0, 5]),
 (None, None, '2.没有现成信息需要另行制作', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '3.补正后申请内容仍不明确', [0, 0, None, 0, 0, 0, 0]),
 (None, '（五）不予处理', '1.信访举报投诉类申请', [1, 0, None, 0, 0, 0, 1]),
 (None, None, '2.重复申请', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '3.要求提供公开出版物', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '4.无正当理由大量反复申请', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '5.要求行政机关确认或重新出具已获取信息', [0, 0, None, 0, 0, 0, 0]),
 (None, '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [0, 0, None, 0, 0, 0, 0]),
 (None, None, '3.其他', [0, 0, None, 0, 0, 0, 0]),
 (None, '（七）总计', None, [12, 3, None, 1, 0, 0, 16]),
 ('四、结转下年度继续办理', None, None, [1, 0, None, 0, 0, 0, 1]),
]
spans = {'三、本年度办理结果': 22, '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5, '（六）其他处理': 3}
if style == 'pagetop':  # 予以公开 blank, its cases counted under 本机关不掌握 instead
    rows3[2] = (rows3[2][0], '予以公开', None, [None] * 7)  # unnumbered, as some pages print it
    rows3[12] = (None, rows3[12][1], rows3[12][2], [8, 2, None, 1, 0, 0, 11])
if style == 'wrapdigits':  # four-digit counts in value cells two digits wide (identities kept)
    rows3 = [(a, b, c, [v * 101 if isinstance(v, int) else v for v in vals]) for a, b, c, vals in rows3]
if tight:  # five-digit counts (identities kept): wide value columns squeeze the labels' columns
    rows3 = [(a, b, c, [v * 1013 if isinstance(v, int) else v for v in vals]) for a, b, c, vals in rows3]
if style == 'tightascii':  # the groups numbered in ASCII parentheses, another font: (, 一, ) and 予 four words
    ascii = lambda t: t and t.replace('（', '(').replace('）', ')')
    rows3 = [(a, ascii(b), c, vals) for a, b, c, vals in rows3]
    spans = {ascii(k): v for k, v in spans.items()}
def cell(v):
    return '' if v is None else str(v)
out = []
w = out.append
w(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{agency}{year}年政府信息公开工作年度报告</title><style>{css}</style></head><body>')
w(f'<h1>{agency}</h1><h1>{year}年政府信息公开工作年度报告</h1>')
w(f'<p>本报告由{agency}编制，所列数据统计期限自{year}年1月1日起至{year}年12月31日止。联系电话：0000-1234567。</p>')
w('<h2>一、总体情况</h2>')
w(f'<p>{year}年，我局主动公开政府信息120条，受理政府信息公开申请16件。</p>')
w('<h2>二、主动公开政府信息情况</h2>')
w('<table><tr><th colspan="4">第二十条第（一）项</th></tr><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>')
w('<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>3</td><td>1</td><td>25</td></tr>')
w('<tr><th colspan="4">第二十条第（五）项</th></tr><tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr><tr><td>行政许可</td><td colspan="3">86</td></tr>')
w('<tr><th colspan="4">第二十条第（六）项</th></tr><tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr><tr><td>行政处罚</td><td colspan="3">41</td></tr><tr><td>行政强制</td><td colspan="3"></td></tr>')
w('<tr><th colspan="4">第二十条第（八）项</th></tr><tr><th>信息内容</th><th colspan="3">本年收费金额（单位：万元）</th></tr><tr><td>行政事业性收费</td><td colspan="3">12.5</td></tr></table>')
w('<h2>三、收到和处理政府信息公开申请情况</h2>')
w('<table class="wide">' if style == 'offpage' else '<table>')
head = ('<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr>'
        '<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>'
        '<tr><th>商业<br>企业</th><th>科研<br>机构</th><th>社会<br>公益<br>组织</th><th>法律<br>服务<br>机构</th><th>其他</th></tr>')
if style == 'tallheader':
    head = head.replace('<th>商业<br>企业</th><th>科研<br>机构</th><th>社会<br>公益<br>组织</th><th>法律<br>服务<br>机构</th>',
                        ''.join(f'<th class="col"><p>{a}</p><p>{b}</p></th>' for a, b in
                                (('商业', '企业'), ('科研', '机构'), ('社会公益', '组织'), ('法律服务', '机构'))))
w('<thead>' + head + '</thead><tbody>' if style == 'thead' else head)
for a, b, c, vals in rows3:
    tds = ''
    if style == 'thead':  # no row spans (Chrome repeats a header only then): parents once, then empty cells
        if a and not b:
            tds += f'<td colspan="3">{a}</td>'
        else:
            tds += f'<td>{a or ""}</td>'
            tds += f'<td colspan="2">{b}</td>' if b and not c else f'<td>{b or ""}</td>'
    elif a and not b:
        tds += f'<td colspan="3">{a}</td>'
    elif a:
        tds += f'<td rowspan="{spans[a]}">{a}</td>'
    if style == 'thead':
        pass
    elif b and not c:
        tds += f'<td colspan="2">{b}</td>'
    elif b:
        tds += f'<td rowspan="{spans[b]}">{b}</td>'
    if c:
        tds += (f'<td class="leaf">{c.replace(".", "．", 1)}</td>' if style == 'narrow' else
                f'<td class="leaf">{c}</td>' if style == 'wrapdigits' else f'<td>{c}</td>')
    td = '<td class="v">' if style == 'wrapdigits' else '<td>'
    tds += ''.join(f'{td}{cell(v)}</td>' for v in vals)
    page = style == 'pagetop' and b == '予以公开'
    w(('<tr class="page">' if page else '<tr>') + tds + '</tr>')
w('</tbody></table>' if style == 'thead' else '</table>')
w('<h2>四、政府信息公开行政复议、行政诉讼情况</h2>')
if style == 'split4':  # the section's heading and table 4's first header rows at a page's foot
    w('<p>' + '本年度政府信息公开工作总体平稳。' * 150 + '</p>')
table4 = [''] * 15 if style == 'blank4' else [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, '', '', '', '', '']
if style == 'page4':  # table 4's row alone at the next page's top: its values, one line of numbers
    table4 = ['', '', 1, 1, 2] + [''] * 10
w(('<table class="wide">' if style == 'offpage' else '<table>') + '<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>'
  '<tr><th rowspan="2">结果<br>维持</th><th rowspan="2">结果<br>纠正</th><th rowspan="2">其他<br>结果</th><th rowspan="2">尚未<br>审结</th><th rowspan="2">总计</th>'
  '<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>' +
  ('<tr class="page">' if style == 'split4' else '<tr>') +
  ''.join('<th>结果<br>维持</th><th>结果<br>纠正</th><th>其他<br>结果</th><th>尚未<br>审结</th><th>总计</th>' for _ in range(2)) + '</tr>' +
  ('<tr class="page">' if style == 'page4' else '<tr>') + ''.join(f'<td>{v}</td>' for v in table4) + '</tr></table>')
w('<h2>五、存在的主要问题及改进情况</h2><p>信息公开的及时性还需提高。下一步将加强培训。</p>')
w('<h2>六、其他需要报告的事项</h2><p>本年度未收取信息处理费。</p>')
w('</body></html>')
print('\n'.join(out))
