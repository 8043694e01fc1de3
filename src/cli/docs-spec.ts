/**
 * The flags and help of `kpic docs`, apart from its implementation so the CLI can list and parse
 * the command without loading the site generator.
 */
import type { FlagSpec } from './args.js';
import { NO_CACHE_FLAG } from './check-cache.js';
import { CATALOG_FLAG } from './test-spec.js';

/** The default output folder of `kpic docs`. */
export const DEFAULT_SITE_DIR = 'site';

/** The flags of `kpic docs`. */
export const DOCS_FLAGS: readonly FlagSpec[] = [
  CATALOG_FLAG,
  {
    name: 'out',
    kind: 'value',
    placeholder: 'DIR',
    description: 'the folder to write the site to (replaced as a whole; never a catalog or data folder)',
    default: `./${DEFAULT_SITE_DIR}`,
  },
  {
    name: 'data',
    kind: 'value',
    placeholder: 'DIR',
    description: 'evaluate the KPIs on this data folder and draw a trend chart of their recent values',
    default: 'no trend charts',
  },
  NO_CACHE_FLAG,
];

/** The command's spec, in the shape the CLI's help and usage lines use. */
export const DOCS_COMMAND = {
  name: 'docs',
  summary: 'write the performance catalog as a static, searchable site',
  description:
    'Writes a self-contained static site (no network, works from the file system): a page per KPI ' +
    'with its formula, settings, targets, lineage graph, where it is used and its git history; pages ' +
    'for sources, lookups, scorecards, roles, hierarchies and tests; search. With --data, each KPI ' +
    'page also shows a chart of its recent values.',
  flags: DOCS_FLAGS,
} as const;
