// Read helpers for collections: the worklist, a client's risk, exposure and timeline, reminder data.
import type {
  ActivityRecord,
  ClientRecord,
  DisputeRecord,
  DunningEventRecord,
  InvoiceRecord,
  LegalEventRecord,
  PaymentRecord,
} from '../../../shared/domain/records';
import type { RiskAssessment } from '../../../shared/domain/risk';
import { latestBrokenDeadline, type Worklist } from '../../../shared/domain/worklist';
import {
  planDunning,
  type DunningPlan,
  type DunningSettings,
} from '../../../shared/domain/dunning';
import type { CuentasDatabase } from './database';
import { getDunningSettings } from './dunning-repo';
import { returnedDebitsByClient } from './returned-debits-repo';
import {
  evaluatePromises,
  exposureOf,
  isOpen,
  loadClient,
  riskOf,
  type ClientExposure,
  type EvaluatedPromise,
} from './collections-data';
import { loadWorklistData } from './worklist-data';
import {
  computeWorklist,
  computeWorklistInSlices,
  createdAtNeeded,
  type WorklistInputs,
} from './worklist-figures';
import { loadStateFacts, stateContext } from './ledger-queries';
import { getLegalRates } from './legal-rates-repo';
import type { LegalRateEntry } from '../../../shared/domain/legal-interest-rates';
import {
  claimInvoicesOf,
  type ClaimInvoice,
  type ClaimOptions,
} from '../../../shared/domain/claim-amounts';
import { claimOptionsOf } from './claim-queries';
import { keptForRevision, WHOLE_TABLES } from './ledger-mirror';

export type { ClientExposure, EvaluatedPromise } from './collections-data';

/**
 * Hoy's list, made once per revision of the ledger and day (ledger-mirror.ts `derived`: every
 * table it reads makes a new revision when written): coming back to Hoy shows it at once.
 */
export async function getWorklist(
  db: CuentasDatabase,
  today: string,
  /** Made in slices with this awaited between them (the warm-up's way); else in one go. */
  between?: () => Promise<void>,
): Promise<{ worklist: Worklist; settings: DunningSettings; clientCount: number }> {
  return keptForRevision(
    db,
    `worklist ${today}`,
    async () => {
      const inputs = await loadWorklistInputs(db, today);
      return between
        ? computeWorklistInSlices(inputs, today, between)
        : computeWorklist(inputs, today);
    },
    { tables: WHOLE_TABLES },
  );
}

/** What Hoy reads: the read model's open invoices, small tables, and createdAt where it decides. */
export async function loadWorklistInputs(
  db: CuentasDatabase,
  today: string,
): Promise<WorklistInputs> {
  const [data, settings, facts, returned, legalEvents, plans] = await Promise.all([
    loadWorklistData(db),
    getDunningSettings(db),
    loadStateFacts(db),
    returnedDebitsByClient(db),
    db.legalEvents.toArray(),
    db.plans.toArray(),
  ]);
  const needed = createdAtNeeded(data, legalEvents, settings, today);
  const createdAtOf = new Map<string, string>();
  if (needed.length > 0) {
    await db.invoices
      .where('clientId')
      .anyOf(needed)
      .each((invoice) => {
        if (invoice.createdAt !== undefined) createdAtOf.set(invoice.id, invoice.createdAt);
      });
  }
  return { data, settings, facts, returned, legalEvents, plans, createdAtOf };
}

/** `at` (when it was recorded) orders entries of the same day. */
export type TimelineEntry = { at: string } & (
  | { kind: 'invoice'; key: string; date: string; invoice: InvoiceRecord }
  | { kind: 'payment'; key: string; date: string; payment: PaymentRecord }
  | {
      kind: 'activity';
      key: string;
      date: string;
      activity: ActivityRecord;
      event: DunningEventRecord | null;
    }
  | { kind: 'promise'; key: string; date: string; promise: EvaluatedPromise }
  | { kind: 'dispute'; key: string; date: string; dispute: DisputeRecord }
  | { kind: 'legal'; key: string; date: string; legal: LegalEventRecord }
);

