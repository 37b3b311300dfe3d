// The ledger's search and filters: pure, over precomputed rows, fast enough for 100,000 invoices.
import type { InvoiceStatus } from './records';
import type { AgingBucket } from './aging';
import type { CalendarDate } from './dates';
import type { Cents } from './money';

/** What a ledger row must offer to be filtered; search keys are built once per row. */
export interface FilterableRow {
  clientId: string;
  issueDate: CalendarDate;
  nextDueDate: CalendarDate | null;
  payableCents: Cents;
  outstandingCents: Cents;
  overdueCents: Cents;
  status: InvoiceStatus;
  /** In an active plan (ledger-state.ts): matches the 'in_plan' status even when overdue. */
  inPlan?: boolean;
  bucket: AgingBucket | null;
  /** Last contact with the client (an activity), or null when never contacted. */
  lastContactDate: CalendarDate | null;
  /** Lower-case client name, tax id and invoice number joined by \u0000. */
  searchText: string;
  /**
   * When given, `searchText` is `searchPrefix + searchTail`: the client's part through its last
   * \u0000 (one string shared by every row of the client) and the lower-case invoice number. The
   * index then takes them as they are instead of cutting every row's text (which would copy it).
   */
  searchPrefix?: string;
  searchTail?: string;
  /** Amounts as typed in Spain, each preceded by \u0001 ("\u00011.210,00\u00011210,00"). */
  amountText: string;
}

export interface LedgerFilter {
  search: string;
  /** Empty means every status; 'open' is any issued invoice with something outstanding. */
  statuses: (InvoiceStatus | 'open')[];
  buckets: AgingBucket[];
  clientIds: string[];
  /** Only invoices with an overdue part (dues past their date and unpaid). */
  overdueOnly: boolean;
  issueFrom: CalendarDate | null;
  issueTo: CalendarDate | null;
  dueFrom: CalendarDate | null;
  dueTo: CalendarDate | null;
  /** Bounds on the payable amount, inclusive. */
  minCents: Cents | null;
  maxCents: Cents | null;
  /** Only clients with no contact on or after this date. */
  notContactedSince: CalendarDate | null;
}

export const EMPTY_FILTER: LedgerFilter = {
  search: '',
  statuses: [],
  buckets: [],
  clientIds: [],
  overdueOnly: false,
  issueFrom: null,
  issueTo: null,
  dueFrom: null,
  dueTo: null,
  minCents: null,
  maxCents: null,
  notContactedSince: null,
};

/** The statuses the 'open' choice stands for. */
export const OPEN_STATUSES: ReadonlySet<InvoiceStatus> = new Set([
  'pending',
  'partial',
  'overdue',
  'disputed',
  'in_plan',
]);

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));

/** "1234567" → "1.234.567": a dot every three digits from the right. */
function groupThousands(digits: string): string {
  let head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (; head < digits.length; head += 3) grouped += `.${digits.slice(head, head + 3)}`;
  return grouped;
}

/**
 * Pushes each form of `cents` preceded by \u0001 onto `parts`. Built with plain string operations,
 * not a regular expression: the ledger builds it for every amount of 100,000 invoices.
 */
function pushAmountForms(parts: string[], cents: Cents): void {
  const negative = cents < 0;
  const absolute = negative ? -cents : cents;
  const whole = String(Math.floor(absolute / 100));
  const tail = `,${TWO_DIGITS[absolute % 100] ?? ''}`;
  const sign = negative ? '-' : '';
  parts.push('\u0001', sign, whole, tail);
  if (whole.length > 3) parts.push('\u0001', sign, groupThousands(whole), tail);
}

/** 121000 cents → "1210,00" and "1.210,00", so "1.210", "1210" and "1.210,00" all find it. */
export function amountSearchForms(cents: Cents): string[] {
  return buildAmountText([cents]).split('\u0001').slice(1);
}

/**
 * The lower-case "client name \u0000 tax id \u0000" every row of a client starts its search text
 * with: built once per client, not once per invoice.
 */
export function searchTextPrefix(clientName: string, taxId: string): string {
  return `${clientName}\u0000${taxId}\u0000`.toLowerCase();
}

/**
 * The invoice number's part of the search text (what follows the client's prefix). Lower-casing
 * is per character here ('es' has no special casing rules, so toLowerCase equals
 * toLocaleLowerCase('es')), hence a client's prefix joined to this equals lower-casing the whole
 * text (buildSearchText).
 */
export function searchTailOf(number: string): string {
  return number.toLowerCase();
}

export function buildSearchText(clientName: string, taxId: string, number: string): string {
  return `${clientName}\u0000${taxId}\u0000${number}`.toLocaleLowerCase('es');
}

/**
 * Every amount's forms in one string, joined at once: a string grown piece by piece is a chain of
 * pieces that its first search copies whole (a million of them when the ledger's index is built).
 */
export function buildAmountText(amounts: readonly Cents[]): string {
  const parts: string[] = [];
  for (const cents of amounts) pushAmountForms(parts, cents);
  return parts.join('');
}

