/**
 * Validation of `hierarchy` documents: every diagnostic with its exact file, line and column.
 * (Their codes keep the `scorecard/` prefix they were published with.)
 */
import { checkCases, type Case } from '../scorecard/check-harness.js';

const cases: readonly Case[] = [
  {
    name: 'a hierarchy on an unknown source',
    files: { 'h.yaml': 'hierarchy: h2\nsource: asignments\nmember: rep_id\ndimension: rep\nlevels:\n  - level: all\n  - level: rep\n' },
    errors: [{ code: 'scorecard/unknown-source', line: 2, column: 9, hint: 'did you mean `assignments`?' }],
  },
  {
    name: 'a hierarchy with an unknown dimension, bad validity columns and malformed levels',
    files: {
      'h.yaml':
        'hierarchy: h3\nsource: assignments\nmember: rep_id\ndimension: reps\nvalid_from: valid_frm\nvalid_to: team\nlevels:\n  - level: all\n    value: region\n  - level: team\n  - level: team\n    label: rep.name\n',
    },
    errors: [
      { code: 'scorecard/unknown-dimension', line: 4, column: 12, hint: 'did you mean `rep`?' },
      { code: 'scorecard/unknown-column', line: 5, column: 13, hint: 'did you mean `valid_from`?' },
      { code: 'scorecard/unknown-column', line: 6, column: 11 },
      { code: 'scorecard/bad-hierarchy', line: 9, column: 12 },
      { code: 'scorecard/bad-hierarchy', line: 10, column: 12 },
      { code: 'scorecard/bad-hierarchy', line: 11, column: 12 },
    ],
  },
  {
    name: 'a manager key over an unknown column, and one that is a condition',
    files: {
      'h.yaml':
        'hierarchy: h5\nsource: assignments\nmember: rep_id\ndimension: rep\nmanager: managr_id\nlevels:\n  - level: all\n  - level: rep\n' +
        '---\nhierarchy: h6\nsource: assignments\nmember: rep_id\ndimension: rep\nmanager: valid_from > valid_to\nlevels:\n  - level: all\n  - level: rep\n',
    },
    errors: [
      { code: 'resolve/unknown-column', line: 5, column: 10 },
      { code: 'resolve/type-mismatch', line: 14, column: 10 },
    ],
    message: 'the manager key must give text or a number',
  },
];

checkCases('hierarchy diagnostics', cases);
