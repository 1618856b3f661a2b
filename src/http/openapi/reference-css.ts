/** The stylesheet of /docs: a sidebar of operations, cards, schemas in monospace. */
export const REFERENCE_CSS = `
:root { color-scheme: light; --fg: #1d232b; --muted: #5b6470; --line: #dde2e8; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; display: grid; grid-template-columns: 19rem 1fr; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); }
nav { position: sticky; top: 0; height: 100vh; overflow-y: auto; padding: 1rem; border-right: 1px solid var(--line); background: var(--panel); font-size: 13px; }
nav ul { list-style: none; margin: 0 0 .5rem; padding: 0; }
nav li a { display: block; padding: .1rem 0; color: var(--fg); text-decoration: none; word-break: break-all; }
nav li a:hover { text-decoration: underline; }
nav .title { font-size: 17px; font-weight: 600; margin-top: 0; }
nav .tag { font-weight: 600; margin: 1rem 0 .25rem; }
.version { color: var(--muted); font-weight: 400; }
main { padding: 1rem 2rem 4rem; max-width: 70rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { margin: 0 0 .5rem; font-size: 16px; word-break: break-all; }
h4 { margin: 1rem 0 .25rem; font-size: 13px; text-transform: uppercase; color: var(--muted); }
.operation { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.method { display: inline-block; min-width: 3.2rem; padding: 0 .3rem; border-radius: 3px; font: 600 12px/1.6 ui-monospace, monospace; text-align: center; color: #fff; background: #57606a; }
.method.get { background: #1a7f37; } .method.post { background: #0969da; } .method.put, .method.patch { background: #9a6700; } .method.delete { background: #cf222e; }
.security { color: var(--muted); font-size: 13px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
pre.schema { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; overflow-x: auto; margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .25rem .5rem .25rem 0; vertical-align: top; }
dl.answers { display: grid; grid-template-columns: 4rem 1fr; gap: .25rem .5rem; margin: 0; }
dl.answers dd { margin: 0; }
.status { font: 600 13px ui-monospace, monospace; } .s2 { color: #1a7f37; } .s3 { color: #57606a; } .s4 { color: #9a6700; } .s5 { color: #cf222e; }
.media-type { color: var(--muted); }
dl.schemes dt { font-weight: 600; } dl.schemes dd { margin: 0 0 .5rem 1rem; }
@media (max-width: 50rem) { body { display: block; } nav { position: static; height: auto; } }
`;
