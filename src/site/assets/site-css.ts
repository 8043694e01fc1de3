/** The site's one stylesheet (assets/site.css): no web fonts, no external files. */
export const SITE_CSS = `:root {
  --fg: #1d2330; --muted: #5d6575; --line: #d9dde5; --bg: #ffffff; --soft: #f4f6f9; --accent: #1f5fbf;
  --kpi: #e8f0fe; --kpi-line: #5b8def; --src: #e9f6ec; --src-line: #3f9a57; --col: #f3f4f6; --col-line: #9aa1ad;
  --file: #fdf3e3; --file-line: #c98a2b; --use: #f6ecfb; --use-line: #9a58c2; --look: #fff7d6; --look-line: #b59a16;
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 10px 24px; background: #15233b; color: #fff; }
header.top a { color: #dfe7f5; }
header.top .brand { font-weight: 600; color: #fff; }
header.top nav { display: flex; gap: 16px; flex-wrap: wrap; }
header.top nav a.active { color: #fff; border-bottom: 2px solid #8fb3ff; }
form.search { margin-left: auto; position: relative; }
form.search input { width: 280px; padding: 6px 10px; border-radius: 4px; border: 1px solid #4a5b78; background: #0f1a2d; color: #fff; }
.dropdown { position: absolute; right: 0; top: 36px; width: 420px; background: #fff; color: var(--fg); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.15); z-index: 10; list-style: none; margin: 0; padding: 4px 0; }
.dropdown li a { display: block; padding: 6px 12px; color: var(--fg); }
.dropdown li a:hover, .dropdown li a:focus { background: var(--soft); text-decoration: none; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h1 code, .id { font-size: 15px; color: var(--muted); font-weight: normal; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
p.lead { font-size: 16px; max-width: 860px; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 5px 12px 5px 0; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); font-size: 13px; }
table.facts th { width: 150px; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
pre { margin: 0; }
pre code { display: block; white-space: pre; padding: 6px 8px; }
code.formula { display: block; white-space: pre-wrap; padding: 10px 12px; border: 1px solid var(--line); font-size: 14px; }
code.formula .kw { color: #8a3ab9; font-weight: 600; }
code.formula .fn { color: #0b6e6e; }
code.formula .lit { color: #a14a00; }
code.formula .op { color: #555; }
code.formula .cm { color: #6b7a8f; font-style: italic; }
code.formula a.kpi { color: #1f5fbf; font-weight: 600; }
code.formula a.src, code.formula a.lk { color: #2c7a3f; font-weight: 600; }
code.formula a.nm { color: #1d2330; border-bottom: 1px dotted #7d8aa3; }
.badge { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 10px; background: var(--soft); border: 1px solid var(--line); color: var(--muted); margin-right: 4px; }
.badge.active { background: #e6f4ea; border-color: #9bd1a9; color: #1e6b34; }
.badge.draft { background: #fff4e0; border-color: #f0c47a; color: #8a5800; }
.badge.pilot { background: #e8f0fe; border-color: #9fbdf5; color: #1f4fa3; }
.badge.deprecated, .badge.retired { background: #fde8e8; border-color: #f0a5a5; color: #9b1c1c; }
.figure { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 12px; background: #fcfdff; }
svg.lineage, svg.trend { max-width: 100%; height: auto; }
svg.lineage .node rect { fill: var(--col); stroke: var(--col-line); }
svg.lineage .node text { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; fill: var(--fg); }
svg.lineage .node.kpi rect { fill: var(--kpi); stroke: var(--kpi-line); }
svg.lineage .node.source rect { fill: var(--src); stroke: var(--src-line); }
svg.lineage .node.file rect { fill: var(--file); stroke: var(--file-line); }
svg.lineage .node.lookup rect { fill: var(--look); stroke: var(--look-line); }
svg.lineage .node.scorecard rect, svg.lineage .node.role rect, svg.lineage .node.plan rect, svg.lineage .node.alert rect, svg.lineage .node.check rect { fill: var(--use); stroke: var(--use-line); }
svg.lineage .node.focal rect { stroke-width: 2.5; stroke: #15233b; }
svg.lineage .node.focal text { font-weight: 700; }
svg.lineage a:hover rect { stroke: #15233b; }
svg.lineage .edge { fill: none; stroke: #b6bfcc; stroke-width: 1.2; }
svg.lineage .edge.near { stroke: #6f7f99; stroke-width: 1.6; }
svg.lineage .stage { font: 600 11px system-ui, sans-serif; fill: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
svg.trend .axis { stroke: var(--line); }
svg.trend .line { fill: none; stroke: var(--accent); stroke-width: 2; }
svg.trend .point { fill: var(--accent); }
svg.trend .tick { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg.trend .latest { font: 600 12px system-ui, sans-serif; fill: var(--fg); }
ul.links { padding-left: 18px; }
ul.results { list-style: none; padding: 0; }
ul.results li { padding: 10px 0; border-bottom: 1px solid var(--line); }
ul.results li p { margin: 4px 0 0; color: var(--muted); }
.kind { display: inline-block; min-width: 96px; margin-right: 6px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.card b { display: block; font-size: 22px; }
footer { max-width: 1180px; margin: 0 auto; padding: 16px 24px 32px; color: var(--muted); font-size: 13px; }
@media print { header.top, form.search { display: none; } }
`;
