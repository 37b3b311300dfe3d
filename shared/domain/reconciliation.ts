// Bank reconciliation: suggests which open invoices or plan installments a credit movement pays.
import type { Cents } from './money';
import type { CalendarDate } from './dates';

export interface MovementToMatch {
  id: string;
  date: CalendarDate;
  amountCents: Cents;
  concept: string;
  references: readonly string[];
  counterpartyName: string;
}

export interface OpenItem {
  kind: 'invoice' | 'installment';
  /** Invoice id, or installment id. */
  id: string;
  clientId: string;
  clientName: string;
  clientTaxId: string;
  /** Invoice number; for an installment, "plan" and its sequence. */
  label: string;
  /** For an installment: the invoices its plan covers. */
  invoiceIds: readonly string[];
  outstandingCents: Cents;
  dueDate: CalendarDate | null;
  /** For an installment: its plan, the plan's reference and its invoices' numbers. */
  planId?: string;
  planReference?: string;
  planInvoiceNumbers?: readonly string[];
  /** For an installment: the end-to-end id its SEPA receipt carries (e.g. "PP-2026-0001-2"). */
  endToEndId?: string;
}

export type MatchReasonCode =
  | 'amount_exact'
  | 'sum_of_items'
  | 'number_in_text'
  | 'tax_id_in_text'
  | 'name_in_text'
  | 'plan_in_text'
  | 'receipt_in_text'
  | 'recorded_payment';

export interface MatchSuggestion {
  clientId: string;
  clientName: string;
  items: OpenItem[];
  amountCents: Cents;
  /** 0–1: how sure the match is; 0.8 and above is shown as "alta". */
  confidence: number;
  reasons: MatchReasonCode[];
  /** The reasons in plain Spanish words, e.g. "importe exacto; número de factura en el concepto". */
  reason: string;
  /** Set when the movement is a payment already recorded: link it, record nothing new. */
  link?: { paymentId: string; date: CalendarDate };
}

const REASON_WORDS: Record<MatchReasonCode, string> = {
  amount_exact: 'importe exacto',
  sum_of_items: 'suma exacta de varias facturas',
  number_in_text: 'número de factura en el concepto',
  tax_id_in_text: 'NIF del cliente en el concepto',
  name_in_text: 'nombre del cliente en el movimiento',
  plan_in_text: 'referencia del plan de pagos en el concepto',
  receipt_in_text: 'referencia del recibo del plazo en el concepto',
  recorded_payment: 'cobro ya apuntado por el mismo importe en fechas cercanas',
};

const WEIGHTS: Record<MatchReasonCode, number> = {
  amount_exact: 0.4,
  sum_of_items: 0.3,
  number_in_text: 0.45,
  tax_id_in_text: 0.35,
  name_in_text: 0.2,
  plan_in_text: 0.45,
  receipt_in_text: 0.5,
  recorded_payment: 0.6,
};

export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'SL',
  'SA',
  'SLU',
  'SLL',
  'SC',
  'CB',
  'SCOOP',
  'SLP',
  'DE',
  'LA',
  'EL',
  'LOS',
  'LAS',
  'Y',
  'DEL',
]);

/** Plain ASCII: decomposing it and dropping accents changes nothing (most references are). */
const ASCII = /^[\x20-\x7e]*$/;

