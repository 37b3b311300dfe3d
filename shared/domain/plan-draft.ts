// A plan being built: what is owed, the schedule (generated or edited) and what does not add up.
import type { CalendarDate } from './dates';
import { isCalendarDate } from './dates';
import { isCents, type Cents } from './money';
import { buildSchedule, MAX_INSTALLMENTS, type ScheduledInstallment } from './paymentPlan';
import { invoiceClaim, type ClaimInvoice } from './claim-amounts';
import type { LegalRateEntry } from './legal-interest-rates';
import type { PlanExtraLine, PlanFrequency } from './records';
import type { FieldIssue } from './validation';

export interface PlanScheduleInput {
  /** Sum of the chosen invoices' outstanding amounts. */
  invoicesCents: Cents;
  extraLines: readonly PlanExtraLine[];
  downPaymentCents: number;
  installments: number;
  frequency: PlanFrequency;
  firstDueDate: string;
  annualInterestPercent: number;
  breakAfterDays: number;
  /** The person's edits of each installment; null (or another length) means the generated one. */
  edits: readonly { dueDate: string; amountCents: number }[] | null;
  /** When given, a first installment before this day is refused (a plan starts from today). */
  today?: string;
}

export interface ComposedPlan {
  /** Everything acknowledged: invoices plus extra lines. */
  debtCents: Cents;
  /** What the installments amortize: debt minus the down payment. */
  financedCents: Cents;
  generated: ScheduledInstallment[];
  /** The schedule to store: the edits when valid, else the generated one. */
  rows: ScheduledInstallment[];
  interestCents: Cents;
  issues: FieldIssue[];
}

export const MAX_PLAN_INTEREST_PERCENT = 50;
export const MAX_BREAK_AFTER_DAYS = 90;

function checkTerms(input: PlanScheduleInput, debtCents: Cents): FieldIssue[] {
  const issues: FieldIssue[] = [];
  input.extraLines.forEach((line, index) => {
    if (line.label.trim() === '')
      issues.push({ field: `extraLines.${index}.label`, code: 'required' });
    if (!isCents(line.amountCents)) {
      issues.push({ field: `extraLines.${index}.amountCents`, code: 'amount_invalid' });
    } else if (line.amountCents <= 0) {
      issues.push({ field: `extraLines.${index}.amountCents`, code: 'amount_not_positive' });
    }
  });
  if (!isCents(input.downPaymentCents) || input.downPaymentCents < 0) {
    issues.push({ field: 'downPaymentCents', code: 'amount_invalid' });
  } else if (input.downPaymentCents >= debtCents && debtCents > 0) {
    issues.push({
      field: 'downPaymentCents',
      code: 'out_of_range',
      params: { min: 0, max: debtCents - 1 },
    });
  }
  if (!Number.isSafeInteger(input.installments) || input.installments < 1) {
    issues.push({
      field: 'installments',
      code: 'out_of_range',
      params: { min: 1, max: MAX_INSTALLMENTS },
    });
  } else if (input.installments > MAX_INSTALLMENTS) {
    issues.push({
      field: 'installments',
      code: 'out_of_range',
      params: { min: 1, max: MAX_INSTALLMENTS },
    });
  }
  if (!isCalendarDate(input.firstDueDate))
    issues.push({ field: 'firstDueDate', code: 'date_invalid' });
  else if (input.today !== undefined && input.firstDueDate < input.today)
    issues.push({ field: 'firstDueDate', code: 'date_in_past' });
  const rate = input.annualInterestPercent;
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_PLAN_INTEREST_PERCENT) {
    issues.push({
      field: 'annualInterestPercent',
      code: 'out_of_range',
      params: { min: 0, max: MAX_PLAN_INTEREST_PERCENT },
    });
  }
  const days = input.breakAfterDays;
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_BREAK_AFTER_DAYS) {
    issues.push({
      field: 'breakAfterDays',
      code: 'out_of_range',
      params: { min: 0, max: MAX_BREAK_AFTER_DAYS },
    });
  }
  return issues;
}

/**
 * Applies the person's edits: each row keeps the interest the generated schedule gives it (so
 * principal + interest stays exact), and together the amounts must equal the generated total.
 */
