import { afterEach, describe, expect, it } from 'vitest';
import type {
  ActivityRecord,
  AllocationRecord,
  AuditRecord,
  BankMovementRecord,
  BankStatementRecord,
  ClientHistoryRecord,
  ClientRecord,
  CreditNoteRecord,
  DisputeRecord,
  DunningEventRecord,
  ImportPresetRecord,
  InstallmentRecord,
  InvoiceRecord,
  LegalEventRecord,
  MandateRecord,
  NotificationRecord,
  PaymentRecord,
  PlanDocumentRecord,
  PlanRecord,
  PromiseRecord,
  SavedViewRecord,
  SettingRecord,
} from '../../../../shared/domain/records';
import {
  backupTables,
  idsAt,
  ledgerTables,
  PARENT_TABLES,
  REFERENCES,
  schemaTables,
  SETUP_TABLES,
  SYNC_TABLES_LOCAL,
  tablesTouchedBy,
  type TableName,
} from '../../../../renderer/src/db/references';
import { checkReferences } from '../../../../renderer/src/db/check-references';
import { readAllTables } from '../../../../renderer/src/db/backup-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { freshDb } from './test-db';
import type {
  SyncChangeRecord,
  SyncConflictRecord,
  SyncDocRecord,
  SyncHeldRecord,
  SyncMetaRecord,
} from '../../../../renderer/src/db/sync/records';
import { emptyChunk, type LedgerChunkRecord } from '../../../../shared/domain/ledger-read-model';

const AT = '2026-11-30T10:00:00.000Z';
const DAY = '2026-11-30';

/*
 * One row per table with every optional field present (Required<…>): a field added to a record
 * must be added here (the type check fails otherwise), and if it holds an id the map must say so.
 */
