// Loading a client's collections data and the figures derived from it (promises, risk, exposure).
import type {
  ActivityRecord,
  AllocationRecord,
  ClientRecord,
  DunningEventRecord,
  InvoiceRecord,
  PaymentRecord,
  PromiseRecord,
} from '../../../shared/domain/records';
import {
  invoiceState,
  totalsOf,
  type InvoiceState,
  type LedgerStateContext,
} from '../../../shared/domain/ledger-state';
import { evaluatePromise, type PromiseEvaluation } from '../../../shared/domain/promises';
import {
  assessRisk,
  type RiskAssessment,
  type RiskInput,
  type SettledInvoiceHistory,
} from '../../../shared/domain/risk';
import type { CompactInvoice } from '../../../shared/domain/ledger-read-model';
import type { CuentasDatabase } from './database';

export interface EvaluatedPromise {
  promise: PromiseRecord;
  evaluation: PromiseEvaluation;
}

/** `I`: whole records (a client's screen) or the read model's compact invoices (Hoy). */
export interface ClientData<I extends CompactInvoice = InvoiceRecord> {
  client: ClientRecord;
  invoices: I[];
  allocations: AllocationRecord[];
  payments: PaymentRecord[];
  activities: ActivityRecord[];
  promises: PromiseRecord[];
  dunningEvents: DunningEventRecord[];
}

export function group<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

export function isOpen(invoice: Pick<InvoiceRecord, 'lifecycle' | 'outstandingCents'>): boolean {
  return invoice.lifecycle === 'issued' && invoice.outstandingCents > 0;
}

export function evaluatePromises(
  data: Pick<ClientData<CompactInvoice>, 'payments' | 'allocations' | 'promises'>,
  today: string,
  graceDays: number,
): EvaluatedPromise[] {
  if (data.promises.length === 0) return [];
  const dateOf = new Map(data.payments.map((payment) => [payment.id, payment.date]));
  return data.promises.map((promise) => {
    const touches =
      promise.invoiceIds.length > 0
        ? data.allocations
            .filter((row) => promise.invoiceIds.includes(row.invoiceId))
            .map((row) => ({ date: dateOf.get(row.paymentId) ?? '', amountCents: row.amountCents }))
        : data.payments.map((payment) => ({
            date: payment.date,
            amountCents: payment.amountCents,
          }));
    return { promise, evaluation: evaluatePromise(promise, touches, today, graceDays) };
  });
}

/** When each settled invoice got its last payment, for the risk grade. */
export function settledHistory(data: ClientData<CompactInvoice>): SettledInvoiceHistory[] {
  const history: SettledInvoiceHistory[] = [];
  // No allocation, no payment date: nothing settled to date (Hoy's clients without promises).
  if (data.allocations.length === 0) return history;
  const dateOf = new Map(data.payments.map((payment) => [payment.id, payment.date]));
  const byInvoice = group(data.allocations, (row) => row.invoiceId);
  for (const invoice of data.invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents > 0) continue;
    const dates = (byInvoice.get(invoice.id) ?? []).map((row) => dateOf.get(row.paymentId) ?? '');
    const lastDue = invoice.dues.at(-1)?.dueDate;
    const paidDate = dates.filter(Boolean).sort().at(-1);
    if (lastDue && paidDate) history.push({ dueDate: lastDue, paidDate });
  }
  return history;
}

export interface ClientExposure {
  outstandingCents: number;
  overdueCents: number;
  notYetDueCents: number;
  /** Outstanding (overdue + not yet due): what the client owes in all. */
  exposureCents: number;
}

/** A client's exposure from the one derivation of state (ledger-state.ts). */
export function exposureOf(
  invoices: readonly CompactInvoice[],
  ctx: LedgerStateContext,
): ClientExposure {
  const totals = totalsOf(invoices, ctx);
  return {
    outstandingCents: totals.outstandingCents,
    overdueCents: totals.overdueCents,
    notYetDueCents: totals.notYetDueCents,
    exposureCents: totals.outstandingCents,
  };
}

