// The ledger's read model: per client, the columns of its invoices that screens show and filter on.
import type { CalendarDate } from './dates';
import type { Cents } from './money';
import type { AllocationRecord, InvoiceLifecycle, InvoiceRecord, PaymentRecord } from './records';
import { readStoredInvoices, readStoredMoney } from './ledger-model-decode';
import { packNumbers, packTexts, type PackedTexts } from './ledger-model-packing';

/*
 * Why per client and in columns: a screen that opens reads a few hundred rows of arrays, not
 * 100,000 objects (IndexedDB clones every stored object one by one; an array of strings or numbers
 * is cheap). A write touches one client's row. What depends on today (overdue, bucket, status) is
 * NOT stored: it is derived on read with invoiceState/totalsOf, like everywhere else.
 */

/** What the screens need of an invoice: enough for invoiceState (ledger-state.ts) and a ledger row. */
export type CompactInvoice = Pick<
  InvoiceRecord,
  | 'id'
  | 'clientId'
  | 'number'
  | 'issueDate'
  | 'lifecycle'
  | 'totalCents'
  | 'payableCents'
  | 'paidCents'
  | 'outstandingCents'
  | 'creditedCents'
  | 'nextDueDate'
  | 'disputedCents'
  | 'planId'
  | 'dues'
>;

/** One client's invoices, one array per field, in invoice id order. */
export interface LedgerChunkRecord {
  clientId: string;
  ids: string[];
  numbers: string[];
  issueDates: CalendarDate[];
  lifecycles: InvoiceLifecycle[];
  totalCents: Cents[];
  payableCents: Cents[];
  paidCents: Cents[];
  outstandingCents: Cents[];
  /** -1 when the record has no creditedCents (absent = 0, kept absent as stored). */
  creditedCents: Cents[];
  nextDueDates: (CalendarDate | null)[];
  disputedCents: Cents[];
  /** Each invoice's plan (named without "Id": these are not references the map follows). */
  planRefs: (string | null)[];
  /** How many dues each invoice has; their dates and amounts follow each other in dueDates/dueCents. */
  dueCounts: number[];
  dueDates: CalendarDate[];
  dueCents: Cents[];
  /** What the client has paid and not yet applied: the sum of its payments' unallocatedCents. */
  creditCents: Cents;
  /*
   * The client's payments and allocations (for the Panel's collections, issue 14), in id order.
   * Named "Keys"/without "Id": the model is derived, not a record the references map follows.
   */
  paymentKeys: string[];
  paymentDates: CalendarDate[];
  paymentCents: Cents[];
  allocationKeys: string[];
  allocationInvoices: string[];
  allocationPayments: string[];
  allocationCents: Cents[];
}

/** A payment as far as the model cares: its client, date, amount and what is not applied yet. */
export type CompactPayment = Pick<
  PaymentRecord,
  'id' | 'clientId' | 'date' | 'amountCents' | 'unallocatedCents'
>;

/** An allocation as the model keeps it. */
export type CompactAllocation = Pick<
  AllocationRecord,
  'id' | 'clientId' | 'invoiceId' | 'paymentId' | 'amountCents'
>;

/**
 * The key of the marker row: present only when every invoice is in the model. A write the model
 * cannot follow row by row (a range delete, a table cleared) removes it; the next read rebuilds.
 */
export const READY_KEY = 0;

/**
 * The model's format: a marker of an older format (3: no revisions; 2: columns as plain arrays;
 * older: no payments or allocations) counts as absent, so the next read rebuilds the model.
 */
export const MODEL_FORMAT = 4;

/**
 * The marker row (a number key: no client id, and sorted before every chunk). `epoch` names one
 * build of the model; `rev` counts the write transactions since, and every row written by one is
 * stamped with its rev: a copy kept in memory (ledger-mirror.ts) reads only the rows stamped after
 * its own rev, and reads everything again when the epoch changes.
 */
