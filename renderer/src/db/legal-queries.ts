// Read side of the legal path for one client: prescriptions per invoice, recorded steps, mandates.
import type { CalendarDate } from '../../../shared/domain/dates';
import type { InvoicePrescription } from '../../../shared/domain/claim-prescription';
import type {
  InvoiceRecord,
  LegalEventRecord,
  MandateRecord,
  PlanDocumentRecord,
  PlanRecord,
} from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { loadClient } from './collections-data';
import { getDunningSettings } from './dunning-repo';
import { listLegalEvents, prescriptionsByClient } from './legal-repo';
import { getLegalRates } from './legal-rates-repo';
import {
  claimInvoicesOf,
  type ClaimInvoice,
  type ClaimOptions,
} from '../../../shared/domain/claim-amounts';
import { claimOptionsOf } from './claim-queries';
import type { LegalRateEntry } from '../../../shared/domain/legal-interest-rates';

export interface ClientLegal {
  prescriptions: InvoicePrescription[];
  events: LegalEventRecord[];
  mandates: MandateRecord[];
  /** Open issued invoices, for choosing which ones a step concerns. */
  openInvoices: InvoiceRecord[];
  /** The client's invoices with their dated payments: the claim's interest per due and payment. */
  claimInvoices: ClaimInvoice[];
  contractRatePercent: number | null;
  legalRates: readonly LegalRateEntry[];
  /** The law, rate tables, interruptions and demands a claim of this client goes by. */
  claimOptions: ClaimOptions;
}

export async function getClientLegal(
  db: CuentasDatabase,
  clientId: string,
  today: CalendarDate,
): Promise<ClientLegal | null> {
  const [data, settings, events, mandates, rates] = await Promise.all([
    loadClient(db, clientId),
    getDunningSettings(db),
    listLegalEvents(db, clientId),
    db.mandates.where('clientId').equals(clientId).toArray(),
    getLegalRates(db),
  ]);
  if (!data) return null;
  const [byClient, claimOptions] = await Promise.all([
    prescriptionsByClient(db, [data], settings, today),
    claimOptionsOf(db, data, settings.levels),
  ]);
  return {
    prescriptions: (byClient.get(clientId) ?? []).sort((a, b) =>
      a.status.deadline.localeCompare(b.status.deadline),
    ),
    events,
    mandates: mandates.sort((a, b) => b.signatureDate.localeCompare(a.signatureDate)),
    openInvoices: data.invoices.filter(
      (invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0,
    ),
    claimInvoices: claimInvoicesOf(data.invoices, data.allocations, data.payments),
    contractRatePercent: data.client.contractInterestPercent ?? null,
    legalRates: rates.rates,
    claimOptions,
  };
}

/** The client's signed plans (a written acknowledgment of debt) and their kept PDFs, if any. */
export async function signedPlansOf(
  db: CuentasDatabase,
  clientId: string,
): Promise<{ plan: PlanRecord; documents: PlanDocumentRecord[] }[]> {
  const plans = (await db.plans.where('clientId').equals(clientId).toArray()).filter(
    (plan) => plan.signedDate !== null,
  );
  const documents = await db.planDocuments
    .where('planId')
    .anyOf(plans.map((plan) => plan.id))
    .toArray();
  return plans.map((plan) => ({
    plan,
    documents: documents.filter((doc) => doc.planId === plan.id && doc.kind === 'signed'),
  }));
}