const SAMPLES = {
  clients: {
    id: 'c1',
    name: 'Talleres García S.L.',
    taxId: 'B12345674',
    email: '',
    phone: '',
    contactPerson: '',
    contactTitle: null,
    address: '',
    postalCode: '',
    city: '',
    province: '',
    paymentTermDays: 30,
    creditLimitCents: null,
    onHold: false,
    pausedUntil: null,
    contractInterestPercent: null,
    notes: '',
    debtorKind: 'business',
    relatedParty: false,
    establishedInSpain: true,
    insolvencyDate: null,
    createdAt: AT,
    updatedAt: AT,
  } satisfies Required<ClientRecord>,
  invoices: {
    id: 'i1',
    clientId: 'c1',
    number: '2026-001',
    issueDate: DAY,
    description: '',
    taxableBaseCents: 100_00,
    vatRatePercent: 21,
    vatCents: 21_00,
    withholdingRatePercent: 0,
    withholdingCents: 0,
    totalCents: 121_00,
    payableCents: 121_00,
    dues: [{ dueDate: DAY, amountCents: 121_00 }],
    lifecycle: 'issued',
    paidCents: 0,
    outstandingCents: 121_00,
    creditedCents: 0,
    closedDate: null,
    nextDueDate: DAY,
    disputedCents: 0,
    planId: 'pl1',
    securedCents: 0,
    vatRecovery: null,
    vatRecoveryHistory: [],
    createdAt: AT,
    updatedAt: AT,
  } satisfies Required<InvoiceRecord>,
  payments: {
    id: 'p1',
    clientId: 'c1',
    date: DAY,
    amountCents: 100_00,
    method: 'transfer',
    reference: '',
    note: '',
    unallocatedCents: 0,
    createdAt: AT,
    planId: 'pl1',
    planCents: 0,
  } satisfies Required<PaymentRecord>,
  allocations: {
    id: 'a1',
    paymentId: 'p1',
    invoiceId: 'i1',
    clientId: 'c1',
    amountCents: 100_00,
  } satisfies Required<AllocationRecord>,
  activities: {
    id: 'ac1',
    clientId: 'c1',
    invoiceId: 'i1',
    kind: 'call',
    date: DAY,
    who: '',
    outcome: '',
    text: '',
    followUpDate: null,
    followUpDone: false,
    createdAt: AT,
  } satisfies Required<ActivityRecord>,
  promises: {
    id: 'pr1',
    clientId: 'c1',
    invoiceIds: ['i1'],
    amountCents: 100_00,
    promisedDate: DAY,
    activityId: 'ac1',
    status: 'open',
    createdAt: AT,
  } satisfies Required<PromiseRecord>,
  plans: {
    id: 'pl1',
    clientId: 'c1',
    invoiceIds: ['i1'],
    status: 'active',
    totalCents: 121_00,
    downPaymentCents: 0,
    frequency: 'monthly',
    annualInterestPercent: 0,
    signedDate: DAY,
    createdAt: AT,
    updatedAt: AT,
    terms: {
      reference: 'PP-2026-0001',
      invoiceAmounts: [
        { invoiceId: 'i1', number: '2026-001', issueDate: DAY, amountCents: 121_00 },
      ],
      extraLines: [],
      breakAfterDays: 10,
      downPaymentDate: null,
      firstDueDate: DAY,
      place: 'Zaragoza',
      language: 'es',
      creditorSignatory: { name: 'A', capacity: 'B' },
      debtorSignatory: { name: 'C', capacity: 'D' },
    },
    signing: {
      how: 'handwritten',
      at: AT,
      creditorSignature: null,
      debtorSignature: null,
      sha256: null,
    },
    brokenDate: null,
    completedDate: null,
  } satisfies Required<PlanRecord>,
  installments: {
    id: 'in1',
    planId: 'pl1',
    seq: 1,
    dueDate: DAY,
    amountCents: 121_00,
    principalCents: 121_00,
    interestCents: 0,
    paidCents: 0,
    // The SEPA log names files and end-to-end ids, not rows.
    presentations: [],
    representRequested: false,
  } satisfies Required<InstallmentRecord>,
  disputes: {
    id: 'd1',
    invoiceId: 'i1',
    clientId: 'c1',
    reason: 'price',
    amountCents: 10_00,
    openedDate: DAY,
    status: 'open',
    resolution: null,
    note: '',
    createdAt: AT,
  } satisfies Required<DisputeRecord>,
  settings: {
    key: 'company',
    value: {
      name: '',
      taxId: '',
      address: '',
      postalCode: '',
      city: '',
      province: '',
      email: '',
      phone: '',
      iban: '',
      logoDataUrl: null,
      sepaBusinessCode: '000',
    },
  } satisfies SettingRecord,
  audit: {
    seq: 1,
    at: AT,
    entity: 'client',
    entityId: 'c1',
    action: 'create',
    summary: '',
    before: null,
    after: null,
    syncId: 'dev1.a1',
  } satisfies Required<AuditRecord>,
  dunningEvents: {
    id: 'de1',
    clientId: 'c1',
    invoiceIds: ['i1'],
    level: 1,
    date: DAY,
    channel: 'email',
    amountCents: 121_00,
    interestCents: 0,
    compensationCents: 0,
    activityId: 'ac1',
    createdAt: AT,
  } satisfies Required<DunningEventRecord>,
  notifications: {
    id: 'n1',
    eventKey: 'due:i1',
    kind: 'due',
    title: '',
    body: '',
    target: { kind: 'invoice', id: 'i1' },
    firedAt: AT,
    readAt: null,
    foldedInto: 'digest',
  } satisfies Required<NotificationRecord>,
  bankStatements: {
    id: 's1',
    fingerprint: 'f',
    format: 'norma43',
    accountIban: '',
    fromDate: DAY,
    toDate: DAY,
    fileName: '',
    movementCount: 1,
    importedAt: AT,
  } satisfies Required<BankStatementRecord>,
  bankMovements: {
    id: 'm1',
    statementId: 's1',
    fingerprint: 'f1',
    date: DAY,
    valueDate: DAY,
    amountCents: 100_00,
    concept: '',
    references: [],
    commonCode: '02',
    counterpartyName: '',
    status: 'matched',
    paymentId: 'p1',
    returnOf: { clientId: 'c1', paymentId: 'p1', amountCents: 100_00 },
    returnDismissed: false,
  } satisfies Required<BankMovementRecord>,
  importPresets: {
    id: 'ip1',
    name: '',
    kind: 'invoices',
    mapping: {},
    createdAt: AT,
  } satisfies Required<ImportPresetRecord>,
  savedViews: { id: 'v1', name: '', state: {}, createdAt: AT } satisfies Required<SavedViewRecord>,
  mandates: {
    id: 'md1',
    clientId: 'c1',
    reference: 'UMR-1',
    signatureDate: DAY,
    debtorIban: '',
    debtorName: '',
    status: 'active',
    createdAt: AT,
  } satisfies Required<MandateRecord>,
  legalEvents: {
    id: 'le1',
    clientId: 'c1',
    invoiceIds: ['i1'],
    kind: 'demand',
    date: DAY,
    channel: '',
    answer: '',
    note: '',
    createdAt: AT,
  } satisfies Required<LegalEventRecord>,
  planDocuments: {
    id: 'pd1',
    planId: 'pl1',
    kind: 'agreement',
    fileName: '',
    bytes: new Uint8Array(1),
    sha256: '',
    signedAt: null,
    signedHow: null,
    createdAt: AT,
  } satisfies Required<PlanDocumentRecord>,
  clientHistory: {
    clientId: 'c1',
    settledCount: 0,
    lateCount: 0,
    daysLateSum: 0,
  } satisfies Required<ClientHistoryRecord>,
  ledgerChunks: {
    ...emptyChunk('c1'),
    ids: ['i1'],
    numbers: ['F-1'],
    issueDates: [DAY],
    lifecycles: ['issued'],
    totalCents: [10_00],
    payableCents: [10_00],
    paidCents: [0],
    outstandingCents: [10_00],
    creditedCents: [-1],
    nextDueDates: [DAY],
    disputedCents: [0],
    planRefs: [null],
    dueCounts: [1],
    dueDates: [DAY],
    dueCents: [10_00],
    creditCents: 0,
  } satisfies Required<LedgerChunkRecord>,
  creditNotes: {
    id: 'cn1',
    invoiceId: 'i1',
    clientId: 'c1',
    number: 'R-1',
    date: DAY,
    amountCents: 10_00,
    reason: '',
    source: 'manual',
    createdAt: AT,
  } satisfies Required<CreditNoteRecord>,
  syncChanges: {
    seq: 1,
    docId: 'clients:c1',
    table: 'clients',
    clock: 'x',
  } satisfies Required<SyncChangeRecord>,
  syncDocs: {
    id: 'clients:c1',
    table: 'clients',
    localKey: 'c1',
    clocks: {},
    baseClocks: {},
    rev: null,
  } satisfies Required<SyncDocRecord>,
  syncMeta: {
    key: 'device',
    value: { deviceId: 'dev1', lastClock: null },
  } satisfies SyncMetaRecord,
  syncConflicts: {
    id: 'sc1',
    docId: 'clients:c1',
    table: 'clients',
    key: 'c1',
    field: 'phone',
    localValue: '1',
    remoteValue: '2',
    winner: 'remote',
    winnerValue: '2',
    loserValue: '1',
    label: '',
    deviceId: 'dev1',
    at: AT,
    undoneAt: null,
  } satisfies Required<SyncConflictRecord>,
  syncHeld: {
    id: 'mandates:m2',
    kind: 'held',
    table: 'mandates',
    index: 'reference',
    key: 'm2',
    keptKey: 'm1',
    source: 'remote',
    record: {},
    state: null,
    rev: null,
    gone: false,
    tookBack: null,
    at: AT,
    resolvedAt: null,
    resolution: null,
  } satisfies Required<SyncHeldRecord>,
} satisfies Record<TableName, unknown>;

