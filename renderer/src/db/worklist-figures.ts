// Hoy's worklist from data already loaded: pure, so a Node test can time it and hold it to the old code.
import type { LegalEventRecord, PlanRecord } from '../../../shared/domain/records';
import { invoiceState, type InvoiceState } from '../../../shared/domain/ledger-state';
import type { CompactInvoice } from '../../../shared/domain/ledger-read-model';
import { buildWorklist, type Worklist, type WorklistClient } from '../../../shared/domain/worklist';
import type { DunningSettings } from '../../../shared/domain/dunning';
import {
  invoicePrescriptions,
  type InvoicePrescription,
} from '../../../shared/domain/claim-prescription';
import { lastDueDateToWarn } from '../../../shared/domain/prescription';
import type { CalendarDate } from '../../../shared/domain/dates';
import { evaluatePromises, group, isOpen, lastContact, riskFromStates } from './collections-data';
import { warningMonthsOf } from './legal-repo';
import type { WorklistData } from './worklist-data';
import { stateContext, type StateFacts } from './ledger-queries';
import type { ReturnedDebitRow } from './returned-debits-repo';

export interface WorklistInputs {
  /** Clients with their open invoices (compact rows), promises, contacts; stored risk summaries. */
  data: WorklistData;
  settings: DunningSettings;
  /** Active plans, their installments and open promises (ledger-state.ts). */
  facts: StateFacts;
  returned: ReadonlyMap<string, readonly ReturnedDebitRow[]>;
  /** Every legal event and plan: steps and signed plans interrupt prescription. */
  legalEvents: readonly LegalEventRecord[];
  plans: readonly PlanRecord[];
  /**
   * The createdAt of invoices a client-wide legal step may concern (`createdAtNeeded` says which
   * clients): the compact rows do not keep it.
   */
  createdAtOf: ReadonlyMap<string, string>;
}

export interface WorklistResult {
  worklist: Worklist;
  settings: DunningSettings;
  clientCount: number;
}

/**
 * Only an invoice due on or before this day can be near its prescription today: Hoy computes
 * prescriptions for those alone (none, in most ledgers).
 */
function mayWarn(
  invoices: readonly CompactInvoice[],
  lastDue: CalendarDate,
): (CompactInvoice & { createdAt?: string })[] {
  const out: CompactInvoice[] = [];
  for (const invoice of invoices) {
    if (invoice.nextDueDate !== null && invoice.nextDueDate <= lastDue) out.push(invoice);
  }
  return out;
}

/** The clients whose invoices' createdAt decides whether a client-wide legal step covers them. */
export function createdAtNeeded(
  data: WorklistData,
  legalEvents: readonly LegalEventRecord[],
  settings: DunningSettings,
  today: CalendarDate,
): string[] {
  const clientWide = new Set(
    legalEvents
      .filter((event) => event.invoiceIds.length === 0 && event.createdAt !== undefined)
      .map((event) => event.clientId),
  );
  if (clientWide.size === 0) return [];
  const lastDue = lastDueDateToWarn(today, warningMonthsOf(settings));
  return data.clients
    .filter((row) => clientWide.has(row.client.id) && mayWarn(row.invoices, lastDue).length > 0)
    .map((row) => row.client.id);
}

/** What every client's entry reads besides its own row: made once per computation. */
interface WorklistSetting {
  inputs: WorklistInputs;
  today: CalendarDate;
  ctx: ReturnType<typeof stateContext>;
  installmentsByClient: Map<string, StateFacts['installments']>;
  lastDue: CalendarDate;
  eventsOf: Map<string, LegalEventRecord[]>;
  plansOf: Map<string, PlanRecord[]>;
}

function settingOf(inputs: WorklistInputs, today: CalendarDate): WorklistSetting {
  const { facts, settings } = inputs;
  const planClient = new Map(facts.plans.map((plan) => [plan.id, plan.clientId]));
  return {
    inputs,
    today,
    ctx: stateContext(facts, openInvoicesOf(inputs.data.clients), today),
    installmentsByClient: group(
      facts.installments.filter((row) => planClient.has(row.planId)),
      (row) => planClient.get(row.planId) ?? '',
    ),
    lastDue: lastDueDateToWarn(today, warningMonthsOf(settings)),
    eventsOf: group(inputs.legalEvents, (row) => row.clientId),
    plansOf: group(inputs.plans, (row) => row.clientId),
  };
}

