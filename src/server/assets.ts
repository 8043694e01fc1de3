/**
 * The app's static files, all served from the package (no CDN: the app works offline): its style
 * sheet, the script that draws a KPI's trend with uPlot (the charting library bundled as a
 * dependency, read from its installed `dist/`), and uPlot's own script and styles.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One static file. */
export interface Asset {
  readonly type: string;
  readonly body: string;
}

const APP_CSS = `
:root { --green: #1b7a3d; --amber: #9a6400; --red: #b3261e; --ink: #1d1d1f; --muted: #5b5b66; --line: #d5d5dc; --bg: #fff; --focus: #0b57d0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); margin: 0; }
main, .crumbs, footer { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
.banner { display: flex; gap: 1rem; align-items: center; justify-content: space-between; padding: .5rem 1rem; border-bottom: 1px solid var(--line); }
.banner .brand a { font-weight: 700; text-decoration: none; color: var(--ink); }
.who { margin: 0 0 0 auto; } .signout { margin: 0; }
.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; padding: 0; }
.crumbs li + li::before { content: "›"; margin-right: .25rem; color: var(--muted); }
a { color: #0b4fb3; } a:focus-visible, button:focus-visible, select:focus-visible, textarea:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.perspective th { background: #f3f3f6; }
.scroll { overflow-x: auto; }
.status { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-weight: 600; color: #fff; white-space: nowrap; }
.status-green { background: var(--green); } .status-amber { background: var(--amber); } .status-red { background: var(--red); } .status-none { background: #6b6b75; }
.status-cell-green { box-shadow: inset 4px 0 var(--green); } .status-cell-amber { box-shadow: inset 4px 0 var(--amber); } .status-cell-red { box-shadow: inset 4px 0 var(--red); }
.muted { color: var(--muted); } .note, .notes { font-size: .9em; color: var(--muted); margin: .2rem 0; }
.notice { background: #fff6e0; border-left: 4px solid var(--amber); padding: .4rem .6rem; }
.error { background: #fdecea; border-left: 4px solid var(--red); padding: .4rem .6rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dd { margin: 0; }
dl.row { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.row dd { margin: 0; }
.chart { min-height: 320px; margin: 1rem 0; }
textarea { display: block; width: 100%; max-width: 40rem; margin: .25rem 0; font: inherit; }
label { display: block; font-weight: 600; }
form.period label, form.period select { display: inline; }
pre { background: #f6f6f8; padding: .75rem; overflow-x: auto; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; color: var(--muted); }
`;

// Reads the JSON of the page, draws value, target and the green/amber levels, the bands between
// them shaded, and the latest status in the legend. No data leaves the page; no network.
const CHART_JS = `(function () {
  var el = document.getElementById('kpi-chart');
  var src = document.getElementById('trend-data');
  if (!el || !src || typeof uPlot === 'undefined') return;
  var d = JSON.parse(src.textContent);
  var xs = d.periods.map(function (_, i) { return i; });
  var fmt = function (v) {
    if (v == null) return '—';
    if (d.unit === 'percent') return (v * 100).toFixed(1) + '%';
    return Math.abs(v) >= 1000 ? Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(v) : String(Math.round(v * 100) / 100);
  };
  var hasLevels = d.green.some(function (v) { return v != null; });
  var series = [
    { label: 'Period', value: function (u, i) { return i == null ? '' : d.periods[i]; } },
    { label: d.title, stroke: '#0b4fb3', width: 3, points: { size: 7 }, value: function (u, v) { return fmt(v); } },
    { label: 'Target', stroke: '#1d1d1f', dash: [6, 4], width: 2, value: function (u, v) { return fmt(v); } },
  ];
  var data = [xs, d.value, d.target];
  var bands = [];
  if (hasLevels) {
    series.push({ label: 'Green from', stroke: '#1b7a3d', width: 1, value: function (u, v) { return fmt(v); } });
    series.push({ label: 'Amber from', stroke: '#9a6400', width: 1, value: function (u, v) { return fmt(v); } });
    data.push(d.green, d.amber);
    bands.push(d.better === 'higher' ? { series: [3, 4], fill: 'rgba(154,100,0,0.12)' } : { series: [4, 3], fill: 'rgba(154,100,0,0.12)' });
  }
  var width = Math.max(320, Math.min(el.clientWidth || 900, 1100));
  new uPlot({
    width: width, height: 320, bands: bands, series: series,
    scales: { x: { time: false } },
    axes: [{ values: function (u, ticks) { return ticks.map(function (t) { return d.periods[t] || ''; }); }, incrs: [1] }, { values: function (u, ticks) { return ticks.map(fmt); }, size: 70 }],
  }, data, el);
  el.setAttribute('data-drawn', 'true');
})();
`;

const require = createRequire(import.meta.url);

function uplotFile(name: string): string {
  const main = require.resolve('uplot');
  return readFileSync(path.join(path.dirname(main), name), 'utf8');
}

let cache: ReadonlyMap<string, Asset> | undefined;

/** The assets by file name under /assets/. */
export function assets(): ReadonlyMap<string, Asset> {
  cache ??= new Map<string, Asset>([
    ['app.css', { type: 'text/css', body: APP_CSS }],
    ['kpi-chart.js', { type: 'text/javascript', body: CHART_JS }],
    ['uPlot.iife.min.js', { type: 'text/javascript', body: uplotFile('uPlot.iife.min.js') }],
    ['uPlot.min.css', { type: 'text/css', body: uplotFile('uPlot.min.css') }],
  ]);
  return cache;
}
