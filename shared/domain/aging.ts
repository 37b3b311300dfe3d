// Ageing of receivables: each open due falls in a bucket by how many days it is past due.
import type { InvoiceRecord } from './records';
import type { Cents } from './money';
import { daysBetween, type CalendarDate } from './dates';
import { dayNumberOf } from './dso';
import { settleDues, settledCentsOf } from './invoice';
import { dueColumnsOf, type DueColumns } from './ledger-day-columns';

export type AgingBucket = 'not_due' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90_plus';

export const AGING_BUCKETS: readonly AgingBucket[] = [
  'not_due',
  'd1_30',
  'd31_60',
  'd61_90',
  'd90_plus',
];

/** The position in AGING_BUCKETS of the bucket of `daysOverdue`. */
export function agingBucketIndexOf(daysOverdue: number): number {
  if (daysOverdue <= 0) return 0;
  if (daysOverdue <= 30) return 1;
  if (daysOverdue <= 60) return 2;
  if (daysOverdue <= 90) return 3;
  return 4;
}

export function agingBucketOf(daysOverdue: number): AgingBucket {
  return AGING_BUCKETS[agingBucketIndexOf(daysOverdue)] as AgingBucket;
}

/**
 * Outstanding per bucket, ageing each open due on its own (an invoice in three instalments can
 * sit in three buckets). Drafts and written-off invoices are not receivables and are left out.
 */
export function agingTotals(
  invoices: readonly Pick<
    InvoiceRecord,
    'dues' | 'paidCents' | 'creditedCents' | 'lifecycle' | 'outstandingCents'
  >[],
  today: CalendarDate,
): Record<AgingBucket, Cents> {
  const totals: Record<AgingBucket, Cents> = {
    not_due: 0,
    d1_30: 0,
    d31_60: 0,
    d61_90: 0,
    d90_plus: 0,
  };
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) continue;
    for (const due of settleDues(invoice.dues, settledCentsOf(invoice))) {
      if (due.outstandingCents <= 0) continue;
      totals[agingBucketOf(daysBetween(due.dueDate, today))] += due.outstandingCents;
    }
  }
  return totals;
}

/**
 * One open invoice's outstanding split by the age of each unpaid due, so the overdue buckets add
 * up to the overdue amount the Panel shows (ledger-state's `overdueCents`). An invoice followed
 * through a plan is overdue by the plan's installments instead: that overdue part goes to the
 * bucket of its age (`bucket`), the rest is not due.
 */
export function dueAging(
  invoice: Pick<InvoiceRecord, 'dues' | 'paidCents' | 'creditedCents' | 'planId'>,
  state: { outstandingCents: Cents; overdueCents: Cents; bucket: AgingBucket | null },
  today: CalendarDate,
): Partial<Record<AgingBucket, Cents>> {
  const into = new Float64Array(AGING_BUCKETS.length);
  dueAgingInto(invoice, state, dayNumberOf(today), into);
  const split: Partial<Record<AgingBucket, Cents>> = {};
  AGING_BUCKETS.forEach((bucket, index) => {
    const cents = into[index] as number;
    if (cents > 0) split[bucket] = cents;
  });
  return split;
}

/**
 * dueAging written into `into` (cents by position in AGING_BUCKETS, zeroed first; a bucket with
 * nothing stays 0): a walk over every open invoice refills one array instead of making a record.
 * `todayNumber` is dayNumberOf(today).
 */
export function dueAgingInto(
  invoice: Pick<InvoiceRecord, 'dues' | 'paidCents' | 'creditedCents' | 'planId'>,
  state: { outstandingCents: Cents; overdueCents: Cents; bucket: AgingBucket | null },
  todayNumber: number,
  into: Float64Array,
): void {
  const columns = invoice.planId === null ? dueColumnsOf([invoice]) : null;
  dueAgingOfColumns(invoice.planId !== null, state, todayNumber, columns, 0, into);
}

/**
 * dueAgingInto with the invoice's dues read from columns (row `row` of `dues`, made once per
 * revision of the ledger by ledger-day-columns.ts); `dues` is not read for an invoice in a plan.
 */
export function dueAgingOfColumns(
  inPlan: boolean,
  state: { outstandingCents: Cents; overdueCents: Cents; bucket: AgingBucket | null },
  todayNumber: number,
  dues: DueColumns | null,
  row: number,
  into: Float64Array,
): void {
  into.fill(0);
  if (inPlan) {
    const late = Math.min(state.overdueCents, state.outstandingCents);
    const lateCounted = late > 0 && state.bucket !== null && state.bucket !== 'not_due';
    if (lateCounted) into[AGING_BUCKETS.indexOf(state.bucket as AgingBucket)] = late;
    const current = state.outstandingCents - (late > 0 && state.bucket !== 'not_due' ? late : 0);
    if (current > 0) into[0] = (into[0] as number) + current;
    return;
  }
  let left = state.outstandingCents;
  if (dues) {
    const { days, openCents } = dues;
    const to = dues.starts[row + 1] as number;
    for (let d = dues.starts[row] as number; d < to; d += 1) {
      const cents = Math.min(openCents[d] as number, left);
      if (cents <= 0) continue;
      const index = agingBucketIndexOf(todayNumber - (days[d] as number));
      into[index] = (into[index] as number) + cents;
      left -= cents;
    }
  }
  // Whatever the dues do not explain (never expected) stays visible as not due.
  if (left > 0) into[0] = (into[0] as number) + left;
}
