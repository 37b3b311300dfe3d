// What reconciling a statement reads, and only that: open invoices and clients' names from index
// keys (never a whole invoice or client record), active plans' installments, and the payments
// recorded but not linked near the statement's dates.
import Dexie from 'dexie';
import type { BankMovementRecord } from '../../../../shared/domain/records';
import type { OpenItem } from '../../../../shared/domain/reconciliation';
import { compareDates } from '../../../../shared/domain/reconciliation';
import type { RecordedPayment } from '../../../../shared/domain/reconciliation-links';
import { LINK_WINDOW_DAYS } from '../../../../shared/domain/reconciliation-links';
import { addDays } from '../../../../shared/domain/dates';
import { endToEndIdOf } from '../../../../shared/domain/plan-direct-debits';
import type { CuentasDatabase } from '../database';

/**
 * Schema v4: an open invoice's facts for reconciliation are the key of this index. nextDueDate is
 * null once settled and IndexedDB skips such keys, so it holds the open set only, as
 * [lifecycle+nextDueDate] does; reading its keys reads no invoice record at all.
 */
export const OPEN_INVOICE_FACTS = '[lifecycle+nextDueDate+clientId+number+outstandingCents]';

type OpenInvoiceKey = [
  lifecycle: string,
  nextDueDate: string,
  clientId: string,
  number: string,
  outstandingCents: number,
];

interface OpenInvoiceFacts {
  id: string;
  clientId: string;
  number: string;
  outstandingCents: number;
  nextDueDate: string;
}

/** Names and tax ids of every client, by id: from the name and taxId indexes' keys. */
export interface ClientNames {
  names: Map<string, string>;
  taxIds: Map<string, string>;
}

/** IndexedDB's key order for strings (code units), as the index returns them. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function readClientNames(db: CuentasDatabase): Promise<ClientNames> {
  return db.transaction('r', [db.clients], async () => {
    const names = new Map<string, string>();
    const taxIds = new Map<string, string>();
    // Both are strings on every client record (the index keys are the values themselves).
    await db.clients.orderBy('name').eachKey((name, cursor) => {
      names.set(cursor.primaryKey, name as string);
    });
    await db.clients.orderBy('taxId').eachKey((taxId, cursor) => {
      taxIds.set(cursor.primaryKey, taxId as string);
    });
    return { names, taxIds };
  });
}

/** Issued invoices still owing, as the [lifecycle+nextDueDate] index orders them (date, then id). */
async function openInvoiceFacts(db: CuentasDatabase): Promise<OpenInvoiceFacts[]> {
  const open: OpenInvoiceFacts[] = [];
  await db.invoices
    .where(OPEN_INVOICE_FACTS)
    .between(['issued', Dexie.minKey], ['issued', Dexie.maxKey])
    .eachKey((key, cursor) => {
      const [, nextDueDate, clientId, number, outstandingCents] = key as OpenInvoiceKey;
      if (outstandingCents <= 0) return;
      open.push({ id: String(cursor.primaryKey), clientId, number, outstandingCents, nextDueDate });
    });
  return open.sort((a, b) => byCodeUnits(a.nextDueDate, b.nextDueDate) || byCodeUnits(a.id, b.id));
}

/** Open invoices and plan installments (oldest first), with their clients' names and tax ids. */
export async function loadOpenItems(db: CuentasDatabase, known?: ClientNames): Promise<OpenItem[]> {
  return db.transaction('r', [db.clients, db.invoices, db.plans, db.installments], async () => {
    const { names, taxIds } = known ?? (await readClientNames(db));
    const invoices = await openInvoiceFacts(db);
    // The planId index holds only invoices in a plan (IndexedDB skips the nulls).
    const planned = new Set((await db.invoices.orderBy('planId').primaryKeys()).map(String));
    const numbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
    const items: OpenItem[] = [];
    for (const invoice of invoices) {
      const name = names.get(invoice.clientId);
      if (name === undefined || planned.has(invoice.id)) continue;
      items.push({
        kind: 'invoice',
        id: invoice.id,
        clientId: invoice.clientId,
        clientName: name,
        clientTaxId: taxIds.get(invoice.clientId) ?? '',
        label: invoice.number,
        invoiceIds: [invoice.id],
        outstandingCents: invoice.outstandingCents,
        dueDate: invoice.nextDueDate,
      });
    }
    const plans = new Map(
      (await db.plans.where('status').equals('active').toArray()).map((plan) => [plan.id, plan]),
    );
    const installments = await db.installments
      .where('planId')
      .anyOf([...plans.keys()])
      .toArray();
    for (const installment of installments) {
      const plan = plans.get(installment.planId);
      const name = plan ? names.get(plan.clientId) : undefined;
      const owed = installment.amountCents - installment.paidCents;
      if (!plan || name === undefined || owed <= 0) continue;
      items.push({
        kind: 'installment',
        id: installment.id,
        clientId: plan.clientId,
        clientName: name,
        clientTaxId: taxIds.get(plan.clientId) ?? '',
        label: `plazo ${installment.seq}`,
        invoiceIds: plan.invoiceIds,
        outstandingCents: owed,
        dueDate: installment.dueDate,
        planId: plan.id,
        planReference: plan.terms?.reference ?? '',
        planInvoiceNumbers: plan.invoiceIds.flatMap((id) => numbers.get(id) ?? []),
        // The id the bank echoes on a SEPA credit: the last file it went in, or the plan's own.
        endToEndId:
          installment.presentations?.[installment.presentations.length - 1]?.endToEndId ??
          endToEndIdOf(plan, installment),
      });
    }
    return items.sort(
      (a, b) =>
        compareDates(a.dueDate ?? '9999', b.dueDate ?? '9999') || a.label.localeCompare(b.label),
    );
  });
}

/** Payments not linked to a bank movement, recorded near the given movements' dates. */
export async function unlinkedPaymentsNear(
  db: CuentasDatabase,
  movements: readonly Pick<BankMovementRecord, 'date' | 'valueDate'>[],
  known?: ClientNames,
): Promise<RecordedPayment[]> {
  const dates = movements.flatMap((movement) => [movement.date, movement.valueDate]).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return [];
  return db.transaction('r', [db.payments, db.bankMovements, db.clients], async () => {
    const linked = new Set(
      (await db.bankMovements.orderBy('paymentId').uniqueKeys()).filter(
        (key): key is string => typeof key === 'string',
      ),
    );
    const payments = await db.payments
      .where('date')
      .between(addDays(first, -LINK_WINDOW_DAYS), addDays(last, LINK_WINDOW_DAYS), true, true)
      .filter((payment) => !linked.has(payment.id))
      .toArray();
    const clients =
      known ??
      (await clientsOf(
        db,
        payments.map((payment) => payment.clientId),
      ));
    return payments.flatMap((payment) => {
      const name = clients.names.get(payment.clientId);
      if (name === undefined) return [];
      return [
        {
          paymentId: payment.id,
          clientId: payment.clientId,
          clientName: name,
          clientTaxId: clients.taxIds.get(payment.clientId) ?? '',
          date: payment.date,
          amountCents: payment.amountCents,
        },
      ];
    });
  });
}

/** The named clients' names and tax ids, read by id. */
async function clientsOf(db: CuentasDatabase, ids: readonly string[]): Promise<ClientNames> {
  const clients = await db.clients.bulkGet([...new Set(ids)]);
  const names = new Map<string, string>();
  const taxIds = new Map<string, string>();
  for (const client of clients) {
    if (!client) continue;
    names.set(client.id, client.name);
    taxIds.set(client.id, client.taxId);
  }
  return { names, taxIds };
}
