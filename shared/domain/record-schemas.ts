// One zod schema per stored table (schema v3): what a row must be before it is written back.
// Loose objects: a field added later by another feature passes, the known ones are checked.
import { z } from 'zod';
import { isCalendarDate } from './dates';

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const cents = z.number().refine(Number.isSafeInteger, 'cents');
const nonNegativeCents = cents.refine((value) => value >= 0, 'negative');
export const calendarDate = z.string().refine(isCalendarDate, 'date');
export const instant = z
  .string()
  .refine(
    (value) => isCalendarDate(ISO_INSTANT.exec(value)?.[1]) && Number.isFinite(Date.parse(value)),
    'instant',
  );
const id = z.string().min(1).max(200);
const text = z.string();
const percent = z.number().finite().min(0).max(100);
const count = z.number().int().min(0);
const ids = z.array(id);

export const clientRowSchema = z.looseObject({
  id,
  name: text,
  taxId: text,
  email: text,
  phone: text,
  contactPerson: text,
  contactTitle: z.enum(['sra', 'sr']).nullable().optional(),
  address: text,
  postalCode: text,
  city: text,
  province: text,
  paymentTermDays: count,
  creditLimitCents: nonNegativeCents.nullable(),
  onHold: z.boolean(),
  pausedUntil: calendarDate.nullable().optional(),
  contractInterestPercent: percent.nullable().optional(),
  notes: text,
  createdAt: instant,
  updatedAt: instant,
});

