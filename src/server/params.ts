/**
 * The query parameters of the app's routes, read strictly: each route names the parameters it
 * takes; an unknown or repeated parameter, or a value of the wrong shape (a period that is not a
 * period label, a node path with control characters, an offset that is not a small whole number)
 * refuses the request with 400 before anything is computed. Values reach queries only as data
 * (literals and quoted identifiers, src/sql/), never as text spliced into SQL.
 */

/** A parameter's name and the shape its value must have. */
export type ParamName = 'period' | 'at' | 'offset' | 'source' | 'key' | 'scorecard' | 'format';

const SHAPES: Readonly<Record<ParamName, { readonly test: (v: string) => boolean; readonly says: string }>> = {
  period: {
    test: (v) => /^[0-9]{4}(-(Q[1-4]|[0-9]{2}|W[0-9]{2}|[0-9]{2}-[0-9]{2}))?$/.test(v),
    says: 'a period such as 2026, 2026-Q3 or 2026-09',
  },
  at: { test: (v) => v.length <= 400 && !/[\u0000-\u001f\u007f]/.test(v), says: 'a node path such as region=EMEA/team=EMEA SMB' },
  offset: { test: (v) => /^[0-9]{1,7}$/.test(v), says: 'a whole number of rows to skip' },
  source: { test: (v) => /^[a-z][a-z0-9_]{0,63}$/.test(v), says: 'a source id' },
  key: { test: (v) => v.length <= 200 && !/[\u0000-\u001f\u007f]/.test(v), says: 'a row key' },
  scorecard: { test: (v) => /^[a-z][a-z0-9_]{0,63}$/.test(v), says: 'a scorecard id' },
  format: { test: (v) => v === 'json' || v === 'csv', says: '`json` or `csv`' },
};

/** A KPI id in a path. */
export const KPI_ID = /^[a-z][a-z0-9_]{0,63}$/;

/** The parameters of a request, or the sentence that refuses it. */
export function readParams(search: URLSearchParams, allowed: readonly ParamName[]): Partial<Record<ParamName, string>> | string {
  const out: Partial<Record<ParamName, string>> = {};
  for (const [name, value] of search) {
    if (!(allowed as readonly string[]).includes(name))
      return `unknown parameter \`${name.slice(0, 40)}\`; this page takes ${allowed.length === 0 ? 'none' : allowed.join(', ')}`;
    const key = name as ParamName;
    if (out[key] !== undefined) return `parameter \`${name}\` is given twice`;
    if (!SHAPES[key].test(value)) return `parameter \`${name}\` must be ${SHAPES[key].says}`;
    out[key] = value;
  }
  return out;
}
