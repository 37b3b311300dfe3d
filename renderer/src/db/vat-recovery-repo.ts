// VAT recovery of unpaid invoices: the settings, the secured part, the steps recorded, and the reads.
import { compareDates, isCalendarDate, type CalendarDate } from '../../../shared/domain/dates';
import { formatEuros, isCents, type Cents } from '../../../shared/domain/money';
import type {
  ClientRecord,
  InvoiceRecord,
  InvoiceVatRecovery,
  LegalEventRecord,
} from '../../../shared/domain/records';
import {
  DEFAULT_VAT_RECOVERY_SETTINGS,
  invoiceVatStatus,
  RECOVERABLE_STATES,
  correctionsOf,
  vatNeedsAttention,
  type InvoiceVatStatus,
  type VatRecoverySettings,
} from '../../../shared/domain/vat-recovery-status';
import type { CuentasDatabase } from './database';
import { loadVatCandidates } from './vat-recovery-candidates';
import { writeAudit } from './audit';
import { fail, nowInstant } from './repo-helpers';

export async function getVatRecoverySettings(db: CuentasDatabase): Promise<VatRecoverySettings> {
  const row = await db.settings.get('vatRecovery');
  return row?.key === 'vatRecovery'
    ? { ...DEFAULT_VAT_RECOVERY_SETTINGS, ...row.value }
    : DEFAULT_VAT_RECOVERY_SETTINGS;
}

export async function saveVatRecoverySettings(
  db: CuentasDatabase,
  input: VatRecoverySettings,
): Promise<VatRecoverySettings> {
  if (input.turnover !== 'up_to_limit' && input.turnover !== 'over_limit') {
    fail('turnover', 'required');
  }
  if (input.waitMonths !== 6 && input.waitMonths !== 12) fail('waitMonths', 'required');
  // Over the turnover limit the law leaves no choice: one year.
  const value: VatRecoverySettings = {
    turnover: input.turnover,
    waitMonths: input.turnover === 'over_limit' ? 12 : input.waitMonths,
  };
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const before = await db.settings.get('vatRecovery');
    await db.settings.put({ key: 'vatRecovery', value });
    await writeAudit(db, {
      entity: 'setting',
      entityId: 'vatRecovery',
      action: before ? 'update' : 'create',
      summary: `Recuperación del IVA: espera de ${value.waitMonths} meses`,
      before: before?.value ?? null,
      after: value,
    });
    return value;
  });
}

/** One write: the changed invoice and its audit entry. */
async function changeInvoice(
  db: CuentasDatabase,
  invoiceId: string,
  summary: (invoice: InvoiceRecord) => string,
  change: (invoice: InvoiceRecord) => InvoiceRecord,
): Promise<InvoiceRecord> {
  return db.transaction('rw', [db.invoices, db.audit], async () => {
    const before = await db.invoices.get(invoiceId);
    if (!before) fail('invoiceId', 'not_found', { id: invoiceId });
    const at = nowInstant();
    const after = { ...change(before), updatedAt: at };
    await db.invoices.put(after);
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: invoiceId,
      action: 'update',
      summary: summary(after),
      before,
      after,
    });
    return after;
  });
}

export async function setSecuredCents(
  db: CuentasDatabase,
  invoiceId: string,
  securedCents: Cents,
): Promise<InvoiceRecord> {
  if (!isCents(securedCents) || securedCents < 0) fail('securedCents', 'amount_invalid');
  return changeInvoice(
    db,
    invoiceId,
    (invoice) => `Factura ${invoice.number}: parte garantizada ${formatEuros(securedCents)}`,
    (invoice) => {
      if (securedCents > invoice.payableCents) {
        fail('securedCents', 'out_of_range', { min: 0, max: invoice.payableCents });
      }
      return { ...invoice, securedCents };
    },
  );
}

function checkDate(field: string, value: string, today: CalendarDate): void {
  if (!isCalendarDate(value)) fail(field, 'date_invalid');
  // Steps are recorded once done: a future date would start a countdown that has not begun.
  if (compareDates(value, today) > 0) fail(field, 'date_invalid');
}

