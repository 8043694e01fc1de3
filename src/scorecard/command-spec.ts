/**
 * The flags and help of `kpic scorecard`, apart from its implementation so the CLI can list and
 * parse the command without loading the scorecard phase.
 */
import type { FlagSpec } from '../cli/args.js';
import { NO_CACHE_FLAG } from '../cli/check-cache.js';

/** Output formats of `kpic scorecard`. */
const SCORECARD_FORMATS = ['table', 'json', 'html'] as const;

/** The flags of `kpic scorecard`. */
export const FLAGS: readonly FlagSpec[] = [
  { name: 'catalog', kind: 'value', placeholder: 'DIR', description: 'the catalog folder, holding catalog.yaml', default: './catalog' },
  {
    name: 'data',
    kind: 'value',
    placeholder: 'DIR',
    description: 'the data folder, relative to the working directory',
    default: "the catalog's `data:`, relative to the catalog folder",
  },
  {
    name: 'scorecard',
    kind: 'value',
    placeholder: 'ID',
    description: 'the scorecard (or role) to show',
    default: "the catalog's only scorecard that is not a variant",
  },
  {
    name: 'period',
    kind: 'value',
    placeholder: 'P',
    description: 'a fiscal year (2026), quarter (2026-Q2), month (2026-05) or a date inside the period',
    default: 'the latest complete period in the data',
  },
  {
    name: 'at',
    kind: 'value',
    placeholder: 'LEVEL=VALUE',
    description: 'the node to show, e.g. region=EMEA or team=EMEA SMB (pairs joined by / name a path)',
    default: 'the whole organisation',
  },
  {
    name: 'format',
    kind: 'value',
    placeholder: SCORECARD_FORMATS.join('|'),
    choices: SCORECARD_FORMATS,
    description: 'output format',
    default: 'table',
  },
  { name: 'out', kind: 'value', placeholder: 'FILE', description: 'write to FILE (atomically) instead of stdout' },
  NO_CACHE_FLAG,
];

/** The command's spec, in the shape the CLI's help and usage lines use. */
export const SCORECARD_COMMAND = {
  name: 'scorecard',
  summary: 'score a balanced scorecard for a node of the organisation and a period',
  description:
    'Evaluates a scorecard on the data folder for one node of the hierarchy (the whole ' +
    'organisation by default) and one period: values, targets, attainment, status and score per ' +
    'KPI, perspective and overall, with the children one level down. Every level is recomputed ' +
    'from its parts, with the organisation as it was in that period.',
  flags: FLAGS,
} as const;
