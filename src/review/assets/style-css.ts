/** The review page's stylesheet. */
export const STYLE_CSS = String.raw`
:root {
  --fg: #1d2330; --muted: #5d6576; --line: #d8dce4; --bg: #f6f7f9; --panel: #fff;
  --accent: #1f6feb; --accent-bg: rgba(31, 111, 235, 0.16);
  --warn: #c2410c; --warn-bg: rgba(234, 88, 12, 0.14);
  --ok: #15803d; --ok-bg: rgba(22, 163, 74, 0.14);
  --fix: #7c3aed; --fix-bg: rgba(124, 58, 237, 0.14);
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 14px; color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
button, input, select, textarea { font: inherit; }
button { cursor: pointer; border: 1px solid var(--line); background: var(--panel); border-radius: 6px; padding: 4px 10px; }
button:hover:not(:disabled) { border-color: var(--accent); }
button:disabled { opacity: 0.5; cursor: default; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
input, select, textarea { border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; background: #fff; }
kbd { font-family: ui-monospace, monospace; font-size: 11px; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }

header.top { display: flex; align-items: center; gap: 16px; padding: 8px 16px; background: #fff; border-bottom: 1px solid var(--line); height: 52px; }
header.top h1 { font-size: 16px; margin: 0; white-space: nowrap; }
header.top h1 a { color: inherit; text-decoration: none; }
header.top .selection { color: var(--muted); flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
header.top label { color: var(--muted); display: flex; align-items: center; gap: 6px; }
header.top .failed { color: var(--warn); }

.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 12px 16px; }
.filters label { display: flex; align-items: center; gap: 6px; color: var(--muted); }
.filters .count { margin-left: auto; color: var(--muted); }
.table-wrap { padding: 0 16px 24px; }
table.records { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
table.records th, table.records td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.records th { background: #eef1f5; font-weight: 600; white-space: nowrap; user-select: none; }
table.records th[data-sort] { cursor: pointer; }
table.records th.sorted::after { content: " ▲"; font-size: 10px; }
table.records th.sorted.desc::after { content: " ▼"; }
table.records tbody tr { cursor: pointer; }
table.records tbody tr:hover, table.records tbody tr:focus { background: var(--accent-bg); outline: none; }
table.records td.file { color: var(--muted); white-space: nowrap; }
table.records td.dept { white-space: nowrap; }
.chip { display: inline-block; margin: 1px 4px 1px 0; padding: 0 6px; border-radius: 10px; background: var(--warn-bg); color: var(--warn); font-size: 12px; white-space: nowrap; cursor: pointer; }
.chip.review { border: 1px dashed var(--warn); }
.none { color: var(--muted); }
.state-ok { color: var(--ok); } .state-fix { color: var(--fix); } .state-pending { color: var(--accent); }
.empty { padding: 32px; text-align: center; color: var(--muted); }

nav.recordnav { display: flex; align-items: center; gap: 10px; padding: 6px 16px; background: #fff; border-bottom: 1px solid var(--line); height: 42px; }
nav.recordnav .meta { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; }
nav.recordnav .pos { white-space: nowrap; }
.layout { display: flex; height: calc(100vh - 94px); }
.pages-pane { flex: 0 0 56%; overflow: auto; padding: 12px; border-right: 1px solid var(--line); background: #e9ecf1; }
.side { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.fields-pane { flex: 1; overflow: auto; padding: 0 16px 48px; }
figure.page { margin: 0 0 16px; }
figure.page figcaption { color: var(--muted); font-size: 12px; margin-bottom: 4px; }
.sheet { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); width: 100%; }
.sheet img { display: block; width: 100%; height: 100%; position: absolute; inset: 0; }
.sheet.blank { background: repeating-linear-gradient(45deg, #fff, #fff 12px, #f3f4f6 12px, #f3f4f6 24px); }
.sheet .blank-note { position: absolute; left: 8px; right: 8px; top: 8px; color: var(--warn); font-size: 12px; background: #fff; padding: 4px 6px; border: 1px solid var(--warn-bg); }
.page-note { color: var(--warn); background: #fff7ed; border: 1px solid #fed7aa; padding: 6px 10px; margin-bottom: 12px; border-radius: 6px; }
.box { position: absolute; border: 1px solid rgba(31, 111, 235, 0.35); background: transparent; cursor: pointer; }
.box.warn { border-color: rgba(234, 88, 12, 0.7); background: rgba(234, 88, 12, 0.07); }
.box.verified { border-color: rgba(22, 163, 74, 0.6); }
.box.corrected { border-color: rgba(124, 58, 237, 0.7); }
.box.pending { border: 1px dashed var(--accent); }
.box.hover { border: 2px solid var(--accent); background: var(--accent-bg); z-index: 5; }
.box.selected { border: 3px solid var(--accent); background: rgba(31, 111, 235, 0.22); z-index: 6; box-shadow: 0 0 0 3px rgba(31, 111, 235, 0.25); }

.fields-pane h2 { font-size: 14px; margin: 18px 0 6px; color: var(--muted); font-weight: 600; }
.inspector { flex: 0 0 auto; max-height: 45%; overflow: auto; margin: 12px 16px 4px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.06); }
.inspector .hint { color: var(--muted); }
.inspector .label { font-weight: 600; }
.inspector .path { color: var(--muted); margin-left: 6px; }
.inspector .value { margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 7.5em; overflow: auto; }
.inspector .where { color: var(--muted); font-size: 12px; }
.inspector .actions { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; align-items: center; }
.inspector .edit { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
.inspector .edit textarea { min-height: 5em; resize: vertical; }
.inspector .error { color: #b91c1c; }
.inspector .decision { margin-top: 6px; font-size: 13px; }
.inspector ul { margin: 4px 0; padding-left: 18px; }

ul.warnings { list-style: none; margin: 0; padding: 0; }
ul.warnings li { border-left: 3px solid var(--warn); background: #fff; padding: 6px 10px; margin-bottom: 6px; border-radius: 0 6px 6px 0; cursor: pointer; }
ul.warnings li.current { outline: 2px solid var(--accent); }
ul.warnings li.resolved { border-left-color: var(--ok); opacity: 0.75; }
ul.warnings li .code { font-weight: 600; color: var(--warn); margin-right: 6px; }
ul.warnings li .origin { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; margin-right: 6px; }
ul.warnings li .raw { display: block; color: var(--muted); margin-top: 2px; overflow-wrap: anywhere; }

table.kv, table.grid { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
table.kv th, table.grid th { text-align: left; font-weight: 500; color: var(--muted); background: #f3f5f8; padding: 4px 8px; border: 1px solid var(--line); width: 1%; white-space: nowrap; vertical-align: top; }
table.grid th { width: auto; }
table.kv td, table.grid td { padding: 0; border: 1px solid var(--line); vertical-align: top; }
.field { padding: 4px 8px; min-height: 26px; cursor: pointer; overflow-wrap: anywhere; white-space: pre-wrap; border: 2px solid transparent; }
.field:focus { outline: none; }
.field.amount { text-align: right; font-variant-numeric: tabular-nums; }
.field.blank .v { color: var(--muted); }
.field.warn { background: var(--warn-bg); }
.field.verified { box-shadow: inset 3px 0 0 var(--ok); }
.field.corrected { box-shadow: inset 3px 0 0 var(--fix); }
.field.pending { box-shadow: inset 3px 0 0 var(--accent); }
.field.noprov { color: var(--muted); }
.field.hover { border-color: var(--accent); background: var(--accent-bg); }
.field.selected { border-color: var(--accent); background: rgba(31, 111, 235, 0.22); }
.field .badge { font-size: 11px; margin-left: 4px; }
.field .parsed { display: block; color: var(--muted); font-size: 11px; }
.field.text { max-height: 9em; overflow: auto; }
footer.keys { position: fixed; bottom: 0; right: 0; background: rgba(255, 255, 255, 0.95); border-top-left-radius: 8px; border: 1px solid var(--line); padding: 4px 10px; color: var(--muted); font-size: 12px; }
.toast { position: fixed; bottom: 40px; left: 50%; transform: translateX(-50%); background: #1d2330; color: #fff; padding: 6px 14px; border-radius: 6px; }
`;
