// Importing invoices and clients from tables and e-invoices: all rows in one transaction or none.
import type {
  ClientRecord,
  ImportPresetRecord,
  InvoiceRecord,
} from '../../../shared/domain/records';
import type { ImportKind, ColumnMapping } from '../../../shared/formats/column-mapping';
import type {
  ImportedClientRow,
  ImportedInvoiceRow,
  RowIssue,
} from '../../../shared/formats/row-validation';
import { computeInvoiceAmounts, defaultDues } from '../../../shared/domain/invoice';
import { ValidationError } from '../../../shared/domain/validation';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { withDerivedFields } from './derived-fields';
import { newId, nowInstant } from './repo-helpers';
import { sameParty } from '../../../shared/domain/party-names';
import { addCreditNote } from './invoices/credit-notes';

export type ImportProgress = (done: number, total: number) => void;

// Small enough that the progress bar moves at least every 1,000 rows; bulkAdd keeps it cheap.
const CHUNK = 1000;
const DEFAULT_TERM_DAYS = 30;

/** An invoice from an e-invoice file, with its amounts as the file states them. */
export interface EInvoiceDraft {
  clientTaxId: string;
  clientName: string;
  number: string;
  issueDate: string;
  description: string;
  taxableBaseCents: number;
  vatCents: number;
  totalCents: number;
  withholdingCents: number;
  payableCents: number;
  dues: { dueDate: string; amountCents: number }[];
}

/** A credit note from an e-invoice file that names the invoice it corrects (same client). */
export interface EInvoiceCreditDraft {
  clientTaxId: string;
  clientName: string;
  number: string;
  date: string;
  /** Positive: what it takes off the corrected invoice. */
  amountCents: number;
  correctsNumber: string;
}

function keyOf(clientId: string, number: string): string {
  return `${clientId}\u0000${number}`;
}

async function storedInvoiceKeys(db: CuentasDatabase): Promise<Set<string>> {
  const keys = await db.invoices.orderBy('[clientId+number]').keys();
  const set = new Set<string>();
  for (const key of keys) {
    if (Array.isArray(key)) set.add(keyOf(String(key[0]), String(key[1])));
  }
  return set;
}

async function clientsByTaxId(db: CuentasDatabase): Promise<Map<string, ClientRecord>> {
  const clients = await db.clients.toArray();
  return new Map(clients.map((client) => [client.taxId, client]));
}

/** Rows whose client and number are already stored (the file's own repeats are found earlier). */
export async function findStoredDuplicates(
  db: CuentasDatabase,
  rows: readonly { row: number; clientTaxId: string; number: string }[],
): Promise<RowIssue[]> {
  return db.transaction('r', [db.clients, db.invoices], async () => {
    const clients = await clientsByTaxId(db);
    const stored = await storedInvoiceKeys(db);
    const issues: RowIssue[] = [];
    for (const row of rows) {
      const client = clients.get(row.clientTaxId);
      if (client && stored.has(keyOf(client.id, row.number))) {
        issues.push({
          row: row.row,
          field: 'number',
          code: 'invoice_number_taken',
          value: row.number,
        });
      }
    }
    return issues;
  });
}

/** A tax id the file gives to a party with another name: a question, never a silent merge. */
export interface PartyConflict {
  taxId: string;
  /** The name the file writes. */
  nameInFile: string;
  /** The name of the client stored with that tax id (or of its first row in the file). */
  knownName: string;
  /** Rows (or e-invoices, counted from 1) with that tax id and name. */
  rows: number[];
}

/**
 * Rows whose tax id belongs to a stored client of another name, or to an earlier row of the file
 * with another name. Each distinct (tax id, name) is one question.
 */
export async function findPartyConflicts(
  db: CuentasDatabase,
  rows: readonly { row: number; clientTaxId: string; clientName: string }[],
): Promise<PartyConflict[]> {
  const clients = await clientsByTaxId(db);
  const firstName = new Map<string, string>();
  const found = new Map<string, PartyConflict>();
  for (const row of rows) {
    const known = clients.get(row.clientTaxId)?.name ?? firstName.get(row.clientTaxId);
    if (known === undefined) {
      firstName.set(row.clientTaxId, row.clientName);
      continue;
    }
    if (sameParty(known, row.clientName)) continue;
    const key = `${row.clientTaxId}\u0000${row.clientName}`;
    const conflict = found.get(key) ?? {
      taxId: row.clientTaxId,
      nameInFile: row.clientName,
      knownName: known,
      rows: [],
    };
    conflict.rows.push(row.row);
    found.set(key, conflict);
  }
  return [...found.values()];
}