export interface ReadyMarker {
  clientId: typeof READY_KEY;
  format?: number;
  epoch?: string;
  rev?: number;
  /**
   * The rev of the last write to each table the copy in memory keeps whole (the clients, the
   * activities: see ledger-mirror.ts); absent: 0.
   */
  tableRevs?: Partial<Record<string, number>>;
}

/** The marker of a model just built (its rows stamped rev 0). */
export function readyMarker(epoch: string): ReadyMarker {
  return { clientId: READY_KEY, format: MODEL_FORMAT, epoch, rev: 0 };
}

/** True for the marker of a complete model in the current format. */
export function isCurrentMarker(row: LedgerModelRow | undefined): row is ReadyMarker {
  return (
    row !== undefined &&
    row.clientId === READY_KEY &&
    row.format === MODEL_FORMAT &&
    typeof row.epoch === 'string' &&
    Number.isSafeInteger(row.rev)
  );
}

/*
 * Storage: a chunk is kept as two rows so the screens that need only the invoices (the ledger,
 * Clientes) do not read the payments and allocations. The invoices' row is keyed by the client id;
 * the money row by [client id], an array key: IndexedDB sorts arrays after every string, so
 * `below(FIRST_MONEY_KEY)` on the key reads the marker and the invoices' rows alone (and an array
 * is not an id the references check follows; the middleware deletes the row once it is empty).
 * Each row is stored packed (ledger-model-packing.ts) and unpacked when read.
 */
export const FIRST_MONEY_KEY: readonly string[] = [];

type MoneyColumnName =
  | 'paymentKeys'
  | 'paymentDates'
  | 'paymentCents'
  | 'allocationKeys'
  | 'allocationInvoices'
  | 'allocationPayments'
  | 'allocationCents';

/** A chunk's invoices (and the client's credit), unpacked. */
export type InvoiceChunkRow = Omit<LedgerChunkRecord, MoneyColumnName>;

/** A chunk's payments and allocations, unpacked; `owner` is the client. */
export type MoneyChunkRow = Pick<LedgerChunkRecord, MoneyColumnName> & {
  clientId: [string];
  owner: string;
};

/**
 * The stored row of a chunk's invoices. Texts: ids, numbers, issue dates, lifecycles, next due
 * dates, plans (one per invoice each), then due dates (one per due). Numbers: total, payable,
 * paid, outstanding, credited, disputed cents and due counts (one per invoice each), then the
 * dues' cents.
 */
export interface StoredInvoiceRow {
  clientId: string;
  /** The marker's rev when this row was written (see ReadyMarker). */
  rev: number;
  invoiceCount: number;
  dueCount: number;
  creditCents: Cents;
  texts: PackedTexts;
  numbers: Float64Array;
}

/**
 * The stored row of a chunk's payments and allocations. Texts: payment ids and dates, then
 * allocation ids, invoices and payments. Numbers: payments' cents, then allocations' cents.
 */
export interface StoredMoneyRow {
  clientId: [string];
  rev: number;
  owner: string;
  paymentCount: number;
  allocationCount: number;
  texts: PackedTexts;
  numbers: Float64Array;
}

export type LedgerModelRow = StoredInvoiceRow | StoredMoneyRow | ReadyMarker;

export function isChunk(row: LedgerModelRow): row is StoredInvoiceRow {
  return typeof row.clientId === 'string';
}

export function isMoneyRow(row: LedgerModelRow): row is StoredMoneyRow {
  return Array.isArray(row.clientId);
}

export const moneyKeyOf = (clientId: string): [string] => [clientId];

export function packInvoiceRow(row: InvoiceChunkRow, rev = 0): StoredInvoiceRow {
  return {
    clientId: row.clientId,
    rev,
    invoiceCount: row.ids.length,
    dueCount: row.dueDates.length,
    creditCents: row.creditCents,
    texts: packTexts([
      row.ids,
      row.numbers,
      row.issueDates,
      row.lifecycles,
      row.nextDueDates,
      row.planRefs,
      row.dueDates,
    ]),
    numbers: packNumbers([
      row.totalCents,
      row.payableCents,
      row.paidCents,
      row.outstandingCents,
      row.creditedCents,
      row.disputedCents,
      row.dueCounts,
      row.dueCents,
    ]),
  };
}

