// Reconciliation, first question: is this bank credit a payment already recorded (by hand, say)?
import type { Cents } from './money';
import type { CalendarDate } from './dates';
import { addDays } from './dates';
import type { MatchReasonCode, MatchSuggestion, MovementToMatch } from './reconciliation';
import {
  mentionsName,
  mentionsTaxId,
  reasonWords,
  scoreOf,
  searchableText,
} from './reconciliation';

/** A recorded payment not linked to any bank movement yet. */
export interface RecordedPayment {
  paymentId: string;
  clientId: string;
  clientName: string;
  clientTaxId: string;
  date: CalendarDate;
  amountCents: Cents;
}

/** A payment typed by hand and the bank's booking of it: a few days apart at most. */
export const LINK_WINDOW_DAYS = 7;

/** Unlinked payments by amount: what the lookup needs (an index on amount would serve it too). */
export type RecordedPaymentsByAmount = ReadonlyMap<Cents, readonly RecordedPayment[]>;

export function byAmount(payments: readonly RecordedPayment[]): Map<Cents, RecordedPayment[]> {
  const map = new Map<Cents, RecordedPayment[]>();
  for (const payment of payments) {
    const list = map.get(payment.amountCents) ?? [];
    list.push(payment);
    map.set(payment.amountCents, list);
  }
  return map;
}

function distance(a: CalendarDate, b: CalendarDate): number {
  // Only within the window matters: count up to it without a Date round trip.
  for (let days = 0; days <= LINK_WINDOW_DAYS; days += 1) {
    if (addDays(a, days) === b || addDays(a, -days) === b) return days;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Payments of the same amount, recorded within LINK_WINDOW_DAYS of the movement's date or value
 * date, of a client the movement names (or of a client a proposal is for, or of anyone when the
 * movement names nobody); closest first.
 */
export function linkSuggestions(
  movement: MovementToMatch & { valueDate?: CalendarDate },
  payments: RecordedPaymentsByAmount,
  proposedClientIds: ReadonlySet<string> = new Set(),
): MatchSuggestion[] {
  if (movement.amountCents <= 0) return [];
  const text = searchableText(movement);
  const near = (payments.get(movement.amountCents) ?? [])
    .map((payment) => {
      const days = Math.min(
        distance(movement.date, payment.date),
        distance(movement.valueDate ?? movement.date, payment.date),
      );
      const reasons: MatchReasonCode[] = ['recorded_payment'];
      if (mentionsTaxId(text, payment.clientTaxId)) reasons.push('tax_id_in_text');
      if (mentionsName(text, payment.clientName)) reasons.push('name_in_text');
      return { payment, days, reasons };
    })
    .filter((row) => Number.isFinite(row.days));
  const namesSomeone = near.some((row) => row.reasons.length > 1);
  return near
    .filter(
      (row) =>
        row.reasons.length > 1 ||
        proposedClientIds.has(row.payment.clientId) ||
        (!namesSomeone && proposedClientIds.size === 0),
    )
    .sort((a, b) => b.reasons.length - a.reasons.length || a.days - b.days)
    .map(({ payment, reasons }) => ({
      clientId: payment.clientId,
      clientName: payment.clientName,
      items: [],
      amountCents: payment.amountCents,
      confidence: scoreOf(reasons),
      reasons,
      reason: reasonWords(reasons),
      link: { paymentId: payment.paymentId, date: payment.date },
    }));
}

/** Below "media": recording again is never a confident proposal when a link is possible. */
const RECORD_AGAIN_CAP = 0.45;

/**
 * Puts linking to an already recorded payment first; the proposals to record the movement as a
 * new payment stay available below, but never with high confidence.
 */
export function withLinks(
  movement: MovementToMatch & { valueDate?: CalendarDate },
  suggestions: readonly MatchSuggestion[],
  payments: RecordedPaymentsByAmount,
  limit = 5,
): MatchSuggestion[] {
  const proposed = new Set(suggestions.map((row) => row.clientId));
  const links = linkSuggestions(movement, payments, proposed);
  if (links.length === 0) return [...suggestions];
  const capped = suggestions.map((row) => ({
    ...row,
    confidence: Math.min(row.confidence, RECORD_AGAIN_CAP),
  }));
  return [...links, ...capped].slice(0, limit);
}
