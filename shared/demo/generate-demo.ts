// Deterministic demo receivables (clients, invoices, payments, contacts) for screens and benchmarks.
import type {
  ActivityKind,
  ActivityRecord,
  AllocationRecord,
  ClientRecord,
  InvoiceRecord,
  PaymentMethod,
  PaymentRecord,
} from '../domain/records';
import type { CalendarDate } from '../domain/dates';
import { addDays, daysBetween } from '../domain/dates';
import { computeInvoiceAmounts, defaultDues, deriveInvoiceFields } from '../domain/invoice';
import { makeDemoClient } from './demo-clients';
import type { DemoClient, PayerHabit } from './demo-clients';
import { ACTIVITY_TEXTS, SERVICES } from './demo-names';
import { mulberry32 } from './prng';
import type { Rng } from './prng';

export interface DemoOptions {
  invoices: number;
  today: CalendarDate;
  seed?: number;
}

export interface DemoData {
  clients: ClientRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  allocations: AllocationRecord[];
  activities: ActivityRecord[];
}

const DEFAULT_SEED = 20_240_611;
const HISTORY_DAYS = 730;
const DUE_INTERVAL_DAYS = 30;
const METHODS: readonly PaymentMethod[] = [
  'transfer',
  'transfer',
  'transfer',
  'direct_debit',
  'card',
  'cheque',
];
const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'call',
  'call',
  'email',
  'email',
  'message',
  'note',
];

export function demoId(prefix: string, n: number): string {
  return `demo-${prefix}-${String(n).padStart(6, '0')}`;
}

/** Days relative to today (negative = past) to dates, cached: a few hundred distinct values. */
function dateTable(today: CalendarDate): (offset: number) => CalendarDate {
  const cache = new Map<number, CalendarDate>();
  return (offset) => {
    let date = cache.get(offset);
    if (date === undefined) {
      date = addDays(today, offset);
      cache.set(offset, date);
    }
    return date;
  };
}

const instantOf = (date: CalendarDate): string => `${date}T09:00:00.000Z`;

/** How late a payer settles a due, in days; null when this due is never paid. */
function delayFor(rng: Rng, habit: PayerHabit): number | null {
  if (habit === 'good') return rng.int(-5, 12);
  if (habit === 'slow') return rng.chance(0.08) ? null : rng.int(10, 80);
  return rng.chance(0.35) ? null : rng.int(30, 220);
}

function taxableBase(rng: Rng): number {
  if (rng.chance(0.8)) return rng.int(90_00, 2_500_00);
  return rng.int(2_500_00, 18_000_00);
}

function dueCount(rng: Rng): number {
  const roll = rng.next();
  return roll < 0.72 ? 1 : roll < 0.92 ? 2 : 3;
}

/** One slice of the demo data in issue-date order: its invoices and what they brought. */
export type DemoChunk = Omit<DemoData, 'clients'>;

/** The demo data as a stream: the clients at once, the rest in slices of `chunkInvoices`. */
export interface DemoStream {
  clients: ClientRecord[];
  /** Every invoice once, oldest first, with its payments, allocations and activities. */
  chunks(): Generator<DemoChunk, void, undefined>;
}

/**
 * Each invoice's client and issue-date offset, drawn in the same order as before, then ordered by
 * offset (stable: equal offsets keep their draw order). Typed arrays: 8 bytes an invoice, so a
 * million drafts take 8 MB instead of a million objects.
 */