/** The invoices' row unpacked, or null when it does not add up (then the model is rebuilt). */
export function unpackInvoiceRow(row: StoredInvoiceRow): InvoiceChunkRow | null {
  const invoices = readStoredInvoices(row);
  return invoices
    ? splitChunk(encodeChunk(row.clientId, invoices, row.creditCents)).invoices
    : null;
}

export function packMoneyRow(row: MoneyChunkRow, rev = 0): StoredMoneyRow {
  return {
    clientId: row.clientId,
    rev,
    owner: row.owner,
    paymentCount: row.paymentKeys.length,
    allocationCount: row.allocationKeys.length,
    texts: packTexts([
      row.paymentKeys,
      row.paymentDates,
      row.allocationKeys,
      row.allocationInvoices,
      row.allocationPayments,
    ]),
    numbers: packNumbers([row.paymentCents, row.allocationCents]),
  };
}

/** The money row unpacked, or null when it does not add up. */
export function unpackMoneyRow(row: StoredMoneyRow): MoneyChunkRow | null {
  const money = readStoredMoney(row);
  if (!money || typeof row.owner !== 'string') return null;
  const chunk = emptyChunk(row.owner);
  writePayments(chunk, money.payments);
  writeAllocations(chunk, money.allocations);
  return splitChunk(chunk).money;
}

/** A chunk's two parts: its invoices (and credit) and its money. */
function splitChunk(chunk: LedgerChunkRecord): { invoices: InvoiceChunkRow; money: MoneyChunkRow } {
  const {
    paymentKeys,
    paymentDates,
    paymentCents,
    allocationKeys,
    allocationInvoices,
    allocationPayments,
    allocationCents,
    ...invoices
  } = chunk;
  const money: MoneyChunkRow = {
    clientId: moneyKeyOf(chunk.clientId),
    owner: chunk.clientId,
    paymentKeys,
    paymentDates,
    paymentCents,
    allocationKeys,
    allocationInvoices,
    allocationPayments,
    allocationCents,
  };
  return { invoices, money };
}

/** The two rows a chunk is stored as, stamped `rev`; a part that holds nothing is not stored. */
export function storedRowsOf(
  chunk: LedgerChunkRecord,
  rev = 0,
): { invoices: StoredInvoiceRow; money: StoredMoneyRow } {
  const { invoices, money } = splitChunk(chunk);
  return { invoices: packInvoiceRow(invoices, rev), money: packMoneyRow(money, rev) };
}

/** A stored row with nothing in it (no invoices and no credit; no payments nor allocations). */
export function isEmptyRow(row: StoredInvoiceRow | StoredMoneyRow): boolean {
  return isChunk(row)
    ? row.invoiceCount === 0 && row.creditCents === 0
    : row.paymentCount === 0 && row.allocationCount === 0;
}

/** Every stored row of these chunks, in key order. */
export function storedRowsOfAll(chunks: readonly LedgerChunkRecord[]): LedgerModelRow[] {
  const invoices: LedgerModelRow[] = [];
  const money: LedgerModelRow[] = [];
  for (const chunk of chunks) {
    const rows = storedRowsOf(chunk);
    if (!isEmptyRow(rows.invoices)) invoices.push(rows.invoices);
    if (!isEmptyRow(rows.money)) money.push(rows.money);
  }
  return [...invoices, ...money];
}

/**
 * A client's chunk from its stored rows (either may be absent), or null when one does not unpack
 * (the caller then drops the model so that it is rebuilt).
 */