/** The rows of the conflicts a person has not answered "the same client" to, as row issues. */
export function partyIssues(
  conflicts: readonly PartyConflict[],
  confirmed: ReadonlySet<string>,
): RowIssue[] {
  return conflicts
    .filter((conflict) => !confirmed.has(conflict.taxId))
    .flatMap((conflict) =>
      conflict.rows.map((row) => ({
        row,
        field: 'clientName',
        code: 'party_mismatch' as const,
        value: conflict.nameInFile,
        params: { taxId: conflict.taxId, known: conflict.knownName },
      })),
    );
}

function newClient(taxId: string, name: string, at: string): ClientRecord {
  return {
    id: newId(),
    name,
    taxId,
    email: '',
    phone: '',
    contactPerson: '',
    address: '',
    postalCode: '',
    city: '',
    province: '',
    paymentTermDays: DEFAULT_TERM_DAYS,
    creditLimitCents: null,
    onHold: false,
    notes: '',
    createdAt: at,
    updatedAt: at,
  };
}

function invoiceRecord(
  clientId: string,
  draft: Omit<
    InvoiceRecord,
    | 'id'
    | 'clientId'
    | 'lifecycle'
    | 'paidCents'
    | 'outstandingCents'
    | 'nextDueDate'
    | 'disputedCents'
    | 'planId'
    | 'createdAt'
    | 'updatedAt'
  >,
  at: string,
): InvoiceRecord {
  const base: InvoiceRecord = {
    ...draft,
    id: newId(),
    clientId,
    lifecycle: 'issued',
    paidCents: 0,
    outstandingCents: draft.payableCents,
    nextDueDate: null,
    disputedCents: 0,
    planId: null,
    createdAt: at,
    updatedAt: at,
  };
  return withDerivedFields(base, 0, at);
}

export interface ImportResult {
  invoices: number;
  clientsCreated: number;
  /** Credit notes linked to the invoices they correct (e-invoices only). */
  creditNotes?: number;
}

/**
 * Finds each credit note's invoice (same client, the number it names), among the stored ones and
 * those of the same file; a missing one, an amount over what is owed or a number already used is
 * a row issue (and then nothing of the file is written).
 */
async function matchCredits(
  db: CuentasDatabase,
  credits: readonly (EInvoiceCreditDraft & { row: number })[],
  clients: Map<string, ClientRecord>,
  fresh: readonly InvoiceRecord[],
): Promise<{
  issues: RowIssue[];
  matched: { credit: EInvoiceCreditDraft; invoice: InvoiceRecord }[];
}> {
  const issues: RowIssue[] = [];
  const matched: { credit: EInvoiceCreditDraft; invoice: InvoiceRecord }[] = [];
  const owed = new Map<string, number>();
  for (const credit of credits) {
    const client = clients.get(credit.clientTaxId);
    const invoice = client
      ? (fresh.find((r) => r.clientId === client.id && r.number === credit.correctsNumber) ??
        (await db.invoices
          .where('[clientId+number]')
          .equals([client.id, credit.correctsNumber])
          .first()))
      : undefined;
    const row = { row: credit.row, field: 'number', value: credit.number };
    if (!client || !invoice) {
      issues.push({
        ...row,
        code: 'corrected_invoice_missing',
        params: { number: credit.correctsNumber },
      });
      continue;
    }
    const left = owed.get(invoice.id) ?? invoice.outstandingCents;
    if (
      credit.amountCents > left ||
      (invoice.lifecycle !== 'issued' && invoice.lifecycle !== 'written_off')
    ) {
      issues.push({ ...row, code: 'credit_exceeds_outstanding', params: { outstanding: left } });
      continue;
    }
    const taken = await db.creditNotes
      .where('clientId')
      .equals(client.id)
      .filter((note) => note.number === credit.number)
      .first();
    if (taken) {
      issues.push({ ...row, code: 'credit_number_taken' });
      continue;
    }
    owed.set(invoice.id, left - credit.amountCents);
    matched.push({ credit, invoice });
  }
  return { issues, matched };
}