function drawDrafts(
  rng: Rng,
  invoices: number,
  clientCount: number,
): { clientIndex: Int32Array; offset: Int32Array } {
  const drawnClient = new Int32Array(invoices);
  const drawnOffset = new Int32Array(invoices);
  const perOffset = new Int32Array(HISTORY_DAYS);
  for (let i = 0; i < invoices; i += 1) {
    drawnClient[i] = rng.int(0, clientCount - 1);
    const offset = -rng.int(0, HISTORY_DAYS - 1);
    drawnOffset[i] = offset;
    const bucket = offset + HISTORY_DAYS - 1;
    perOffset[bucket] = perOffset[bucket]! + 1;
  }
  // A counting sort by offset, oldest first: the stable order a comparison sort gave.
  const startOf = new Int32Array(HISTORY_DAYS);
  for (let k = 1; k < HISTORY_DAYS; k += 1) startOf[k] = startOf[k - 1]! + perOffset[k - 1]!;
  const clientIndex = new Int32Array(invoices);
  const offset = new Int32Array(invoices);
  for (let i = 0; i < invoices; i += 1) {
    const bucket = drawnOffset[i]! + HISTORY_DAYS - 1;
    const at = startOf[bucket]!;
    startOf[bucket] = at + 1;
    clientIndex[at] = drawnClient[i]!;
    offset[at] = drawnOffset[i]!;
  }
  return { clientIndex, offset };
}

/**
 * The same data as generateDemoData, made `chunkInvoices` invoices at a time, so a million
 * invoices never sit in memory at once. Concatenating the chunks gives generateDemoData's output.
 */
export function streamDemoData(options: DemoOptions, chunkInvoices: number): DemoStream {
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);
  const dateAt = dateTable(options.today);
  const clientCount = Math.max(3, Math.round(options.invoices / 20));
  const usedNames = new Set<string>();
  const demoClients = Array.from({ length: clientCount }, (_, index) =>
    makeDemoClient(rng, demoId('c', index + 1), instantOf(dateAt(-HISTORY_DAYS - 30)), usedNames),
  );
  const clients = demoClients.map((demo) => demo.client);
  // Issue dates first, oldest first, so invoice numbers run in date order within each year.
  const drafts = drawDrafts(rng, options.invoices, clientCount);
  const size = Math.max(1, Math.floor(chunkInvoices));
  let started = false;

  const perYear = new Map<string, number>();
  const counters = { payments: 0, allocations: 0, activities: 0 };
  /** Invoices [from, to) with what they bring: a plain loop (V8 runs it faster than a generator's). */
  const slice = (from: number, to: number): DemoChunk => {
    const chunk: DemoChunk = { invoices: [], payments: [], allocations: [], activities: [] };
    for (let index = from; index < to; index += 1) {
      const demo = demoClients[drafts.clientIndex[index]!];
      if (!demo) continue;
      const offset = drafts.offset[index]!;
      makeInvoice(rng, index, offset, demo, perYear, counters, chunk, options.today, dateAt);
    }
    return chunk;
  };

  function* chunks(): Generator<DemoChunk, void, undefined> {
    if (started) throw new Error('streamDemoData: the chunks can be read once');
    started = true;
    for (let from = 0; from < options.invoices; from += size) {
      yield slice(from, Math.min(options.invoices, from + size));
    }
  }
  return { clients, chunks };
}

export function generateDemoData(options: DemoOptions): DemoData {
  const stream = streamDemoData(options, options.invoices);
  const data: DemoData = {
    clients: stream.clients,
    invoices: [],
    payments: [],
    allocations: [],
    activities: [],
  };
  // concat, not push(...rows): a spread of a million arguments overflows the stack.
  for (const chunk of stream.chunks()) {
    data.invoices = data.invoices.concat(chunk.invoices);
    data.payments = data.payments.concat(chunk.payments);
    data.allocations = data.allocations.concat(chunk.allocations);
    data.activities = data.activities.concat(chunk.activities);
  }
  return data;
}

