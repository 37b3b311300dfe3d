// Signing a plan: activation with the signed PDF and its SHA-256, and further signed copies kept byte for byte.
import type { PlanDocumentRecord, PlanRecord, PlanSigning } from '../../../shared/domain/records';
import type { CalendarDate } from '../../../shared/domain/dates';
import { canTransition } from '../../../shared/domain/plan-lifecycle';
import type { FieldIssue } from '../../../shared/domain/validation';
import { formatEuros } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';
import { planTables, recomputePlan } from './plan-payments';
import { invoiceFitsPlan } from './plans-repo';

export type SignedHow = PlanSigning['how'];

/** Hex SHA-256 of a file, computed outside any transaction (crypto.subtle is not Dexie's). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface ActivationInput {
  how: SignedHow;
  /** Drawn signatures (PNG data URLs); both are required for a handwritten signature. */
  creditorSignature: string | null;
  debtorSignature: string | null;
  /** The signed PDF: rendered with the drawn signatures, scanned back, or signed digitally. */
  pdf: Uint8Array;
  fileName: string;
  today: CalendarDate;
}

/** Signs a draft: keeps the signed PDF with its hash, activates the plan, takes its invoices. */
export async function activatePlan(
  db: CuentasDatabase,
  planId: string,
  input: ActivationInput,
): Promise<PlanRecord> {
  if (input.how === 'handwritten') {
    const issues: FieldIssue[] = [];
    if (!input.creditorSignature)
      issues.push({ field: 'creditorSignature', code: 'signature_missing' });
    if (!input.debtorSignature)
      issues.push({ field: 'debtorSignature', code: 'signature_missing' });
    throwIfIssues(issues);
  }
  const sha256 = await sha256Hex(input.pdf);
  const tables = [...planTables(db), db.planDocuments, db.promises];
  return db.transaction('rw', tables, async () => {
    const before = await db.plans.get(planId);
    if (!before) fail('planId', 'not_found', { id: planId });
    if (!canTransition(before.status, 'active')) fail('status', 'plan_wrong_status');
    const invoices = await db.invoices.bulkGet(before.invoiceIds);
    const issues: FieldIssue[] = [];
    invoices.forEach((invoice, index) => {
      if (!invoice || !invoiceFitsPlan(invoice, before.clientId, null)) {
        issues.push({ field: `invoiceIds.${index}`, code: 'plan_invoice_unavailable' });
      }
    });
    throwIfIssues(issues);
    const at = nowInstant();
    const signing: PlanSigning = {
      how: input.how,
      at,
      creditorSignature: input.creditorSignature,
      debtorSignature: input.debtorSignature,
      sha256,
    };
    const plan: PlanRecord = {
      ...before,
      status: 'active',
      signedDate: input.today,
      signing,
      updatedAt: at,
    };
    await db.plans.put(plan);
    await db.planDocuments.add(
      documentRecord(planId, input.how, input.pdf, input.fileName, sha256, at),
    );
    for (const invoice of invoices) {
      if (invoice) await db.invoices.put({ ...invoice, planId, updatedAt: at });
    }
    await supersedePromises(db, plan, at);
    await writeAudit(db, {
      at,
      entity: 'plan',
      entityId: planId,
      action: 'update',
      summary: `Plan ${plan.terms?.reference ?? ''} firmado (${input.how}) y activo`,
      before: { status: before.status },
      after: { status: 'active', signedDate: input.today, sha256 },
    });
    // Payments made since the draft already count toward the installments.
    return (await recomputePlan(db, planId, at, input.today)) ?? plan;
  });
}

/**
 * The plan is now the debt: open promises on its invoices become "sustituida por el plan", so they
 * are neither chased nor forecast beside the installments (each euro counted once).
 */
async function supersedePromises(db: CuentasDatabase, plan: PlanRecord, at: string) {
  const planned = new Set(plan.invoiceIds);
  const promises = await db.promises.where('clientId').equals(plan.clientId).toArray();
  for (const promise of promises) {
    if (promise.status !== 'open' || !promise.invoiceIds.some((id) => planned.has(id))) continue;
    await db.promises.put({ ...promise, status: 'superseded' });
    await writeAudit(db, {
      at,
      entity: 'promise',
      entityId: promise.id,
      action: 'update',
      summary: `Promesa de ${formatEuros(promise.amountCents)} para el ${promise.promisedDate} sustituida por el plan ${plan.terms?.reference ?? ''}`,
      before: { status: promise.status },
      after: { status: 'superseded', planId: plan.id },
    });
  }
}

function documentRecord(
  planId: string,
  how: SignedHow,
  bytes: Uint8Array,
  fileName: string,
  sha256: string,
  at: string,
): PlanDocumentRecord {
  return {
    id: newId(),
    planId,
    kind: 'signed',
    fileName,
    bytes,
    sha256,
    signedAt: at,
    signedHow: how,
    createdAt: at,
  };
}

/** Keeps another signed copy (a scan or a digitally signed export) of a signed plan. */
export async function addSignedDocument(
  db: CuentasDatabase,
  planId: string,
  input: { how: SignedHow; bytes: Uint8Array; fileName: string },
): Promise<PlanDocumentRecord> {
  const sha256 = await sha256Hex(input.bytes);
  return db.transaction('rw', [db.plans, db.planDocuments, db.audit], async () => {
    const plan = await db.plans.get(planId);
    if (!plan) fail('planId', 'not_found', { id: planId });
    if (plan.status === 'draft' || plan.status === 'cancelled') fail('status', 'plan_wrong_status');
    const at = nowInstant();
    const document = documentRecord(planId, input.how, input.bytes, input.fileName, sha256, at);
    await db.planDocuments.add(document);
    const signing: PlanSigning = {
      how: input.how,
      at,
      creditorSignature: plan.signing?.creditorSignature ?? null,
      debtorSignature: plan.signing?.debtorSignature ?? null,
      sha256,
    };
    await db.plans.put({ ...plan, signing, updatedAt: at });
    await writeAudit(db, {
      at,
      entity: 'plan',
      entityId: planId,
      action: 'update',
      summary: `Copia firmada (${input.how}) guardada: ${input.fileName}`,
      before: { sha256: plan.signing?.sha256 ?? null },
      after: { sha256 },
    });
    return document;
  });
}