/**
 * Records the corrective invoice issued in the user's invoicing program: the dues whose window had
 * opened by its date count as rectified, and the one-month AEAT countdown starts. An invoice whose
 * later installments open later gets one corrective invoice per window: each call adds the next.
 */
export async function recordCorrectiveInvoice(
  db: CuentasDatabase,
  input: { invoiceId: string; number: string; date: CalendarDate },
  today: CalendarDate,
): Promise<InvoiceRecord> {
  const number = input.number.trim();
  if (number === '') fail('number', 'required');
  if (number.length > 60) fail('number', 'too_long', { max: 60 });
  checkDate('date', input.date, today);
  const [settings, invoice] = await Promise.all([
    getVatRecoverySettings(db),
    db.invoices.get(input.invoiceId),
  ]);
  if (!invoice) fail('invoiceId', 'not_found', { id: input.invoiceId });
  const earlier = correctionsOf(invoice);
  const latest = earlier.at(-1);
  // Corrective invoices follow each other: a date before the last one would rewrite history.
  if (latest && compareDates(input.date, latest.correctiveInvoiceDate) < 0) {
    fail('date', 'date_invalid');
  }
  if (earlier.some((record) => record.correctiveInvoiceNumber === number)) {
    fail('number', 'credit_number_taken', { number });
  }
  const client = await db.clients.get(invoice.clientId);
  const events = await db.legalEvents.where('clientId').equals(invoice.clientId).toArray();
  const status = invoiceVatStatus({
    invoice,
    client: client ?? {},
    settings,
    legalEvents: events,
    today: input.date,
  });
  const vatCents = status.dues
    .filter((due) => RECOVERABLE_STATES.includes(due.state) && due.state !== 'not_yet')
    .filter((due) => compareDates(due.eligibleFrom, input.date) <= 0)
    .reduce((sum, due) => sum + due.vatAtStakeCents, 0);
  // Before the window opens (or with nothing left to recover) a corrective invoice is premature.
  if (vatCents <= 0) fail('date', 'date_invalid');
  return changeInvoice(
    db,
    input.invoiceId,
    (after) => `Factura ${after.number}: rectificativa ${number} del ${input.date} (IVA)`,
    (current) => {
      const record: InvoiceVatRecovery = {
        correctiveInvoiceNumber: number,
        correctiveInvoiceDate: input.date,
        vatCents,
        paidCentsAtCorrection: current.paidCents,
        aeatNoticeDate: null,
        withdrawnDate: null,
      };
      const history = current.vatRecovery
        ? [...(current.vatRecoveryHistory ?? []), current.vatRecovery]
        : current.vatRecoveryHistory;
      return {
        ...current,
        vatRecovery: record,
        ...(history && history.length > 0 ? { vatRecoveryHistory: history } : {}),
      };
    },
  );
}

export async function recordVatStep(
  db: CuentasDatabase,
  input: { invoiceId: string; step: 'aeatNoticeDate' | 'withdrawnDate'; date: CalendarDate | null },
  today: CalendarDate,
): Promise<InvoiceRecord> {
  if (input.date !== null) checkDate('date', input.date, today);
  return changeInvoice(
    db,
    input.invoiceId,
    (after) =>
      `Factura ${after.number}: ${
        input.step === 'aeatNoticeDate'
          ? 'comunicación a la AEAT'
          : 'reclamación retirada o cobro acordado'
      } ${input.date ?? 'borrada'}`,
    (current) => {
      const record = current.vatRecovery;
      if (!record) fail('vatRecovery', 'not_found');
      if (input.date !== null && compareDates(input.date, record.correctiveInvoiceDate) < 0) {
        fail('date', 'date_invalid');
      }
      return { ...current, vatRecovery: { ...record, [input.step]: input.date } };
    },
  );
}

