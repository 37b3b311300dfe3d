// Reads the screens' rows straight out of a stored (packed) read-model row, in one pass.
import type { CalendarDate } from './dates';
import type { Cents } from './money';
import type { InvoiceLifecycle } from './records';
import { isTyped } from './ledger-model-packing';
import type {
  CompactInvoice,
  ModelAllocation,
  ModelPayment,
  StoredInvoiceRow,
  StoredMoneyRow,
} from './ledger-read-model';

/*
 * Why not unpack to columns first: at 100.000 invoices the intermediate arrays cost as much as
 * reading the rows from IndexedDB. Here every text is cut once, where its object is built.
 * A row that does not add up gives null (the caller reads the tables, and the model is rebuilt).
 */

/** The packed text, each cell's length, and where each column starts. */
interface ColumnLayout {
  text: string;
  lengths: Int32Array;
  starts: number[];
}

/** Where each text column starts in the packed text, or null when the lengths do not add up. */
function columnStarts(
  text: unknown,
  lengths: unknown,
  sizes: readonly number[],
): ColumnLayout | null {
  if (typeof text !== 'string' || !isTyped(lengths, 'Int32Array')) return null;
  const cells = lengths as Int32Array;
  let total = 0;
  for (const size of sizes) {
    if (!Number.isSafeInteger(size) || size < 0) return null;
    total += size;
  }
  if (total !== cells.length) return null;
  const starts: number[] = [];
  let offset = 0;
  let cell = 0;
  for (const size of sizes) {
    starts.push(offset);
    for (let i = 0; i < size; i += 1) {
      const length = cells[cell] ?? -1;
      if (length > 0) offset += length;
      cell += 1;
    }
  }
  return offset === text.length ? { text, lengths: cells, starts } : null;
}

/** Safe integers only, as many as the sizes say. */
function checkedNumbers(numbers: unknown, count: number): Float64Array | null {
  if (!isTyped(numbers, 'Float64Array')) return null;
  const values = numbers as Float64Array;
  if (values.length !== count) return null;
  for (let i = 0; i < count; i += 1) if (!Number.isSafeInteger(values[i])) return null;
  return values;
}

/** Reads one text column cell by cell. */
class TextCursor {
  private offset: number;
  private cell: number;

  constructor(
    private readonly text: string,
    private readonly lengths: Int32Array,
    start: number,
    firstCell: number,
  ) {
    this.offset = start;
    this.cell = firstCell;
  }

