/**
 * A hand-built multi-rep set for the batched computation of payouts: revenue and overlay splits,
 * a taper above twice the median deal of the quarter, a SPIFF with a guard, a holdback, a
 * prorated clawback of a cancelled deal, a recoverable draw, a mid-year joiner and a leaver, and a
 * deal of an owner on no plan (it counts in the median, it pays nobody).
 */
import { SPLITS_SOURCE, writeFixture } from './fixture.js';

const credit = `credit:
  source: deals
  where: won
  rep: owner_id
  amount: amount
  splits: { source: deal_splits, deal: deal_id, rep: rep_id, share: share, overlay: kind = 'Overlay' }
`;

const AE = `plan: ae
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
${credit}quota: { annual: 400000 }
components:
  - component: commission
    type: commission
    method: marginal
    on: attainment
    tiers:
      - { up_to: 100%, rate: 8% }
      - { rate: 12% }
    taper: { above_median: 2, rate: 1% }
  - component: security_spiff
    type: spiff
    from: 2026-01-01
    to: 2026-06-30
    where: product = 'Security'
    amount: 500
    guards:
      - { when: discount <= 0.2, title: discount at most 20% }
  - component: holdback
    type: holdback
    share: 20%
    release: 60
    trigger: stage = 'Cancelled'
    date: cancelled_date
  - component: cancellations
    type: clawback
    trigger: stage = 'Cancelled'
    date: cancelled_date
    within: 365
    term: term
  - component: draw
    type: draw
    amount: 3000
    to: 2026-06-30
`;

const SE = `plan: se
hierarchy: org
members: role = 'SE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
${credit}components:
  - component: commission
    type: commission
    method: flat
    rate: 5%
`;

const POSITIONS = `rep_id,role,team,valid_from,valid_to
r1,AE,A,2020-01-01,
r2,AE,A,2020-01-01,
r3,AE,B,2020-01-01,2026-08-15
r4,AE,B,2026-05-15,
r5,AE,B,2020-01-01,
o1,SE,A,2020-01-01,
`;

const DEALS = `deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date
d01,r1,Won,100000.00,12,Core,0,2026-02-10,
d02,r2,Won,50000.00,12,Security,0.1,2026-03-01,
d03,r3,Won,10000.00,12,Core,0,2026-01-20,
d04,r3,Won,20000.00,12,Security,0.3,2026-03-20,
d05,r5,Won,30000.00,12,Core,0,2026-02-02,
d06,x9,Won,45000.00,12,Core,0,2026-03-05,
d07,r1,Cancelled,40000.00,12,Security,0,2026-04-10,2026-07-20
d08,r2,Won,250000.00,24,Core,0,2026-05-05,
d09,r4,Won,15000.00,12,Core,0,2026-05-20,
d10,r4,Won,35000.00,12,Security,0.15,2026-06-30,
d11,r3,Won,60000.00,12,Core,0,2026-08-01,
d12,r3,Won,5000.00,12,Core,0,2026-09-01,
d13,r5,Lost,70000.00,12,Core,0,2026-08-10,
d14,r5,Won,70000.00,12,Core,0,2026-08-11,
d15,r1,Won,120000.00,36,Core,0,2026-11-03,
d16,r2,Cancelled,80000.00,12,Core,0,2026-10-01,2026-12-20
d17,r4,Won,0.00,12,Core,0,2026-10-15,
d18,r5,Won,-5000.00,12,Core,0,2026-12-01,
`;

const SPLITS = `deal_id,rep_id,share,kind
d01,r1,0.6,Revenue
d01,r2,0.4,Revenue
d01,o1,1,Overlay
d08,r2,0.5,Revenue
d08,r4,0.25,Revenue
d08,r5,0.25,Revenue
d08,o1,0.5,Overlay
d14,r5,0.7,Revenue
d14,r3,0.3,Revenue
d16,o1,1,Overlay
`;

/** Writes the catalog and data; returns the catalog folder. */
export function writeBatchFixture(): string {
  return writeFixture(
    { 'ae.yaml': AE, 'se.yaml': SE },
    { 'positions.csv': POSITIONS, 'deals.csv': DEALS, 'deal_splits.csv': SPLITS },
    { 'sources/deal_splits.yaml': SPLITS_SOURCE },
  );
}
