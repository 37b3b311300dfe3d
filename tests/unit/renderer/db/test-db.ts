// Test helpers: a fresh uniquely named database per test and valid inputs to start from.
import { openDatabase } from '../../../../renderer/src/db/database';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import type { ClientInput } from '../../../../renderer/src/db/clients-repo';
import type { InvoiceInput } from '../../../../renderer/src/db/invoices-repo';
import type { PaymentInput } from '../../../../renderer/src/db/payments-repo';
import { createPlanDraft, type PlanDraftInput } from '../../../../renderer/src/db/plans-repo';
import { activatePlan } from '../../../../renderer/src/db/plan-signing-repo';
import type { PlanRecord } from '../../../../shared/domain/records';
import { isValidationError } from '../../../../shared/domain/validation';
import type { IssueCode } from '../../../../shared/domain/validation';

export function freshDb(): CuentasDatabase {
  return openDatabase(`test-${crypto.randomUUID()}`);
}

export function clientInput(overrides: Partial<ClientInput> = {}): ClientInput {
  return {
    name: 'Talleres Hermanos García S.L.',
    taxId: 'B12345674',
    email: 'admin@talleresgarcia.es',
    phone: '976 123 456',
    contactPerson: 'José García',
    address: 'Calle Mayor 12',
    postalCode: '50001',
    city: 'Zaragoza',
    province: 'Zaragoza',
    paymentTermDays: 30,
    creditLimitCents: null,
    onHold: false,
    notes: '',
    ...overrides,
  };
}

/** 1.000,00 € + 21 % VAT = 1.210,00 € payable, one due on 2026-02-14 unless overridden. */
export function invoiceInput(
  clientId: string,
  overrides: Partial<InvoiceInput> = {},
): InvoiceInput {
  return {
    clientId,
    number: '2026-0001',
    issueDate: '2026-01-15',
    description: 'Reparación de maquinaria',
    taxableBaseCents: 1_000_00,
    vatRatePercent: 21,
    withholdingRatePercent: 0,
    dues: [{ dueDate: '2026-02-14', amountCents: 1_210_00 }],
    lifecycle: 'issued',
    ...overrides,
  };
}

export function paymentInput(
  clientId: string,
  overrides: Partial<PaymentInput> = {},
): PaymentInput {
  return {
    clientId,
    date: '2026-02-10',
    amountCents: 500_00,
    method: 'transfer',
    reference: 'TRF 001',
    note: '',
    allocation: { mode: 'oldest_first' },
    keepExcessAsCredit: false,
    ...overrides,
  };
}

/** A plan of monthly installments from 2026-05-10, no interest, drafted as of 2026-04-20. */
export function planInput(
  clientId: string,
  invoiceIds: string[],
  overrides: Partial<PlanDraftInput> = {},
): PlanDraftInput {
  return {
    clientId,
    invoiceIds,
    extraLines: [],
    downPaymentCents: 0,
    downPaymentDate: null,
    installments: 4,
    frequency: 'monthly',
    firstDueDate: '2026-05-10',
    annualInterestPercent: 0,
    breakAfterDays: 15,
    place: 'Zaragoza',
    language: 'es',
    creditorSignatory: { name: 'Lucía Martín', capacity: 'administradora' },
    debtorSignatory: { name: 'José García', capacity: 'apoderado' },
    schedule: null,
    ...overrides,
  };
}

export const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** Drafts the plan and signs it by hand on `today`, as a user does from the plan builder. */
export async function signedPlan(
  db: CuentasDatabase,
  input: PlanDraftInput,
  today = '2026-04-20',
): Promise<PlanRecord> {
  const draft = await createPlanDraft(db, input, today);
  return activatePlan(db, draft.id, {
    how: 'handwritten',
    creditorSignature: SIGNATURE_PNG,
    debtorSignature: SIGNATURE_PNG,
    pdf: new TextEncoder().encode('%PDF-1.4'),
    fileName: 'acuerdo.pdf',
    today,
  });
}

/** Awaits a promise that must reject with a ValidationError and returns its issue codes. */
export async function issueCodesOf(promise: Promise<unknown>): Promise<IssueCode[]> {
  try {
    await promise;
  } catch (error) {
    if (isValidationError(error)) return error.issues.map((issue) => issue.code);
    throw error;
  }
  throw new Error('expected a ValidationError, but the call succeeded');
}
