/**
 * The moderator UI's stylesheet, served as /admin/assets/admin.css (a TS string, so the
 * build needs no copy step). Dense by design: a laptop screen shows 4–6 comments at once.
 * Colours meet WCAG AA contrast; focus is always visible.
 */
export const ADMIN_CSS = /* css */ `
:root {
  --bg: #f3f4f6; --panel: #fff; --ink: #111827; --muted: #4b5563; --line: #d1d5db;
  --brand: #1e3a5f; --brand-ink: #fff; --accent: #1d4ed8;
  --ok: #166534; --ok-bg: #dcfce7; --bad: #991b1b; --bad-bg: #fee2e2;
  --warn-bg: #fef08a; --block-bg: #fecaca; --focus: #f59e0b;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 6px 10px; z-index: 20; }
.skip:focus { left: 8px; }
button, input, select { font: inherit; color: inherit; }
button { cursor: pointer; border: 1px solid var(--line); background: #fff; border-radius: 4px; padding: 3px 10px; min-height: 28px; }
button:hover { background: #f9fafb; }
button.primary { background: var(--brand); color: #fff; border-color: var(--brand); }
button.approve { background: var(--ok); color: #fff; border-color: var(--ok); font-weight: 600; }
button.reject { background: var(--bad); color: #fff; border-color: var(--bad); font-weight: 600; }
button.link { border: 0; background: none; color: inherit; text-decoration: underline; padding: 0; min-height: 0; }
button[disabled] { opacity: .55; cursor: default; }
input[type=text], input[type=email], input[type=password], input[type=search], select {
  border: 1px solid #9ca3af; border-radius: 4px; padding: 3px 6px; min-height: 28px; background: #fff;
}
label { font-weight: 600; font-size: 13px; }
kbd { font: 12px ui-monospace, monospace; border: 1px solid #9ca3af; border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; background: #fff; }
form.inline { display: inline; margin: 0; }

.topbar { display: flex; align-items: center; gap: 18px; background: var(--brand); color: var(--brand-ink); padding: 0 16px; height: 44px; position: sticky; top: 0; z-index: 10; }
.topbar a { color: var(--brand-ink); }
.brand { font-weight: 700; text-decoration: none; white-space: nowrap; }
.topbar nav ul { display: flex; gap: 2px; list-style: none; margin: 0; padding: 0; }
.topbar nav a { display: block; padding: 11px 10px; text-decoration: none; }
.topbar nav a[aria-current=page] { background: rgba(255,255,255,.16); box-shadow: inset 0 -3px 0 #fbbf24; }
.who { margin-left: auto; display: flex; gap: 14px; align-items: center; font-size: 13px; }
.who .role { margin-left: 6px; font-size: 11px; background: rgba(255,255,255,.18); border-radius: 8px; padding: 1px 6px; }
main { padding: 12px 16px 60px; max-width: 1280px; margin: 0 auto; }
main:focus { outline: none; }
h1 { font-size: 18px; margin: 4px 0 10px; }
h2 { font-size: 15px; margin: 16px 0 8px; }
.hint { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }

.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--line); margin: 0 0 8px; padding: 0; list-style: none; }
.tabs a { display: inline-flex; gap: 6px; align-items: center; padding: 7px 12px; text-decoration: none; color: var(--muted); border: 1px solid transparent; border-bottom: 0; border-radius: 5px 5px 0 0; font-weight: 600; }
.tabs a[aria-current=page] { background: var(--panel); color: var(--ink); border-color: var(--line); margin-bottom: -1px; }
.count { background: #e5e7eb; color: var(--ink); border-radius: 9px; padding: 0 7px; font-size: 12px; min-width: 22px; text-align: center; }
.tabs a[aria-current=page] .count { background: var(--brand); color: #fff; }

.filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin-bottom: 8px; }
.filters div { display: flex; flex-direction: column; gap: 2px; }
.filters .grow { flex: 1 1 240px; }
.filters .grow input { width: 100%; }

.bulkbar { display: flex; gap: 10px; align-items: center; padding: 6px 10px; background: #e0e7ff; border: 1px solid #c7d2fe; border-radius: 6px; margin-bottom: 8px; position: sticky; top: 44px; z-index: 5; }
.bulkbar .sel { font-weight: 600; min-width: 90px; }
.bulkbar .keys { margin-left: auto; color: var(--muted); font-size: 12px; }

.banner { background: #fff7ed; border: 1px solid #fdba74; padding: 6px 10px; border-radius: 6px; margin-bottom: 8px; }
.cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.card { background: var(--panel); border: 1px solid var(--line); border-left: 4px solid #9ca3af; border-radius: 6px; padding: 8px 10px 8px 8px; display: grid; grid-template-columns: 26px 1fr auto; gap: 4px 10px; }
.card.v-review { border-left-color: #ca8a04; }
.card.v-block { border-left-color: #dc2626; }
.card.current { box-shadow: 0 0 0 2px var(--accent); }
.card.selected { background: #eef2ff; }
.card.done { opacity: .5; }
.card .pick { padding-top: 2px; }
.card .pick input { width: 17px; height: 17px; }
.meta { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 12.5px; color: var(--muted); align-items: baseline; }
.meta .author { font-weight: 700; color: var(--ink); font-size: 14px; display: inline; margin: 0; }
.meta .age { font-weight: 600; color: #92400e; }
.content { margin: 4px 0 2px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 14.5px; }
mark { background: var(--warn-bg); color: inherit; border-radius: 2px; padding: 0 1px; box-shadow: inset 0 -2px 0 #ca8a04; }
mark.t-block { background: var(--block-bg); box-shadow: inset 0 -2px 0 #dc2626; }
.reasons { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 2px 0; padding: 0; font-size: 12px; }
.chip { border-radius: 10px; padding: 0 8px; background: #fef9c3; border: 1px solid #fde047; }
.chip.t-block { background: var(--bad-bg); border-color: #fca5a5; }
.chip .tier { font-weight: 700; text-transform: uppercase; font-size: 10.5px; margin-left: 4px; }
.history { font-size: 12px; color: var(--muted); }
.actions { display: flex; flex-direction: column; gap: 4px; align-items: stretch; min-width: 170px; }
.actions .row { display: flex; gap: 4px; }
.actions .row button { flex: 1; }
.actions select { font-size: 12.5px; }
.actions .small { font-size: 12px; text-align: right; }
.state { font-size: 12.5px; font-weight: 600; margin: 0; max-width: 220px; }
.state:empty { display: none; }
.state.elsewhere { color: var(--bad); }
.status-approved { color: var(--ok); font-weight: 600; }
.status-rejected { color: var(--bad); font-weight: 600; }
.status-pending { color: #92400e; font-weight: 600; }
.pager { display: flex; gap: 12px; margin-top: 10px; }
.empty { background: var(--panel); border: 1px dashed var(--line); padding: 24px; text-align: center; border-radius: 6px; color: var(--muted); }

table { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line); font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
th { background: #f9fafb; font-size: 12px; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin-bottom: 12px; }
.form-grid { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; }
.form-grid div { display: flex; flex-direction: column; gap: 2px; }
.form-message { color: var(--bad); margin: 6px 0 0; font-weight: 600; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 10px; margin-bottom: 12px; }
.kpi { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.kpi .v { font-size: 26px; font-weight: 700; }
.kpi .l { color: var(--muted); font-size: 12.5px; }
.bar { height: 8px; background: #e5e7eb; border-radius: 4px; overflow: hidden; min-width: 80px; }
.bar span { display: block; height: 100%; background: #dc2626; }

.login { max-width: 360px; margin: 10vh auto; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 22px 24px; }
.login h1 { margin-top: 0; }
.login div { display: flex; flex-direction: column; gap: 3px; margin-bottom: 10px; }
.login input { min-height: 34px; }
.login button { width: 100%; min-height: 36px; }
.notice { background: #eff6ff; border: 1px solid #bfdbfe; padding: 6px 10px; border-radius: 5px; }
.error { background: var(--bad-bg); border: 1px solid #fca5a5; color: var(--bad); padding: 6px 10px; border-radius: 5px; }

.toasts { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); display: flex; flex-direction: column; gap: 6px; z-index: 30; }
.toast { background: #111827; color: #fff; padding: 8px 14px; border-radius: 6px; display: flex; gap: 14px; align-items: center; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.toast.bad { background: #7f1d1d; }
.toast button { background: #fff; color: #111827; border: 0; font-weight: 700; }
dialog { border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; max-width: 460px; }
dialog::backdrop { background: rgba(0,0,0,.35); }
dialog dl { display: grid; grid-template-columns: 90px 1fr; gap: 4px 10px; margin: 8px 0 12px; }
dialog dt { text-align: right; }
/* Only one of the two navigations is shown: the bar on wide screens, the menu below 1100 px. */
.nav-wide a, .who { white-space: nowrap; }
.topbar nav.nav-wide a { padding: 11px 8px; }
.topbar { flex-wrap: wrap; height: auto; min-height: 44px; row-gap: 0; }
.nav-narrow { display: none; }
.nav-narrow summary { cursor: pointer; list-style: none; padding: 0 12px; min-height: 44px; display: flex; align-items: center; border: 1px solid rgba(255,255,255,.5); border-radius: 4px; font-weight: 600; }
.nav-narrow summary::-webkit-details-marker { display: none; }
.nav-narrow summary::before { content: "☰"; margin-right: 6px; }
.nav-narrow[open] { position: static; }
.who-wide { margin-left: auto; }

/* Newsroom pages: articles, a comment's page, the readable audit. */
.articles { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.article { background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 6px; padding: 8px 10px; display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 320px); gap: 6px 14px; align-items: start; }
.article.closed { border-left-color: var(--bad); }
.article-title { font-size: 15px; margin: 0; overflow-wrap: anywhere; }
.article .hint { margin: 2px 0 0; overflow-wrap: anywhere; }
.article-counts { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 10px; }
.article-counts a { text-decoration: none; display: inline-flex; gap: 4px; align-items: center; }
.article-state p { margin: 0 0 4px; font-size: 13px; overflow-wrap: anywhere; }
.article-switch { display: flex; flex-wrap: wrap; gap: 6px; align-items: end; }
.article-switch div { display: flex; flex-direction: column; gap: 2px; flex: 1 1 180px; }
.comment-detail .content { font-size: 15px; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 8px 0 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.facts .parent, .facts .original { white-space: pre-wrap; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 14px; border-left: 2px solid var(--line); }
.timeline li { position: relative; padding: 4px 0 10px 8px; display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; }
.timeline li::before { content: ""; position: absolute; left: -21px; top: 9px; width: 10px; height: 10px; border-radius: 50%; background: var(--brand); }
.timeline time { color: var(--muted); font-size: 12.5px; }
.timeline .detail { color: var(--muted); overflow-wrap: anywhere; }
.timeline .edit { flex-basis: 100%; font-size: 13.5px; }
.timeline .edit p { margin: 2px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.timeline .edit .label { font-weight: 600; }
del { background: var(--bad-bg); color: var(--bad); }
ins { background: var(--ok-bg); color: var(--ok); text-decoration: none; }
td .excerpt { overflow-wrap: anywhere; }
td .by, td .article-title { color: var(--muted); font-size: 12.5px; }
td, th { overflow-wrap: anywhere; }
/* A card decided elsewhere reads as done without fading its text below 4.5:1. */
.card.done { opacity: 1; background: #eceef1; border-left-color: #6b7280; }
.card.done .content, .card.done .meta, .card.done .history { color: #374151; }

@media (max-width: 1100px) {
  .topbar { flex-wrap: wrap; height: auto; min-height: 48px; gap: 8px 12px; padding: 2px 12px; }
  .nav-wide { display: none; }
  .nav-narrow { display: block; margin-left: auto; }
  .nav-narrow[open] { flex-basis: 100%; margin: 0 0 8px; }
  .nav-narrow[open] summary { margin-left: auto; width: max-content; }
  .nav-narrow nav ul { list-style: none; margin: 6px 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 2px; }
  .nav-narrow nav a { display: flex; align-items: center; min-height: 44px; padding: 0 10px; text-decoration: none; border-radius: 4px; }
  .nav-narrow nav a[aria-current=page] { background: rgba(255,255,255,.16); box-shadow: inset 3px 0 0 #fbbf24; }
  .nav-narrow .who { flex-wrap: wrap; margin: 0; gap: 6px 14px; white-space: normal; }
  .nav-narrow .who a, .nav-narrow .who button.link { display: inline-flex; align-items: center; min-height: 44px; }
  .bulkbar { top: 48px; }
}
@media (max-width: 760px) {
  .card { grid-template-columns: 24px 1fr; }
  .actions { grid-column: 1 / -1; flex-direction: row; flex-wrap: wrap; }
  main { padding: 10px 10px 60px; }
  /* Tap targets: 44 px high at phone width. */
  button, select, input[type=text], input[type=email], input[type=password], input[type=search], .tabs a, .pager a { min-height: 44px; }
  .pager a { display: inline-flex; align-items: center; }
  .card .pick input { width: 24px; height: 24px; }
  /* One row of tabs that scrolls in itself (the page does not): five tabs in three rows pushed
     the first card's buttons below a phone's first screen. */
  .tabs { flex-wrap: nowrap; overflow-x: auto; overflow-y: hidden; scrollbar-width: thin; }
  .tabs li { flex: 0 0 auto; }
  .bulkbar { flex-wrap: wrap; gap: 6px 8px; position: static; padding: 6px 8px; }
  .bulkbar input[type=checkbox] { width: 24px; height: 24px; margin: 0; }
  .bulkbar .sel { min-width: 0; margin-left: auto; }
  .bulkbar button { flex: 1 1 40%; }
  .bulkbar select { flex: 1 1 100%; }
  .actions .row { flex: 1 1 100%; }
  .actions select { flex: 1 1 100%; }
  .bulkbar .keys { display: none; }
  .filters { padding: 6px 8px; gap: 4px 8px; }
  .filters div { flex: 1 1 140px; min-width: 0; }
  .form-grid div { flex: 1 1 100%; }
  .filters input, .filters select, .form-grid input, .form-grid select { width: 100%; }
  .login { margin: 4vh 12px; padding: 16px; }
  .login input, .login button { min-height: 44px; }
  .tabs a { padding: 4px 8px; }
  .article { grid-template-columns: minmax(0, 1fr); }
  /* Tables stack: each row a block, each cell a line, the page never scrolls sideways. */
  table, thead, tbody, tr, td { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  td { border: 0; padding: 2px 8px; }
  td.num { text-align: left; }
  .kpis { grid-template-columns: 1fr 1fr; }
  .toasts { left: 8px; right: 8px; transform: none; }
  dialog { max-width: calc(100vw - 16px); }
  dialog dl { grid-template-columns: 70px 1fr; }
}

/* ---- issue 14, queue side (r14-admin-queue): card context, folding, reports, editing ----
   Desktop rules only; the phone layout (390 px) of these is adapted by the pages' owner. */
.meta .article-link { font-weight: 600; color: var(--ink); }
.parent { font-size: 13px; color: var(--muted); border-left: 3px solid var(--line); padding: 0 0 0 8px; margin: 4px 0; }
.parent summary { cursor: pointer; overflow-wrap: anywhere; }
.parent .parent-text, .original .original-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; color: var(--ink); }
.content.folded { max-height: calc(8 * 1.45em); overflow: hidden; line-height: 1.45; -webkit-mask-image: linear-gradient(#000 75%, transparent); mask-image: linear-gradient(#000 75%, transparent); }
.card .fold { font-size: 13px; padding: 2px 0; }
.original { font-size: 13px; margin: 2px 0; }
.original summary { cursor: pointer; }
.reports { margin: 4px 0; font-size: 13px; background: var(--bad-bg); border: 1px solid #fca5a5; border-radius: 5px; padding: 3px 8px; }
.editor { display: flex; flex-direction: column; gap: 6px; margin: 4px 0; }
.editor textarea { width: 100%; box-sizing: border-box; font: inherit; font-size: 14.5px; padding: 6px 8px; }
.editor .row { display: flex; gap: 6px; }
.card[aria-busy=true] { opacity: .75; }
dialog .presets { margin: 4px 0 8px; padding-left: 0; list-style: none; }
`;
