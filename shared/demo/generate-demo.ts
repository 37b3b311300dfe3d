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
import type { PayerHabit } from './demo-clients';
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

export function generateDemoData(options: DemoOptions): DemoData {
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);
  const dateAt = dateTable(options.today);
  const clientCount = Math.max(3, Math.round(options.invoices / 20));
  const usedNames = new Set<string>();
  const demoClients = Array.from({ length: clientCount }, (_, index) =>
    makeDemoClient(rng, demoId('c', index + 1), instantOf(dateAt(-HISTORY_DAYS - 30)), usedNames),
  );
  const clients = demoClients.map((demo) => demo.client);

  // Issue dates first, oldest first, so invoice numbers run in date order within each year.
  const drafts = Array.from({ length: options.invoices }, () => ({
    clientIndex: rng.int(0, clientCount - 1),
    offset: -rng.int(0, HISTORY_DAYS - 1),
  })).sort((a, b) => a.offset - b.offset);

  const invoices: InvoiceRecord[] = [];
  const payments: PaymentRecord[] = [];
  const allocations: AllocationRecord[] = [];
  const activities: ActivityRecord[] = [];
  const perYear = new Map<string, number>();

  for (const [index, draft] of drafts.entries()) {
    const demo = demoClients[draft.clientIndex];
    if (!demo) continue;
    const { client, habit } = demo;
    const issueDate = dateAt(draft.offset);
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
    const isDraft = draft.offset > -5 && rng.chance(0.2);

    let paid = 0;
    let lastPaymentDate = issueDate;
    if (!isDraft) {
      for (const [dueIndex, due] of dues.entries()) {
        const delay = delayFor(rng, habit);
        if (delay === null) break;
        // defaultDues spaces dues DUE_INTERVAL_DAYS apart after the payment term.
        const dueOffset = draft.offset + client.paymentTermDays + dueIndex * DUE_INTERVAL_DAYS;
        const payOffset = Math.max(draft.offset, dueOffset + delay);
        if (payOffset > 0) break;
        const partial = rng.chance(0.07);
        const amountCents = partial
          ? Math.max(1, Math.round(due.amountCents / 2))
          : due.amountCents;
        const date = dateAt(payOffset);
        const paymentId = demoId('p', payments.length + 1);
        payments.push({
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
        allocations.push({
          id: demoId('a', allocations.length + 1),
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
      : habit === 'bad' && paid === 0 && draft.offset < -400 && rng.chance(0.15)
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
    invoices.push(invoice);

    const overdue =
      lifecycle === 'issued' && invoice.nextDueDate !== null && invoice.nextDueDate < options.today;
    if (overdue && rng.chance(0.3)) {
      const daysLate = daysBetween(invoice.nextDueDate ?? options.today, options.today);
      activities.push(makeActivity(rng, activities.length + 1, invoice, client, daysLate, dateAt));
    }
  }
  return { clients, invoices, payments, allocations, activities };
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
