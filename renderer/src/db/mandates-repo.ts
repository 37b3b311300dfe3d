// SEPA direct debit mandates per client: unique reference, validated IBAN, one transaction with audit.
import { isCalendarDate, type CalendarDate } from '../../../shared/domain/dates';
import { validateIban } from '../../../shared/domain/iban';
import type { MandateRecord } from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail, newId, nowInstant, throwIfIssues } from './repo-helpers';

export interface MandateInput {
  clientId: string;
  reference: string;
  signatureDate: CalendarDate;
  debtorIban: string;
  debtorName: string;
}

/** The unique mandate reference (UMR) travels in pain.008 as MndtId: 1–35 SEPA characters. */
const REFERENCE_SHAPE = /^[A-Za-z0-9/\-?:().,'+]{1,35}$/;

function issuesOf(input: MandateInput, today: CalendarDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.reference.trim() === '') issues.push({ field: 'reference', code: 'required' });
  else if (!REFERENCE_SHAPE.test(input.reference.trim()))
    issues.push({ field: 'reference', code: 'too_long', params: { max: 35 } });
  if (!isCalendarDate(input.signatureDate) || input.signatureDate > today)
    issues.push({ field: 'signatureDate', code: 'date_invalid' });
  if (!validateIban(input.debtorIban).valid)
    issues.push({ field: 'debtorIban', code: 'iban_invalid' });
  if (input.debtorName.trim() === '') issues.push({ field: 'debtorName', code: 'required' });
  else if (input.debtorName.trim().length > 70)
    issues.push({ field: 'debtorName', code: 'too_long', params: { max: 70 } });
  return issues;
}

export async function createMandate(
  db: CuentasDatabase,
  input: MandateInput,
  today: CalendarDate,
): Promise<MandateRecord> {
  throwIfIssues(issuesOf(input, today));
  const reference = input.reference.trim();
  return db.transaction('rw', [db.clients, db.mandates, db.audit], async () => {
    if (!(await db.clients.get(input.clientId))) fail('clientId', 'not_found');
    if ((await db.mandates.where('reference').equals(reference).count()) > 0)
      fail('reference', 'mandate_reference_taken');
    const record: MandateRecord = {
      id: newId(),
      clientId: input.clientId,
      reference,
      signatureDate: input.signatureDate,
      debtorIban: validateIban(input.debtorIban).normalized,
      debtorName: input.debtorName.trim(),
      status: 'active',
      createdAt: nowInstant(),
    };
    await db.mandates.add(record);
    await writeAudit(db, {
      entity: 'client',
      entityId: input.clientId,
      action: 'update',
      summary: `Mandato SEPA ${reference} firmado el ${input.signatureDate}`,
      before: null,
      after: record,
    });
    return record;
  });
}

/** A revoked mandate is kept (its reference may never be reused) but no longer debited. */
export async function revokeMandate(db: CuentasDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.mandates, db.audit], async () => {
    const before = await db.mandates.get(id);
    if (!before) fail('id', 'not_found');
    const after: MandateRecord = { ...before, status: 'revoked' };
    await db.mandates.put(after);
    await writeAudit(db, {
      entity: 'client',
      entityId: before.clientId,
      action: 'update',
      summary: `Mandato SEPA ${before.reference} revocado`,
      before,
      after,
    });
  });
}