function worklistClientOf(
  row: WorklistData['clients'][number],
  setting: WorklistSetting,
): WorklistClient {
  const { inputs, today, ctx } = setting;
  const { data, settings, returned } = inputs;
  const id = row.client.id;
  // Each invoice's state once: the risk grade, the items and the totals all read it.
  const states = row.invoices.map((invoice) => invoiceState(invoice, ctx));
  const promises = evaluatePromises(row, today, settings.promiseGraceDays);
  const risk = riskFromStates(row, promises, states, data.histories.get(id));
  const nearing = mayWarn(row.invoices, setting.lastDue);
  const prescriptions: InvoicePrescription[] =
    nearing.length === 0
      ? []
      : invoicePrescriptions(
          withCreatedAt(nearing, inputs.createdAtOf),
          {
            legalEvents: setting.eventsOf.get(id) ?? [],
            dunningEvents: row.dunningEvents,
            plans: setting.plansOf.get(id) ?? [],
            levels: settings.levels,
          },
          today,
          warningMonthsOf(settings),
        );
  let brokenPromises = 0;
  for (const { evaluation } of promises) if (evaluation.state === 'broken') brokenPromises += 1;
  return {
    id,
    name: row.client.name,
    pausedUntil: row.client.pausedUntil ?? null,
    risk: risk.grade,
    brokenPromises,
    ...openOnly(row.invoices, states),
    dunningHistory: row.dunningEvents,
    openFollowUps: row.activities.filter(
      (activity) => activity.followUpDate !== null && !activity.followUpDone,
    ),
    promises,
    installments: setting.installmentsByClient.get(id) ?? [],
    lastContactDate: lastContact(row),
    prescriptions,
    returnedDebits: returned.get(id) ?? [],
  };
}

function resultOf(clients: WorklistClient[], setting: WorklistSetting): WorklistResult {
  const { settings, data } = setting.inputs;
  return {
    worklist: buildWorklist({
      clients,
      today: setting.today,
      levels: settings.levels,
      state: setting.ctx,
    }),
    settings,
    clientCount: data.clients.length,
  };
}

export function computeWorklist(inputs: WorklistInputs, today: CalendarDate): WorklistResult {
  const setting = settingOf(inputs, today);
  return resultOf(
    inputs.data.clients.map((row) => worklistClientOf(row, setting)),
    setting,
  );
}

/** Clients per slice of computeWorklistInSlices: a few milliseconds each. */
const WORKLIST_SLICE_CLIENTS = 500;

/**
 * computeWorklist's very result, made `sliceClients` clients at a time with `between()` awaited
 * after each slice: the warm-up's way, so that a keystroke is answered while a long ledger's list
 * is being made (2 to 3 s at 1.000.000 invoices in one go).
 */
export async function computeWorklistInSlices(
  inputs: WorklistInputs,
  today: CalendarDate,
  between: () => Promise<void>,
  sliceClients = WORKLIST_SLICE_CLIENTS,
): Promise<WorklistResult> {
  const setting = settingOf(inputs, today);
  const all = inputs.data.clients;
  const clients: WorklistClient[] = [];
  for (let from = 0; from < all.length; from += sliceClients) {
    const to = Math.min(all.length, from + sliceClients);
    for (let k = from; k < to; k += 1)
      clients.push(worklistClientOf(all[k] as (typeof all)[number], setting));
    await between();
  }
  return resultOf(clients, setting);
}

/** The worklist counts open invoices only (loadWorklistData reads no other: kept as a guard). */
function openOnly(
  invoices: CompactInvoice[],
  states: InvoiceState[],
): { invoices: CompactInvoice[]; states: InvoiceState[] } {
  if (invoices.every(isOpen)) return { invoices, states };
  const kept = { invoices: [] as CompactInvoice[], states: [] as InvoiceState[] };
  invoices.forEach((invoice, index) => {
    const state = states[index];
    if (!isOpen(invoice) || !state) return;
    kept.invoices.push(invoice);
    kept.states.push(state);
  });
  return kept;
}

function* openInvoicesOf(all: WorklistData['clients']): Iterable<CompactInvoice> {
  for (const row of all) yield* row.invoices;
}

function withCreatedAt(
  invoices: (CompactInvoice & { createdAt?: string })[],
  createdAtOf: ReadonlyMap<string, string>,
): (CompactInvoice & { createdAt?: string })[] {
  if (createdAtOf.size === 0) return invoices;
  return invoices.map((invoice) => {
    const createdAt = invoice.createdAt ?? createdAtOf.get(invoice.id);
    return createdAt === undefined ? invoice : { ...invoice, createdAt };
  });
}
