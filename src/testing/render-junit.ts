/**
 * `kpic test --format junit`: JUnit XML for CI test reports — one `<testsuite>` per test document,
 * one `<testcase>` per case (`classname` the test id, `name` the case), a `<failure>` holding the
 * cell-by-cell table of what differs, an `<error>` for a case that could not run.
 */
import type { CaseResult, TestRun } from './results.js';
import { caseLines, coverageLine, type PrettyContext } from './render-pretty.js';

function escapeXml(text: string): string {
  return (
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      // Characters XML 1.0 cannot hold at all (ANSI escapes never reach here: the style is plain).
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

const seconds = (s: number): string => Math.max(0, s).toFixed(3);

function caseXml(c: CaseResult, ctx: PrettyContext, file: string): string {
  const attrs = `classname="${escapeXml(c.test)}" name="${escapeXml(c.case)}" file="${escapeXml(file)}" line="${ctx.line(c.span)}" time="${seconds(c.seconds)}"`;
  if (c.status === 'passed') return `    <testcase ${attrs}/>`;
  const details = escapeXml(
    caseLines(c, ctx)
      .slice(1)
      .map((l) => l.replace(/^ {6}/, ''))
      .join('\n'),
  );
  const failures = c.expectations.filter((x) => !x.ok && x.error === undefined).length;
  const element =
    c.status === 'failed'
      ? `<failure type="mismatch" message="${failures} expectation${failures === 1 ? '' : 's'} not met">${details}</failure>`
      : `<error type="error" message="${escapeXml(c.expectations.find((x) => x.error !== undefined)?.error ?? 'the fixtures are invalid')}">${details}</error>`;
  return `    <testcase ${attrs}>\n      ${element}\n    </testcase>`;
}

/** The XML document. `file(c)` is the test file as CI should show it (relative to the repository). */
export function renderTestsJunit(run: TestRun, ctx: PrettyContext, file: (c: CaseResult) => string): string {
  const suites = new Map<string, CaseResult[]>();
  for (const c of run.cases) suites.set(c.test, [...(suites.get(c.test) ?? []), c]);
  const count = (cases: readonly CaseResult[], status: CaseResult['status']): number => cases.filter((c) => c.status === status).length;
  const total = (cases: readonly CaseResult[]): string => seconds(cases.reduce((t, c) => t + c.seconds, 0));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kpic test" tests="${run.cases.length}" failures="${count(run.cases, 'failed')}" errors="${count(run.cases, 'error')}" time="${total(run.cases)}">`,
  ];
  for (const [test, cases] of suites) {
    const first = cases[0];
    lines.push(
      `  <testsuite name="${escapeXml(test)}" tests="${cases.length}" failures="${count(cases, 'failed')}" errors="${count(cases, 'error')}" skipped="0" time="${total(cases)}"${first === undefined ? '' : ` file="${escapeXml(file(first))}"`}>`,
      ...cases.map((c) => caseXml(c, ctx, file(c))),
      '  </testsuite>',
    );
  }
  lines.push(`  <!-- ${escapeXml(coverageLine(run.coverage)).replaceAll('--', '- -')} -->`, '</testsuites>');
  return `${lines.join('\n')}\n`;
}