/** `settledTotals`: a stored summary of settled invoices that `data.invoices` leaves out. */
export function riskOf(
  data: ClientData<CompactInvoice>,
  promises: EvaluatedPromise[],
  ctx: LedgerStateContext,
  settledTotals?: RiskInput['settledTotals'],
): RiskAssessment {
  const states = data.invoices.map((invoice) => invoiceState(invoice, ctx));
  return riskFromStates(data, promises, states, settledTotals);
}

/** As riskOf, with each invoice's state (ledger-state.ts) already at hand, in `data.invoices` order. */
export function riskFromStates(
  data: ClientData<CompactInvoice>,
  promises: readonly EvaluatedPromise[],
  states: readonly InvoiceState[],
  settledTotals?: RiskInput['settledTotals'],
): RiskAssessment {
  // The exposure as totalsOf sums it: open invoices only.
  let overdueCents = 0;
  let exposureCents = 0;
  const openOverdueDays: number[] = [];
  for (const state of states) {
    if (state.daysOverdue > 0) openOverdueDays.push(state.daysOverdue);
    if (!state.open) continue;
    overdueCents += state.overdueCents;
    exposureCents += state.outstandingCents;
  }
  let brokenPromises = 0;
  for (const { evaluation } of promises) if (evaluation.state === 'broken') brokenPromises += 1;
  return assessRisk({
    settled: settledHistory(data),
    ...(settledTotals ? { settledTotals } : {}),
    openOverdueDays,
    brokenPromises,
    overdueCents,
    exposureCents,
    creditLimitCents: data.client.creditLimitCents,
  });
}

export async function loadAll(db: CuentasDatabase): Promise<ClientData[]> {
  const [clients, invoices, allocations, payments, activities, promises, events] =
    await Promise.all([
      db.clients.toArray(),
      db.invoices.toArray(),
      db.allocations.toArray(),
      db.payments.toArray(),
      db.activities.toArray(),
      db.promises.toArray(),
      db.dunningEvents.toArray(),
    ]);
  const by = <T extends { clientId: string }>(rows: T[]) => group(rows, (row) => row.clientId);
  const [inv, alloc, pay, act, prom, ev] = [
    by(invoices),
    by(allocations),
    by(payments),
    by(activities),
    by(promises),
    by(events),
  ];
  return clients.map((client) => ({
    client,
    invoices: inv.get(client.id) ?? [],
    allocations: alloc.get(client.id) ?? [],
    payments: pay.get(client.id) ?? [],
    activities: act.get(client.id) ?? [],
    promises: prom.get(client.id) ?? [],
    dunningEvents: ev.get(client.id) ?? [],
  }));
}

export async function loadClient(
  db: CuentasDatabase,
  clientId: string,
): Promise<ClientData | undefined> {
  const client = await db.clients.get(clientId);
  if (!client) return undefined;
  const of = <T>(table: {
    where(index: string): { equals(key: string): { toArray(): Promise<T[]> } };
  }) => table.where('clientId').equals(clientId).toArray();
  const [invoices, allocations, payments, activities, promises, dunningEvents] = await Promise.all([
    of<InvoiceRecord>(db.invoices),
    of<AllocationRecord>(db.allocations),
    of<PaymentRecord>(db.payments),
    of<ActivityRecord>(db.activities),
    of<PromiseRecord>(db.promises),
    of<DunningEventRecord>(db.dunningEvents),
  ]);
  return { client, invoices, allocations, payments, activities, promises, dunningEvents };
}

export function lastContact(
  data: Pick<ClientData<CompactInvoice>, 'activities' | 'dunningEvents'>,
): string | null {
  let latest: string | null = null;
  for (const row of data.activities) if (latest === null || row.date > latest) latest = row.date;
  for (const row of data.dunningEvents) if (latest === null || row.date > latest) latest = row.date;
  return latest;
}
