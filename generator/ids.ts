/**
 * Identifiers as written to the files. Widths are fixed (wide enough for 10M+ opportunities) so
 * ids sort in creation order; the deliberate orphans use forms no real row has.
 */

/** `ACC-00000001`. */
export function accountId(n: number): string {
  return `ACC-${String(n).padStart(8, '0')}`;
}

/** `OPP-00000001`. */
export function opportunityId(n: number): string {
  return `OPP-${String(n).padStart(8, '0')}`;
}

/**
 * An opportunity id as mistyped in the billing system (an extra leading zero): it names no
 * opportunity, which is what makes such an invoice an orphan.
 */
export function mistypedOpportunityId(n: number): string {
  return `OPP-${String(n).padStart(9, '0')}`;
}

/** `LEAD-00000001`. */
export function leadId(n: number): string {
  return `LEAD-${String(n).padStart(8, '0')}`;
}

/** `ACT-000000001`. */
export function activityId(n: number): string {
  return `ACT-${String(n).padStart(9, '0')}`;
}

/** `INV-00000001`. */
export function invoiceId(n: number): string {
  return `INV-${String(n).padStart(8, '0')}`;
}

/** `NPS-00000001`. */
export function responseId(n: number): string {
  return `NPS-${String(n).padStart(8, '0')}`;
}
