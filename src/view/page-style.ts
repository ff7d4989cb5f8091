/**
 * The page's CSS, inlined in a `<style>` so the file works offline. The report's text is
 * one `white-space: pre-wrap` block whose elements are all inline: the input's own line
 * ends make the lines. Markers and tooltips are CSS generated content, so they never enter
 * the text content. Tooltips show on hover, which phone browsers give on a tap.
 */
export const PAGE_STYLE = `
:root {
  --slogan: #fde0dc; --slogan-line: #c62828;
  --placeholder: #fff1a8; --placeholder-line: #a67c00;
  --metric: #dbeafe; --metric-line: #1d4ed8;
  --target: #dcfce7; --target-line: #15803d;
  --error: #d32f2f; --warning: #ef6c00; --info: #607d8b;
  --ink: #1f2328; --muted: #667085; --paper: #fff; --ground: #f5f6f8; --rule: #d8dce3;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { margin: 0; color: var(--ink); background: var(--ground);
  font: 16px/1.75 system-ui, -apple-system, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header.facts { background: var(--paper); border-bottom: 1px solid var(--rule); padding: .75rem 1rem; }
.doc-title { font-size: 1.35rem; font-weight: 700; margin: 0; }
.file-name { margin: 0; color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
.facts dl { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: .5rem 0; font-size: .9rem; }
.facts dl div { display: flex; gap: .35rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; font-size: .85rem; color: var(--muted); }
.swatch { padding: 0 .3em; border-radius: 3px; color: var(--ink); }
.swatch-slogan, mark.slogan { background: var(--slogan); box-shadow: inset 0 -2px var(--slogan-line); }
.swatch-placeholder, mark.placeholder { background: var(--placeholder); box-shadow: inset 0 -2px var(--placeholder-line); }
.swatch-metric, mark.metric { background: var(--metric); box-shadow: inset 0 -2px var(--metric-line); }
.swatch-metric-target, mark.metric.stance-target { background: var(--target); box-shadow: inset 0 -2px var(--target-line); }
.swatch-message { text-decoration: underline wavy var(--warning); }
.layout { display: grid; grid-template-columns: minmax(12rem, 17rem) minmax(0, 1fr) minmax(12rem, 19rem);
  gap: 1rem; max-width: 92rem; margin: 0 auto; padding: 1rem; align-items: start; }
nav.outline, aside.messages { position: sticky; top: 0; max-height: 100vh; overflow: auto; font-size: .85rem;
  background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .75rem; }
summary { font-weight: 700; cursor: pointer; }
nav.outline ol { list-style: none; margin: 0; padding-left: .9rem; }
nav.outline > details > ol { padding-left: 0; }
nav.outline a { display: block; color: var(--ink); text-decoration: none; padding: .1rem 0; line-height: 1.4; }
nav.outline a:hover { color: var(--metric-line); }
.outline-marker { color: var(--muted); }
li.role-problems > a { border-left: 3px solid var(--warning); padding-left: .3rem; }
li.role-plans > a { border-left: 3px solid var(--target-line); padding-left: .3rem; }
aside.messages ol { margin: 0; padding-left: 1.2rem; }
aside.messages li { margin: .25rem 0; line-height: 1.4; }
aside.messages a { color: inherit; text-decoration: none; display: block; }
aside.messages a:hover .reason { text-decoration: underline; }
.where, .rule { color: var(--muted); font-size: .8rem; }
.severity { font-size: .75rem; text-transform: uppercase; font-weight: 700; }
li.severity-error .severity { color: var(--error); }
li.severity-warning .severity { color: var(--warning); }
li.severity-info .severity { color: var(--info); }
.empty { color: var(--muted); margin: .25rem 0; }
main.report-text { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--paper); border: 1px solid var(--rule);
  border-radius: 6px; padding: 1rem 1.25rem; min-width: 0; }
main.report-text section, main.report-text div, main.report-text p { display: inline; margin: 0; }
main.report-text h1, main.report-text h2, main.report-text h3, main.report-text h4, main.report-text h5, main.report-text h6 {
  display: inline; margin: 0; line-height: 1.6; }
main.report-text h1 { font-size: 1.5rem; }
main.report-text h2 { font-size: 1.2rem; }
main.report-text h3 { font-size: 1.08rem; }
main.report-text h4, main.report-text h5, main.report-text h6 { font-size: 1rem; }
.heading-marker { color: var(--metric-line); }
.debris { color: var(--muted); text-decoration: line-through; }
mark { color: inherit; border-radius: 2px; position: relative; }
[data-tip]:hover::after {
  content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10; margin-top: 2px;
  background: #1f2328; color: #fff; font-size: .75rem; font-weight: 400; line-height: 1.4; padding: .15rem .45rem;
  border-radius: 4px; white-space: nowrap; pointer-events: none; }
span.message, span.message-point { position: relative; }
span.message { text-decoration: underline wavy var(--warning); text-decoration-skip-ink: none; text-underline-offset: 3px; }
span.message.severity-error { text-decoration-color: var(--error); }
span.message.severity-info { text-decoration-color: var(--info); }
span.message-point::before { content: "▾"; color: var(--warning); font-size: .8em; vertical-align: super; }
span.message-point.severity-error::before { color: var(--error); }
.current, :target { outline: 2px solid var(--error); outline-offset: 1px; background: #fff3f0; }
@media (max-width: 60rem) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: .5rem; }
  nav.outline, aside.messages { position: static; max-height: none; }
  nav.outline details:not([open]) { padding: 0; }
  main.report-text { padding: .75rem; }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  nav.outline { display: none; }
  .layout { display: block; padding: 0; }
  main.report-text { border: 0; padding: 0; }
  aside.messages { position: static; max-height: none; border: 0; margin-top: 1rem; }
  [data-tip]::after { display: none; }
  mark, .swatch, span.message { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
