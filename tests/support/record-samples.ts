// Valid stored rows of schema v3, to build backups in tests and to break one field at a time.
import type {
  ClientRecord,
  InvoiceRecord,
  PaymentRecord,
  PlanDocumentRecord,
} from '../../shared/domain/records';

const AT = '2026-03-01T10:00:00.000Z';

export function clientRow(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    id: 'c1',
    name: 'Talleres García S.L.',
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
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function invoiceRow(overrides: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return {
    id: 'i1',
    clientId: 'c1',
    number: '2026-0001',
    issueDate: '2026-01-15',
    description: 'Reparación de maquinaria',
    taxableBaseCents: 100_000,
    vatRatePercent: 21,
    vatCents: 21_000,
    withholdingRatePercent: 0,
    withholdingCents: 0,
    totalCents: 121_000,
    payableCents: 121_000,
    dues: [{ dueDate: '2026-02-14', amountCents: 121_000 }],
    lifecycle: 'issued',
    paidCents: 0,
    outstandingCents: 121_000,
    nextDueDate: '2026-02-14',
    disputedCents: 0,
    planId: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function paymentRow(overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    id: 'p1',
    clientId: 'c1',
    date: '2026-02-10',
    amountCents: 50_000,
    method: 'transfer',
    reference: '',
    note: '',
    unallocatedCents: 50_000,
    createdAt: AT,
    ...overrides,
  };
}

export function planDocumentRow(overrides: Partial<PlanDocumentRecord> = {}): PlanDocumentRecord {
  return {
    id: 'd1',
    planId: 'pl1',
    kind: 'signed',
    fileName: 'acuerdo.pdf',
    bytes: Uint8Array.from([37, 80, 68, 70, 0, 255]),
    sha256: 'x',
    signedAt: null,
    signedHow: 'digital',
    createdAt: AT,
    ...overrides,
  };
}