// Digits with Spanish or English separators and an optional € or minus: the query may be an amount.
const AMOUNT_QUERY = /^-?\d[\d.,]*$/;

export interface CompiledSearch {
  text: string;
  /** The query as the start of an amount, or null when it cannot be one. */
  amountPrefix: string | null;
}

export function compileSearch(search: string): CompiledSearch | null {
  const text = search.trim().toLocaleLowerCase('es');
  if (text === '') return null;
  const compact = text.replace(/\s|€/g, '');
  // "1.210" is an amount's start, never "11.210": amounts match from their first digit.
  const amountPrefix = AMOUNT_QUERY.test(compact) ? `\u0001${compact}` : null;
  return { text, amountPrefix };
}

export function matchesSearch(row: FilterableRow, search: CompiledSearch | null): boolean {
  if (search === null) return true;
  if (row.searchText.includes(search.text)) return true;
  return search.amountPrefix !== null && row.amountText.includes(search.amountPrefix);
}

function inRange(value: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (value === null) return false;
  return (from === null || value >= from) && (to === null || value <= to);
}

/** A predicate compiled once per filter change, then run over every row. */
export function compileFilter(filter: LedgerFilter): (row: FilterableRow) => boolean {
  const search = compileSearch(filter.search);
  const statuses = new Set(filter.statuses);
  const wantsOpen = statuses.has('open');
  const wantsPlan = statuses.has('in_plan');
  const buckets = new Set(filter.buckets);
  const clients = new Set(filter.clientIds);
  const { issueFrom, issueTo, dueFrom, dueTo, minCents, maxCents, notContactedSince } = filter;
  return (row) => {
    if (statuses.size > 0 && !statuses.has(row.status)) {
      const planMatch = wantsPlan && row.inPlan === true;
      if (!planMatch && !(wantsOpen && OPEN_STATUSES.has(row.status))) return false;
    }
    if (buckets.size > 0 && (row.bucket === null || !buckets.has(row.bucket))) return false;
    if (clients.size > 0 && !clients.has(row.clientId)) return false;
    if (filter.overdueOnly && row.overdueCents <= 0) return false;
    if (!inRange(row.issueDate, issueFrom, issueTo)) return false;
    if (!inRange(row.nextDueDate, dueFrom, dueTo)) return false;
    if (minCents !== null && row.payableCents < minCents) return false;
    if (maxCents !== null && row.payableCents > maxCents) return false;
    if (
      notContactedSince !== null &&
      row.lastContactDate !== null &&
      row.lastContactDate >= notContactedSince
    ) {
      return false;
    }
    return matchesSearch(row, search);
  };
}

export function filterRows<T extends FilterableRow>(rows: readonly T[], filter: LedgerFilter): T[] {
  const keep = compileFilter(filter);
  const result: T[] = [];
  for (const row of rows) if (keep(row)) result.push(row);
  return result;
}

export interface LedgerTotals {
  count: number;
  payableCents: Cents;
  /** Only issued invoices: drafts and written-off debts are not expected money. */
  outstandingCents: Cents;
  overdueCents: Cents;
}

export function ledgerTotals(
  rows: readonly (FilterableRow & { lifecycle: string })[],
): LedgerTotals {
  let payableCents = 0;
  let outstandingCents = 0;
  let overdueCents = 0;
  for (const row of rows) {
    // A cancelled invoice (anulada) was never owed: it stays listed but adds to no amount.
    if (row.lifecycle !== 'cancelled') payableCents += row.payableCents;
    if (row.lifecycle === 'issued') outstandingCents += row.outstandingCents;
    overdueCents += row.overdueCents;
  }
  return { count: rows.length, payableCents, outstandingCents, overdueCents };
}

/** True when the filter narrows nothing (the ledger shows everything). */
export function isEmptyFilter(filter: LedgerFilter): boolean {
  return (Object.keys(EMPTY_FILTER) as (keyof LedgerFilter)[]).every(
    (key) => JSON.stringify(filter[key]) === JSON.stringify(EMPTY_FILTER[key]),
  );
}

/**
 * True when every row the next filter keeps was kept by the previous one, so typing one more
 * character only narrows the previous result instead of scanning the whole ledger again.
 */
export function narrows(previous: LedgerFilter, next: LedgerFilter): boolean {
  const sameOtherwise = (Object.keys(EMPTY_FILTER) as (keyof LedgerFilter)[]).every(
    (key) => key === 'search' || JSON.stringify(previous[key]) === JSON.stringify(next[key]),
  );
  if (!sameOtherwise) return false;
  const before = compileSearch(previous.search);
  const after = compileSearch(next.search);
  if (before === null) return after === null;
  if (after === null || !after.text.startsWith(before.text)) return false;
  if (after.amountPrefix === null) return true;
  return before.amountPrefix !== null && after.amountPrefix.startsWith(before.amountPrefix);
}
