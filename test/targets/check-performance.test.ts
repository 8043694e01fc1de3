/**
 * Validation of the judgement settings written on KPIs — targets and baselines, seasonal shares,
 * exception rules: every diagnostic with its exact file, line and column.
 */
import { checkCases, type Case } from '../scorecard/check-harness.js';

const cases: readonly Case[] = [
  {
    name: 'a growth that is neither a number nor a percentage',
    files: { 'k.yaml': 'kpi: k2\nformula: sum(amount)\ntarget:\n  history: 4 quarters\n  growth: 12 percent\n' },
    errors: [{ code: 'scorecard/bad-number', line: 5, column: 11 }],
  },
  {
    name: 'seasonal shares that add up to 80%',
    files: { 'k.yaml': 'kpi: k3\nformula: sum(amount)\ntarget: 100\nseasonal: { q1: 20%, q2: 20%, q3: 20%, q4: 20% }\n' },
    errors: [{ code: 'scorecard/bad-seasonal', line: 4, column: 11 }],
    message: 'seasonal shares add up to 80%, not 100%',
  },
  {
    name: 'seasonal shares that miss quarters',
    files: { 'k.yaml': 'kpi: k3\nformula: sum(amount)\ntarget: 100\nseasonal: { q1: 50%, q2: 50% }\n' },
    errors: [{ code: 'scorecard/bad-seasonal', line: 4, column: 11 }],
    message: 'seasonal shares must cover the whole year; missing q3, q4',
  },
  {
    name: 'a baseline history in weeks',
    files: { 'k.yaml': 'kpi: k4\nformula: sum(amount)\ntarget:\n  history: 2 weeks\n' },
    errors: [{ code: 'scorecard/bad-baseline', line: 4, column: 12 }],
  },
  {
    name: 'an exception on a KPI of two sources needs `source`',
    files: {
      'k.yaml': 'kpi: k5\nformula: sum(amount) / sum(quotas.quota)\nexceptions:\n  - rule: big\n    value: amount\n    above: 100\n',
    },
    errors: [{ code: 'scorecard/bad-exception', line: 4, column: 11 }],
  },
  {
    name: 'an exception rule listed twice, and one on an unknown source',
    files: {
      'k.yaml':
        'kpi: k6\nformula: sum(amount)\nexceptions:\n  - rule: big\n    value: amount\n    above: 100\n  - rule: big\n    value: amount\n    above: 200\n  - rule: other\n    source: oportunities\n    value: amount\n    above: 5\n',
    },
    errors: [
      { code: 'scorecard/bad-exception', line: 7, column: 11 },
      { code: 'scorecard/unknown-source', line: 11, column: 13, hint: 'did you mean `opportunities`?' },
    ],
  },
];

checkCases('diagnostics of KPI judgement settings', cases);