/** One invoice (the draft at `index`) with its payments and maybe a contact, pushed to `out`. */
function makeInvoice(
  rng: Rng,
  index: number,
  draftOffset: number,
  demo: DemoClient,
  perYear: Map<string, number>,
  counters: { payments: number; allocations: number; activities: number },
  out: DemoChunk,
  today: CalendarDate,
  dateAt: (offset: number) => CalendarDate,
): void {
  const { client, habit } = demo;
  const issueDate = dateAt(draftOffset);
  const year = issueDate.slice(0, 4);
  const seq = (perYear.get(year) ?? 0) + 1;
  perYear.set(year, seq);

  const taxableBaseCents = taxableBase(rng);
  const vatRatePercent = demo.hospitality || rng.chance(0.08) ? 10 : 21;
  const withholdingRatePercent = demo.withholds && rng.chance(0.6) ? 15 : 0;
  const amounts = computeInvoiceAmounts({
    taxableBaseCents,
    vatRatePercent,
    withholdingRatePercent,
  });
  const dues = defaultDues(
    issueDate,
    client.paymentTermDays,
    amounts.payableCents,
    dueCount(rng),
    DUE_INTERVAL_DAYS,
  );
  const id = demoId('i', index + 1);
  const isDraft = draftOffset > -5 && rng.chance(0.2);

  let paid = 0;
  let lastPaymentDate = issueDate;
  if (!isDraft) {
    for (const [dueIndex, due] of dues.entries()) {
      const delay = delayFor(rng, habit);
      if (delay === null) break;
      // defaultDues spaces dues DUE_INTERVAL_DAYS apart after the payment term.
      const dueOffset = draftOffset + client.paymentTermDays + dueIndex * DUE_INTERVAL_DAYS;
      const payOffset = Math.max(draftOffset, dueOffset + delay);
      if (payOffset > 0) break;
      const partial = rng.chance(0.07);
      const amountCents = partial ? Math.max(1, Math.round(due.amountCents / 2)) : due.amountCents;
      const date = dateAt(payOffset);
      counters.payments += 1;
      const paymentId = demoId('p', counters.payments);
      out.payments.push({
        id: paymentId,
        clientId: client.id,
        date,
        amountCents,
        method: rng.pick(METHODS),
        reference: `TRF ${client.name.slice(0, 18).toUpperCase()} ${year}-${String(seq).padStart(5, '0')}`,
        note: '',
        unallocatedCents: 0,
        createdAt: instantOf(date),
      });
      counters.allocations += 1;
      out.allocations.push({
        id: demoId('a', counters.allocations),
        paymentId,
        invoiceId: id,
        clientId: client.id,
        amountCents,
      });
      paid += amountCents;
      lastPaymentDate = date;
      if (partial) break;
    }
  }

  const lifecycle = isDraft
    ? 'draft'
    : habit === 'bad' && paid === 0 && draftOffset < -400 && rng.chance(0.15)
      ? 'written_off'
      : 'issued';
  const base: InvoiceRecord = {
    id,
    clientId: client.id,
    number: `${year}-${String(seq).padStart(5, '0')}`,
    issueDate,
    description: rng.pick(SERVICES),
    taxableBaseCents,
    vatRatePercent,
    withholdingRatePercent,
    ...amounts,
    dues,
    lifecycle,
    paidCents: 0,
    outstandingCents: amounts.payableCents,
    nextDueDate: null,
    disputedCents: 0,
    planId: null,
    createdAt: instantOf(issueDate),
    updatedAt: instantOf(lastPaymentDate),
  };
  const invoice: InvoiceRecord = { ...base, ...deriveInvoiceFields(base, paid) };
  out.invoices.push(invoice);

  const overdue =
    lifecycle === 'issued' && invoice.nextDueDate !== null && invoice.nextDueDate < today;
  if (overdue && rng.chance(0.3)) {
    const daysLate = daysBetween(invoice.nextDueDate ?? today, today);
    counters.activities += 1;
    out.activities.push(makeActivity(rng, counters.activities, invoice, client, daysLate, dateAt));
  }
}

function makeActivity(
  rng: Rng,
  n: number,
  invoice: InvoiceRecord,
  client: ClientRecord,
  daysLate: number,
  dateAt: (offset: number) => CalendarDate,
): ActivityRecord {
  // A contact some days after the due date was missed, never in the future.
  const offset = -rng.int(0, Math.max(0, Math.min(20, daysLate - 1)));
  const date = dateAt(offset);
  const followUp = rng.chance(0.5) ? dateAt(offset + rng.int(3, 15)) : null;
  return {
    id: demoId('act', n),
    clientId: client.id,
    invoiceId: invoice.id,
    kind: rng.pick(ACTIVITY_KINDS),
    date,
    who: client.contactPerson,
    outcome: '',
    text: rng.pick(ACTIVITY_TEXTS),
    followUpDate: followUp,
    followUpDone: false,
    createdAt: instantOf(date),
  };
}
