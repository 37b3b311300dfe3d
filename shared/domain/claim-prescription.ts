// Which recorded steps interrupt each invoice's prescription, and the invoices whose deadline is near.
import type { CalendarDate } from './dates';
import type { DunningLevel } from './dunning';
import type {
  DunningEventRecord,
  InvoiceRecord,
  LegalEventKind,
  LegalEventRecord,
  PlanRecord,
} from './records';
import { prescriptionStatus, type PrescriptionStatus } from './prescription';

/**
 * Art. 1973 CC: an extrajudicial demand, a judicial claim (the monitorio) or any acknowledgment by
 * the debtor. A MASC attempt interrupts it too, for the debts it names (LO 1/2025, art. 7), from
 * the day the other party was asked to negotiate.
 */
export const INTERRUPTING_KINDS: readonly LegalEventKind[] = [
  'masc_attempt',
  'demand',
  'acknowledgment',
  'monitorio',
];

/** What an interruption needs to know of the invoice: a step covers only invoices it could name. */
export type InterruptedInvoice = string | { id: string; createdAt?: string };

/** Dunning levels that are a formal demand (requerimiento) or stronger, by index. */
export function formalLevelIndexes(levels: readonly DunningLevel[]): Set<number> {
  const formalFrom = levels.findIndex((level) => level.kind === 'formal_demand');
  const indexes = new Set<number>();
  levels.forEach((level, index) => {
    if (level.kind === 'formal_demand' || level.kind === 'handoff') indexes.add(index);
    else if (formalFrom >= 0 && index > formalFrom) indexes.add(index);
  });
  return indexes;
}

export type InterruptionSource = 'legal' | 'dunning' | 'plan';

export interface Interruption {
  date: CalendarDate;
  source: InterruptionSource;
  /** The legal event kind, the dunning level kind or 'plan'. */
  label: string;
}

/** Every interruption that concerns one invoice, oldest first. */
export function interruptionsOf(
  invoice: InterruptedInvoice,
  sources: {
    legalEvents: readonly (Pick<LegalEventRecord, 'invoiceIds' | 'kind' | 'date'> &
      Partial<Pick<LegalEventRecord, 'createdAt'>>)[];
    dunningEvents: readonly Pick<DunningEventRecord, 'invoiceIds' | 'level' | 'date'>[];
    /** A signed plan is a written acknowledgment of the debts it covers. */
    plans: readonly Pick<PlanRecord, 'invoiceIds' | 'signedDate'>[];
    levels: readonly DunningLevel[];
  },
): Interruption[] {
  const invoiceId = typeof invoice === 'string' ? invoice : invoice.id;
  const invoiceCreated = typeof invoice === 'string' ? undefined : invoice.createdAt;
  const formal = formalLevelIndexes(sources.levels);
  const found: Interruption[] = [];
  for (const event of sources.legalEvents) {
    if (!INTERRUPTING_KINDS.includes(event.kind)) continue;
    if (event.invoiceIds.length > 0) {
      if (!event.invoiceIds.includes(invoiceId)) continue;
    } else if (
      // A step recorded for the client as a whole (older records) covers the invoices the client
      // had then, never one recorded or imported afterwards.
      invoiceCreated !== undefined &&
      event.createdAt !== undefined &&
      invoiceCreated > event.createdAt
    ) {
      continue;
    }
    found.push({ date: event.date, source: 'legal', label: event.kind });
  }
  for (const event of sources.dunningEvents) {
    if (!formal.has(event.level) || !event.invoiceIds.includes(invoiceId)) continue;
    found.push({
      date: event.date,
      source: 'dunning',
      label: sources.levels[event.level]?.kind ?? 'formal_demand',
    });
  }
  for (const plan of sources.plans) {
    if (plan.signedDate === null || !plan.invoiceIds.includes(invoiceId)) continue;
    found.push({ date: plan.signedDate, source: 'plan', label: 'plan' });
  }
  return found.sort((a, b) => a.date.localeCompare(b.date));
}

export interface InvoicePrescription {
  invoiceId: string;
  clientId: string;
  number: string;
  outstandingCents: number;
  /** The oldest unpaid due: its claim is the first to prescribe. */
  dueDate: CalendarDate;
  status: PrescriptionStatus;
  interruptions: Interruption[];
}

/** The prescription of every issued invoice with money outstanding and an unpaid due. */
export function invoicePrescriptions(
  invoices: readonly (Pick<
    InvoiceRecord,
    'id' | 'clientId' | 'number' | 'lifecycle' | 'outstandingCents' | 'nextDueDate'
  > &
    Partial<Pick<InvoiceRecord, 'createdAt'>>)[],
  sources: Parameters<typeof interruptionsOf>[1],
  today: CalendarDate,
  warningMonths: number,
): InvoicePrescription[] {
  const result: InvoicePrescription[] = [];
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) continue;
    if (invoice.nextDueDate === null) continue;
    const interruptions = interruptionsOf(invoice, sources);
    const status = prescriptionStatus(
      { dueDate: invoice.nextDueDate, interruptions: interruptions.map((row) => row.date) },
      today,
      warningMonths,
    );
    result.push({
      invoiceId: invoice.id,
      clientId: invoice.clientId,
      number: invoice.number,
      outstandingCents: invoice.outstandingCents,
      dueDate: invoice.nextDueDate,
      status,
      interruptions,
    });
  }
  return result;
}

/** Sources of interruptions and demands, as `interruptionsOf` reads them. */
export type ClaimSources = Parameters<typeof interruptionsOf>[1];

/**
 * What a claim needs of the legal path, per invoice: the dates that interrupted its prescription,
 * and its first demand after the due date (a consumer is in default from then on, art. 1100 CC):
 * a requerimiento, a formal letter of the ladder, a MASC attempt or the monitorio itself.
 */
export function claimFactsOf(
  invoices: readonly (Pick<InvoiceRecord, 'id' | 'dues'> &
    Partial<Pick<InvoiceRecord, 'createdAt'>>)[],
  sources: ClaimSources,
): {
  interruptions: Map<string, CalendarDate[]>;
  demandDates: Map<string, CalendarDate>;
} {
  const interruptions = new Map<string, CalendarDate[]>();
  const demandDates = new Map<string, CalendarDate>();
  for (const invoice of invoices) {
    const found = interruptionsOf(invoice, sources);
    interruptions.set(
      invoice.id,
      found.map((row) => row.date),
    );
    const firstDue = invoice.dues.reduce<CalendarDate | null>(
      (min, due) => (min === null || due.dueDate < min ? due.dueDate : min),
      null,
    );
    const demand = found.find(
      (row) =>
        (row.source === 'dunning' || (row.source === 'legal' && row.label !== 'acknowledgment')) &&
        (firstDue === null || row.date > firstDue),
    );
    if (demand) demandDates.set(invoice.id, demand.date);
  }
  return { interruptions, demandDates };
}
