/**
 * The review page's script (plain browser JavaScript, no build step, no network): the index of
 * records and the record view, from `window.SHENBAO_REVIEW` (data.js). Reviewers' decisions are
 * kept in localStorage until exported as corrections.json (see corrections-format.ts).
 * Written without template literals so it can live in this String.raw literal.
 */
export const APP_JS = String.raw`(function () {
'use strict';
var DATA = window.SHENBAO_REVIEW;
var root = document.getElementById('app');
if (!DATA || DATA.format !== 'shenbao-review') {
  root.textContent = 'data.js is missing or is not a shenbao review: run "shenbao review <output dir>" again.';
  return;
}
var records = DATA.records;
var byId = {};
records.forEach(function (r) { byId[r.id] = r; });
var KEY = 'shenbao-review:' + DATA.siteId;

// ---------------------------------------------------------------- storage
function load(key, fallback) {
  try { var v = window.localStorage.getItem(key); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
}
function store(key, value) {
  try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: decisions live until the tab closes */ }
}

var state = {
  reviewer: load('shenbao-review:reviewer', ''),
  pending: load(KEY + ':pending', []),
  filter: load(KEY + ':filter', { code: '', method: '', file: '', q: '' }),
  sort: load(KEY + ':sort', { key: 'index', dir: 1 }),
  recordId: null,
  selected: null,
  editing: false,
  editError: '',
  warningCursor: -1,
  message: ''
};

/** A pending decision the record already holds (applied, then the review regenerated) is done. */
function applied(p) {
  var r = byId[p.recordId];
  var rv = r && r.review[p.field];
  if (!rv) return false;
  return [rv].concat(rv.history || []).some(function (e) {
    return e.action === p.action && e.reviewer === p.reviewer && Date.parse(e.at) === Date.parse(p.at);
  });
}
state.pending = state.pending.filter(function (p) { return !applied(p); });
store(KEY + ':pending', state.pending);

// ---------------------------------------------------------------- helpers
function h(tag, attrs) {
  var el = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach(function (k) {
    var v = attrs[k];
    if (v === null || v === undefined || v === false) return;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
    else if (k === 'style') el.setAttribute('style', v);
    else if (k in el && k !== 'list' && k !== 'type') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  });
  for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
  return el;
}
function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
  el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
}
function basename(p) { return String(p).split(/[\\/]/).pop(); }
function fmtAmount(v) { return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v; }
function fmtValue(kind, v) {
  if (v === null || v === undefined) return '(blank)';
  if (kind === 'amount') return fmtAmount(v);
  return String(v);
}
function fmtTime(iso) { var d = new Date(iso); return isNaN(d) ? iso : d.toLocaleString(); }
function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&'); }
function toast(text) {
  var t = h('div', { class: 'toast', role: 'status', text: text });
  document.body.appendChild(t);
  setTimeout(function () { t.remove(); }, 2500);
}

// ---------------------------------------------------------------- decisions
function pendingOf(recordId, field) {
  for (var i = 0; i < state.pending.length; i++) {
    var p = state.pending[i];
    if (p.recordId === recordId && p.field === field) return p;
  }
  return null;
}
function statusOf(r, field) {
  var p = pendingOf(r.id, field);
  if (p) return 'pending';
  var rv = r.review[field];
  if (rv) return rv.action === 'correct' ? 'corrected' : 'verified';
  return '';
}
function decide(r, f, action, value, note) {
  var entry = { recordId: r.id, field: f.path, action: action };
  if (action === 'correct') entry.value = value;
  entry.seen = f.value;
  entry.reviewer = state.reviewer;
  entry.at = new Date().toISOString();
  if (note) entry.note = note;
  state.pending = state.pending.filter(function (p) { return !(p.recordId === r.id && p.field === f.path); });
  state.pending.push(entry);
  store(KEY + ':pending', state.pending);
}
function undo(r, field) {
  state.pending = state.pending.filter(function (p) { return !(p.recordId === r.id && p.field === field); });
  store(KEY + ':pending', state.pending);
}
function exportCorrections() {
  var file = {
    format: 'shenbao-corrections',
    version: 1,
    exportedAt: new Date().toISOString(),
    site: { outDir: DATA.outDir, generatedAt: DATA.generatedAt },
    corrections: state.pending.slice()
  };
  var blob = new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' });
  var a = h('a', { href: URL.createObjectURL(blob), download: 'corrections.json', style: 'display:none' });
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  toast('corrections.json: ' + file.corrections.length + ' decision(s). Run: shenbao apply ' + DATA.outDir + ' corrections.json');
}

/** The typed text as a value of the field's kind, or an error. */
function parseInput(f, text) {
  var t = String(text);
  if (f.kind === 'amount') {
    var s = t.replace(/[\s,，]/g, '').replace(/[０-９．]/g, function (c) { return c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0); });
    if (s === '') return { value: null };
    if (!/^\d+(\.\d+)?$/.test(s)) return { error: 'Not an amount in yuan: type digits such as 1,700,000 (leave it empty for a blank cell).' };
    return { value: Number(s) };
  }
  if (f.kind === 'year') {
    var y = t.trim();
    if (y === '') return { value: null };
    if (!/^\d{4}$/.test(y)) return { error: 'A year is four digits, such as 2024.' };
    return { value: Number(y) };
  }
  var v = f.kind === 'text' ? t.replace(/\r?\n/g, '') : t.replace(/\r?\n/g, ' ');
  if (v === '' && f.nullable) return { value: null };
  return { value: v };
}

// ---------------------------------------------------------------- the index
function visibleRecords() {
  var f = state.filter;
  var q = (f.q || '').trim().toLowerCase();
  var list = records.filter(function (r) {
    var n = r.warnings.length;
    if (f.code === '*' && n === 0) return false;
    if (f.code === '-' && n > 0) return false;
    if (f.code && f.code !== '*' && f.code !== '-' && !r.warningCounts[f.code]) return false;
    if (f.method && r.method !== f.method) return false;
    if (f.file && r.file !== f.file) return false;
    if (q && [r.projectName, r.department, r.file, r.departmentCode].join(' ').toLowerCase().indexOf(q) < 0) return false;
    return true;
  });
  var key = state.sort.key, dir = state.sort.dir;
  function val(r) {
    switch (key) {
      case 'file': return r.file + '#' + String(r.formIndex).padStart(4, '0');
      case 'project': return r.projectName || '';
      case 'department': return r.department || '';
      case 'year': return r.year === null ? -1 : r.year;
      case 'method': return r.method;
      case 'warnings':
        return f.code && f.code !== '*' && f.code !== '-' ? (r.warningCounts[f.code] || 0) : r.warnings.length;
      default: return r.index;
    }
  }
  return list.map(function (r, i) { return { r: r, i: i, v: val(r) }; }).sort(function (a, b) {
    var c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'zh');
    return c * dir || a.r.index - b.r.index;
  }).map(function (x) { return x.r; });
}

function selectionText() {
  var s = DATA.selection;
  var text;
  if (s.kind === 'sample') text = 'Sample of ' + records.length + ' of ' + s.total + ' records (seed ' + s.sample.seed + ')';
  else if (s.kind === 'warnings-only') text = records.length + ' of ' + s.total + ' records: those with warnings';
  else if (s.kind === 'sample-of-warnings') text = 'Sample of ' + records.length + ' records with warnings, of ' + s.total + ' (seed ' + s.sample.seed + ')';
  else text = records.length + ' records';
  return text + ' · ' + DATA.outDir + ' · made ' + fmtTime(DATA.generatedAt);
}

function header() {
  var failed = DATA.failedFiles.length;
  return h('header', { class: 'top' },
    h('h1', null, h('a', { href: '#/' }, 'shenbao review')),
    h('span', { class: 'selection', title: selectionText() }, selectionText()),
    failed ? h('span', { class: 'failed', title: DATA.failedFiles.map(function (e) { return e.file + ': ' + e.code + ' ' + e.message; }).join('\n') }, failed + ' file(s) failed') : null,
    h('label', null, 'Reviewer', h('input', {
      id: 'reviewer', value: state.reviewer, placeholder: 'your name', size: 12,
      oninput: function (e) { state.reviewer = e.target.value.trim(); store('shenbao-review:reviewer', state.reviewer); }
    })),
    h('button', {
      id: 'export', class: state.pending.length ? 'primary' : '', disabled: state.pending.length === 0,
      title: 'Download the decisions not yet applied, for: shenbao apply ' + DATA.outDir + ' corrections.json',
      onclick: exportCorrections
    }, 'Export corrections.json (' + state.pending.length + ')'),
    h('button', {
      id: 'discard', disabled: state.pending.length === 0, title: 'Forget every decision not yet exported and applied',
      onclick: function () {
        if (!window.confirm('Discard ' + state.pending.length + ' decision(s)?')) return;
        state.pending = []; store(KEY + ':pending', state.pending); render();
      }
    }, 'Discard')
  );
}

function reviewCell(r) {
  var verified = 0, corrected = 0;
  Object.keys(r.review).forEach(function (k) { if (r.review[k].action === 'correct') corrected++; else verified++; });
  var pend = state.pending.filter(function (p) { return p.recordId === r.id; }).length;
  var parts = [];
  if (verified) parts.push(h('span', { class: 'state-ok', title: 'fields verified' }, '✓' + verified + ' '));
  if (corrected) parts.push(h('span', { class: 'state-fix', title: 'fields corrected' }, '✎' + corrected + ' '));
  if (pend) parts.push(h('span', { class: 'state-pending', title: 'decisions not yet applied' }, '⋯' + pend));
  return parts.length ? parts : h('span', { class: 'none' }, '—');
}

function renderIndex() {
  var list = visibleRecords();
  var codeCounts = {};
  records.forEach(function (r) { Object.keys(r.warningCounts).forEach(function (c) { codeCounts[c] = (codeCounts[c] || 0) + 1; }); });
  var files = [];
  records.forEach(function (r) { if (files.indexOf(r.file) < 0) files.push(r.file); });
  var methods = [];
  records.forEach(function (r) { if (methods.indexOf(r.method) < 0) methods.push(r.method); });
  function setFilter(k, v) { state.filter[k] = v; store(KEY + ':filter', state.filter); renderIndexBody(); }
  function option(value, label, current) { return h('option', { value: value, selected: value === current }, label); }

  var filters = h('section', { class: 'filters' },
    h('label', null, 'Warning', h('select', { id: 'filter-code', onchange: function (e) { setFilter('code', e.target.value); } },
      option('', 'all records', state.filter.code),
      option('*', 'any warning', state.filter.code),
      option('-', 'no warning', state.filter.code),
      DATA.warningCodes.map(function (c) { return option(c, c + ' (' + codeCounts[c] + ')', state.filter.code); }))),
    h('label', null, 'Method', h('select', { id: 'filter-method', onchange: function (e) { setFilter('method', e.target.value); } },
      option('', 'all', state.filter.method),
      methods.map(function (m) { return option(m, m === 'ocr' ? 'OCR' : m, state.filter.method); }))),
    h('label', null, 'File', h('select', { id: 'filter-file', onchange: function (e) { setFilter('file', e.target.value); } },
      option('', 'all files', state.filter.file),
      files.map(function (f) { return option(f, f, state.filter.file); }))),
    h('label', null, 'Search', h('input', { id: 'filter-q', type: 'search', value: state.filter.q || '', placeholder: 'project, department, file', oninput: function (e) { setFilter('q', e.target.value); } })),
    h('span', { class: 'count', id: 'count' }));

  function th(key, label) {
    var sorted = state.sort.key === key;
    return h('th', {
      'data-sort': key, class: sorted ? 'sorted' + (state.sort.dir < 0 ? ' desc' : '') : '',
      onclick: function () {
        if (state.sort.key === key) state.sort.dir = -state.sort.dir;
        else state.sort = { key: key, dir: key === 'warnings' ? -1 : 1 };
        store(KEY + ':sort', state.sort);
        renderIndex();
      }
    }, label);
  }
  var table = h('table', { class: 'records', id: 'records' },
    h('thead', null, h('tr', null, th('index', '#'), th('file', 'File'), th('project', 'Project 项目名称'), th('department', 'Department 主管部门'),
      th('year', 'Year'), th('method', 'Method'), th('warnings', 'Warnings'), h('th', null, 'Review'))),
    h('tbody'));
  root.replaceChildren(header(), filters, h('div', { class: 'table-wrap' }, table), keysFooter('index'));
  renderIndexBody();

  function renderIndexBody() {
    list = visibleRecords();
    var tbody = table.querySelector('tbody');
    tbody.replaceChildren.apply(tbody, list.map(function (r) {
      var chips = Object.keys(r.warningCounts).sort().map(function (c) {
        var review = r.warnings.some(function (w) { return w.code === c && w.origin === 'review'; });
        return h('span', {
          class: 'chip' + (review ? ' review' : ''), 'data-code': c, title: 'show only records with ' + c,
          onclick: function (e) { e.stopPropagation(); document.getElementById('filter-code').value = c; setFilter('code', c); }
        }, c + ' ×' + r.warningCounts[c]);
      });
      return h('tr', { 'data-id': r.id, tabindex: 0, onclick: function () { openRecord(r.id); }, onkeydown: function (e) { if (e.key === 'Enter') openRecord(r.id); } },
        h('td', null, String(r.index + 1)),
        h('td', { class: 'file', title: r.file }, basename(r.file), h('span', { class: 'none' }, ' #' + r.formIndex)),
        h('td', null, r.projectName || h('span', { class: 'none' }, '(none)')),
        h('td', { class: 'dept' }, (r.departmentCode ? r.departmentCode + ' ' : '') + (r.department || '')),
        h('td', null, r.year === null ? '—' : String(r.year)),
        h('td', null, r.method === 'ocr' ? 'OCR' : r.method),
        h('td', { class: 'warnings' }, chips.length ? chips : h('span', { class: 'none' }, 'none')),
        h('td', null, reviewCell(r)));
    }));
    document.getElementById('count').textContent = 'Showing ' + list.length + ' of ' + records.length + ' records';
    if (!list.length) tbody.appendChild(h('tr', null, h('td', { colspan: 8, class: 'empty' }, 'No record matches these filters.')));
  }
}

function openRecord(id, field) {
  location.hash = '#/record/' + encodeURIComponent(id) + (field ? '/' + encodeURIComponent(field) : '');
}

// ---------------------------------------------------------------- the record view
var view = null; // { r, fieldEls: {path: [el]}, boxEls: {path: el}, fields: {path: SiteField}, warnEls: [] }

function fieldsOf(r) {
  var out = {};
  var form = r.form;
  form.basics.concat(form.texts, form.goals).forEach(function (f) { out[f.path] = f; });
  form.funding.forEach(function (row) { out[row.implementation.path] = row.implementation; out[row.annual.path] = row.annual; });
  ['implementation', 'annual'].forEach(function (p) {
    form.indicators[p].forEach(function (row) { ['level1', 'level2', 'name', 'value'].forEach(function (k) { out[row[k].path] = row[k]; }); });
  });
  return out;
}

function warningsOf(r, field) { return r.warnings.filter(function (w) { return w.field === field; }); }

function fieldEl(r, f, extra) {
  var status = statusOf(r, f.path);
  var p = pendingOf(r.id, f.path);
  var value = p && p.action === 'correct' ? p.value : f.value;
  var warned = warningsOf(r, f.path).length > 0;
  var cls = ['field', f.kind, status, warned ? 'warn' : '', value === null ? 'blank' : '', r.provenance[f.path] ? '' : 'noprov'].filter(Boolean).join(' ');
  var badges = [];
  if (warned) badges.push(h('span', { class: 'badge', title: 'warning' }, '⚠'));
  if (status === 'verified') badges.push(h('span', { class: 'badge state-ok', title: 'verified' }, '✓'));
  if (status === 'corrected') badges.push(h('span', { class: 'badge state-fix', title: 'corrected' }, '✎'));
  if (status === 'pending') badges.push(h('span', { class: 'badge state-pending', title: 'decision not yet applied' }, p.action === 'correct' ? '✎…' : '✓…'));
  var el = h('div', {
    class: cls, 'data-field': f.path, tabindex: 0, title: f.label + ' · ' + f.path,
    onmouseenter: function () { hover(f.path, true); },
    onmouseleave: function () { hover(f.path, false); },
    onclick: function () { select(f.path, 'fields'); },
    onfocus: function () { if (state.selected !== f.path) select(f.path, 'fields'); }
  }, h('span', { class: 'v' }, fmtValue(f.kind, value)), badges, extra || null);
  (view.fieldEls[f.path] = view.fieldEls[f.path] || []).push(el);
  return el;
}

function pagesPane(r) {
  var groups = [];
  var byKey = {};
  Object.keys(r.provenance).forEach(function (path) {
    var p = r.provenance[path];
    var key = p.page + ':' + p.bbox.join(',');
    if (!byKey[key]) { byKey[key] = { page: p.page, bbox: p.bbox, fields: [] }; groups.push(byKey[key]); }
    byKey[key].fields.push(path);
  });
  var area = function (g) { return (g.bbox[2] - g.bbox[0]) * (g.bbox[3] - g.bbox[1]); };
  groups.sort(function (a, b) { return area(b) - area(a); }); // small boxes on top
  var pane = h('div', { class: 'pages-pane', id: 'pages' });
  if (r.pageNote) pane.appendChild(h('div', { class: 'page-note', id: 'page-note' }, r.pageNote));
  r.pages.forEach(function (pg) {
    var w = pg.width, ht = pg.height;
    if (!w || !ht) {
      w = 595; ht = 842;
      groups.forEach(function (g) { if (g.page === pg.page) { w = Math.max(w, g.bbox[2] + 36); ht = Math.max(ht, g.bbox[3] + 36); } });
    }
    var sheet = h('div', { class: 'sheet' + (pg.image ? '' : ' blank'), 'data-page': pg.page, 'data-width': w, 'data-height': ht, style: 'aspect-ratio: ' + w + ' / ' + ht });
    if (pg.image) sheet.appendChild(h('img', { src: pg.image, alt: 'page ' + pg.page + ' of ' + r.file }));
    else sheet.appendChild(h('div', { class: 'blank-note' }, 'No image of page ' + pg.page + '; boxes only.'));
    groups.forEach(function (g) {
      if (g.page !== pg.page) return;
      var b = g.bbox;
      var warn = g.fields.some(function (f) { return warningsOf(r, f).length > 0; });
      var statuses = g.fields.map(function (f) { return statusOf(r, f); });
      var labels = g.fields.map(function (f) { return view.fields[f] ? view.fields[f].label : f; });
      var box = h('div', {
        class: 'box' + (warn ? ' warn' : '') + (statuses.indexOf('pending') >= 0 ? ' pending' : statuses.indexOf('corrected') >= 0 ? ' corrected' : statuses.indexOf('verified') >= 0 ? ' verified' : ''),
        'data-fields': g.fields.join(' '), title: labels.join(' · '),
        style: 'left:' + (b[0] / w * 100) + '%;top:' + (b[1] / ht * 100) + '%;width:' + ((b[2] - b[0]) / w * 100) + '%;height:' + ((b[3] - b[1]) / ht * 100) + '%',
        onmouseenter: function () { g.fields.forEach(function (f) { hover(f, true); }); },
        onmouseleave: function () { g.fields.forEach(function (f) { hover(f, false); }); },
        onclick: function () {
          var at = g.fields.indexOf(state.selected);
          select(g.fields[(at + 1) % g.fields.length], 'pages');
        }
      });
      g.fields.forEach(function (f) { view.boxEls[f] = box; });
      sheet.appendChild(box);
    });
    pane.appendChild(h('figure', { class: 'page' }, h('figcaption', null, 'Page ' + pg.page + ' · ' + basename(r.file)), sheet));
  });
  return pane;
}

function section(title, id) {
  var rest = Array.prototype.slice.call(arguments, 2);
  return h('section', { class: 'group', id: id }, h('h2', null, title), rest);
}

function fieldsPane(r) {
  var form = r.form;
  var pane = h('div', { class: 'fields-pane', id: 'fields' });
  var ws = r.warnings;
  view.warnEls = [];
  pane.appendChild(section('Warnings (' + ws.length + ')', 'warnings', ws.length ? h('ul', { class: 'warnings' }, ws.map(function (w, i) {
    var f = w.field && view.fields[w.field];
    var resolved = w.field && statusOf(r, w.field);
    var li = h('li', {
      'data-field': w.field || '', 'data-code': w.code, class: resolved ? 'resolved' : '',
      onclick: function () { if (w.field) { state.warningCursor = i; select(w.field, 'warnings'); } }
    },
      h('span', { class: 'code' }, w.code),
      w.origin === 'review' ? h('span', { class: 'origin', title: 'found by the review checks, not yet by the extractor' }, 'review check') : null,
      h('span', { class: 'where' }, f ? f.label + ' ' : (w.field ? w.field + ' ' : '')),
      h('span', { class: 'why' }, w.message),
      w.raw !== undefined ? h('span', { class: 'raw' }, 'read: ' + w.raw) : null);
    view.warnEls.push(li);
    return li;
  })) : h('p', { class: 'none' }, 'No warnings.')));

  pane.appendChild(section('基本信息 Basics', 'basics', h('table', { class: 'kv' }, form.basics.map(function (f) {
    return h('tr', null, h('th', null, f.label), h('td', null, fieldEl(r, f)));
  }))));
  pane.appendChild(section('项目资金（元） Funding', 'funding', h('table', { class: 'grid' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', null, '实施期 implementation'), h('th', null, '年度 annual'))),
    h('tbody', null, form.funding.map(function (row) {
      return h('tr', null, h('th', null, row.label), h('td', null, fieldEl(r, row.implementation)), h('td', null, fieldEl(r, row.annual)));
    })))));
  pane.appendChild(section('文本 Texts', 'texts', h('table', { class: 'kv' }, form.texts.map(function (f) {
    return h('tr', null, h('th', null, f.label), h('td', null, fieldEl(r, f)));
  }))));
  pane.appendChild(section('总体目标 Goals', 'goals', h('table', { class: 'kv' }, form.goals.map(function (f) {
    return h('tr', null, h('th', null, f.label), h('td', null, fieldEl(r, f)));
  }))));
  [['implementation', '绩效指标 · 实施期 Indicators (implementation period)'], ['annual', '绩效指标 · 年度 Indicators (year)']].forEach(function (pair) {
    var rows = form.indicators[pair[0]];
    pane.appendChild(section(pair[1] + ' (' + rows.length + ')', 'indicators-' + pair[0], rows.length ? h('table', { class: 'grid' },
      h('thead', null, h('tr', null, h('th', null, '一级指标'), h('th', null, '二级指标'), h('th', null, '三级指标'), h('th', null, '指标值'))),
      h('tbody', null, rows.map(function (row) {
        var pr = row.parsed;
        var parsed = pr.number !== null ? [pr.op, pr.number, pr.unit].filter(function (x) { return x !== null; }).join(' ') : (pr.op ? pr.op + ' · ' + pr.text : '');
        return h('tr', null, h('td', null, fieldEl(r, row.level1)), h('td', null, fieldEl(r, row.level2)), h('td', null, fieldEl(r, row.name)),
          h('td', null, fieldEl(r, row.value, parsed ? h('span', { class: 'parsed', title: 'parsed' }, parsed) : null)));
      }))) : h('p', { class: 'none' }, 'No rows.')));
  });
  return pane;
}

function navList() {
  var list = visibleRecords();
  if (!list.some(function (r) { return r.id === state.recordId; })) list = records;
  return list;
}

function renderRecord(id, field) {
  var r = byId[id];
  if (!r) { root.replaceChildren(header(), h('p', { class: 'empty' }, 'No record ' + id + ' in this review. ', h('a', { href: '#/' }, 'Back to the index'))); return; }
  if (state.recordId !== id) { state.warningCursor = -1; state.editing = false; }
  state.recordId = id;
  view = { r: r, fieldEls: {}, boxEls: {}, fields: fieldsOf(r), warnEls: [] };
  var list = navList();
  var pos = list.indexOf(r);
  var nav = h('nav', { class: 'recordnav' },
    h('a', { href: '#/', id: 'back', title: 'index (i)' }, '← Index'),
    h('button', { id: 'prev', disabled: pos <= 0, title: 'previous record (p)', onclick: function () { step(-1); } }, '‹ Prev'),
    h('button', { id: 'next', disabled: pos >= list.length - 1, title: 'next record (n)', onclick: function () { step(1); } }, 'Next ›'),
    h('span', { class: 'pos' }, 'Record ' + (pos + 1) + ' of ' + list.length),
    h('span', { class: 'meta', title: r.id }, (r.projectName || '(no project name)') + ' · ' + r.file + ' #' + r.formIndex + ' · pages ' + r.pages.map(function (p) { return p.page; }).join(', ') + ' · ' + (r.method === 'ocr' ? 'OCR' : r.method)));
  var fields = fieldsPane(r);
  var pages = pagesPane(r);
  var side = h('div', { class: 'side' }, h('section', { class: 'inspector', id: 'inspector', 'aria-live': 'polite' }), fields);
  root.replaceChildren(header(), nav, h('div', { class: 'layout' }, pages, side), keysFooter('record'));
  document.title = (r.projectName || r.id) + ' · shenbao review';
  var sel = field && view.fields[field] ? field : (state.selected && view.fields[state.selected] ? state.selected : null);
  state.selected = null;
  if (sel) select(sel, 'route'); else renderInspector();
}

function step(delta) {
  var list = navList();
  var pos = list.indexOf(byId[state.recordId]);
  var next = list[pos + delta];
  if (next) { state.selected = null; openRecord(next.id); }
}

function hover(field, on) {
  (view.fieldEls[field] || []).forEach(function (el) { el.classList.toggle('hover', on); });
  var box = view.boxEls[field];
  if (box) box.classList.toggle('hover', on);
}

function select(field, from) {
  if (!view) return;
  var old = document.querySelectorAll('.field.selected, .box.selected');
  for (var i = 0; i < old.length; i++) old[i].classList.remove('selected');
  if (state.selected !== field) { state.editing = false; state.editError = ''; }
  state.selected = field;
  (view.fieldEls[field] || []).forEach(function (el) { el.classList.add('selected'); });
  var box = view.boxEls[field];
  if (box) box.classList.add('selected');
  view.warnEls.forEach(function (li, i) { li.classList.toggle('current', i === state.warningCursor && li.getAttribute('data-field') === field); });
  if (box && from !== 'pages') box.scrollIntoView({ block: 'center', inline: 'nearest' });
  var fe = (view.fieldEls[field] || [])[0];
  if (fe && from !== 'fields') fe.scrollIntoView({ block: 'center', inline: 'nearest' });
  history.replaceState(null, '', '#/record/' + encodeURIComponent(state.recordId) + '/' + encodeURIComponent(field));
  renderInspector();
}

function renderInspector() {
  var el = document.getElementById('inspector');
  if (!el) return;
  var r = view.r;
  var field = state.selected;
  if (!field) {
    el.replaceChildren(h('p', { class: 'hint' }, 'Select a field (or a box on the page) to see where it was read; ', h('kbd', null, 'w'), ' jumps to the next warning.'));
    return;
  }
  var f = view.fields[field];
  var prov = r.provenance[field];
  var p = pendingOf(r.id, field);
  var rv = r.review[field];
  var value = p && p.action === 'correct' ? p.value : f.value;
  var parts = [
    h('div', null, h('span', { class: 'label' }, f.label), h('code', { class: 'path' }, field)),
    h('div', { class: 'value', id: 'inspector-value' }, fmtValue(f.kind, value)),
    h('div', { class: 'where' }, prov
      ? 'Read on page ' + prov.page + ', box [' + prov.bbox.map(function (v) { return Math.round(v * 10) / 10; }).join(', ') + '] pt, ' + (prov.method === 'ocr' ? 'by OCR' : 'from the text layer') + ', confidence ' + prov.confidence.toFixed(2)
      : 'Where this was read is not recorded (no provenance).')
  ];
  var ws = warningsOf(r, field);
  if (ws.length) parts.push(h('ul', { class: 'why' }, ws.map(function (w) {
    return h('li', null, h('b', null, w.code), ': ', w.message, w.raw !== undefined ? h('div', { class: 'where' }, 'read: ' + w.raw) : null);
  })));
  if (rv) {
    parts.push(h('div', { class: 'decision' }, rv.action === 'correct'
      ? [h('span', { class: 'state-fix' }, '✎ Corrected'), ' by ' + rv.reviewer + ', ' + fmtTime(rv.at) + '; the extractor read: ' + fmtValue(f.kind, rv.original)]
      : [h('span', { class: 'state-ok' }, '✓ Verified'), ' by ' + rv.reviewer + ', ' + fmtTime(rv.at)],
      rv.note ? ' (' + rv.note + ')' : ''));
  }
  if (p) {
    parts.push(h('div', { class: 'decision', id: 'pending' }, h('span', { class: 'state-pending' }, p.action === 'correct' ? '✎ Correction not yet applied' : '✓ Verification not yet applied'),
      ' (' + p.reviewer + ', ' + fmtTime(p.at) + ') ',
      h('button', { id: 'undo', onclick: function () { undo(r, field); rerender(); } }, 'Undo')));
  }
  if (state.editing) {
    var input;
    if (f.kind === 'period') input = h('select', { id: 'edit-value' }, h('option', { value: 'implementation', selected: value === 'implementation' }, 'implementation'), h('option', { value: 'annual', selected: value === 'annual' }, 'annual'));
    else if (f.kind === 'text') input = h('textarea', { id: 'edit-value' });
    else input = h('input', { id: 'edit-value', type: 'text' });
    input.value = value === null ? '' : String(value);
    var note = h('input', { id: 'edit-note', type: 'text', placeholder: 'note (optional): why' });
    var save = function () {
      var parsed = parseInput(f, input.value);
      if (parsed.error) { state.editError = parsed.error; renderInspector(); var again = document.getElementById('edit-value'); again.value = input.value; again.focus(); return; }
      if (parsed.value === f.value) { state.editError = 'That is the value as read: use Verify instead.'; renderInspector(); return; }
      if (!needReviewer()) return;
      decide(r, f, 'correct', parsed.value, note.value.trim());
      state.editing = false; state.editError = '';
      rerender();
    };
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (f.kind !== 'text' || e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
      if (e.key === 'Escape') { e.preventDefault(); state.editing = false; state.editError = ''; renderInspector(); }
    });
    parts.push(h('div', { class: 'edit' }, input, note,
      state.editError ? h('div', { class: 'error', id: 'edit-error', role: 'alert' }, state.editError) : null,
      h('div', { class: 'actions' },
        h('button', { id: 'save', class: 'primary', onclick: save }, 'Save correction'),
        h('button', { id: 'cancel', onclick: function () { state.editing = false; state.editError = ''; renderInspector(); } }, 'Cancel'))));
    el.replaceChildren.apply(el, parts);
    input.focus();
    return;
  }
  parts.push(h('div', { class: 'actions' },
    h('button', { id: 'verify', title: 'the value is right as read (v)', onclick: verifySelected }, '✓ Verify'),
    f.correctable ? h('button', { id: 'correct', title: 'type the right value (e)', onclick: editSelected }, '✎ Correct') : null,
    state.editError ? h('span', { class: 'error', role: 'alert' }, state.editError) : null));
  el.replaceChildren.apply(el, parts);
}

function needReviewer() {
  if (state.reviewer) return true;
  state.editError = 'Type your name in the Reviewer box first: decisions record who made them.';
  renderInspector();
  var box = document.getElementById('reviewer');
  if (box) box.focus();
  return false;
}
function verifySelected() {
  if (!state.selected || !view) return;
  if (!needReviewer()) return;
  var f = view.fields[state.selected];
  var p = pendingOf(view.r.id, f.path);
  if (p && p.action === 'correct') { toast('This field has a correction not yet applied: Undo it first to verify the reading as it is.'); return; }
  decide(view.r, f, 'verify');
  state.editError = '';
  rerender();
}
function editSelected() {
  if (!state.selected || !view || !view.fields[state.selected].correctable) return;
  state.editing = true; state.editError = '';
  renderInspector();
}
/** Redraw the record view keeping the scroll places and the selection. */
function rerender() {
  var pages = document.getElementById('pages'), fields = document.getElementById('fields');
  var st = [pages ? pages.scrollTop : 0, fields ? fields.scrollTop : 0];
  renderRecord(state.recordId, state.selected);
  document.getElementById('pages').scrollTop = st[0];
  document.getElementById('fields').scrollTop = st[1];
}

function nextWarning(delta) {
  if (!view) return;
  var ws = view.r.warnings;
  var idx = [];
  ws.forEach(function (w, i) { if (w.field && view.fields[w.field]) idx.push(i); });
  if (!idx.length) { toast('This record has no warning on a field.'); return; }
  var at = idx.indexOf(state.warningCursor);
  var next = at < 0 ? (delta > 0 ? 0 : idx.length - 1) : (at + delta + idx.length) % idx.length;
  state.warningCursor = idx[next];
  select(ws[state.warningCursor].field, 'keyboard');
}

function keysFooter(which) {
  var keys = which === 'index'
    ? [['j', 'k', 'move'], ['Enter', null, 'open'], ['/', null, 'search']]
    : [['n', 'p', 'next / previous record'], ['w', 'W', 'next / previous warning'], ['v', null, 'verify'], ['e', null, 'correct'], ['i', null, 'index']];
  return h('footer', { class: 'keys' }, keys.map(function (k) {
    return h('span', null, h('kbd', null, k[0]), k[1] ? [' ', h('kbd', null, k[1])] : null, ' ' + k[2] + '  ');
  }));
}

// ---------------------------------------------------------------- keyboard and routing
document.addEventListener('keydown', function (e) {
  var t = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
  var k = e.key;
  if (view && state.recordId && location.hash.indexOf('#/record/') === 0) {
    if (k === 'n' || k === ']' || k === 'ArrowRight') { e.preventDefault(); step(1); }
    else if (k === 'p' || k === '[' || k === 'ArrowLeft') { e.preventDefault(); step(-1); }
    else if (k === 'w') { e.preventDefault(); nextWarning(1); }
    else if (k === 'W') { e.preventDefault(); nextWarning(-1); }
    else if (k === 'v') { e.preventDefault(); verifySelected(); }
    else if (k === 'e') { e.preventDefault(); editSelected(); }
    else if (k === 'i' || k === 'Escape') { e.preventDefault(); location.hash = '#/'; }
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#records tbody tr[data-id]'));
  var at = rows.indexOf(document.activeElement);
  if (k === 'j' || k === 'ArrowDown') { e.preventDefault(); (rows[at + 1] || rows[0]).focus(); }
  else if (k === 'k' || k === 'ArrowUp') { e.preventDefault(); (rows[at - 1] || rows[rows.length - 1]).focus(); }
  else if (k === '/') { e.preventDefault(); document.getElementById('filter-q').focus(); }
});

function render() {
  var m = /^#\/record\/([^/]+)(?:\/(.+))?$/.exec(location.hash);
  if (m) renderRecord(decodeURIComponent(m[1]), m[2] ? decodeURIComponent(m[2]) : null);
  else {
    var from = state.recordId;
    view = null; state.recordId = null; state.selected = null; state.editing = false;
    document.title = 'shenbao review';
    renderIndex();
    if (from) {
      var row = document.querySelector('#records tr[data-id="' + cssEscape(from) + '"]');
      if (row) { row.focus(); row.scrollIntoView({ block: 'center' }); }
    }
  }
}
window.addEventListener('hashchange', render);
render();
})();
`;
