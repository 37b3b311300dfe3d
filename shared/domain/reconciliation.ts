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
}

export type MatchReasonCode =
  'amount_exact' | 'sum_of_items' | 'number_in_text' | 'tax_id_in_text' | 'name_in_text';

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
}

const REASON_WORDS: Record<MatchReasonCode, string> = {
  amount_exact: 'importe exacto',
  sum_of_items: 'suma exacta de varias facturas',
  number_in_text: 'número de factura en el concepto',
  tax_id_in_text: 'NIF del cliente en el concepto',
  name_in_text: 'nombre del cliente en el movimiento',
};

const WEIGHTS: Record<MatchReasonCode, number> = {
  amount_exact: 0.4,
  sum_of_items: 0.3,
  number_in_text: 0.45,
  tax_id_in_text: 0.35,
  name_in_text: 0.2,
};

const LEGAL_FORMS = new Set([
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

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The movement's words with separators removed too, so "FAC 2026/0042" finds "2026-0042". */
function searchableText(movement: MovementToMatch): { spaced: string; compact: string } {
  const spaced = ` ${normalize([movement.concept, ...movement.references, movement.counterpartyName].join(' '))} `;
  return { spaced, compact: spaced.replace(/ /g, '') };
}

function mentionsNumber(text: { spaced: string; compact: string }, number: string): boolean {
  const compact = normalize(number).replace(/ /g, '');
  // Very short numbers ("12") would match any reference by chance.
  if (compact.length < 4)
    return text.spaced.includes(` ${normalize(number)} `) && compact.length >= 3;
  return text.compact.includes(compact);
}

function mentionsTaxId(text: { compact: string }, taxId: string): boolean {
  return taxId.length >= 8 && text.compact.includes(normalize(taxId).replace(/ /g, ''));
}

function mentionsName(text: { spaced: string }, name: string): boolean {
  const words = normalize(name)
    .split(' ')
    .filter((word) => word.length >= 3 && !LEGAL_FORMS.has(word));
  if (words.length === 0) return false;
  const found = words.filter((word) => text.spaced.includes(` ${word} `)).length;
  // Most of the significant words: "TALLERES GARCIA" matches "Talleres Hermanos García S.L.".
  return found >= Math.min(2, words.length) && found / words.length >= 0.5;
}

function scoreOf(reasons: readonly MatchReasonCode[]): number {
  const raw = reasons.reduce((sum, reason) => sum + WEIGHTS[reason], 0);
  return Math.min(0.99, Math.round(raw * 100) / 100);
}

function suggestion(
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
    reason: reasons.map((code) => REASON_WORDS[code]).join('; '),
  };
}

/** Oldest-first runs and pairs of one client's items whose outstanding adds up to the amount. */
function sumsOf(items: readonly OpenItem[], amountCents: Cents): OpenItem[][] {
  const ordered = [...items].sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
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

/** Best suggestions first; empty for debits and when nothing points anywhere. */
export function suggestMatches(
  movement: MovementToMatch,
  openItems: readonly OpenItem[],
  limit = 5,
): MatchSuggestion[] {
  if (movement.amountCents <= 0) return [];
  const text = searchableText(movement);
  const byClient = new Map<string, OpenItem[]>();
  for (const item of openItems) {
    if (item.outstandingCents <= 0) continue;
    const list = byClient.get(item.clientId) ?? [];
    list.push(item);
    byClient.set(item.clientId, list);
  }
  const results: MatchSuggestion[] = [];
  for (const items of byClient.values()) {
    const first = items[0];
    if (!first) continue;
    const clientReasons: MatchReasonCode[] = [];
    if (mentionsTaxId(text, first.clientTaxId)) clientReasons.push('tax_id_in_text');
    if (mentionsName(text, first.clientName)) clientReasons.push('name_in_text');
    for (const item of items) {
      const reasons: MatchReasonCode[] = [];
      if (item.outstandingCents === movement.amountCents) reasons.push('amount_exact');
      if (item.kind === 'invoice' && mentionsNumber(text, item.label))
        reasons.push('number_in_text');
      if (reasons.length === 0) continue;
      results.push(
        suggestion([item], Math.min(item.outstandingCents, movement.amountCents), [
          ...reasons,
          ...clientReasons,
        ]),
      );
    }
    if (clientReasons.length > 0) {
      for (const group of sumsOf(items, movement.amountCents)) {
        const numbered = group.some(
          (item) => item.kind === 'invoice' && mentionsNumber(text, item.label),
        );
        const reasons: MatchReasonCode[] = ['sum_of_items', ...clientReasons];
        if (numbered) reasons.push('number_in_text');
        results.push(suggestion(group, movement.amountCents, reasons));
      }
    }
  }
  // An exact amount with nothing else is weak, and weaker still when several items share it.
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
        (a.items[0]?.dueDate ?? '').localeCompare(b.items[0]?.dueDate ?? ''),
    )
    .slice(0, limit);
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.8) return 'high';
  return confidence >= 0.5 ? 'medium' : 'low';
}
