/**
 * A finding's fingerprint: what a review names, stable while the finding stays the same. It
 * covers the check, every value the finding shows (its key first) and, for duplicates, the
 * normalised value it shares — so a reviewed finding whose values change is a new finding.
 */
import { createHash } from 'node:crypto';

/** `f` and 11 hexadecimal digits (never read as a number in YAML). */
export function fingerprintOf(check: string, values: readonly (string | null)[], group: string | undefined): string {
  const text = JSON.stringify([check, values, group ?? null]);
  return `f${createHash('sha256').update(text).digest('hex').slice(0, 11)}`;
}