/** Undo: forget the latest corrective invoice recorded by mistake; an earlier one stays. */
export async function clearVatRecovery(db: CuentasDatabase, invoiceId: string): Promise<void> {
  await changeInvoice(
    db,
    invoiceId,
    (after) => `Factura ${after.number}: última rectificativa del IVA borrada`,
    (current) => {
      const history = [...(current.vatRecoveryHistory ?? [])];
      const previous = history.pop() ?? null;
      const next: InvoiceRecord = { ...current, vatRecovery: previous };
      if (history.length > 0) next.vatRecoveryHistory = history;
      else delete next.vatRecoveryHistory;
      return next;
    },
  );
}

export interface VatRow {
  status: InvoiceVatStatus;
  invoice: InvoiceRecord;
  client: ClientRecord;
}

/**
 * Every unpaid issued or written-off invoice with its VAT recovery status. For one client, all its
 * invoices are read (a corrected invoice paid later still shows its reminder). For the whole ledger
 * only the rows that need attention today (`vatNeedsAttention`: a window to act in, one lost
 * lately, a step after the corrective invoice), which is all the Panel, Hoy and the notifications
 * show: exactly those rows of the full open set, in the same order, read from the candidates alone
 * (vat-recovery-candidates.ts), not from every open invoice.
 */
export async function listVatRecovery(
  db: CuentasDatabase,
  today: CalendarDate,
  clientId?: string,
): Promise<VatRow[]> {
  const settings = await getVatRecoverySettings(db);
  if (clientId === undefined) {
    const { invoices, clients, legalEvents } = await loadVatCandidates(db, settings, today);
    return vatRowsOf(invoices, clients, legalEvents, settings, today).filter((row) =>
      vatNeedsAttention(row.status, today),
    );
  }
  const [invoices, clients, events] = await Promise.all([
    db.invoices.where('clientId').equals(clientId).toArray(),
    db.clients.where('id').equals(clientId).toArray(),
    db.legalEvents.where('clientId').equals(clientId).toArray(),
  ]);
  return vatRowsOf(invoices, clients, events, settings, today);
}

/** The rows of these invoices (issued or written off, unpaid or with a recovery started). */
function vatRowsOf(
  invoices: readonly InvoiceRecord[],
  clients: readonly ClientRecord[],
  events: readonly LegalEventRecord[],
  settings: VatRecoverySettings,
  today: CalendarDate,
): VatRow[] {
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const eventsOf = new Map<string, LegalEventRecord[]>();
  for (const event of events) {
    const list = eventsOf.get(event.clientId) ?? [];
    list.push(event);
    eventsOf.set(event.clientId, list);
  }
  const rows: VatRow[] = [];
  for (const invoice of invoices) {
    const client = clientById.get(invoice.clientId);
    if (!client) continue;
    const started = invoice.vatRecovery != null;
    const live = invoice.lifecycle === 'issued' || invoice.lifecycle === 'written_off';
    if (!started && (!live || invoice.outstandingCents <= 0 || invoice.vatCents <= 0)) continue;
    const status = invoiceVatStatus({
      invoice,
      client,
      settings,
      legalEvents: eventsOf.get(invoice.clientId) ?? [],
      today,
    });
    rows.push({ status, invoice, client });
  }
  return rows.sort((a, b) => a.invoice.issueDate.localeCompare(b.invoice.issueDate));
}

/** One invoice's row and the legal events of its client, for the AEAT bundle. */
export async function getVatInvoice(
  db: CuentasDatabase,
  invoiceId: string,
  today: CalendarDate,
): Promise<{ row: VatRow; events: LegalEventRecord[] } | null> {
  const invoice = await db.invoices.get(invoiceId);
  if (!invoice) return null;
  const [rows, events] = await Promise.all([
    listVatRecovery(db, today, invoice.clientId),
    db.legalEvents.where('clientId').equals(invoice.clientId).toArray(),
  ]);
  const row = rows.find((candidate) => candidate.invoice.id === invoiceId);
  return row ? { row, events } : null;
}

/** For the notification check: the statuses that need attention (windows opening, closing, lost). */
export async function engineVatRecovery(
  db: CuentasDatabase,
  today: CalendarDate,
): Promise<InvoiceVatStatus[]> {
  return (await listVatRecovery(db, today)).map((row) => row.status);
}
