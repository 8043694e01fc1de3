/**
 * Judging a scorecard expectation: the node's overall score and status, then each KPI,
 * perspective and child named, field by field. Values and targets are compared by their KPI's
 * unit (money exactly), attainment and scores as real numbers.
 */
import type { Unit } from '../model/types.js';
import { describeTolerance, formatActual, parseExpected, toleranceFor, valuesMatch } from './compare.js';
import type { NodeScore, ScorecardReport } from './engine-adapter.js';
import type { ExpectedLine, ScorecardExpectation, WrittenCell } from './model.js';
import type { CellResult, ExpectationResult, RowResult } from './results.js';

/** The actual fields of one line, or why the line is not in the report. */
type Fields = ReadonlyMap<string, unknown> | string;

function compareCell(
  cell: WrittenCell,
  fields: ReadonlyMap<string, unknown> | undefined,
  unit: Unit | undefined,
  x: ScorecardExpectation,
): CellResult {
  const found = fields?.has(cell.column) === true;
  const actual = fields?.get(cell.column);
  const expectedText = cell.value.text === '' ? 'null' : cell.value.text;
  if (cell.column === 'status') {
    return {
      name: 'status',
      span: cell.value.span,
      expected: expectedText,
      actual: found ? String(actual) : undefined,
      actualValue: found ? String(actual) : null,
      ok: found && actual === cell.value.text,
      rule: 'exactly',
    };
  }
  const expected = parseExpected(cell.value.value, cell.value.text);
  const valueUnit = cell.column === 'value' || cell.column === 'target' ? unit : undefined;
  const tolerance = toleranceFor(valueUnit, x.tolerance);
  const percent = typeof expected !== 'string' && expected.kind === 'number' && expected.percent;
  return {
    name: cell.column,
    span: cell.value.span,
    expected: expectedText,
    actual: found ? formatActual(actual, percent) : undefined,
    actualValue: found ? (typeof actual === 'number' ? actual : actual === null ? null : String(actual)) : null,
    ok: found && typeof expected !== 'string' && valuesMatch(expected, actual, tolerance),
    rule: describeTolerance(tolerance),
  };
}

function row(
  label: string,
  span: ExpectedLine['keySpan'],
  written: ReadonlyMap<string, WrittenCell>,
  fields: Fields,
  unit: Unit | undefined,
  x: ScorecardExpectation,
): RowResult {
  const actual = typeof fields === 'string' ? undefined : fields;
  return {
    span,
    labels: [label],
    cells: [...written.values()].map((c) => compareCell(c, actual, unit, x)),
    missing: typeof fields === 'string' ? fields : undefined,
  };
}

function kpiFields(node: NodeScore, kpi: string): { fields: Fields; unit: Unit | undefined } {
  const line = node.perspectives.flatMap((p) => p.kpis).find((k) => k.kpi === kpi);
  if (line === undefined) return { fields: `KPI \`${kpi}\` is not on the scorecard that scores ${node.label}`, unit: undefined };
  const fields = new Map<string, unknown>([
    ['value', line.value],
    ['target', line.target],
    ['attainment', line.attainment === Infinity ? null : line.attainment],
    ['score', line.score],
    ['status', line.status],
  ]);
  return { fields, unit: line.unit };
}

function perspectiveFields(node: NodeScore, name: string): Fields {
  const p = node.perspectives.find((q) => q.perspective === name);
  return p === undefined ? `perspective \`${name}\` is not on the scorecard that scores ${node.label}` : new Map([['score', p.score]]);
}

function childFields(report: ScorecardReport, name: string): Fields {
  const nodes = report.children?.nodes ?? [];
  const c = nodes.find((n) => n.value === name) ?? nodes.find((n) => n.label === name);
  if (c === undefined) {
    const known = nodes.map((n) => n.value ?? n.label).join(', ');
    return `no child \`${name}\` under ${report.node.label}${known === '' ? '' : `; its children: ${known}`}`;
  }
  return new Map<string, unknown>([
    ['score', c.score],
    ['status', c.status],
  ]);
}

/** The title of a scorecard expectation: `scorecard sales at region=EMEA, 2025-Q1`. */
export function scorecardTitle(x: ScorecardExpectation): string {
  return `scorecard ${x.scorecard.value}${x.at === undefined ? '' : ` at ${x.at.value}`}, ${x.period.text}`;
}

/** Compares a scorecard expectation with the report. */
export function judgeScorecard(x: ScorecardExpectation, report: ScorecardReport): ExpectationResult {
  const node = report.node;
  const rows: RowResult[] = [];
  if (x.overall.size > 0) {
    const overall = new Map<string, unknown>([
      ['score', node.score],
      ['status', node.status],
    ]);
    rows.push(row('overall', x.scorecard.span, x.overall, overall, undefined, x));
  }
  for (const line of x.kpis) {
    const { fields, unit } = kpiFields(node, line.name);
    rows.push(row(line.name, line.keySpan, line.fields, fields, unit, x));
  }
  for (const line of x.perspectives) rows.push(row(line.name, line.keySpan, line.fields, perspectiveFields(node, line.name), undefined, x));
  for (const line of x.children) rows.push(row(line.name, line.keySpan, line.fields, childFields(report, line.name), undefined, x));
  return {
    kind: 'scorecard',
    span: x.span,
    title: report.period.label === x.period.text.trim() ? scorecardTitle(x) : `${scorecardTitle(x)} (${report.period.label})`,
    labelColumns: ['entry'],
    rows,
    unexpected: [],
    ok: rows.every((r) => r.missing === undefined && r.cells.every((c) => c.ok)),
  };
}
