// A payment plan's life: draft → active (signed) → completed, or broken when an installment stays unpaid.
import type { CalendarDate } from './dates';
import { daysBetween } from './dates';
import type { Cents } from './money';
import type { PlanStatus } from './records';

/** Days an installment may stay unpaid after its date before the plan breaks, unless agreed otherwise. */
export const DEFAULT_BREAK_AFTER_DAYS = 15;

export interface InstallmentState {
  seq: number;
  dueDate: CalendarDate;
  amountCents: Cents;
  paidCents: Cents;
}

export interface PlanEvaluation {
  status: PlanStatus;
  /** The acceleration clause (vencimiento anticipado) may be invoked: the whole rest is due. */
  accelerated: boolean;
  /** The first installment not fully paid, or null when all are. */
  nextInstallment: InstallmentState | null;
  /** The first installment unpaid past the grace days (what broke the plan). */
  missedInstallment: InstallmentState | null;
  paidCents: Cents;
  outstandingCents: Cents;
  /** Unpaid amounts whose date is before today. */
  overdueCents: Cents;
}

const outstandingOf = (row: InstallmentState): Cents =>
  Math.max(0, row.amountCents - row.paidCents);

/**
 * Where a plan stands on `today`. Drafts and cancelled plans never move by themselves; a signed
 * plan completes once everything is paid (even after breaking: the debt is settled), and breaks
 * when an installment is still unpaid more than `breakAfterDays` after its date. A broken plan
 * stays broken while anything is owed: the debtor lost the benefit of the term (art. 1129 CC).
 */
export function evaluatePlan(
  status: PlanStatus,
  installments: readonly InstallmentState[],
  today: CalendarDate,
  breakAfterDays: number = DEFAULT_BREAK_AFTER_DAYS,
): PlanEvaluation {
  const ordered = [...installments].sort((a, b) => a.seq - b.seq);
  const paidCents = ordered.reduce((sum, row) => sum + row.paidCents, 0);
  const outstandingCents = ordered.reduce((sum, row) => sum + outstandingOf(row), 0);
  const overdueCents = ordered
    .filter((row) => row.dueDate < today)
    .reduce((sum, row) => sum + outstandingOf(row), 0);
  const nextInstallment = ordered.find((row) => outstandingOf(row) > 0) ?? null;
  const missedInstallment =
    ordered.find(
      (row) => outstandingOf(row) > 0 && daysBetween(row.dueDate, today) > breakAfterDays,
    ) ?? null;
  const base = { nextInstallment, missedInstallment, paidCents, outstandingCents, overdueCents };
  if (status === 'draft' || status === 'cancelled') {
    return { ...base, status, accelerated: false };
  }
  if (outstandingCents === 0 && ordered.length > 0) {
    return { ...base, status: 'completed', accelerated: false };
  }
  if (status === 'broken' || missedInstallment !== null) {
    return { ...base, status: 'broken', accelerated: true };
  }
  return { ...base, status: 'active', accelerated: false };
}

/** Transitions a person may ask for; automatic ones (completed, broken) come from evaluatePlan. */
const MANUAL_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['active', 'cancelled'],
  active: ['cancelled'],
  broken: ['cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  return MANUAL_TRANSITIONS[from].includes(to);
}

/** True while the plan covers its invoices: they show "en plan" and stay out of dunning. */
export function planKeepsInvoicesOutOfDunning(status: PlanStatus): boolean {
  return status === 'active';
}

/** Spreads a payment over installments oldest first; returns the new paid amounts and the rest. */
export function allocateToInstallments(
  installments: readonly InstallmentState[],
  amountCents: Cents,
): { paid: Map<number, Cents>; unallocatedCents: Cents } {
  let remaining = Math.max(0, amountCents);
  const paid = new Map<number, Cents>();
  for (const row of [...installments].sort((a, b) => a.seq - b.seq)) {
    const take = Math.min(outstandingOf(row), remaining);
    remaining -= take;
    paid.set(row.seq, row.paidCents + take);
  }
  return { paid, unallocatedCents: remaining };
}
