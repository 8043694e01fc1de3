/**
 * Whether the approvals a change needs are present: a seat is approved when one of its members
 * approved and none of them has changes requested (as GitHub, a request for changes blocks until
 * that reviewer approves or the review is dismissed).
 */
import type { RequiredSeat } from './required.js';
import type { ReviewerState } from '../governance/reviews.js';

/** A required seat and where it stands. */
export interface SeatApproval {
  readonly seat: RequiredSeat;
  readonly state: 'approved' | 'missing' | 'changes-requested' | 'nobody';
  readonly approvedBy: readonly string[];
  readonly blockedBy: readonly string[];
}

/** The state of every required seat; `ok` when all are approved. */
export function checkApprovals(
  required: readonly RequiredSeat[],
  states: ReadonlyMap<string, ReviewerState>,
): { readonly ok: boolean; readonly seats: readonly SeatApproval[] } {
  const seats = required.map((seat): SeatApproval => {
    const approvedBy = seat.members.filter((m) => states.get(m.toLowerCase()) === 'approved');
    const blockedBy = seat.members.filter((m) => states.get(m.toLowerCase()) === 'changes-requested');
    const state =
      seat.members.length === 0 ? 'nobody' : blockedBy.length > 0 ? 'changes-requested' : approvedBy.length > 0 ? 'approved' : 'missing';
    return { seat, state, approvedBy, blockedBy };
  });
  return { ok: seats.every((s) => s.state === 'approved'), seats };
}