/** Fields that end in "Id" but name no row. */
const NOT_REFERENCES = new Set([
  'clients.taxId',
  'settings.value.taxId',
  // Sync's bookkeeping names CouchDB documents and devices, not rows.
  'audit.syncId',
  'syncChanges.docId',
  'syncConflicts.docId',
  'syncConflicts.deviceId',
  'syncMeta.value.deviceId',
]);
/** Primary keys (the row's own id); clientHistory's key is also its link to the client. */
const OWN_KEYS = new Set(['id', 'seq', 'key']);

/** Every path holding an id: a key `id` below the top, or one ending in Id/Ids. */
function idPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => idPaths(item, prefix));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const holdsId = (prefix !== '' && key === 'id') || /Ids?$/.test(key);
    const own = prefix === '' && OWN_KEYS.has(key);
    return [...(holdsId && !own ? [path] : []), ...idPaths(child, path)];
  });
}

function declaredFields(): Set<string> {
  return new Set(
    Object.values(REFERENCES).flatMap((references) =>
      references.map((reference) => `${reference.table}.${reference.field}`),
    ),
  );
}

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('the reference map', () => {
  it('knows every table of the schema: as a target, a source of references or set-up', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(schemaTables().sort());
    const mapped = new Set<string>([
      ...Object.values(PARENT_TABLES),
      ...Object.values(REFERENCES).flatMap((references) => references.map((r) => r.table)),
      ...SETUP_TABLES,
      ...SYNC_TABLES_LOCAL,
    ]);
    for (const table of schemaTables()) expect(mapped, table).toContain(table);
  });

  it('declares every field that holds an id, and no field that does not exist', () => {
    const found = new Set(
      Object.entries(SAMPLES).flatMap(([table, row]) =>
        idPaths(row).map((path) => `${table}.${path}`),
      ),
    );
    for (const field of NOT_REFERENCES) found.delete(field);
    // clientHistory is keyed by the client it summarises: its key is a reference too.
    found.add('clientHistory.clientId');
    // A sync conflict names its record by table + key (like the audit's entity + entityId).
    found.add('syncConflicts.key');
    found.add('ledgerChunks.clientId');
    expect([...declaredFields()].sort()).toEqual([...found].sort());
  });

  it('every declared field reads the sample row’s id', () => {
    for (const references of Object.values(REFERENCES)) {
      for (const reference of references) {
        const row: unknown = SAMPLES[reference.table];
        expect(idsAt(row, reference.field).length, `${reference.table}.${reference.field}`).toBe(1);
      }
    }
  });

  it('refusals carry the issue the person reads', () => {
    for (const references of Object.values(REFERENCES)) {
      for (const reference of references.filter((r) => r.onDelete === 'refuse')) {
        expect(reference.refuseCode, reference.table).toBeDefined();
      }
    }
  });

  it('backs up every table but the derived summary, and sample data replaces the ledger only', () => {
    expect(backupTables()).toContain('creditNotes');
    expect(backupTables()).not.toContain('clientHistory');
    expect(backupTables()).not.toContain('syncChanges');
    expect(backupTables()).not.toContain('ledgerChunks');
    expect(backupTables()).toHaveLength(schemaTables().length - 2 - SYNC_TABLES_LOCAL.length);
    expect(ledgerTables()).not.toContain('settings');
    expect(ledgerTables()).not.toContain('audit');
    expect(ledgerTables()).toContain('mandates');
  });

  it('a client erase reaches every table that can hold something about the client', () => {
    const touched = tablesTouchedBy('client', 'erase');
    for (const table of [
      'mandates',
      'installments',
      'planDocuments',
      'creditNotes',
      'notifications',
      'bankMovements',
      'audit',
    ]) {
      expect(touched).toContain(table);
    }
  });
});