export function joinChunk(
  clientId: string,
  invoices: StoredInvoiceRow | undefined,
  money: StoredMoneyRow | undefined,
): LedgerChunkRecord | null {
  const invoiceColumns = invoices ? unpackInvoiceRow(invoices) : undefined;
  const moneyColumns = money ? unpackMoneyRow(money) : undefined;
  if (invoiceColumns === null || moneyColumns === null) return null;
  const chunk: LedgerChunkRecord = { ...emptyChunk(clientId), ...(invoiceColumns ?? {}) };
  if (moneyColumns) {
    chunk.paymentKeys = moneyColumns.paymentKeys;
    chunk.paymentDates = moneyColumns.paymentDates;
    chunk.paymentCents = moneyColumns.paymentCents;
    chunk.allocationKeys = moneyColumns.allocationKeys;
    chunk.allocationInvoices = moneyColumns.allocationInvoices;
    chunk.allocationPayments = moneyColumns.allocationPayments;
    chunk.allocationCents = moneyColumns.allocationCents;
  }
  return chunk;
}

export function emptyChunk(clientId: string): LedgerChunkRecord {
  return {
    clientId,
    ids: [],
    numbers: [],
    issueDates: [],
    lifecycles: [],
    totalCents: [],
    payableCents: [],
    paidCents: [],
    outstandingCents: [],
    creditedCents: [],
    nextDueDates: [],
    disputedCents: [],
    planRefs: [],
    dueCounts: [],
    dueDates: [],
    dueCents: [],
    creditCents: 0,
    paymentKeys: [],
    paymentDates: [],
    paymentCents: [],
    allocationKeys: [],
    allocationInvoices: [],
    allocationPayments: [],
    allocationCents: [],
  };
}

/** The compact invoices of a chunk, in its (id) order. */
export function decodeChunk(chunk: InvoiceChunkRow): CompactInvoice[] {
  return decodeWhere(chunk, () => true);
}

function decodeWhere(chunk: InvoiceChunkRow, keep: (index: number) => boolean): CompactInvoice[] {
  const out: CompactInvoice[] = [];
  let due = 0;
  for (let i = 0; i < chunk.ids.length; i += 1) {
    const count = chunk.dueCounts[i] ?? 0;
    if (!keep(i)) {
      due += count;
      continue;
    }
    const dues = new Array<{ dueDate: CalendarDate; amountCents: Cents }>(count);
    for (let k = 0; k < count; k += 1) {
      dues[k] = {
        dueDate: chunk.dueDates[due + k] ?? '',
        amountCents: chunk.dueCents[due + k] ?? 0,
      };
    }
    due += count;
    const credited = chunk.creditedCents[i] ?? -1;
    const invoice: CompactInvoice = {
      id: chunk.ids[i] ?? '',
      clientId: chunk.clientId,
      number: chunk.numbers[i] ?? '',
      issueDate: chunk.issueDates[i] ?? '',
      lifecycle: chunk.lifecycles[i] ?? 'issued',
      totalCents: chunk.totalCents[i] ?? 0,
      payableCents: chunk.payableCents[i] ?? 0,
      paidCents: chunk.paidCents[i] ?? 0,
      outstandingCents: chunk.outstandingCents[i] ?? 0,
      nextDueDate: chunk.nextDueDates[i] ?? null,
      disputedCents: chunk.disputedCents[i] ?? 0,
      planId: chunk.planRefs[i] ?? null,
      dues,
    };
    if (credited >= 0) invoice.creditedCents = credited;
    out.push(invoice);
  }
  return out;
}

/** Only the fields of the read model, from a stored invoice (or a compact one). */
export function compactOf(invoice: CompactInvoice): CompactInvoice {
  const compact: CompactInvoice = {
    id: invoice.id,
    clientId: invoice.clientId,
    number: invoice.number,
    issueDate: invoice.issueDate,
    lifecycle: invoice.lifecycle,
    totalCents: invoice.totalCents,
    payableCents: invoice.payableCents,
    paidCents: invoice.paidCents,
    outstandingCents: invoice.outstandingCents,
    nextDueDate: invoice.nextDueDate,
    disputedCents: invoice.disputedCents,
    planId: invoice.planId,
    dues: invoice.dues.map((row) => ({ dueDate: row.dueDate, amountCents: row.amountCents })),
  };
  if (invoice.creditedCents !== undefined) compact.creditedCents = invoice.creditedCents;
  return compact;
}

