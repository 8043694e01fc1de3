/** CSV results without the as-of columns (`complete`, `as_of`) a run adds when the data has an as-of date. */
export function withoutAsOf(csv: string): string {
  const lines = csv.split('\n');
  if (!(lines[0] ?? '').endsWith(',complete,as_of')) return csv;
  return lines.map((l) => (l === '' ? l : l.split(',').slice(0, -2).join(','))).join('\n');
}