function applyEdits(
  generated: ScheduledInstallment[],
  edits: readonly { dueDate: string; amountCents: number }[],
): { rows: ScheduledInstallment[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const rows = generated.map((row, index) => {
    const edit = edits[index] ?? row;
    if (!isCalendarDate(edit.dueDate))
      issues.push({ field: `schedule.${index}.dueDate`, code: 'date_invalid' });
    const previous = edits[index - 1];
    if (index > 0 && previous && isCalendarDate(edit.dueDate) && edit.dueDate < previous.dueDate) {
      issues.push({ field: `schedule.${index}.dueDate`, code: 'date_invalid' });
    }
    if (!isCents(edit.amountCents)) {
      issues.push({ field: `schedule.${index}.amountCents`, code: 'amount_invalid' });
    } else if (edit.amountCents <= 0 || edit.amountCents < row.interestCents) {
      issues.push({ field: `schedule.${index}.amountCents`, code: 'amount_not_positive' });
    }
    return {
      dueDate: edit.dueDate,
      amountCents: edit.amountCents,
      interestCents: row.interestCents,
      principalCents: edit.amountCents - row.interestCents,
    };
  });
  const expected = generated.reduce((sum, row) => sum + row.amountCents, 0);
  const actual = rows.reduce(
    (sum, row) => sum + (isCents(row.amountCents) ? row.amountCents : 0),
    0,
  );
  if (issues.length === 0 && actual !== expected) {
    issues.push({ field: 'schedule', code: 'plan_sum_mismatch', params: { expected, actual } });
  }
  return { rows, issues };
}

export function composePlan(input: PlanScheduleInput): ComposedPlan {
  const extrasCents = input.extraLines.reduce(
    (sum, line) => sum + (isCents(line.amountCents) ? line.amountCents : 0),
    0,
  );
  const debtCents = input.invoicesCents + extrasCents;
  const issues = checkTerms(input, debtCents);
  const downPayment = isCents(input.downPaymentCents) ? Math.max(0, input.downPaymentCents) : 0;
  const financedCents = Math.max(0, debtCents - downPayment);
  const empty = { debtCents, financedCents, generated: [], rows: [], interestCents: 0 };
  if (issues.some((issue) => !issue.field.startsWith('extraLines'))) return { ...empty, issues };
  const generated = buildSchedule({
    totalCents: financedCents,
    installments: input.installments,
    firstDueDate: input.firstDueDate,
    frequency: input.frequency,
    annualInterestPercent: input.annualInterestPercent,
  });
  let rows = generated;
  if (input.edits && input.edits.length === generated.length) {
    const edited = applyEdits(generated, input.edits);
    rows = edited.rows;
    issues.push(...edited.issues);
  }
  const interestCents = rows.reduce((sum, row) => sum + row.interestCents, 0);
  return { debtCents, financedCents, generated, rows, interestCents, issues };
}

/**
 * Suggested extra lines for late invoices: Ley 3/2004 interest to today, per due and per payment
 * (a part already paid late counts up to its payment), and 40 € for each invoice paid or unpaid late.
 */
export function suggestLateCharges(
  invoices: readonly Omit<ClaimInvoice, 'planId'>[],
  today: CalendarDate,
  labels: { interest: (numbers: string) => string; compensation: (count: number) => string },
  /** The Ley 3/2004 table in force; the shipped one when absent. */
  legalRates?: readonly LegalRateEntry[],
  contractRatePercent: number | null = null,
): PlanExtraLine[] {
  // The plan takes on the whole outstanding (disputed part included): the interest follows it.
  const claims = invoices.flatMap((invoice) => {
    const claim = invoiceClaim(
      { ...invoice, planId: null, disputedCents: 0 },
      today,
      contractRatePercent,
      legalRates,
    );
    return claim ? [claim] : [];
  });
  if (claims.length === 0) return [];
  const interestCents = claims.reduce((sum, claim) => sum + claim.interestCents, 0);
  const lines: PlanExtraLine[] = [];
  if (interestCents > 0) {
    lines.push({
      kind: 'late_interest',
      label: labels.interest(claims.map((claim) => claim.number).join(', ')),
      amountCents: interestCents,
    });
  }
  lines.push({
    kind: 'compensation',
    label: labels.compensation(claims.length),
    amountCents: claims.reduce((sum, claim) => sum + claim.compensationCents, 0),
  });
  return lines;
}