/** A client's chunk from its invoices (any order; the chunk keeps them in id order). */
export function encodeChunk(
  clientId: string,
  invoices: readonly CompactInvoice[],
  creditCents: Cents = 0,
): LedgerChunkRecord {
  const chunk = emptyChunk(clientId);
  chunk.creditCents = creditCents;
  writeInvoices(chunk, invoices);
  return chunk;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Replaces the chunk's invoice columns with `invoices` (in id order). */
function writeInvoices(chunk: LedgerChunkRecord, invoices: readonly CompactInvoice[]): void {
  const sorted = [...invoices].sort(byId);
  chunk.ids = [];
  chunk.numbers = [];
  chunk.issueDates = [];
  chunk.lifecycles = [];
  chunk.totalCents = [];
  chunk.payableCents = [];
  chunk.paidCents = [];
  chunk.outstandingCents = [];
  chunk.creditedCents = [];
  chunk.nextDueDates = [];
  chunk.disputedCents = [];
  chunk.planRefs = [];
  chunk.dueCounts = [];
  chunk.dueDates = [];
  chunk.dueCents = [];
  for (const invoice of sorted) {
    chunk.ids.push(invoice.id);
    chunk.numbers.push(invoice.number);
    chunk.issueDates.push(invoice.issueDate);
    chunk.lifecycles.push(invoice.lifecycle);
    chunk.totalCents.push(invoice.totalCents);
    chunk.payableCents.push(invoice.payableCents);
    chunk.paidCents.push(invoice.paidCents);
    chunk.outstandingCents.push(invoice.outstandingCents);
    chunk.creditedCents.push(invoice.creditedCents ?? -1);
    chunk.nextDueDates.push(invoice.nextDueDate);
    chunk.disputedCents.push(invoice.disputedCents);
    chunk.planRefs.push(invoice.planId);
    chunk.dueCounts.push(invoice.dues.length);
    for (const due of invoice.dues) {
      chunk.dueDates.push(due.dueDate);
      chunk.dueCents.push(due.amountCents);
    }
  }
}

/** A payment as the Panel reads it from the model. */
export type ModelPayment = Pick<PaymentRecord, 'id' | 'date' | 'amountCents'>;
/** An allocation as the Panel reads it from the model. */
export type ModelAllocation = Pick<
  AllocationRecord,
  'id' | 'invoiceId' | 'paymentId' | 'amountCents'
>;

/** The chunk's payments, in id order. */
export function decodePayments(chunk: MoneyChunkRow | LedgerChunkRecord): ModelPayment[] {
  return chunk.paymentKeys.map((id, i) => ({
    id,
    date: chunk.paymentDates[i] ?? '',
    amountCents: chunk.paymentCents[i] ?? 0,
  }));
}

/** The chunk's allocations, in id order. */
export function decodeAllocations(chunk: MoneyChunkRow | LedgerChunkRecord): ModelAllocation[] {
  return chunk.allocationKeys.map((id, i) => ({
    id,
    invoiceId: chunk.allocationInvoices[i] ?? '',
    paymentId: chunk.allocationPayments[i] ?? '',
    amountCents: chunk.allocationCents[i] ?? 0,
  }));
}

function writePayments(chunk: LedgerChunkRecord, payments: readonly ModelPayment[]): void {
  const sorted = [...payments].sort(byId);
  chunk.paymentKeys = sorted.map((row) => row.id);
  chunk.paymentDates = sorted.map((row) => row.date);
  chunk.paymentCents = sorted.map((row) => row.amountCents);
}

function writeAllocations(chunk: LedgerChunkRecord, allocations: readonly ModelAllocation[]): void {
  const sorted = [...allocations].sort(byId);
  chunk.allocationKeys = sorted.map((row) => row.id);
  chunk.allocationInvoices = sorted.map((row) => row.invoiceId);
  chunk.allocationPayments = sorted.map((row) => row.paymentId);
  chunk.allocationCents = sorted.map((row) => row.amountCents);
}

/** Keeps what a read model needs of a payment or an allocation. */
const modelPayment = (row: ModelPayment): ModelPayment => ({
  id: row.id,
  date: row.date,
  amountCents: row.amountCents,
});
const modelAllocation = (row: ModelAllocation): ModelAllocation => ({
  id: row.id,
  invoiceId: row.invoiceId,
  paymentId: row.paymentId,
  amountCents: row.amountCents,
});

/**
 * The chunk with `upserts` written (same id replaced) and `removed` ids taken out. Upserts must
 * belong to the chunk's client.
 */
export function applyToChunk(
  chunk: LedgerChunkRecord,
  upserts: readonly CompactInvoice[],
  removed: ReadonlySet<string>,
): LedgerChunkRecord {
  const replaced = new Map(upserts.map((invoice) => [invoice.id, invoice]));
  const kept = decodeChunk(chunk).filter(
    (invoice) => !removed.has(invoice.id) && !replaced.has(invoice.id),
  );
  const next = { ...chunk };
  writeInvoices(next, [...kept, ...replaced.values()]);
  return next;
}

/** The same for the chunk's payments (`creditDelta` added to its credit) or allocations. */
export function applyMoneyToChunk(
  chunk: LedgerChunkRecord,
  section: 'payments' | 'allocations',
  upserts: readonly (ModelPayment | ModelAllocation)[],
  removed: ReadonlySet<string>,
  creditDelta: Cents = 0,
): LedgerChunkRecord {
  const next = { ...chunk, creditCents: chunk.creditCents + creditDelta };
  const keep = <T extends { id: string }>(rows: T[], fresh: readonly T[]): T[] => {
    const replaced = new Map(fresh.map((row) => [row.id, row]));
    const kept = rows.filter((row) => !removed.has(row.id) && !replaced.has(row.id));
    return [...kept, ...replaced.values()];
  };
  if (section === 'payments') {
    const fresh = (upserts as ModelPayment[]).map(modelPayment);
    writePayments(next, keep(decodePayments(chunk), fresh));
  } else {
    const fresh = (upserts as ModelAllocation[]).map(modelAllocation);
    writeAllocations(next, keep(decodeAllocations(chunk), fresh));
  }
  return next;
}

/** True when a chunk holds nothing and is not stored. */
export function isEmptyChunk(chunk: LedgerChunkRecord): boolean {
  return (
    chunk.ids.length === 0 &&
    chunk.creditCents === 0 &&
    chunk.paymentKeys.length === 0 &&
    chunk.allocationKeys.length === 0
  );
}

/**
 * Each client's chunk from every invoice, payment and allocation (a full build: after an upgrade,
 * a restore, a clear), in client id order.
 */
export function buildChunks(
  invoices: Iterable<CompactInvoice>,
  payments: Iterable<CompactPayment> = [],
  allocations: Iterable<CompactAllocation> = [],
): LedgerChunkRecord[] {
  const byClient = new Map<string, CompactInvoice[]>();
  const paymentsOf = new Map<string, ModelPayment[]>();
  const allocationsOf = new Map<string, ModelAllocation[]>();
  const credit = new Map<string, Cents>();
  const push = <T>(map: Map<string, T[]>, key: string, row: T) => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  for (const invoice of invoices) push(byClient, invoice.clientId, invoice);
  for (const payment of payments) {
    credit.set(payment.clientId, (credit.get(payment.clientId) ?? 0) + payment.unallocatedCents);
    push(paymentsOf, payment.clientId, modelPayment(payment));
  }
  for (const allocation of allocations) {
    push(allocationsOf, allocation.clientId, modelAllocation(allocation));
  }
  const clientIds = [
    ...new Set([...byClient.keys(), ...credit.keys(), ...allocationsOf.keys()]),
  ].sort();
  return clientIds
    .map((clientId) => {
      const chunk = encodeChunk(clientId, byClient.get(clientId) ?? [], credit.get(clientId));
      writePayments(chunk, paymentsOf.get(clientId) ?? []);
      writeAllocations(chunk, allocationsOf.get(clientId) ?? []);
      return chunk;
    })
    .filter((chunk) => !isEmptyChunk(chunk));
}
