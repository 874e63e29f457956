// The audit log as one self-contained HTML page: the chain's verdict on top, every change field by field, a filter.
import { html, trusted, type SafeHtml } from '../documents/html.js';
import { fieldLine, shownTime, type DescribedChange } from './field-changes.js';

/** What the page shows. */
export interface AuditPage {
  readonly changes: readonly DescribedChange[];
  /** How many entries matched before the page kept only the newest `changes`. */
  readonly matched: number;
  /** The chain's verdict, one sentence; `ok` false shows it as a warning. */
  readonly verdict: { readonly ok: boolean; readonly text: string };
  /** The entity filter the page opens with (null: none). */
  readonly entity: string | null;
  /** Who the page is shown to, and when (ISO time). */
  readonly viewer: string;
  readonly at: string;
  /** The CSP nonce of the page's one inline style and one inline script (base64 from a fresh random value). */
  readonly nonce: string;
}

/** The Content-Security-Policy of the page: nothing but its own inline style and script, no request of any kind. */
export function auditPageCsp(nonce: string): string {
  return [
    "default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, "img-src 'none'",
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1d2733;background:#f5f7fa}
header{background:#0b3d63;color:#fff;padding:14px 24px}
h1{font-size:20px;margin:0 0 6px}
.verdict{display:inline-block;margin:4px 0;padding:4px 10px;border-radius:4px;font-weight:600}
.verdict.ok{background:#d9f2e3;color:#0f5132}.verdict.broken{background:#fde2e1;color:#842029}
.meta{margin:4px 0 0;opacity:.85;font-size:13px}
main{padding:12px 24px 24px}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:0 0 12px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:#4a5a6a}
.filters input{font:inherit;padding:4px 6px;border:1px solid #b8c4d0;border-radius:4px;min-width:150px}
#shown{font-size:13px;color:#4a5a6a;margin-left:auto}
table{width:100%;border-collapse:collapse;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.08)}
th,td{text-align:left;vertical-align:top;padding:6px 10px;border-bottom:1px solid #e3e8ee}
th{background:#eef2f6;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#4a5a6a}
td.when,td.source,td.record{white-space:nowrap}
.op{display:inline-block;padding:1px 6px;border-radius:3px;font-size:12px;background:#e7eef6}
tr.refused{background:#fff1f0}tr.refused .op{background:#c62828;color:#fff}
tr.tombstone .op{background:#555;color:#fff}
ul.fields{margin:0;padding:0;list-style:none}
.note{font-style:italic;color:#6a4a00}
.none{padding:16px;color:#4a5a6a}
`;

/** The filter: actor and entity as typed (case-insensitive), days from and to; rows carry what it compares. */
const SCRIPT = `
(function () {
  var rows = [].slice.call(document.querySelectorAll('tr.entry'));
  var field = function (id) { return document.getElementById(id); };
  function apply() {
    var actor = field('f-actor').value.trim().toLowerCase();
    var entity = field('f-entity').value.trim().toLowerCase();
    var from = field('f-from').value;
    var to = field('f-to').value;
    var shown = 0;
    rows.forEach(function (row) {
      var rowEntity = row.getAttribute('data-entity').toLowerCase();
      var day = row.getAttribute('data-day');
      var entityMatches = !entity || rowEntity === entity || rowEntity.indexOf(entity + '/') === 0 ||
        (entity.indexOf('/') < 0 && rowEntity.indexOf(entity) >= 0);
      var match = (!actor || row.getAttribute('data-actor').toLowerCase().indexOf(actor) >= 0) && entityMatches &&
        (!from || day >= from) && (!to || day <= to);
      row.hidden = !match;
      if (match) shown++;
    });
    field('shown').textContent = shown + ' of ' + rows.length + ' shown';
    field('nothing').hidden = shown !== 0;
  }
  field('filters').addEventListener('submit', function (event) { event.preventDefault(); });
  field('filters').addEventListener('input', apply);
  apply();
})();
`;

function detail(change: DescribedChange): SafeHtml {
  const lines = change.fields.map((field) => html`<li>${fieldLine(field, change.op)}</li>`);
  return html`${change.note === null ? null : html`<div class="note">${change.note}</div>`}${lines.length === 0 ? null : html`<ul class="fields">${lines}</ul>`}`;
}

function row(change: DescribedChange): SafeHtml {
  return html`<tr class="entry ${change.op}" data-actor="${change.actor}" data-entity="${change.entity}" data-day="${change.at.slice(0, 10)}">
<td class="when">${shownTime(change.at)}</td><td>${change.actor}</td><td class="source">${change.source}</td><td class="record">${change.entity}</td>
<td><span class="op">${change.op}</span></td><td>${detail(change)}</td></tr>`;
}

/** The page: every value escaped; its only style and script carry the nonce `auditPageCsp` allows. */
export function renderAuditPage(page: AuditPage): string {
  const actors = [...new Set(page.changes.map((change) => change.actor))].sort();
  const kept = page.matched > page.changes.length ? ` (the newest ${page.changes.length} of ${page.matched}; the CLI lists them all)` : '';
  const body = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>CCEG IG audit log${page.entity === null ? '' : ` – ${page.entity}`}</title>
<style nonce="${page.nonce}">${trusted(CSS)}</style></head>
<body><header><h1>CCEG IG audit log</h1>
<div class="verdict ${page.verdict.ok ? 'ok' : 'broken'}" id="verdict">${page.verdict.text}</div>
<p class="meta">Shown to ${page.viewer} at ${shownTime(page.at)}. ${page.changes.length} change${page.changes.length === 1 ? '' : 's'}${kept}, oldest first; refused changes are highlighted.</p></header>
<main><form id="filters" class="filters" autocomplete="off">
<label>Actor<input id="f-actor" list="actors" placeholder="e-mail"></label>
<label>Record (Tab/ID or Tab)<input id="f-entity" value="${page.entity ?? ''}" placeholder="Roster/P-0001"></label>
<label>From<input id="f-from" type="date"></label><label>To<input id="f-to" type="date"></label>
<span id="shown">${page.changes.length} of ${page.changes.length} shown</span></form>
<datalist id="actors">${actors.map((actor) => html`<option value="${actor}">`)}</datalist>
<table><thead><tr><th>When</th><th>Who</th><th>Source</th><th>Record</th><th>Change</th><th>Fields</th></tr></thead>
<tbody>${page.changes.map(row)}</tbody></table>
<p class="none" id="nothing" hidden>No change matches the filter.</p></main>
<script nonce="${page.nonce}">${trusted(SCRIPT)}</script></body></html>
`;
  return body.text;
}

/** A small page saying why the audit page cannot be shown (an expired link, not on the allow-list). */
export function renderAuditRefusal(title: string, message: string): string {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>${message}</p></body></html>
`.text;
}
