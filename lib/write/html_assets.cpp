// SPDX-License-Identifier: Apache-2.0
// The page's style and script, inline (the page loads nothing). The script only adds: sorting
// and filtering the list of reports (state kept in the URL's #fragment, e.g.
// #status=problem&sort=findings&dir=desc), a panel with a clicked cell's source lines, and a
// clicked finding's cells brought into view. Without it every value, mark and excerpt is there.
#include "write/html_parts.hpp"

namespace ogi::write::html {

const char* const kStyle = R"css(
:root{--ink:#1d2430;--muted:#5b6472;--line:#c9ced6;--head:#eef1f5;--broken:#fbd5d5;--broken-ink:#9b1c1c;
--flag:#fff1c2;--unread:#f3f4f6;--focus:#2563eb;--ok:#166534;--ok-bg:#dcfce7;--bad:#9b1c1c;--bad-bg:#fee2e2;
--gone:#6b21a8;--gone-bg:#f3e8ff}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--ink);background:#fff}
header{padding:12px 24px;border-bottom:1px solid var(--line);background:var(--head)}
h1{font-size:20px;margin:0}
.gen{margin:2px 0 0;color:var(--muted);font-size:12px}
main{padding:8px 24px 96px;max-width:1280px}
h2{font-size:18px;margin:28px 0 4px}
h3{font-size:15px;margin:18px 0 6px}
section.report{border-top:3px solid var(--line);margin-top:24px}
.meta{margin:0 0 8px;color:var(--muted)}
.path{font-family:ui-monospace,monospace;font-size:12px}
.badge{display:inline-block;padding:0 8px;border-radius:9px;font-size:12px;font-weight:600}
.badge.ok{color:var(--ok);background:var(--ok-bg)}
.badge.problem{color:var(--bad);background:var(--bad-bg)}
.badge.unreadable{color:var(--gone);background:var(--gone-bg)}
.status{font-size:12px;font-weight:400;color:var(--muted);margin-left:6px}
.status.s-inconsistent,.status.s-uncertain,.status.s-missing{color:var(--bad)}
table.tpl{border-collapse:collapse;margin:4px 0 8px;font-size:13px}
table.tpl th,table.tpl td{border:1px solid var(--line);padding:3px 6px;vertical-align:middle}
table.tpl th{background:var(--head);font-weight:500;text-align:center}
table.tpl th.row{text-align:left;max-width:22em}
table.tpl th.item{text-align:left;font-weight:600}
table.tpl th.corner{font-size:11px;color:var(--muted);max-width:16em}
td.cell{min-width:3.2em;text-align:right;font-variant-numeric:tabular-nums;cursor:pointer}
td.cell small{color:var(--muted);margin-left:2px}
td.cell.blank{color:var(--muted);text-align:center}
td.cell.none{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 4px,#f0f0f0 4px,#f0f0f0 8px);cursor:default}
td.cell.unread{background:var(--unread);color:var(--muted);text-align:center;font-size:12px;outline:1px dashed #9ca3af;outline-offset:-3px}
td.cell.flagged{background:var(--flag)}
td.cell.broken{background:var(--broken);color:var(--broken-ink);font-weight:700}
td.cell.focus{outline:2px solid var(--focus);outline-offset:-2px}
ul.notes{margin:0 0 6px;padding-left:20px;color:var(--bad);font-size:13px}
ol.findings{padding-left:0;list-style:none;margin:0}
li.finding{border-left:4px solid var(--line);padding:4px 10px;margin:6px 0;background:#fafbfc;cursor:pointer}
li.finding.warning{border-color:#d97706}
li.finding.error{border-color:var(--bad)}
li.finding.info{border-color:#60a5fa}
li.finding:target,li.finding.focus{background:#eff6ff}
.finding .sev{font-weight:700;font-size:12px}
.finding .line{font-size:12px;margin-right:4px}
.finding code{font-size:12px;color:var(--muted)}
.finding .where{font-size:12px;color:var(--muted);margin-left:6px}
.finding .msg{margin:2px 0}
pre.excerpt{margin:4px 0;padding:4px 8px;background:#fff;border:1px solid #e5e7eb;font:12px/1.5 ui-monospace,"Noto Sans Mono CJK SC",monospace;white-space:pre-wrap;word-break:break-all;cursor:text}
pre.excerpt .ln{display:inline-block;min-width:3.5em;color:#9ca3af;user-select:none}
pre.excerpt .ln.at{color:var(--ink);font-weight:700}
mark{background:#fde68a;color:inherit}
.hidden-note,p.none{color:var(--muted);font-size:13px}
p.error{color:var(--gone)}
#index .controls{margin:6px 0}
#index input,#index select{font:inherit;padding:2px 6px}
#count{color:var(--muted);font-size:12px;margin-left:8px}
table#reports{border-collapse:collapse;width:100%;font-size:13px}
table#reports th,table#reports td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left}
table#reports th{background:var(--head);cursor:pointer;user-select:none;white-space:nowrap}
table#reports th[aria-sort=ascending]::after{content:" ▲"}
table#reports th[aria-sort=descending]::after{content:" ▼"}
table#reports td:nth-child(6){text-align:right}
aside#panel{position:fixed;right:16px;bottom:16px;width:min(640px,calc(100% - 32px));max-height:45vh;overflow:auto;background:#fff;border:1px solid var(--line);box-shadow:0 4px 16px rgba(0,0,0,.15);padding:8px 12px;font-size:13px}
aside#panel .close{float:right;border:0;background:none;font-size:18px;cursor:pointer}
aside#panel .refs{margin:4px 0 0;padding-left:18px}
@media print{aside#panel,#index .controls{display:none}section.report{break-before:page}td.cell{cursor:auto}}
)css";

const char* const kScript = R"js(
(function () {
  'use strict';
  var d = document;
  function all(sel, root) { return Array.prototype.slice.call((root || d).querySelectorAll(sel)); }

  // The list of reports: filter and sort, the state in the #fragment so that a view can be shared.
  var table = d.getElementById('reports');
  var state = { q: '', status: '', sort: '', dir: 'asc' };
  function readHash() {
    var h = location.hash.slice(1);
    if (h.indexOf('=') < 0) return;
    h.split('&').forEach(function (kv) {
      var i = kv.indexOf('='), k = kv.slice(0, i);
      if (k in state) state[k] = decodeURIComponent(kv.slice(i + 1));
    });
  }
  function writeHash() {
    var parts = [];
    Object.keys(state).forEach(function (k) {
      if (state[k] && !(k === 'dir' && (!state.sort || state.dir === 'asc'))) parts.push(k + '=' + encodeURIComponent(state[k]));
    });
    history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search);
  }
  function apply() {
    if (!table) return;
    var body = table.tBodies[0], rows = all('tr', body);
    if (state.sort) {
      var th = table.querySelector('th[data-key="' + state.sort + '"]');
      var numeric = th && th.hasAttribute('data-num'), sign = state.dir === 'desc' ? -1 : 1, key = 'data-' + state.sort;
      rows.sort(function (a, b) {
        var x = a.getAttribute(key) || '', y = b.getAttribute(key) || '';
        var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, 'zh-CN');
        return c !== 0 ? c * sign : a.getAttribute('data-n') - b.getAttribute('data-n');
      });
      rows.forEach(function (r) { body.appendChild(r); });
    }
    var q = state.q.toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var show = (!state.status || r.getAttribute('data-status') === state.status) &&
                 (!q || r.getAttribute('data-search').toLowerCase().indexOf(q) >= 0);
      r.hidden = !show;
      if (show) shown++;
    });
    all('th[data-key]', table).forEach(function (h) {
      var on = h.getAttribute('data-key') === state.sort;
      h.setAttribute('aria-sort', on ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    });
    d.getElementById('q').value = state.q;
    d.getElementById('status').value = state.status;
    var count = d.getElementById('count');
    count.textContent = shown + count.getAttribute('data-of') + rows.length;
  }
  if (table) {
    readHash();
    apply();
    all('th[data-key]', table).forEach(function (h) {
      h.addEventListener('click', function () {
        var k = h.getAttribute('data-key');
        state.dir = state.sort === k && state.dir === 'asc' ? 'desc' : 'asc';
        state.sort = k;
        apply();
        writeHash();
      });
    });
    d.getElementById('q').addEventListener('input', function (e) { state.q = e.target.value; apply(); writeHash(); });
    d.getElementById('status').addEventListener('change', function (e) { state.status = e.target.value; apply(); writeHash(); });
  }

  // A cell's source lines in the panel; a finding's cells brought into view.
  var panel = d.getElementById('panel'), lineCache = {};
  function linesOf(report) {
    if (!lineCache[report]) {
      var s = d.querySelector('script.lines[data-report="' + report + '"]');
      lineCache[report] = s ? JSON.parse(s.textContent) : {};
    }
    return lineCache[report];
  }
  function focus(cells) {
    all('.focus').forEach(function (e) { e.classList.remove('focus'); });
    cells.forEach(function (c) { c.classList.add('focus'); });
  }
  function showCell(td) {
    var report = td.id.slice(1, td.id.indexOf('-')), n = +td.getAttribute('data-line'), lines = linesOf(report);
    var from = +td.getAttribute('data-from'), to = +td.getAttribute('data-to');
    var pre = panel.querySelector('pre'), refs = panel.querySelector('.refs');
    pre.textContent = '';
    refs.textContent = '';
    panel.querySelector('.where').textContent = td.title.split('\n')[0];
    for (var i = n - 2; i <= n + 2; i++) {
      if (!(i in lines)) continue;
      var ln = d.createElement('span');
      ln.className = 'ln' + (i === n ? ' at' : '');
      ln.textContent = i;
      pre.appendChild(ln);
      var text = lines[i];
      if (i === n && to > from) {
        pre.appendChild(d.createTextNode(text.slice(0, from)));
        var m = d.createElement('mark');
        m.textContent = text.slice(from, to);
        pre.appendChild(m);
        pre.appendChild(d.createTextNode(text.slice(to) + '\n'));
      } else {
        pre.appendChild(d.createTextNode(text + '\n'));
      }
    }
    (td.getAttribute('data-findings') || '').split(' ').filter(Boolean).forEach(function (id) {
      var f = d.getElementById(id);
      if (!f) return;
      var li = d.createElement('li'), a = d.createElement('a');
      a.href = '#' + id;
      a.textContent = f.querySelector('.msg').textContent;
      li.appendChild(a);
      refs.appendChild(li);
    });
    panel.hidden = false;
  }
  function showFinding(li, scroll) {
    var cells = (li.getAttribute('data-cells') || '').split(' ').map(function (id) { return d.getElementById(id); })
      .filter(Boolean);
    focus(cells.concat([li]));
    if (scroll && cells.length) cells[0].scrollIntoView({ block: 'center' });
  }
  d.addEventListener('click', function (e) {
    var t = e.target;
    if (t.closest('#panel .close')) { panel.hidden = true; return; }
    var td = t.closest('td.cell');
    if (td && td.hasAttribute('data-line')) { focus([td]); showCell(td); return; }
    var li = t.closest('li.finding');
    if (li && !t.closest('a') && !t.closest('pre')) showFinding(li, true);
  });
  d.addEventListener('keydown', function (e) { if (e.key === 'Escape') panel.hidden = true; });
  function onHash() {
    var h = location.hash.slice(1), li = h && h.indexOf('=') < 0 ? d.getElementById(h) : null;
    if (li && li.classList.contains('finding')) showFinding(li, false);
  }
  window.addEventListener('hashchange', onHash);
  onHash();
  d.body.setAttribute('data-ready', '1');
})();
)js";

}  // namespace ogi::write::html
