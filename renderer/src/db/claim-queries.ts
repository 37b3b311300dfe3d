// Read helpers for claims: the dated payments allocated to the invoices concerned, and the facts
// (law, rate tables, prescription, demands) a claim of one client needs.
import {
  paymentsByInvoice,
  type ClaimOptions,
  type DatedPayment,
} from '../../../shared/domain/claim-amounts';
import { claimFactsOf } from '../../../shared/domain/claim-prescription';
import type { DunningLevel } from '../../../shared/domain/dunning';
import type {
  ClientRecord,
  DunningEventRecord,
  InvoiceRecord,
} from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { getLegalRates, getMoneyRates } from './legal-rates-repo';

/** Only those invoices' allocations and their payments are read (by index), never whole tables. */
export async function paymentsOfInvoices(
  db: CuentasDatabase,
  invoiceIds: readonly string[],
): Promise<Map<string, DatedPayment[]>> {
  if (invoiceIds.length === 0) return new Map();
  const allocations = await db.allocations
    .where('invoiceId')
    .anyOf([...invoiceIds])
    .toArray();
  const paymentIds = [...new Set(allocations.map((row) => row.paymentId))];
  const payments = (await db.payments.bulkGet(paymentIds)).filter(
    (payment) => payment !== undefined,
  );
  return paymentsByInvoice(allocations, payments);
}

/**
 * What a claim of one client needs besides its invoices: the law (consumer or business), the rate
 * tables in force, and per invoice the steps that interrupted prescription and its first demand.
 * Reads the client's legal events and plans by index; the caller passes what it already loaded.
 */
export async function claimOptionsOf(
  db: CuentasDatabase,
  data: {
    client: Pick<ClientRecord, 'id' | 'debtorKind' | 'contractInterestPercent'>;
    invoices: readonly InvoiceRecord[];
    dunningEvents: readonly DunningEventRecord[];
  },
  levels: readonly DunningLevel[],
): Promise<ClaimOptions> {
  const clientId = data.client.id;
  const [legalEvents, plans, legalRates, moneyRates] = await Promise.all([
    db.legalEvents.where('clientId').equals(clientId).toArray(),
    db.plans.where('clientId').equals(clientId).toArray(),
    getLegalRates(db),
    getMoneyRates(db),
  ]);
  const facts = claimFactsOf(data.invoices, {
    legalEvents,
    dunningEvents: data.dunningEvents,
    plans,
    levels,
  });
  return {
    contractRatePercent: data.client.contractInterestPercent ?? null,
    legalRates: legalRates.rates,
    moneyRates: moneyRates.rates,
    debtorKind: data.client.debtorKind ?? 'business',
    interruptions: facts.interruptions,
    demandDates: facts.demandDates,
  };
}