  next(): string | null {
    const length = this.lengths[this.cell] ?? -1;
    this.cell += 1;
    if (length < 0) return null;
    const value = this.text.slice(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** True when the next cell is a text (not null), without moving. */
  peekIsPresent(): boolean {
    return (this.lengths[this.cell] ?? -1) >= 0;
  }

  skip(count = 1): void {
    for (let k = 0; k < count; k += 1) {
      const length = this.lengths[this.cell] ?? -1;
      this.cell += 1;
      if (length > 0) this.offset += length;
    }
  }
}

/**
 * Which invoices to build: every one; Hoy's open set (issued, money outstanding, an unpaid due);
 * or the receivables (issued with money outstanding) and every invoice in a plan: all that
 * invoiceState needs to give a client's balance (the others add 0; a plan's state needs its
 * invoices, see buildLedgerContext).
 */
export type InvoiceSelection = 'all' | 'open' | 'receivable';

function isSelected(
  selection: InvoiceSelection,
  lifecycle: InvoiceLifecycle,
  outstandingCents: Cents,
  nextDueDate: CalendarDate | null,
  plan: boolean,
): boolean {
  if (selection === 'all') return true;
  const receivable = lifecycle === 'issued' && outstandingCents > 0;
  return selection === 'open' ? receivable && nextDueDate !== null : receivable || plan;
}

/** Whether a decoded invoice belongs to `selection` (the same test readStoredInvoices makes). */
export function isInSelection(selection: InvoiceSelection, invoice: CompactInvoice): boolean {
  return isSelected(
    selection,
    invoice.lifecycle,
    invoice.outstandingCents,
    invoice.nextDueDate,
    invoice.planId !== null,
  );
}

/** The row's layout and numbers when it adds up (every count, length and cent), else null. */
function invoiceLayout(
  row: StoredInvoiceRow,
): { layout: ColumnLayout; numbers: Float64Array } | null {
  const n = row.invoiceCount;
  const dueTotal = row.dueCount;
  if (!Number.isSafeInteger(row.creditCents) || typeof row.texts !== 'object') return null;
  const layout = columnStarts(row.texts.text, row.texts.lengths, [n, n, n, n, n, n, dueTotal]);
  const numbers = layout ? checkedNumbers(row.numbers, 7 * n + dueTotal) : null;
  if (!layout || !numbers) return null;
  let dueSum = 0;
  for (let i = 0; i < n; i += 1) dueSum += numbers[6 * n + i] ?? 0;
  return dueSum === dueTotal ? { layout, numbers } : null;
}

/**
 * Whether readStoredInvoices can read the row, checked without building an invoice: what a
 * reader that decodes later (a screen asks) checks when it reads the row.
 */
export function storedInvoicesAddUp(row: StoredInvoiceRow): boolean {
  const read = invoiceLayout(row);
  if (!read) return false;
  const n = row.invoiceCount;
  const lengths = read.layout.lengths;
  // Every invoice has an id (column 0) and a lifecycle (column 3).
  for (let i = 0; i < n; i += 1) {
    if ((lengths[i] ?? -1) < 0 || (lengths[3 * n + i] ?? -1) < 0) return false;
  }
  return true;
}

/**
 * The row's invoices as CompactInvoice (in id order), or null when the row does not add up.
 * `reuse`: invoices already read from this same row (in id order, any subset): those are given
 * back as they are, not built again, so every selection of a row shares its objects.
 */
export function readStoredInvoices(
  row: StoredInvoiceRow,
  selection: InvoiceSelection = 'all',
  reuse: readonly CompactInvoice[] = [],
): CompactInvoice[] | null {
  const read = invoiceLayout(row);
  if (!read) return null;
  const { layout, numbers } = read;
  const n = row.invoiceCount;
  const column = (index: number) =>
    new TextCursor(layout.text, layout.lengths, layout.starts[index] ?? 0, index * n);
  const ids = column(0);
  const invoiceNumbers = column(1);
  const issueDates = column(2);
  const lifecycles = column(3);
  const nextDueDates = column(4);
  const plans = column(5);
  const dueDates = column(6);
  const out: CompactInvoice[] = [];
  let due = 7 * n;
  let reused = 0;
  for (let i = 0; i < n; i += 1) {
    const dueCount = numbers[6 * n + i] ?? 0;
    const outstanding = numbers[3 * n + i] ?? 0;
    const id = ids.next();
    const lifecycle = lifecycles.next() as InvoiceLifecycle | null;
    const nextDueDate = nextDueDates.next();
    if (id === null || lifecycle === null) return null;
    const planned = plans.peekIsPresent();
    const known = reuse[reused];
    const selected = isSelected(selection, lifecycle, outstanding, nextDueDate, planned);
    if (!selected || known?.id === id) {
      invoiceNumbers.skip();
      issueDates.skip();
      plans.skip();
      dueDates.skip(dueCount);
      due += dueCount;
      if (known?.id === id) {
        reused += 1;
        if (selected) out.push(known);
      }
      continue;
    }
    const dues = new Array<{ dueDate: CalendarDate; amountCents: Cents }>(dueCount);
    for (let k = 0; k < dueCount; k += 1) {
      dues[k] = { dueDate: dueDates.next() ?? '', amountCents: numbers[due + k] ?? 0 };
    }
    due += dueCount;
    const credited = numbers[4 * n + i] ?? -1;
    const invoice: CompactInvoice = {
      id,
      clientId: row.clientId,
      number: invoiceNumbers.next() ?? '',
      issueDate: issueDates.next() ?? '',
      lifecycle,
      totalCents: numbers[i] ?? 0,
      payableCents: numbers[n + i] ?? 0,
      paidCents: numbers[2 * n + i] ?? 0,
      outstandingCents: outstanding,
      nextDueDate,
      disputedCents: numbers[5 * n + i] ?? 0,
      planId: plans.next(),
      dues,
    };
    if (credited >= 0) invoice.creditedCents = credited;
    out.push(invoice);
  }
  return out;
}

/** The row's payments and allocations (in id order), or null when the row does not add up. */
export function readStoredMoney(
  row: StoredMoneyRow,
): { payments: ModelPayment[]; allocations: ModelAllocation[] } | null {
  const p = row.paymentCount;
  const a = row.allocationCount;
  if (typeof row.texts !== 'object') return null;
  const layout = columnStarts(row.texts.text, row.texts.lengths, [p, p, a, a, a]);
  const numbers = layout ? checkedNumbers(row.numbers, p + a) : null;
  if (!layout || !numbers) return null;
  const column = (index: number, firstCell: number) =>
    new TextCursor(layout.text, layout.lengths, layout.starts[index] ?? 0, firstCell);
  const paymentIds = column(0, 0);
  const paymentDates = column(1, p);
  const allocationIds = column(2, 2 * p);
  const invoiceIds = column(3, 2 * p + a);
  const paymentRefs = column(4, 2 * p + 2 * a);
  const payments: ModelPayment[] = new Array<ModelPayment>(p);
  for (let i = 0; i < p; i += 1) {
    const id = paymentIds.next();
    const date = paymentDates.next();
    if (id === null || date === null) return null;
    payments[i] = { id, date, amountCents: numbers[i] ?? 0 };
  }
  const allocations: ModelAllocation[] = new Array<ModelAllocation>(a);
  for (let i = 0; i < a; i += 1) {
    const id = allocationIds.next();
    const invoiceId = invoiceIds.next();
    const paymentId = paymentRefs.next();
    if (id === null || invoiceId === null || paymentId === null) return null;
    allocations[i] = { id, invoiceId, paymentId, amountCents: numbers[p + i] ?? 0 };
  }
  return { payments, allocations };
}
