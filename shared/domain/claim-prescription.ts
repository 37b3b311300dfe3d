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
 * the debtor. A MASC attempt (LO 1/2025, art. 7) also stops the clock from its receipt, but the
 * count resumes when the negotiation fails and no claim follows in time: to stay on the safe side
 * (warn early rather than late) it is recorded without moving the deadline.
 */
export const INTERRUPTING_KINDS: readonly LegalEventKind[] = [
  'demand',
  'acknowledgment',
  'monitorio',
];

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
  invoiceId: string,
  sources: {
    legalEvents: readonly Pick<LegalEventRecord, 'invoiceIds' | 'kind' | 'date'>[];
    dunningEvents: readonly Pick<DunningEventRecord, 'invoiceIds' | 'level' | 'date'>[];
    /** A signed plan is a written acknowledgment of the debts it covers. */
    plans: readonly Pick<PlanRecord, 'invoiceIds' | 'signedDate'>[];
    levels: readonly DunningLevel[];
  },
): Interruption[] {
  const formal = formalLevelIndexes(sources.levels);
  const found: Interruption[] = [];
  for (const event of sources.legalEvents) {
    if (!INTERRUPTING_KINDS.includes(event.kind)) continue;
    // A legal event recorded for the client as a whole covers every invoice of the client.
    if (event.invoiceIds.length > 0 && !event.invoiceIds.includes(invoiceId)) continue;
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
  invoices: readonly Pick<
    InvoiceRecord,
    'id' | 'clientId' | 'number' | 'lifecycle' | 'outstandingCents' | 'nextDueDate'
  >[],
  sources: Parameters<typeof interruptionsOf>[1],
  today: CalendarDate,
  warningMonths: number,
): InvoicePrescription[] {
  const result: InvoicePrescription[] = [];
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) continue;
    if (invoice.nextDueDate === null) continue;
    const interruptions = interruptionsOf(invoice.id, sources);
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
