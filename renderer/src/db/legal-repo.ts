// The legal path of a client: MASC attempts, demands, acknowledgments and monitorio, each with audit.
import { addMonthsClamped, isCalendarDate, type CalendarDate } from '../../../shared/domain/dates';
import type {
  InvoiceRecord,
  LegalEventKind,
  LegalEventRecord,
} from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import {
  invoicePrescriptions,
  type InvoicePrescription,
} from '../../../shared/domain/claim-prescription';
import { DEFAULT_WARNING_MONTHS, PRESCRIPTION_YEARS } from '../../../shared/domain/prescription';
import type { DunningSettings } from '../../../shared/domain/dunning';
import type { CompactInvoice } from '../../../shared/domain/ledger-read-model';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { newId, nowInstant, throwIfIssues } from './repo-helpers';
import { group, type ClientData } from './collections-data';
import { getDunningSettings } from './dunning-repo';

export const LEGAL_EVENT_KINDS: readonly LegalEventKind[] = [
  'masc_attempt',
  'demand',
  'acknowledgment',
  'monitorio',
];

export interface LegalEventInput {
  clientId: string;
  invoiceIds: string[];
  kind: LegalEventKind;
  date: CalendarDate;
  channel: string;
  answer: string;
  note: string;
}

const MAX_TEXT = 500;

function issuesOf(input: LegalEventInput, today: CalendarDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!LEGAL_EVENT_KINDS.includes(input.kind)) issues.push({ field: 'kind', code: 'required' });
  if (!isCalendarDate(input.date)) issues.push({ field: 'date', code: 'date_invalid' });
  // A step on the legal path is recorded after it happened: a future date would move prescription early.
  else if (input.date > today) issues.push({ field: 'date', code: 'date_invalid' });
  if (input.channel.trim() === '') issues.push({ field: 'channel', code: 'required' });
  for (const field of ['channel', 'answer', 'note'] as const) {
    if (input[field].length > MAX_TEXT)
      issues.push({ field, code: 'too_long', params: { max: MAX_TEXT } });
  }
  return issues;
}

/** One transaction: the event, checked against the client's invoices, and its audit entry. */
export async function recordLegalEvent(
  db: CuentasDatabase,
  input: LegalEventInput,
  today: CalendarDate,
): Promise<LegalEventRecord> {
  throwIfIssues(issuesOf(input, today));
  return db.transaction('rw', [db.clients, db.invoices, db.legalEvents, db.audit], async () => {
    const client = await db.clients.get(input.clientId);
    if (!client) throwIfIssues([{ field: 'clientId', code: 'not_found' }]);
    const invoices = await db.invoices.bulkGet(input.invoiceIds);
    invoices.forEach((invoice, row) => {
      if (invoice?.clientId !== input.clientId)
        throwIfIssues([{ field: 'invoiceIds', code: 'not_found', params: { row: row + 1 } }]);
    });
    // A step for the whole client names the invoices it concerns today: it interrupts prescription
    // for those (art. 1973 CC, LO 1/2025), never for an invoice recorded or imported afterwards.
    const named =
      input.invoiceIds.length > 0
        ? [...input.invoiceIds]
        : (await db.invoices.where('clientId').equals(input.clientId).toArray())
            .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
            .map((invoice) => invoice.id);
    const record: LegalEventRecord = {
      id: newId(),
      clientId: input.clientId,
      invoiceIds: named,
      kind: input.kind,
      date: input.date,
      channel: input.channel.trim(),
      answer: input.answer.trim(),
      note: input.note.trim(),
      createdAt: nowInstant(),
    };
    await db.legalEvents.add(record);
    await writeAudit(db, {
      entity: 'client',
      entityId: input.clientId,
      action: 'update',
      summary: `Vía legal: ${input.kind} del ${input.date} (${record.channel})`,
      before: null,
      after: record,
    });
    return record;
  });
}

export async function deleteLegalEvent(db: CuentasDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.legalEvents, db.audit], async () => {
    const record = await db.legalEvents.get(id);
    if (!record) return;
    await db.legalEvents.delete(id);
    await writeAudit(db, {
      entity: 'client',
      entityId: record.clientId,
      action: 'update',
      summary: `Vía legal: borrado ${record.kind} del ${record.date}`,
      before: record,
      after: null,
    });
  });
}

