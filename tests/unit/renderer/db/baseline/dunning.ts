// The dunning ladder's planDunning as it was before the speed-up (issue 14): a test oracle only.
// The dunning ladder: configurable levels, which one is due for an invoice, and what is skipped.
import { addDays, daysBetween, type CalendarDate } from '../../../../../shared/domain/dates';
import type { InvoiceRecord } from '../../../../../shared/domain/records';
import { DEFAULT_PROMISE_GRACE_DAYS } from '../../../../../shared/domain/promises';
import {
  DEFAULT_DUNNING_TEMPLATES,
  type DunningTemplates,
} from '../../../../../shared/domain/dunning-templates';

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

/** A message already sent: its level, its date and the invoices it named (a DunningEventRecord fits). */
export interface SentReminder {
  level: number;
  date: CalendarDate;
  invoiceIds: readonly string[];
}

/** Kinds whose tone fits a first message: the notice before the due date and the plain reminder. */
const GENTLE_KINDS: readonly DunningKind[] = ['friendly', 'reminder'];

export interface LadderStep {
  /** The level to send today; null when nothing new is due. */
  level: number | null;
  /** The next level and the first day it may be sent (absent at the top of the ladder). */
  next: { level: number; date: CalendarDate } | null;
}

/**
 * The ladder by history, per invoice. The first message about an invoice is the gentlest level
 * whose day has come (the friendly notice before the due date, the plain reminder after it),
 * whatever the days overdue: a client never receives a demand out of the blue. After that the
 * invoice climbs one step at a time: level n+1 once its own day has come AND the gap between the
 * two levels' days has passed since the last message that named the invoice. A promise to pay
 * broken after that message waives the wait: the client's word failed, the tone firms up now.
 */
export function ladderStep(args: {
  invoiceId: string;
  /** Days after the due date (negative: before it). */
  daysFromDue: number;
  today: CalendarDate;
  /** The client's messages (those not naming the invoice are ignored). */
  history: readonly SentReminder[];
  /** The day the client's latest broken promise ran out (its deadline), if any. */
  promiseBrokenOn?: CalendarDate | null;
  levels?: readonly DunningLevel[];
}): LadderStep {
  const levels = args.levels ?? DEFAULT_DUNNING_LEVELS;
  const dayOf = (index: number) =>
    addDays(args.today, levels[index]!.offsetDays - args.daysFromDue);
  let reached = -1;
  levels.forEach((level, index) => {
    if (level.offsetDays <= args.daysFromDue) reached = index;
  });
  const sent = args.history.filter((message) => message.invoiceIds.includes(args.invoiceId));
  if (sent.length === 0) {
    if (reached < 0)
      return { level: null, next: levels.length > 0 ? { level: 0, date: dayOf(0) } : null };
    let gentle = 0;
    for (let index = 0; index <= reached; index += 1) {
      if (GENTLE_KINDS.includes(levels[index]!.kind)) gentle = index;
    }
    return { level: gentle, next: null };
  }
  const highest = Math.max(...sent.map((message) => message.level));
  const last = sent.reduce(
    (max, message) => (message.date > max ? message.date : max),
    sent[0]!.date,
  );
  const next = highest + 1;
  const previous = levels[highest];
  const following = levels[next];
  if (!following) return { level: null, next: null };
  const broken = args.promiseBrokenOn != null && args.promiseBrokenOn > last;
  const gap = previous && !broken ? Math.max(0, following.offsetDays - previous.offsetDays) : 0;
  const fromGap = addDays(last, gap);
  const fromDays = dayOf(next);
  const date = fromGap > fromDays ? fromGap : fromDays;
  return date <= args.today
    ? { level: next, next: null }
    : { level: null, next: { level: next, date } };
}

export type DunningSkipReason = 'disputed' | 'paused' | 'in_plan';

export interface DunningCandidate {
  invoice: Pick<
    InvoiceRecord,
    'id' | 'number' | 'lifecycle' | 'outstandingCents' | 'nextDueDate' | 'disputedCents' | 'planId'
  >;
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
  /** When nothing is due: the earliest next step of the ladder among the invoices. */
  next: { level: number; date: CalendarDate } | null;
}

/**
 * What one client's next reminder would contain today. An open promise to pay does not hold the
 * reminder back: the screens say one is pending and leave the choice to the user.
 */
export function planDunning(args: {
  candidates: readonly DunningCandidate[];
  today: CalendarDate;
  pausedUntil: CalendarDate | null;
  /** The client's messages already sent (its dunning events). */
  history: readonly SentReminder[];
  /** The deadline of the client's latest broken promise: the next step need not wait. */
  promiseBrokenOn?: CalendarDate | null;
  levels?: readonly DunningLevel[];
}): DunningPlan {
  const levels = args.levels ?? DEFAULT_DUNNING_LEVELS;
  const lines: DunningLine[] = [];
  const skipped: DunningSkip[] = [];
  const paused = args.pausedUntil !== null && args.pausedUntil > args.today;
  let next: DunningPlan['next'] = null;
  for (const { invoice } of args.candidates) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) continue;
    if (invoice.nextDueDate === null) continue;
    const skip = (reason: DunningSkipReason) =>
      skipped.push({ invoiceId: invoice.id, number: invoice.number, reason });
    const claimCents = invoice.outstandingCents - Math.max(0, invoice.disputedCents);
    if (claimCents <= 0) skip('disputed');
    else if (invoice.planId !== null) skip('in_plan');
    else if (paused) skip('paused');
    else {
      const daysFromDue = daysBetween(invoice.nextDueDate, args.today);
      const step = ladderStep({
        invoiceId: invoice.id,
        daysFromDue,
        today: args.today,
        history: args.history,
        promiseBrokenOn: args.promiseBrokenOn ?? null,
        levels,
      });
      if (step.next && (next === null || step.next.date < next.date)) next = step.next;
      const level = step.level;
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
  return { lines, skipped, level, next: level === null ? next : null };
}
