// The dunning ladder: configurable levels, which one is due for an invoice, and what is skipped.
import { daysBetween, type CalendarDate } from './dates';
import type { InvoiceRecord } from './records';
import { DEFAULT_PROMISE_GRACE_DAYS } from './promises';
import { DEFAULT_DUNNING_TEMPLATES, type DunningTemplates } from './dunning-templates';

export type DunningKind = 'friendly' | 'reminder' | 'firm' | 'formal_demand' | 'handoff';

export interface DunningLevel {
  kind: DunningKind;
  /** Days after the due date (negative: before it) from which this level may be sent. */
  offsetDays: number;
  /** Formal demands claim the Ley 3/2004 interest and the 40 € compensation. */
  claimInterest: boolean;
}

export interface DunningSettings {
  levels: DunningLevel[];
  promiseGraceDays: number;
  /** Days the "pausar" button postpones a client by default. */
  defaultPauseDays: number;
  /** Shown in letters as "puede pagar en …". */
  paymentLinkText: string;
  templates: DunningTemplates;
  /** Legal feature: months before a claim prescribes that Hoy starts warning (default 6). */
  prescriptionWarningMonths?: number;
}

export const DEFAULT_DUNNING_LEVELS: readonly DunningLevel[] = [
  { kind: 'friendly', offsetDays: -3, claimInterest: false },
  { kind: 'reminder', offsetDays: 1, claimInterest: false },
  { kind: 'firm', offsetDays: 15, claimInterest: false },
  { kind: 'formal_demand', offsetDays: 30, claimInterest: true },
  { kind: 'handoff', offsetDays: 60, claimInterest: true },
];

export const DEFAULT_DUNNING_SETTINGS: DunningSettings = {
  levels: DEFAULT_DUNNING_LEVELS.map((level) => ({ ...level })),
  promiseGraceDays: DEFAULT_PROMISE_GRACE_DAYS,
  defaultPauseDays: 7,
  paymentLinkText: '',
  templates: DEFAULT_DUNNING_TEMPLATES,
};

/**
 * The level due now: the highest one whose offset has been reached, unless that level (or a
 * higher one) was already sent — then nothing new is due. Levels are sorted by offset first.
 */
export function selectDunningLevel(
  daysFromDue: number,
  sentLevels: readonly number[],
  levels: readonly DunningLevel[] = DEFAULT_DUNNING_LEVELS,
): number | null {
  let reached = -1;
  levels.forEach((level, index) => {
    if (level.offsetDays <= daysFromDue) reached = index;
  });
  if (reached < 0) return null;
  const highestSent = Math.max(-1, ...sentLevels);
  return highestSent >= reached ? null : reached;
}

export type DunningSkipReason = 'disputed' | 'paused' | 'in_plan' | 'promise_open';

export interface DunningCandidate {
  invoice: Pick<
    InvoiceRecord,
    'id' | 'number' | 'lifecycle' | 'outstandingCents' | 'nextDueDate' | 'disputedCents' | 'planId'
  >;
  sentLevels: readonly number[];
}

export interface DunningLine {
  invoiceId: string;
  number: string;
  dueDate: CalendarDate;
  daysFromDue: number;
  /** Outstanding minus the disputed part: what the letter claims. */
  claimCents: number;
  level: number;
}

export interface DunningSkip {
  invoiceId: string;
  number: string;
  reason: DunningSkipReason;
}

export interface DunningPlan {
  lines: DunningLine[];
  skipped: DunningSkip[];
  /** The level of the letter: the highest due among the lines; null when nothing is due. */
  level: number | null;
}

/** What one client's next reminder would contain today. */
export function planDunning(args: {
  candidates: readonly DunningCandidate[];
  today: CalendarDate;
  pausedUntil: CalendarDate | null;
  hasOpenPromise: boolean;
  levels?: readonly DunningLevel[];
}): DunningPlan {
  const levels = args.levels ?? DEFAULT_DUNNING_LEVELS;
  const lines: DunningLine[] = [];
  const skipped: DunningSkip[] = [];
  const paused = args.pausedUntil !== null && args.pausedUntil > args.today;
  for (const { invoice, sentLevels } of args.candidates) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) continue;
    if (invoice.nextDueDate === null) continue;
    const skip = (reason: DunningSkipReason) =>
      skipped.push({ invoiceId: invoice.id, number: invoice.number, reason });
    const claimCents = invoice.outstandingCents - Math.max(0, invoice.disputedCents);
    if (claimCents <= 0) skip('disputed');
    else if (invoice.planId !== null) skip('in_plan');
    else if (paused) skip('paused');
    else if (args.hasOpenPromise) skip('promise_open');
    else {
      const daysFromDue = daysBetween(invoice.nextDueDate, args.today);
      const level = selectDunningLevel(daysFromDue, sentLevels, levels);
      if (level === null) continue;
      lines.push({
        invoiceId: invoice.id,
        number: invoice.number,
        dueDate: invoice.nextDueDate,
        daysFromDue,
        claimCents,
        level,
      });
    }
  }
  const level = lines.length === 0 ? null : Math.max(...lines.map((line) => line.level));
  return { lines, skipped, level };
}