export async function listLegalEvents(
  db: CuentasDatabase,
  clientId: string,
): Promise<LegalEventRecord[]> {
  const rows = await db.legalEvents.where('clientId').equals(clientId).toArray();
  return rows.sort(
    (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
  );
}

export function warningMonthsOf(settings: DunningSettings): number {
  return settings.prescriptionWarningMonths ?? DEFAULT_WARNING_MONTHS;
}

/** Every client's prescriptions, computed from already loaded data plus legal events and plans. */
export async function prescriptionsByClient(
  db: CuentasDatabase,
  all: readonly ClientData<CompactInvoice>[],
  settings: DunningSettings,
  today: CalendarDate,
): Promise<Map<string, InvoicePrescription[]>> {
  const [legalEvents, plans] = await Promise.all([db.legalEvents.toArray(), db.plans.toArray()]);
  const months = warningMonthsOf(settings);
  // Grouped once: Hoy reads every client, so a filter per client would grow with clients × rows.
  const eventsOf = group(legalEvents, (row) => row.clientId);
  const plansOf = group(plans, (row) => row.clientId);
  const createdAtOf = await createdAtForClientWideSteps(db, all, legalEvents);
  const map = new Map<string, InvoicePrescription[]>();
  for (const data of all) {
    const id = data.client.id;
    map.set(
      id,
      invoicePrescriptions(
        withCreatedAt(data.invoices, createdAtOf),
        {
          legalEvents: eventsOf.get(id) ?? [],
          dunningEvents: data.dunningEvents,
          plans: plansOf.get(id) ?? [],
          levels: settings.levels,
        },
        today,
        months,
      ),
    );
  }
  return map;
}

/**
 * A step recorded for a client as a whole (no invoices named: older records, or a client with
 * nothing open then) covers only the invoices recorded before it, so those invoices need their
 * createdAt. Hoy works on the read model's compact invoices, which do not keep it (a column of
 * 100,000 instants would weigh on every screen): it is read here, for those few clients only.
 */
async function createdAtForClientWideSteps(
  db: CuentasDatabase,
  all: readonly ClientData<CompactInvoice>[],
  legalEvents: readonly LegalEventRecord[],
): Promise<Map<string, string>> {
  const clientIds = new Set(
    legalEvents
      .filter((event) => event.invoiceIds.length === 0 && event.createdAt !== undefined)
      .map((event) => event.clientId),
  );
  const needed = all
    .filter((data) => clientIds.has(data.client.id) && data.invoices.length > 0)
    .map((data) => data.client.id);
  const createdAtOf = new Map<string, string>();
  if (needed.length === 0) return createdAtOf;
  await db.invoices
    .where('clientId')
    .anyOf(needed)
    .each((invoice) => {
      if (invoice.createdAt !== undefined) createdAtOf.set(invoice.id, invoice.createdAt);
    });
  return createdAtOf;
}

/** The invoices with their createdAt where one was read (whole records keep theirs). */
function withCreatedAt(
  invoices: readonly (CompactInvoice & Partial<Pick<InvoiceRecord, 'createdAt'>>)[],
  createdAtOf: ReadonlyMap<string, string>,
): (CompactInvoice & Partial<Pick<InvoiceRecord, 'createdAt'>>)[] {
  if (createdAtOf.size === 0) return [...invoices];
  return invoices.map((invoice) => {
    const createdAt = invoice.createdAt ?? createdAtOf.get(invoice.id);
    return createdAt === undefined ? invoice : { ...invoice, createdAt };
  });
}

/**
 * For the notification check: only invoices due long enough ago can be near their deadline
 * (interruptions only ever move it later), so the date index keeps this cheap.
 */
export async function enginePrescriptions(
  db: CuentasDatabase,
  today: CalendarDate,
): Promise<InvoicePrescription[]> {
  const settings = await getDunningSettings(db);
  const months = warningMonthsOf(settings);
  const dueBefore = addMonthsClamped(today, months - PRESCRIPTION_YEARS * 12);
  const invoices = await db.invoices.where('nextDueDate').belowOrEqual(dueBefore).toArray();
  if (invoices.length === 0) return [];
  const [legalEvents, dunningEvents, plans] = await Promise.all([
    db.legalEvents.toArray(),
    db.dunningEvents.toArray(),
    db.plans.toArray(),
  ]);
  // Sources are matched per client: a client-wide legal event covers only that client's invoices.
  const result: InvoicePrescription[] = [];
  for (const clientId of new Set(invoices.map((invoice) => invoice.clientId))) {
    const mine = <T extends { clientId: string }>(rows: T[]) =>
      rows.filter((row) => row.clientId === clientId);
    result.push(
      ...invoicePrescriptions(
        mine(invoices),
        {
          legalEvents: mine(legalEvents),
          dunningEvents: mine(dunningEvents),
          plans: mine(plans),
          levels: settings.levels,
        },
        today,
        months,
      ),
    );
  }
  return result;
}
