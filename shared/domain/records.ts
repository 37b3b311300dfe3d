// The receivables data model: the plain records stored by the renderer and read by the domain.
import type { Cents } from './money';
import type { CalendarDate } from './dates';
import type { DunningSettings } from './dunning';
import type { NotificationSettings } from './notification-settings';
import type { LegalRateEntry } from './legal-interest-rates';
import type { VatRecoverySettings } from './vat-recovery-status';

/** An ISO instant, e.g. 2026-11-23T09:30:00.000Z. */
export type Instant = string;

/**
 * draft → issued → (written_off | cancelled), and back to issued by "reopen".
 * written_off (incobrable): still owed on paper, out of chasing, kept in reports.
 * cancelled (anulada): never owed; leaves every figure but stays in the history.
 */
export type InvoiceLifecycle = 'draft' | 'issued' | 'written_off' | 'cancelled';

export type InvoiceStatus =
  | 'draft'
  | 'pending'
  | 'partial'
  | 'overdue'
  | 'paid'
  | 'disputed'
  | 'in_plan'
  | 'written_off'
  | 'cancelled'
  /** Settled by credit notes alone (rectificada): nothing was collected and nothing is owed. */
  | 'credited';

export interface ClientRecord {
  id: string;
  name: string;
  /** Normalized Spanish NIF/NIE/CIF (upper case, no separators). */
  taxId: string;
  email: string;
  phone: string;
  contactPerson: string;
  /** Sra./Sr. of the contact person (or of the client itself without one): the letters' greeting. */
  contactTitle?: 'sra' | 'sr' | null;
  address: string;
  postalCode: string;
  city: string;
  province: string;
  paymentTermDays: number;
  creditLimitCents: Cents | null;
  /** "En espera": stop selling on credit. */
  onHold: boolean;
  /** Collections paused until this date (exclusive): no worklist items, no reminders. */
  pausedUntil?: CalendarDate | null;
  /** A contract late-payment rate (annual %) that overrides the legal Ley 3/2004 rate. */
  contractInterestPercent?: number | null;
  /** A business or professional, or a consumer (particular); absent = business. */
  debtorKind?: 'business' | 'consumer';
  /** Vinculada (art. 79.Cinco LIVA): its unpaid VAT cannot be recovered. */
  relatedParty?: boolean;
  /** Established in Spain, Canarias, Ceuta or Melilla; absent = true. */
  establishedInSpain?: boolean;
  /** The date of the auto declaring its concurso de acreedores, if any. */
  insolvencyDate?: CalendarDate | null;
  notes: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface DueRecord {
  dueDate: CalendarDate;
  amountCents: Cents;
}

export interface InvoiceRecord {
  id: string;
  clientId: string;
  /** Invoice number as printed, series included (e.g. "2026-0042"); unique per client. */
  number: string;
  issueDate: CalendarDate;
  description: string;
  taxableBaseCents: Cents;
  vatRatePercent: number;
  vatCents: Cents;
  withholdingRatePercent: number;
  /** IRPF retained by the client: never collected. */
  withholdingCents: Cents;
  /** taxableBase + VAT. */
  totalCents: Cents;
  /** total - withholding: what is actually collected. */
  payableCents: Cents;
  /** One or more due dates, ascending, summing exactly to payableCents. */
  dues: DueRecord[];
  lifecycle: InvoiceLifecycle;
  /** Derived in the same transaction as every allocation change. */
  paidCents: Cents;
  /** Derived: payable - paid - credited (never negative). */
  outstandingCents: Cents;
  /** Derived: the sum of this invoice's credit notes (facturas rectificativas); absent = 0. */
  creditedCents?: Cents;
  /** The day it was written off (incobrable) or cancelled (anulada); null while issued. */
  closedDate?: CalendarDate | null;
  /** Derived: the first due not fully covered by payments (dues are settled oldest first); null when paid. */
  nextDueDate: CalendarDate | null;
  /** Derived from open disputes. */
  disputedCents: Cents;
  planId: string | null;
  /** The part guaranteed, secured or insured (aval, garantía real, seguro de crédito); absent = 0. */
  securedCents?: Cents;
  /** The VAT recovery started for this invoice (art. 80.Cuatro LIVA), if any. */
  vatRecovery?: InvoiceVatRecovery | null;
  /**
   * Earlier corrective invoices for the same invoice, oldest first; `vatRecovery` is the latest. A
   * later installment's window opens later, and claiming it needs its own corrective invoice.
   */
  vatRecoveryHistory?: InvoiceVatRecovery[];
  createdAt: Instant;
  updatedAt: Instant;
}

/** What the user did to recover an unpaid invoice's VAT; the corrective invoice is issued elsewhere. */
export interface InvoiceVatRecovery {
  /** The factura rectificativa (type R3 in VERI*FACTU/SII), from its own series. */
  correctiveInvoiceNumber: string;
  correctiveInvoiceDate: CalendarDate;
  /** The VAT it takes back, as recorded then. */
  vatCents: Cents;
  /** The invoice's paid amount then: a later payment may call for the upward correction. */
  paidCentsAtCorrection: Cents;
  /** The day the communication was filed at the AEAT's sede. */
  aeatNoticeDate: CalendarDate | null;
  /** The day the claim was withdrawn or a payment agreed: the VAT goes back up within 1 month. */
  withdrawnDate: CalendarDate | null;
}

export type PaymentMethod = 'transfer' | 'direct_debit' | 'card' | 'cash' | 'cheque' | 'other';

export interface PaymentRecord {
  id: string;
  clientId: string;
  date: CalendarDate;
  amountCents: Cents;
  method: PaymentMethod;
  reference: string;
  note: string;
  /** Part of the payment not allocated to any invoice: a credit in the client's favour. */
  unallocatedCents: Cents;
  createdAt: Instant;
  /** Plans feature: the part applied to a plan's interest and extra lines (not to an invoice). */
  planId?: string | null;
  planCents?: Cents;
}

/**
 * A credit note (factura rectificativa) reducing what an invoice's client owes. Total or partial;
 * typed by hand or imported from a Facturae/UBL credit note that names the invoice it corrects.
 */
export interface CreditNoteRecord {
  id: string;
  invoiceId: string;
  clientId: string;
  /** The credit note's own number, e.g. "R-2026-0003". */
  number: string;
  date: CalendarDate;
  /** Positive: what it takes off the invoice's payable. */
  amountCents: Cents;
  reason: string;
  source: 'manual' | 'import';
  createdAt: Instant;
}

export interface AllocationRecord {
  id: string;
  paymentId: string;
  invoiceId: string;
  /** Denormalized so a client's history reads without joining payments. */
  clientId: string;
  amountCents: Cents;
}

export type ActivityKind = 'call' | 'email' | 'letter' | 'visit' | 'message' | 'note';

export interface ActivityRecord {
  id: string;
  clientId: string;
  invoiceId: string | null;
  kind: ActivityKind;
  date: CalendarDate;
  who: string;
  outcome: string;
  text: string;
  followUpDate: CalendarDate | null;
  followUpDone: boolean;
  createdAt: Instant;
}

/** superseded: covered by a signed payment plan ("sustituida por el plan"); no longer forecast. */
export type PromiseStatus = 'open' | 'kept' | 'broken' | 'cancelled' | 'superseded';

export interface PromiseRecord {
  id: string;
  clientId: string;
  invoiceIds: string[];
  amountCents: Cents;
  promisedDate: CalendarDate;
  activityId: string | null;
  status: PromiseStatus;
  createdAt: Instant;
}

export type PlanStatus = 'draft' | 'active' | 'completed' | 'broken' | 'cancelled';
export type PlanFrequency = 'weekly' | 'biweekly' | 'monthly';

export interface PlanRecord {
  id: string;
  clientId: string;
  invoiceIds: string[];
  status: PlanStatus;
  totalCents: Cents;
  downPaymentCents: Cents;
  frequency: PlanFrequency;
  annualInterestPercent: number;
  signedDate: CalendarDate | null;
  createdAt: Instant;
  updatedAt: Instant;
  /** Plans feature: the agreement's terms (optional so plans written before it still read). */
  terms?: PlanTerms;
  /** Plans feature: how the agreement was signed. */
  signing?: PlanSigning;
  /** The day the plan was found broken (an installment unpaid past the grace days). */
  brokenDate?: CalendarDate | null;
  completedDate?: CalendarDate | null;
}

/** An amount owed besides the invoices, added to the plan's principal (Ley 3/2004). */
export interface PlanExtraLine {
  kind: 'late_interest' | 'compensation' | 'other';
  label: string;
  amountCents: Cents;
}

export interface PlanSignatory {
  /** Who signs, e.g. "María López Ruiz". */
  name: string;
  /** On what authority, e.g. "administradora única" or "en su propio nombre". */
  capacity: string;
}

export interface PlanTerms {
  /** A short human reference printed on the agreement and in transfer concepts, e.g. "PP-2026-0003". */
  reference: string;
  /** The outstanding of each invoice when the plan was drafted. */
  invoiceAmounts: {
    invoiceId: string;
    number: string;
    issueDate: CalendarDate;
    amountCents: Cents;
  }[];
  extraLines: PlanExtraLine[];
  /** An installment unpaid this many days after its date breaks the plan (vencimiento anticipado). */
  breakAfterDays: number;
  downPaymentDate: CalendarDate | null;
  firstDueDate: CalendarDate;
  place: string;
  language: Language;
  creditorSignatory: PlanSignatory;
  debtorSignatory: PlanSignatory;
}

export interface PlanSigning {
  how: 'handwritten' | 'digital' | 'scanned';
  at: Instant;
  /** Drawn signatures as PNG data URLs, embedded in the agreement's signature blocks. */
  creditorSignature: string | null;
  debtorSignature: string | null;
  /** SHA-256 (hex) of the signed PDF kept in planDocuments. */
  sha256: string | null;
}

export interface InstallmentRecord {
  id: string;
  planId: string;
  seq: number;
  dueDate: CalendarDate;
  amountCents: Cents;
  principalCents: Cents;
  interestCents: Cents;
  paidCents: Cents;
  /** SEPA: each time this installment went to the bank in a direct debit file, oldest first. */
  presentations?: DebitPresentation[];
  /** The person chose to present a returned receipt again: the next file includes it. */
  representRequested?: boolean;
}

/** One receipt of a pain.008 file: which file, when it was made, and whether it came back. */
export interface DebitPresentation {
  fileName: string;
  messageId: string;
  /** The day the file was made (handed to the bank). */
  presentedDate: CalendarDate;
  collectionDate: CalendarDate;
  sequence: 'FRST' | 'RCUR' | 'OOFF' | 'FNAL';
  endToEndId: string;
  mandateId: string;
  amountCents: Cents;
  /** The day the bank's statement showed it returned; null while it stands. */
  returnedDate: CalendarDate | null;
}

export type DisputeReason = 'price' | 'quality' | 'not_received' | 'duplicate' | 'other';
export type DisputeStatus = 'open' | 'resolved';

export interface DisputeRecord {
  id: string;
  invoiceId: string;
  clientId: string;
  reason: DisputeReason;
  amountCents: Cents;
  openedDate: CalendarDate;
  status: DisputeStatus;
  resolution: 'credit_note' | 'write_off' | 'resumed' | null;
  note: string;
  createdAt: Instant;
}

export interface CompanyProfile {
  name: string;
  taxId: string;
  address: string;
  postalCode: string;
  city: string;
  province: string;
  email: string;
  phone: string;
  iban: string;
  /** A data: URL of a small PNG/JPEG, or null. */
  logoDataUrl: string | null;
  /** Legal feature: the SEPA creditor identifier's business code (sufijo), '000' when absent. */
  sepaBusinessCode?: string;
  /** Who signs letters and demands, e.g. "María López Ruiz"; absent: the company name. */
  signatoryName?: string;
  /** Their capacity, e.g. "Administradora única"; empty for a self-employed person. */
  signatoryRole?: string;
  /** The saved signature printed in letters' signature blocks (PNG/JPEG data URL), or null. */
  signatureDataUrl?: string | null;
}

export type Language = 'es' | 'en';

export interface Preferences {
  language: Language;
  /** When the user closed the first-run guide on Hoy (absent: it shows until its steps are done). */
  guideDismissedAt?: Instant;
}

export type SettingRecord =
  | { key: 'company'; value: CompanyProfile }
  | { key: 'preferences'; value: Preferences }
  | { key: 'notifications'; value: NotificationSettings }
  | { key: 'dunning'; value: DunningSettings }
  /** The user's Ley 3/2004 rate table; absent: the shipped one (legal-interest-rates.ts). */
  | { key: 'legalRates'; value: LegalRateEntry[] }
  /** The user's interés legal del dinero table; absent: the shipped one (legal-money-rates.ts). */
  | { key: 'moneyRates'; value: LegalRateEntry[] }
  | { key: 'vatRecovery'; value: VatRecoverySettings };

export type AuditEntity =
  | 'client'
  | 'invoice'
  | 'payment'
  | 'activity'
  | 'promise'
  | 'plan'
  | 'dispute'
  | 'setting'
  | 'credit_note'
  | 'bank_movement';

export interface AuditRecord {
  /** Auto-incremented by the database. */
  seq?: number;
  at: Instant;
  entity: AuditEntity;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  /** A short human description, e.g. "Cobro de 500,00 € a FAC-2026-001". */
  summary: string;
  before: unknown;
  after: unknown;
  /** Sync (issue 15): the entry's id across devices, as `seq` differs on each; set when sync is on. */
  syncId?: string;
}

/* ---- Schema v2: collections, plans' documents, notifications, bank statements, SEPA, legal ---- */

export type DunningChannel = 'email' | 'eml' | 'pdf' | 'burofax';

/** A reminder or demand produced for a client (one level of the dunning ladder). */
export interface DunningEventRecord {
  id: string;
  clientId: string;
  invoiceIds: string[];
  /** Index into the configured dunning levels (0 = the friendly notice before the due date). */
  level: number;
  date: CalendarDate;
  channel: DunningChannel;
  amountCents: Cents;
  interestCents: Cents;
  compensationCents: Cents;
  activityId: string | null;
  createdAt: Instant;
}

export interface NotificationTargetRef {
  kind: 'invoice' | 'client' | 'plan';
  id: string;
}

/** A notification already shown: its eventKey is unique, so an event is never notified twice. */
export interface NotificationRecord {
  id: string;
  eventKey: string;
  kind: string;
  title: string;
  body: string;
  target: NotificationTargetRef | null;
  firedAt: Instant;
  readAt: Instant | null;
  /** Set on an event folded into a digest (the digest's eventKey): kept so it never repeats, not listed. */
  foldedInto?: string;
}

export type StatementFormat = 'norma43' | 'camt053';

export interface BankStatementRecord {
  id: string;
  /** Hash of the statement's account, period and movements: the same file twice is refused. */
  fingerprint: string;
  format: StatementFormat;
  accountIban: string;
  fromDate: CalendarDate;
  toDate: CalendarDate;
  fileName: string;
  movementCount: number;
  importedAt: Instant;
}

export type BankMovementStatus = 'unmatched' | 'matched' | 'ignored' | 'returned';

export interface BankMovementRecord {
  id: string;
  statementId: string;
  /** Unique: account, dates, amount, references and the occurrence index of identical movements. */
  fingerprint: string;
  date: CalendarDate;
  valueDate: CalendarDate;
  /** Positive for money in (credits), negative for money out. */
  amountCents: Cents;
  concept: string;
  references: string[];
  /** Norma 43 common concept code (e.g. '14' returned direct debit) or the camt bank code. */
  commonCode: string;
  counterpartyName: string;
  status: BankMovementStatus;
  paymentId: string | null;
  /**
   * Legal feature: for a returned direct debit, the client and the payment it took back (null when
   * the receipt it names was never booked as paid), and that receipt's end-to-end id when known.
   */
  returnOf?: {
    clientId: string;
    paymentId: string | null;
    amountCents: Cents;
    endToEndId?: string;
  } | null;
  /** A return a person looked at and decided takes back no payment. */
  returnDismissed?: boolean;
}

export interface ImportPresetRecord {
  id: string;
  name: string;
  kind: 'invoices' | 'clients';
  /** Target field → source column header. */
  mapping: Record<string, string>;
  createdAt: Instant;
}

export interface SavedViewRecord {
  id: string;
  name: string;
  /** Serialized ledger state: filters, sort, column order and visibility. */
  state: unknown;
  createdAt: Instant;
}

export interface MandateRecord {
  id: string;
  clientId: string;
  /** Unique mandate reference (UMR). */
  reference: string;
  signatureDate: CalendarDate;
  debtorIban: string;
  debtorName: string;
  status: 'active' | 'revoked';
  createdAt: Instant;
}

export type LegalEventKind = 'demand' | 'acknowledgment' | 'masc_attempt' | 'monitorio';

/** A step on the legal path; demands and acknowledgments restart prescription (art. 1973 CC). */
export interface LegalEventRecord {
  id: string;
  clientId: string;
  invoiceIds: string[];
  kind: LegalEventKind;
  date: CalendarDate;
  channel: string;
  answer: string;
  note: string;
  createdAt: Instant;
}

/** A plan's agreement PDF: generated, signed by hand or digitally; kept byte for byte. */
export interface PlanDocumentRecord {
  id: string;
  planId: string;
  kind: 'agreement' | 'signed';
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  signedAt: Instant | null;
  signedHow: 'handwritten' | 'digital' | 'scanned' | null;
  createdAt: Instant;
}

/** Derived, per client: its settled invoices for the risk grade (rebuilt whenever it is dropped). */
export interface ClientHistoryRecord {
  clientId: string;
  settledCount: number;
  /** Settled invoices whose last payment came after their last due date. */
  lateCount: number;
  daysLateSum: number;
}