export const invoiceRowSchema = z.looseObject({
  id,
  clientId: id,
  number: z.string().min(1),
  issueDate: calendarDate,
  description: text,
  taxableBaseCents: cents,
  vatRatePercent: percent,
  vatCents: cents,
  withholdingRatePercent: percent,
  withholdingCents: cents,
  totalCents: cents,
  payableCents: cents,
  dues: z.array(z.looseObject({ dueDate: calendarDate, amountCents: cents })).min(1),
  lifecycle: z.enum(['draft', 'issued', 'written_off', 'cancelled']),
  paidCents: nonNegativeCents,
  outstandingCents: nonNegativeCents,
  creditedCents: nonNegativeCents.optional(),
  closedDate: calendarDate.nullable().optional(),
  nextDueDate: calendarDate.nullable(),
  disputedCents: nonNegativeCents,
  planId: id.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export const paymentRowSchema = z.looseObject({
  id,
  clientId: id,
  date: calendarDate,
  amountCents: cents,
  method: z.enum(['transfer', 'direct_debit', 'card', 'cash', 'cheque', 'other']),
  reference: text,
  note: text,
  unallocatedCents: cents,
  createdAt: instant,
  planId: id.nullable().optional(),
  planCents: nonNegativeCents.optional(),
});

export const creditNoteRowSchema = z.looseObject({
  id,
  invoiceId: id,
  clientId: id,
  number: text,
  date: calendarDate,
  amountCents: nonNegativeCents,
  reason: text,
  source: z.enum(['manual', 'import']),
  createdAt: instant,
});

export const allocationRowSchema = z.looseObject({
  id,
  paymentId: id,
  invoiceId: id,
  clientId: id,
  amountCents: cents,
});

export const activityRowSchema = z.looseObject({
  id,
  clientId: id,
  invoiceId: id.nullable(),
  kind: z.enum(['call', 'email', 'letter', 'visit', 'message', 'note']),
  date: calendarDate,
  who: text,
  outcome: text,
  text,
  followUpDate: calendarDate.nullable(),
  followUpDone: z.boolean(),
  createdAt: instant,
});

export const promiseRowSchema = z.looseObject({
  id,
  clientId: id,
  invoiceIds: ids,
  amountCents: nonNegativeCents,
  promisedDate: calendarDate,
  activityId: id.nullable(),
  status: z.enum(['open', 'kept', 'broken', 'cancelled', 'superseded']),
  createdAt: instant,
});

export const planRowSchema = z.looseObject({
  id,
  clientId: id,
  invoiceIds: ids,
  status: z.enum(['draft', 'active', 'completed', 'broken', 'cancelled']),
  totalCents: nonNegativeCents,
  downPaymentCents: nonNegativeCents,
  frequency: z.enum(['weekly', 'biweekly', 'monthly']),
  annualInterestPercent: percent,
  signedDate: calendarDate.nullable(),
  createdAt: instant,
  updatedAt: instant,
  terms: z
    .looseObject({
      reference: text,
      invoiceAmounts: z.array(
        z.looseObject({ invoiceId: id, number: text, issueDate: calendarDate, amountCents: cents }),
      ),
      extraLines: z.array(
        z.looseObject({
          kind: z.enum(['late_interest', 'compensation', 'other']),
          label: text,
          amountCents: cents,
        }),
      ),
      breakAfterDays: count,
      downPaymentDate: calendarDate.nullable(),
      firstDueDate: calendarDate,
    })
    .optional(),
  signing: z
    .looseObject({ how: z.enum(['handwritten', 'digital', 'scanned']), at: instant })
    .optional(),
  brokenDate: calendarDate.nullable().optional(),
  completedDate: calendarDate.nullable().optional(),
});

export const installmentRowSchema = z.looseObject({
  id,
  planId: id,
  seq: count,
  dueDate: calendarDate,
  amountCents: nonNegativeCents,
  principalCents: nonNegativeCents,
  interestCents: nonNegativeCents,
  paidCents: nonNegativeCents,
  presentations: z
    .array(
      z.looseObject({
        fileName: text,
        messageId: text,
        presentedDate: calendarDate,
        collectionDate: calendarDate,
        sequence: z.enum(['FRST', 'RCUR', 'OOFF', 'FNAL']),
        endToEndId: text,
        mandateId: text,
        amountCents: nonNegativeCents,
        returnedDate: calendarDate.nullable(),
      }),
    )
    .optional(),
  representRequested: z.boolean().optional(),
});

export const disputeRowSchema = z.looseObject({
  id,
  invoiceId: id,
  clientId: id,
  reason: z.enum(['price', 'quality', 'not_received', 'duplicate', 'other']),
  amountCents: nonNegativeCents,
  openedDate: calendarDate,
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['credit_note', 'write_off', 'resumed']).nullable(),
  note: text,
  createdAt: instant,
});

const objectValue = z.record(z.string(), z.unknown());

/** Each setting's value keeps its own validation in its repository; here: the right shape. */
export const settingRowSchema = z.discriminatedUnion('key', [
  z.looseObject({ key: z.literal('company'), value: objectValue }),
  z.looseObject({
    key: z.literal('preferences'),
    value: z.looseObject({ language: z.enum(['es', 'en']) }),
  }),
  z.looseObject({ key: z.literal('notifications'), value: objectValue }),
  z.looseObject({
    key: z.literal('dunning'),
    value: z.looseObject({ levels: z.array(objectValue) }),
  }),
  z.looseObject({
    key: z.literal('legalRates'),
    value: z.array(z.looseObject({ from: calendarDate, ratePercent: z.number().finite() })),
  }),
  z.looseObject({
    key: z.literal('moneyRates'),
    value: z.array(z.looseObject({ from: calendarDate, ratePercent: z.number().finite() })),
  }),
  z.looseObject({
    key: z.literal('vatRecovery'),
    value: z.looseObject({
      turnover: z.enum(['up_to_limit', 'over_limit']),
      waitMonths: z.union([z.literal(6), z.literal(12)]),
    }),
  }),
]);

export const auditRowSchema = z.looseObject({
  seq: z.number().int().positive().optional(),
  at: instant,
  entity: z.string().min(1),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  summary: text,
});

export const dunningEventRowSchema = z.looseObject({
  id,
  clientId: id,
  invoiceIds: ids,
  level: count,
  date: calendarDate,
  channel: z.enum(['email', 'eml', 'pdf', 'burofax']),
  amountCents: cents,
  interestCents: cents,
  compensationCents: cents,
  activityId: id.nullable(),
  createdAt: instant,
});

export const notificationRowSchema = z.looseObject({
  id,
  eventKey: z.string().min(1),
  kind: text,
  title: text,
  body: text,
  target: z.looseObject({ kind: z.enum(['invoice', 'client', 'plan']), id }).nullable(),
  firedAt: instant,
  readAt: instant.nullable(),
  foldedInto: text.optional(),
});

export const bankStatementRowSchema = z.looseObject({
  id,
  fingerprint: z.string().min(1),
  format: z.enum(['norma43', 'camt053']),
  accountIban: text,
  fromDate: calendarDate,
  toDate: calendarDate,
  fileName: text,
  movementCount: count,
  importedAt: instant,
});

export const bankMovementRowSchema = z.looseObject({
  id,
  statementId: id,
  fingerprint: z.string().min(1),
  date: calendarDate,
  valueDate: calendarDate,
  amountCents: cents,
  concept: text,
  references: z.array(text),
  commonCode: text,
  counterpartyName: text,
  status: z.enum(['unmatched', 'matched', 'ignored', 'returned']),
  paymentId: id.nullable(),
  returnOf: z
    .looseObject({
      clientId: id,
      paymentId: id.nullable(),
      amountCents: cents,
      endToEndId: text.optional(),
    })
    .nullable()
    .optional(),
  returnDismissed: z.boolean().optional(),
});

export const importPresetRowSchema = z.looseObject({
  id,
  name: text,
  kind: z.enum(['invoices', 'clients']),
  mapping: z.record(z.string(), z.string()),
  createdAt: instant,
});

export const savedViewRowSchema = z.looseObject({ id, name: text, createdAt: instant });

export const mandateRowSchema = z.looseObject({
  id,
  clientId: id,
  reference: z.string().min(1),
  signatureDate: calendarDate,
  debtorIban: text,
  debtorName: text,
  status: z.enum(['active', 'revoked']),
  createdAt: instant,
});

export const legalEventRowSchema = z.looseObject({
  id,
  clientId: id,
  invoiceIds: ids,
  kind: z.enum(['demand', 'acknowledgment', 'masc_attempt', 'monitorio']),
  date: calendarDate,
  channel: text,
  answer: text,
  note: text,
  createdAt: instant,
});

export const planDocumentRowSchema = z.looseObject({
  id,
  planId: id,
  kind: z.enum(['agreement', 'signed']),
  fileName: text,
  bytes: z.instanceof(Uint8Array),
  sha256: text,
  signedAt: instant.nullable(),
  signedHow: z.enum(['handwritten', 'digital', 'scanned']).nullable(),
  createdAt: instant,
});

export const clientHistoryRowSchema = z.looseObject({
  clientId: id,
  settledCount: count,
  lateCount: count,
  daysLateSum: z.number().int(),
});

/** Table name → the schema of its rows (the tables of schema v3). */
export const RECORD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  clients: clientRowSchema,
  invoices: invoiceRowSchema,
  payments: paymentRowSchema,
  creditNotes: creditNoteRowSchema,
  allocations: allocationRowSchema,
  activities: activityRowSchema,
  promises: promiseRowSchema,
  plans: planRowSchema,
  installments: installmentRowSchema,
  disputes: disputeRowSchema,
  settings: settingRowSchema,
  audit: auditRowSchema,
  dunningEvents: dunningEventRowSchema,
  notifications: notificationRowSchema,
  bankStatements: bankStatementRowSchema,
  bankMovements: bankMovementRowSchema,
  importPresets: importPresetRowSchema,
  savedViews: savedViewRowSchema,
  mandates: mandateRowSchema,
  legalEvents: legalEventRowSchema,
  planDocuments: planDocumentRowSchema,
  clientHistory: clientHistoryRowSchema,
};