async function writeInvoices(
  db: CuentasDatabase,
  drafts: readonly (EInvoiceDraft & { row: number })[],
  source: string,
  onProgress?: ImportProgress,
  credits: readonly (EInvoiceCreditDraft & { row: number })[] = [],
  confirmedTaxIds: ReadonlySet<string> = new Set(),
): Promise<ImportResult> {
  const tables =
    credits.length > 0
      ? [db.clients, db.invoices, db.audit, db.allocations, db.creditNotes, db.disputes]
      : [db.clients, db.invoices, db.audit];
  // 100,000 rows name a few clients: each pair of names is compared once.
  const compared = new Map<string, boolean>();
  const samePartyCached = (known: string, inFile: string) => {
    const key = `${known}\u0000${inFile}`;
    let same = compared.get(key);
    if (same === undefined) {
      same = sameParty(known, inFile);
      compared.set(key, same);
    }
    return same;
  };
  return db.transaction('rw', tables, async () => {
    const at = nowInstant();
    const clients = await clientsByTaxId(db);
    const stored = await storedInvoiceKeys(db);
    const created: ClientRecord[] = [];
    const issues: RowIssue[] = [];
    const records: InvoiceRecord[] = [];
    for (const draft of drafts) {
      let client = clients.get(draft.clientTaxId);
      // Checked again here: an unanswered name mismatch never attaches an invoice to a client.
      if (
        client &&
        !confirmedTaxIds.has(draft.clientTaxId) &&
        !samePartyCached(client.name, draft.clientName)
      ) {
        issues.push(
          ...partyIssues(
            [
              {
                taxId: draft.clientTaxId,
                nameInFile: draft.clientName,
                knownName: client.name,
                rows: [draft.row],
              },
            ],
            confirmedTaxIds,
          ),
        );
        continue;
      }
      if (!client) {
        client = newClient(draft.clientTaxId, draft.clientName, at);
        clients.set(client.taxId, client);
        created.push(client);
      }
      const key = keyOf(client.id, draft.number);
      if (stored.has(key)) {
        issues.push({
          row: draft.row,
          field: 'number',
          code: 'invoice_number_taken',
          value: draft.number,
        });
        continue;
      }
      stored.add(key);
      const dues =
        draft.dues.length > 0
          ? draft.dues
          : defaultDues(draft.issueDate, client.paymentTermDays, draft.payableCents);
      records.push(
        invoiceRecord(
          client.id,
          {
            number: draft.number,
            issueDate: draft.issueDate,
            description: draft.description,
            taxableBaseCents: draft.taxableBaseCents,
            vatRatePercent:
              draft.taxableBaseCents > 0
                ? Math.round((draft.vatCents / draft.taxableBaseCents) * 10000) / 100
                : 0,
            vatCents: draft.vatCents,
            withholdingRatePercent:
              draft.taxableBaseCents > 0
                ? Math.round((draft.withholdingCents / draft.taxableBaseCents) * 10000) / 100
                : 0,
            withholdingCents: draft.withholdingCents,
            totalCents: draft.totalCents,
            payableCents: draft.payableCents,
            dues,
          },
          at,
        ),
      );
    }
    const linked = await matchCredits(db, credits, clients, records);
    issues.push(...linked.issues);
    // Any problem aborts the transaction: nothing of the file is written.
    if (issues.length > 0) throw new RowValidationError(issues);
    await db.clients.bulkAdd(created);
    for (let start = 0; start < records.length; start += CHUNK) {
      await db.invoices.bulkAdd(records.slice(start, start + CHUNK));
      onProgress?.(Math.min(start + CHUNK, records.length), records.length);
    }
    await writeAudit(db, {
      at,
      entity: 'invoice',
      entityId: `import:${newId()}`,
      action: 'create',
      summary: `Importadas ${records.length} facturas${linked.matched.length > 0 ? `, ${linked.matched.length} rectificativas` : ''} y ${created.length} clientes nuevos de ${source}`,
      before: null,
      after: {
        invoiceIds: records.length <= 1000 ? records.map((r) => r.id) : records.length,
        clientIds: created.map((c) => c.id),
      },
    });
    for (const { credit, invoice } of linked.matched) {
      // Re-read: an earlier credit note of the same file may have changed the invoice.
      const current = (await db.invoices.get(invoice.id)) ?? invoice;
      await addCreditNote(
        db,
        current,
        {
          invoiceId: current.id,
          number: credit.number,
          date: credit.date,
          amountCents: credit.amountCents,
          reason: `Rectificativa importada de ${source}`,
          source: 'import',
        },
        at,
      );
    }
    const result: ImportResult = { invoices: records.length, clientsCreated: created.length };
    if (credits.length > 0) result.creditNotes = linked.matched.length;
    return result;
  });
}

