/**
 * Flags that several commands share, written once so that every command names, describes and
 * defaults them the same way (docs/cli.md). Plain data: loading them costs nothing at start-up.
 */
import type { FlagSpec } from './args.js';

/** `--catalog DIR`. */
export const CATALOG_FLAG: FlagSpec = {
  name: 'catalog',
  kind: 'value',
  placeholder: 'DIR',
  description: 'the catalog folder, holding catalog.yaml',
  default: './catalog',
};

/** `--data DIR`. */
export const DATA_FLAG: FlagSpec = {
  name: 'data',
  kind: 'value',
  placeholder: 'DIR',
  description: 'the data folder, relative to the working directory',
  default: "the catalog's `data:`, relative to the catalog folder",
};

/** `--kpi ID[,ID…]`; without a default when the command requires it. */
export const kpiFlag = (required: boolean): FlagSpec => ({
  name: 'kpi',
  kind: 'list',
  placeholder: 'ID[,ID…]',
  description: 'KPIs to evaluate, comma-separated (the flag may be repeated)',
  ...(required ? {} : { default: 'every KPI that is not deprecated' }),
});

/** `--grain`, `--by`, `--from`, `--to`: the grid of a KPI request. */
export const REQUEST_FLAGS: readonly FlagSpec[] = [
  {
    name: 'grain',
    kind: 'value',
    placeholder: 'day|week|month|quarter|year',
    description: 'the period length',
    default: 'month',
  },
  {
    name: 'by',
    kind: 'list',
    placeholder: 'DIM[,DIM…]',
    description: 'breakdown dimensions, comma-separated',
    default: 'no breakdown',
  },
  {
    name: 'from',
    kind: 'value',
    placeholder: 'DATE',
    description: 'first day to evaluate (YYYY-MM-DD)',
    default: 'the start of the data',
  },
  {
    name: 'to',
    kind: 'value',
    placeholder: 'DATE',
    description: 'last day to evaluate (YYYY-MM-DD)',
    default: 'the end of the data',
  },
];

/** `--out FILE`, written atomically. */
export const outFlag = (description: string): FlagSpec => ({ name: 'out', kind: 'value', placeholder: 'FILE', description });

/** The `--no-cache` switch (see check-cache.ts). */
export const NO_CACHE_FLAG: FlagSpec = {
  name: 'no-cache',
  kind: 'switch',
  description: 'check the data against its contract even if these files passed before unchanged',
};

/** `--state DIR`: where monitoring keeps its databases (commentary, alerts sent). */
export const STATE_FLAG: FlagSpec = {
  name: 'state',
  kind: 'value',
  placeholder: 'DIR',
  description: 'the folder of the commentary and alert databases (created when first written)',
  default: './.kpic',
};