describe('checkReferences', () => {
  it('is empty for the consistent sample rows and names each dangling link', async () => {
    db = freshDb();
    const database = db;
    await database.transaction('rw', schemaTables(), async () => {
      for (const [table, row] of Object.entries(SAMPLES)) await database.table(table).put(row);
    });
    expect(await checkReferences(database)).toEqual([]);
    await database.payments.delete('p1');
    await database.plans.delete('pl1');
    const dangling = await checkReferences(database);
    expect(
      dangling.map((entry) => `${entry.table}.${entry.field}→${entry.kind}:${entry.id}`).sort(),
    ).toEqual([
      'allocations.paymentId→payment:p1',
      'bankMovements.paymentId→payment:p1',
      'installments.planId→plan:pl1',
      'invoices.planId→plan:pl1',
      'planDocuments.planId→plan:pl1',
    ]);
  });

  it('a backup carries a row of every table (credit notes included) but the derived summary', async () => {
    db = freshDb();
    const database = db;
    await database.transaction('rw', schemaTables(), async () => {
      for (const [table, row] of Object.entries(SAMPLES)) await database.table(table).put(row);
    });
    const { tables } = await readAllTables(database);
    expect(Object.keys(tables).sort()).toEqual(backupTables());
    for (const name of backupTables()) expect(tables[name], name).toHaveLength(1);
  });
});