/** A rejected import: the issues name rows; nothing was written. */
export class RowValidationError extends ValidationError {
  readonly rowIssues: readonly RowIssue[];

  constructor(issues: readonly RowIssue[]) {
    super(
      issues.map((issue) => ({
        field: `row.${issue.row}.${issue.field}`,
        code: issue.code,
        params: { row: issue.row, value: issue.value },
      })),
    );
    this.name = 'RowValidationError';
    this.rowIssues = issues;
  }
}

/** Writes checked table rows; refuses the whole file if any row failed its checks. */
export async function commitInvoiceRows(
  db: CuentasDatabase,
  rows: readonly ImportedInvoiceRow[],
  rejected: readonly RowIssue[],
  source: string,
  onProgress?: ImportProgress,
  confirmedTaxIds: ReadonlySet<string> = new Set(),
): Promise<ImportResult> {
  if (rejected.length > 0) throw new RowValidationError(rejected);
  const drafts = rows.map((row) => {
    const amounts = computeInvoiceAmounts(row);
    return {
      row: row.row,
      clientTaxId: row.clientTaxId,
      clientName: row.clientName,
      number: row.number,
      issueDate: row.issueDate,
      description: row.description,
      taxableBaseCents: row.taxableBaseCents,
      ...amounts,
      dues: row.dueDate ? [{ dueDate: row.dueDate, amountCents: amounts.payableCents }] : [],
    };
  });
  return writeInvoices(db, drafts, source, onProgress, [], confirmedTaxIds);
}

/** Invoices, then the file's credit notes linked to the invoices they correct; rows count from 1. */
export async function commitEInvoices(
  db: CuentasDatabase,
  drafts: readonly EInvoiceDraft[],
  source: string,
  credits: readonly EInvoiceCreditDraft[] = [],
  confirmedTaxIds: ReadonlySet<string> = new Set(),
): Promise<ImportResult> {
  return writeInvoices(
    db,
    drafts.map((draft, index) => ({ ...draft, row: index + 1 })),
    source,
    undefined,
    credits.map((credit, index) => ({ ...credit, row: drafts.length + index + 1 })),
    confirmedTaxIds,
  );
}

export async function commitClientRows(
  db: CuentasDatabase,
  rows: readonly ImportedClientRow[],
  rejected: readonly RowIssue[],
  source: string,
): Promise<number> {
  if (rejected.length > 0) throw new RowValidationError(rejected);
  return db.transaction('rw', [db.clients, db.audit], async () => {
    const at = nowInstant();
    const existing = await clientsByTaxId(db);
    const issues: RowIssue[] = rows
      .filter((row) => existing.has(row.taxId))
      .map((row) => ({ row: row.row, field: 'taxId', code: 'tax_id_taken', value: row.taxId }));
    if (issues.length > 0) throw new RowValidationError(issues);
    const records = rows.map(({ row: _row, ...fields }) => ({
      ...newClient(fields.taxId, fields.name, at),
      ...fields,
    }));
    await db.clients.bulkAdd(records);
    await writeAudit(db, {
      at,
      entity: 'client',
      entityId: `import:${newId()}`,
      action: 'create',
      summary: `Importados ${records.length} clientes de ${source}`,
      before: null,
      after: { clientIds: records.map((c) => c.id) },
    });
    return records.length;
  });
}

export async function listPresets(
  db: CuentasDatabase,
  kind: ImportKind,
): Promise<ImportPresetRecord[]> {
  const all = await db.importPresets.orderBy('name').toArray();
  return all.filter((preset) => preset.kind === kind);
}

/** Saves (or replaces, by name and kind) a column mapping to reuse with the next file. */
export async function savePreset(
  db: CuentasDatabase,
  input: { name: string; kind: ImportKind; mapping: ColumnMapping },
): Promise<ImportPresetRecord> {
  return db.transaction('rw', [db.importPresets], async () => {
    const same = (await db.importPresets.where('name').equals(input.name.trim()).toArray()).find(
      (preset) => preset.kind === input.kind,
    );
    const record: ImportPresetRecord = {
      id: same?.id ?? newId(),
      name: input.name.trim(),
      kind: input.kind,
      mapping: { ...input.mapping },
      createdAt: same?.createdAt ?? nowInstant(),
    };
    await db.importPresets.put(record);
    return record;
  });
}
