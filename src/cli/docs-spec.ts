/**
 * The flags and help of `kpic docs`, apart from its implementation so the CLI can list and parse
 * the command without loading the site generator.
 */
import type { FlagSpec } from './args.js';
import { CATALOG_FLAG, NO_CACHE_FLAG } from './common-flags.js';

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