/** Why a field is refused: the refinements above, or the kind of zod issue. */
export type RowProblemReason =
  'cents' | 'negative' | 'date' | 'instant' | 'type' | 'value' | 'size' | 'invalid';

/** The Spanish wording used in thrown messages; the UI translates the reason code itself. */
export const ROW_PROBLEM_TEXT_ES: Readonly<Record<RowProblemReason, string>> = {
  cents: 'no es un número entero de céntimos',
  negative: 'no puede ser negativo',
  date: 'no es una fecha real (AAAA-MM-DD)',
  instant: 'no es un instante ISO (AAAA-MM-DDThh:mm:ssZ)',
  type: 'falta o tiene un tipo equivocado',
  value: 'no es uno de los valores admitidos',
  size: 'es demasiado corto, largo, pequeño o grande',
  invalid: 'no es válido',
};

export interface RowProblem {
  table: string;
  /** 1-based position of the row in its table. */
  row: number;
  /** The row's id when it has one, so a person can find it. */
  id: string | null;
  /** Dotted path of the field, e.g. "dues.0.dueDate"; empty when the row itself is wrong. */
  field: string;
  reason: RowProblemReason;
}

const REFINED: readonly string[] = ['cents', 'negative', 'date', 'instant'];

export function reasonOf(issue: z.core.$ZodIssue | undefined): RowProblemReason {
  if (!issue) return 'invalid';
  if (issue.code === 'custom' && REFINED.includes(issue.message)) {
    return issue.message as RowProblemReason;
  }
  if (issue.code === 'invalid_type') return 'type';
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return 'value';
  if (issue.code === 'too_small' || issue.code === 'too_big') return 'size';
  return 'invalid';
}

/** The first row of a table that breaks its schema, or null. */
export function firstRowProblem(table: string, rows: readonly unknown[]): RowProblem | null {
  // A table added later without a schema here still holds objects, never bare values.
  const schema = RECORD_SCHEMAS[table] ?? z.looseObject({});
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index];
    const checked = schema.safeParse(row);
    if (checked.success) continue;
    const issue = checked.error.issues[0];
    const rowId =
      typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string'
        ? row.id
        : null;
    return {
      table,
      row: index + 1,
      id: rowId,
      field: issue?.path.map(String).join('.') ?? '',
      reason: reasonOf(issue),
    };
  }
  return null;
}

export function describeRowProblem(problem: RowProblem): string {
  const where = `tabla ${problem.table}, fila ${problem.row}${problem.id ? ` (id ${problem.id})` : ''}`;
  const field = problem.field ? `, campo ${problem.field}` : '';
  return `${where}${field}: ${ROW_PROBLEM_TEXT_ES[problem.reason]}`;
}