export function normalize(text: string): string {
  return (ASCII.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The movement's words with separators removed too, so "FAC 2026/0042" finds "2026-0042". */
export function searchableText(movement: MovementToMatch): SearchableText {
  const spaced = ` ${normalize([movement.concept, ...movement.references, movement.counterpartyName].join(' '))} `;
  return { spaced, compact: spaced.replace(/ /g, '') };
}

export function mentionsNumber(text: { spaced: string; compact: string }, number: string): boolean {
  const compact = normalize(number).replace(/ /g, '');
  // Very short numbers ("12") would match any reference by chance.
  if (compact.length < 4)
    return text.spaced.includes(` ${normalize(number)} `) && compact.length >= 3;
  return text.compact.includes(compact);
}

export function mentionsTaxId(text: { compact: string }, taxId: string): boolean {
  return taxId.length >= 8 && text.compact.includes(normalize(taxId).replace(/ /g, ''));
}

export function mentionsName(text: { spaced: string }, name: string): boolean {
  const words = normalize(name)
    .split(' ')
    .filter((word) => word.length >= 3 && !LEGAL_FORMS.has(word));
  if (words.length === 0) return false;
  const found = words.filter((word) => text.spaced.includes(` ${word} `)).length;
  // Most of the significant words: "TALLERES GARCIA" matches "Talleres Hermanos García S.L.".
  return found >= Math.min(2, words.length) && found / words.length >= 0.5;
}

export function scoreOf(reasons: readonly MatchReasonCode[]): number {
  const raw = reasons.reduce((sum, reason) => sum + WEIGHTS[reason], 0);
  return Math.min(0.99, Math.round(raw * 100) / 100);
}

export function suggestion(
  items: OpenItem[],
  amountCents: Cents,
  reasons: MatchReasonCode[],
): MatchSuggestion {
  const first = items[0];
  return {
    clientId: first?.clientId ?? '',
    clientName: first?.clientName ?? '',
    items,
    amountCents,
    confidence: scoreOf(reasons),
    reasons,
    reason: reasonWords(reasons),
  };
}

export function reasonWords(reasons: readonly MatchReasonCode[]): string {
  return reasons.map((code) => REASON_WORDS[code]).join('; ');
}

/**
 * Due dates (YYYY-MM-DD, '' for none) in calendar order. For such strings the code units' order
 * is localeCompare's too, without a collator call per comparison (25,000 items are sorted).
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One client's items, oldest due first (a stable sort: ties keep the ledger's order). */
export function byDueDate(items: readonly OpenItem[]): OpenItem[] {
  return [...items].sort((a, b) => compareDates(a.dueDate ?? '', b.dueDate ?? ''));
}

/** Oldest-first runs and pairs of one client's items whose outstanding adds up to the amount. */
function sumsOf(ordered: readonly OpenItem[], amountCents: Cents): OpenItem[][] {
  const found: OpenItem[][] = [];
  let running = 0;
  for (let k = 0; k < ordered.length; k += 1) {
    running += ordered[k]?.outstandingCents ?? 0;
    if (k > 0 && running === amountCents) found.push(ordered.slice(0, k + 1));
    if (running >= amountCents) break;
  }
  if (found.length === 0 && ordered.length <= 60) {
    for (let i = 0; i < ordered.length; i += 1) {
      for (let j = i + 1; j < ordered.length; j += 1) {
        const a = ordered[i];
        const b = ordered[j];
        if (a && b && a.outstandingCents + b.outstandingCents === amountCents) found.push([a, b]);
      }
    }
  }
  return found;
}

/** What in the text names the installment's plan: one of its invoices' numbers, its reference. */
function planReasons(text: { spaced: string; compact: string }, item: OpenItem): MatchReasonCode[] {
  const reasons: MatchReasonCode[] = [];
  if ((item.planInvoiceNumbers ?? []).some((number) => mentionsNumber(text, number)))
    reasons.push('number_in_text');
  if (item.planReference && mentionsNumber(text, item.planReference)) reasons.push('plan_in_text');
  return reasons;
}

/**
 * A receipt that names a plan (an invoice of it, its reference) pays that plan's installments
 * oldest first: one suggestion per plan, with the installments the amount reaches.
 */
function planSuggestions(
  text: { spaced: string; compact: string },
  items: readonly OpenItem[],
  amountCents: Cents,
  clientReasons: readonly MatchReasonCode[],
): { results: MatchSuggestion[]; planIds: Set<string> } {
  const byPlan = new Map<string, OpenItem[]>();
  for (const item of items) {
    if (item.kind !== 'installment' || item.planId === undefined) continue;
    byPlan.set(item.planId, [...(byPlan.get(item.planId) ?? []), item]);
  }
  const results: MatchSuggestion[] = [];
  const planIds = new Set<string>();
  for (const [planId, group] of byPlan) {
    // A SEPA credit carrying one installment's end-to-end id pays that installment.
    const named = group.find(
      (item) =>
        item.endToEndId !== undefined &&
        item.outstandingCents === amountCents &&
        text.spaced.includes(` ${normalize(item.endToEndId)} `),
    );
    if (named) {
      results.push(
        suggestion([named], amountCents, ['amount_exact', 'receipt_in_text', ...clientReasons]),
      );
      planIds.add(planId);
      continue;
    }
    const first = group[0];
    const reasons = first ? planReasons(text, first) : [];
    if (reasons.length === 0) continue;
    const ordered = [...group].sort((a, b) => compareDates(a.dueDate ?? '', b.dueDate ?? ''));
    const reached: OpenItem[] = [];
    let covered = 0;
    for (const item of ordered) {
      if (covered >= amountCents) break;
      reached.push(item);
      covered += item.outstandingCents;
    }
    const exact = covered === amountCents ? (['amount_exact'] as const) : [];
    const owed = ordered.reduce((sum, item) => sum + item.outstandingCents, 0);
    results.push(
      suggestion(reached, Math.min(amountCents, owed), [...exact, ...reasons, ...clientReasons]),
    );
    planIds.add(planId);
  }
  return { results, planIds };
}

export type SearchableText = { spaced: string; compact: string };

/** What one client's items can be: everything a client's group of open items suggests. */
export interface ClientGroup {
  /** The client's items with something owed, in the ledger's order. */
  items: readonly OpenItem[];
  /** The same items, oldest due first. */
  ordered: readonly OpenItem[];
  /** Name and tax id the text is read against (the first item's, unless given). */
  name: string;
  taxId: string;
}

/**
 * The suggestions one client's items give for a movement: plans the text names, single items by
 * exact amount or number, and runs or pairs adding up to the amount when the text names the client.
 * `numbered` says whether an invoice's number is in the text, `named` whether the client's tax id
 * and name are (mentionsNumber, mentionsTaxId, mentionsName, or a faster lookup giving the same).
 */
export function clientSuggestions(
  text: SearchableText,
  group: ClientGroup,
  amountCents: Cents,
  numbered: (item: OpenItem) => boolean = (item) => mentionsNumber(text, item.label),
  named: { taxId: boolean; name: boolean } = {
    taxId: mentionsTaxId(text, group.taxId),
    name: mentionsName(text, group.name),
  },
): MatchSuggestion[] {
  const { items } = group;
  const results: MatchSuggestion[] = [];
  const clientReasons: MatchReasonCode[] = [];
  if (named.taxId) clientReasons.push('tax_id_in_text');
  if (named.name) clientReasons.push('name_in_text');
  const plans = planSuggestions(text, items, amountCents, clientReasons);
  results.push(...plans.results);
  for (const item of items) {
    if (item.planId !== undefined && plans.planIds.has(item.planId)) continue;
    const reasons: MatchReasonCode[] = [];
    if (item.outstandingCents === amountCents) reasons.push('amount_exact');
    if (item.kind === 'invoice' && numbered(item)) reasons.push('number_in_text');
    if (reasons.length === 0) continue;
    results.push(
      suggestion([item], Math.min(item.outstandingCents, amountCents), [
        ...reasons,
        ...clientReasons,
      ]),
    );
  }
  if (clientReasons.length > 0) {
    for (const sum of sumsOf(group.ordered, amountCents)) {
      const hasNumber = sum.some((item) => item.kind === 'invoice' && numbered(item));
      const reasons: MatchReasonCode[] = ['sum_of_items', ...clientReasons];
      if (hasNumber) reasons.push('number_in_text');
      results.push(suggestion(sum, amountCents, reasons));
    }
  }
  return results;
}

/** Best first, the first `limit`; an exact amount with nothing else is weak, weaker when shared. */
export function rankSuggestions(results: MatchSuggestion[], limit: number): MatchSuggestion[] {
  const amountOnly = results.filter(
    (r) => r.reasons.length === 1 && r.reasons[0] === 'amount_exact',
  );
  for (const result of amountOnly) {
    result.confidence = amountOnly.length === 1 ? WEIGHTS.amount_exact : 0.2;
  }
  return results
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        compareDates(a.items[0]?.dueDate ?? '', b.items[0]?.dueDate ?? ''),
    )
    .slice(0, limit);
}

/** Open items grouped by client, in the order each client first appears. */
export function groupByClient(openItems: readonly OpenItem[]): Map<string, OpenItem[]> {
  const byClient = new Map<string, OpenItem[]>();
  for (const item of openItems) {
    if (item.outstandingCents <= 0) continue;
    const list = byClient.get(item.clientId) ?? [];
    list.push(item);
    byClient.set(item.clientId, list);
  }
  return byClient;
}

/**
 * Best suggestions first; empty for debits and when nothing points anywhere. Reads every client
 * against the movement: for a whole statement, build a MatchIndex once (reconciliation-index.ts).
 */
export function suggestMatches(
  movement: MovementToMatch,
  openItems: readonly OpenItem[],
  limit = 5,
): MatchSuggestion[] {
  if (movement.amountCents <= 0) return [];
  const text = searchableText(movement);
  const results: MatchSuggestion[] = [];
  for (const items of groupByClient(openItems).values()) {
    const first = items[0];
    if (!first) continue;
    const group = {
      items,
      ordered: byDueDate(items),
      name: first.clientName,
      taxId: first.clientTaxId,
    };
    results.push(...clientSuggestions(text, group, movement.amountCents));
  }
  return rankSuggestions(results, limit);
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.8) return 'high';
  return confidence >= 0.5 ? 'medium' : 'low';
}
