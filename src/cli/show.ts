/**
 * `kpic show [KPI]`: the catalog's KPIs for analysts, from the command line. Without a KPI, one
 * line per KPI (unit, finest grain, horizon, status, title); with one, everything needed to use it
 * — formula and settings, sources, the dimensions it can be broken down by, dependencies and
 * users (see kpi-info.ts). Text or JSON on stdout; reads no data.
 */
import path from 'node:path';
import { didYouMean } from '../diagnostics/suggest.js';
import { checkScorecards } from '../scorecard/check.js';
import { largest } from '../results/largest.js';
import type { ParsedFlags } from './args.js';
import { type CatalogSession } from './catalog-session.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { kpiDimensions, kpiInfo, type KpiInfo } from './kpi-info.js';
import { progressFor, streamStyle, usageError } from './report.js';
import { openValidCatalog } from './request.js';

const NONE = '—';

const list = (items: readonly string[]): string => (items.length === 0 ? NONE : items.join(', '));

/**
 * Aligned columns, each line trimmed; the header in bold when `bold` styles. Widths are found
 * without a spread into `Math.max`, which overflows the call stack past about 120,000 rows.
 */
export function columns(rows: readonly (readonly string[])[], bold: (t: string) => string): string {
  const widths = (rows[0] ?? []).map((_, i) =>
    largest(
      rows.map((r) => [...(r[i] ?? '')].length),
      0,
    ),
  );
  return rows
    .map((r, n) => {
      const line = r.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length))).join('  ');
      return n === 0 ? bold(line.trimEnd()) : line.trimEnd();
    })
    .join('\n');
}

/** Words of `text` in lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

function usedByText(info: KpiInfo): string {
  const parts: string[] = [];
  if (info.usedBy.kpis.length > 0) parts.push(`KPIs ${info.usedBy.kpis.join(', ')}`);
  if (info.usedBy.targets.length > 0) parts.push(`targets of ${info.usedBy.targets.join(', ')}`);
  if (info.usedBy.lookups.length > 0) parts.push(`lookups ${info.usedBy.lookups.join(', ')}`);
  if (info.usedBy.scorecards.length > 0)
    parts.push(info.usedBy.scorecards.map((u) => `${u.kind} ${u.id} (${u.perspective.replace('_', ' ')})`).join(', '));
  return parts.length === 0 ? NONE : parts.join('; ');
}

function describe(info: KpiInfo, where: string, bold: (t: string) => string): string {
  const lines = [bold(`${info.id}${info.title === undefined ? '' : ` · ${info.title}`}`)];
  if (info.description !== undefined) lines.push(...wrap(info.description.trim(), 100));
  const rows: [string, string][] = [
    ['formula', info.formula.replace(/\s*\n\s*/g, ' ')],
    ['unit', `${info.unit ?? 'number'} (${info.direction === 'down' ? 'lower' : 'higher'} is better)`],
    ['grain', info.grain === undefined ? 'any' : `${info.grain} or coarser`],
    ['horizon', info.horizon],
    ['status', info.status],
  ];
  if (info.target !== undefined) rows.push(['target', info.target.replace(/\s*\n\s*/g, ' ')]);
  const about = [
    info.indicator,
    info.perspective?.replace('_', ' '),
    info.owner === undefined ? undefined : `owner ${info.owner}`,
    info.refresh === undefined ? undefined : `refreshed ${info.refresh}`,
  ].filter((x): x is string => x !== undefined);
  if (about.length > 0) rows.push(['about', about.join(' · ')]);
  rows.push(
    ['sources', list(info.sources)],
    ['by', list(info.dimensions)],
    [
      'uses',
      [
        info.uses.kpis.length > 0 ? `KPIs ${info.uses.kpis.join(', ')}` : '',
        info.uses.lookups.length > 0 ? `lookups ${info.uses.lookups.join(', ')}` : '',
        info.uses.checks.length > 0 ? `checks ${info.uses.checks.join(', ')}` : '',
      ]
        .filter((x) => x !== '')
        .join('; ') || NONE,
    ],
    ['used by', usedByText(info)],
    ['defined in', where],
  );
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${lines.join('\n')}\n\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}

function whereOf(io: CliIo, session: CatalogSession, info: KpiInfo): string {
  const relative = path.relative(io.cwd, path.join(session.catalogDir, info.file)).split(path.sep).join('/');
  return `${relative}:${info.line}`;
}

/** Runs `show`; returns the exit code. */
export function showCommand(io: CliIo, flags: ParsedFlags): number {
  const format = flags.values.get('format') ?? 'text';
  const session = openValidCatalog(io, flags.values.get('catalog'), progressFor(io));
  if (typeof session === 'number') return session;
  const { resolved } = session.checked;
  const bold = format === 'text' ? streamStyle(io, io.stdout).bold : (t: string): string => t;
  const id = flags.operand;
  if (id === undefined) {
    const kpis = [...resolved.kpis.values()];
    if (format === 'json') {
      const rows = kpis.map((k) => ({
        id: k.id,
        title: k.def.title ?? null,
        unit: k.unit ?? null,
        grain: k.def.grain?.value ?? null,
        horizon: k.def.horizon.value,
        status: k.def.status.value,
        sources: k.sources,
        dimensions: kpiDimensions(resolved, k),
      }));
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const rows = [
      ['id', 'unit', 'grain', 'horizon', 'status', 'title'],
      ...kpis.map((k) => [
        k.id,
        k.unit ?? 'number',
        k.def.grain?.value ?? 'any',
        k.def.horizon.value,
        k.def.status.value,
        k.def.title ?? '',
      ]),
    ];
    io.stdout.write(`${columns(rows, bold)}\n${kpis.length} KPI${kpis.length === 1 ? '' : 's'}; \`kpic show ID\` for one\n`);
    return 0;
  }
  const kpi = resolved.kpis.get(id);
  if (kpi === undefined) {
    const spec = commandSpec('show');
    const hint = didYouMean(id, resolved.kpis.keys());
    return usageError(
      io,
      `unknown KPI \`${id}\`${hint === undefined ? '' : `; ${hint}`}`,
      spec === undefined ? 'kpic show' : usageLine(spec),
      'kpic show',
    );
  }
  const info = kpiInfo(resolved, checkScorecards(resolved).value, kpi);
  if (format === 'json') io.stdout.write(`${JSON.stringify({ ...info, file: info.file }, null, 2)}\n`);
  else io.stdout.write(describe(info, whereOf(io, session, info), bold));
  return 0;
}