export interface ClientCollections {
  client: ClientRecord;
  exposure: ClientExposure;
  risk: RiskAssessment;
  promises: EvaluatedPromise[];
  disputes: DisputeRecord[];
  dunning: DunningPlan;
  settings: DunningSettings;
  timeline: TimelineEntry[];
  invoices: InvoiceRecord[];
  dunningEvents: DunningEventRecord[];
  /** The Ley 3/2004 table in force (edited in Ajustes or shipped), for interest in letters. */
  legalRates: readonly LegalRateEntry[];
  /** The client's invoices with the dated payments allocated to each: interest per due and payment. */
  claimInvoices: ClaimInvoice[];
  /** The law, rate tables, interruptions and demands a claim of this client goes by. */
  claimOptions: ClaimOptions;
}

export async function getClientCollections(
  db: CuentasDatabase,
  clientId: string,
  today: string,
): Promise<ClientCollections | undefined> {
  const [data, settings, disputes, legalEvents, facts] = await Promise.all([
    loadClient(db, clientId),
    getDunningSettings(db),
    db.disputes.where('clientId').equals(clientId).toArray(),
    db.legalEvents.where('clientId').equals(clientId).toArray(),
    loadStateFacts(db),
  ]);
  if (!data) return undefined;
  const ctx = stateContext(facts, data.invoices, today);
  const legalRates = (await getLegalRates(db)).rates;
  const claimOptions = await claimOptionsOf(db, data, settings.levels);
  const promises = evaluatePromises(data, today, settings.promiseGraceDays);
  const eventOf = new Map(data.dunningEvents.map((event) => [event.activityId, event]));
  const activityDate = new Map(data.activities.map((activity) => [activity.id, activity.date]));
  const timeline: TimelineEntry[] = [
    ...data.invoices.map((invoice) => ({
      kind: 'invoice' as const,
      key: `i:${invoice.id}`,
      date: invoice.issueDate,
      at: invoice.createdAt,
      invoice,
    })),
    ...data.payments.map((payment) => ({
      kind: 'payment' as const,
      key: `p:${payment.id}`,
      date: payment.date,
      at: payment.createdAt,
      payment,
    })),
    ...data.activities.map((activity) => ({
      kind: 'activity' as const,
      key: `a:${activity.id}`,
      date: activity.date,
      at: activity.createdAt,
      activity,
      event: eventOf.get(activity.id) ?? null,
    })),
    ...promises.map((promise) => ({
      kind: 'promise' as const,
      key: `pr:${promise.promise.id}`,
      // A promise made on a call belongs to that call's day (createdAt is a UTC instant).
      date:
        activityDate.get(promise.promise.activityId ?? '') ??
        promise.promise.createdAt.slice(0, 10),
      // Recorded with its call in one transaction: shown just above it.
      at: `${promise.promise.createdAt}~`,
      promise,
    })),
    ...disputes.map((dispute) => ({
      kind: 'dispute' as const,
      key: `d:${dispute.id}`,
      date: dispute.openedDate,
      at: dispute.createdAt,
      dispute,
    })),
    ...legalEvents.map((legal) => ({
      kind: 'legal' as const,
      key: `l:${legal.id}`,
      date: legal.date,
      at: legal.createdAt,
      legal,
    })),
  ];
  timeline.sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at));
  return {
    client: data.client,
    exposure: exposureOf(data.invoices, ctx),
    risk: riskOf(data, promises, ctx),
    promises,
    disputes,
    dunning: planDunning({
      candidates: data.invoices.map((invoice) => ({ invoice })),
      today,
      pausedUntil: data.client.pausedUntil ?? null,
      history: data.dunningEvents,
      promiseBrokenOn: latestBrokenDeadline(promises),
      levels: settings.levels,
    }),
    settings,
    timeline,
    legalRates,
    invoices: data.invoices,
    claimInvoices: claimInvoicesOf(data.invoices, data.allocations, data.payments),
    claimOptions,
    dunningEvents: data.dunningEvents.sort((a, b) => b.date.localeCompare(a.date)),
  };
}

/** A client and what it owes now (issued, unpaid), for the invoice form's credit check. */
export async function getClientExposure(
  db: CuentasDatabase,
  clientId: string,
): Promise<{ client: ClientRecord; outstandingCents: number } | null> {
  const [client, invoices] = await Promise.all([
    db.clients.get(clientId),
    db.invoices.where('clientId').equals(clientId).toArray(),
  ]);
  if (!client) return null;
  const outstandingCents = invoices
    .filter(isOpen)
    .reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  return { client, outstandingCents };
}
