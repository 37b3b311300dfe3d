// SEPA direct debits: what a file needs (active plans, installments, mandates, the company), the
// log of files sent to the bank on each installment, and presenting a returned receipt again.
import type { CalendarDate } from '../../../shared/domain/dates';
import {
  planDirectDebits,
  presentationState,
  type PlanDebit,
  type PlanDebits,
} from '../../../shared/domain/plan-direct-debits';
import { earliestCollectionDate } from '../../../shared/domain/sepa-calendar';
import type { CompanyProfile, DebitPresentation } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { fail } from './repo-helpers';
import { getCompanyProfile } from './settings-repo';

export async function loadPlanDebits(
  db: CuentasDatabase,
  from: CalendarDate,
  to: CalendarDate,
  today: CalendarDate,
): Promise<PlanDebits & { company: CompanyProfile; earliest: CalendarDate }> {
  const [plans, mandates, company] = await Promise.all([
    db.plans.where('status').equals('active').toArray(),
    db.mandates.toArray(),
    getCompanyProfile(db),
  ]);
  const installments = await db.installments
    .where('planId')
    .anyOf(plans.map((plan) => plan.id))
    .toArray();
  const earliest = earliestCollectionDate(today);
  return {
    ...planDirectDebits({ plans, installments, mandates, from, to, earliest }),
    company,
    earliest,
  };
}

/**
 * After the file is saved: each receipt is logged on its installment (file, day, collection date,
 * sequence, end-to-end id), so the next file leaves it out. One transaction with the audit.
 */
export async function markDebitsPresented(
  db: CuentasDatabase,
  file: { fileName: string; messageId: string; presentedDate: CalendarDate },
  debits: readonly PlanDebit[],
): Promise<void> {
  await db.transaction('rw', [db.installments, db.audit], async () => {
    for (const debit of debits) {
      const row = await db.installments.get(debit.installmentId);
      if (!row) fail('installmentId', 'not_found', { id: debit.installmentId });
      const state = presentationState(row);
      if (state === 'presented' || state === 'returned')
        fail('installmentId', 'debit_already_presented', { id: row.id });
      const sent: DebitPresentation = {
        ...file,
        collectionDate: debit.collectionDate,
        sequence: debit.sequence,
        endToEndId: debit.endToEndId,
        mandateId: debit.mandateId,
        amountCents: debit.amountCents,
        returnedDate: null,
      };
      await db.installments.put({
        ...row,
        presentations: [...(row.presentations ?? []), sent],
        representRequested: false,
      });
    }
    await writeAudit(db, {
      entity: 'plan',
      entityId: `sepa:${file.messageId}`,
      action: 'create',
      summary: `Remesa SEPA ${file.fileName}: ${debits.length} recibos presentados el ${file.presentedDate}`,
      before: null,
      after: { ...file, receipts: debits.map((debit) => debit.endToEndId) },
    });
  });
}

/** The person chose to present a returned receipt again: the next file includes it. */
export async function representInstallment(
  db: CuentasDatabase,
  installmentId: string,
): Promise<void> {
  await db.transaction('rw', [db.installments, db.audit], async () => {
    const row = await db.installments.get(installmentId);
    if (!row) fail('installmentId', 'not_found', { id: installmentId });
    if (presentationState(row) !== 'returned')
      fail('installmentId', 'debit_not_returned', { id: installmentId });
    await db.installments.put({ ...row, representRequested: true });
    await writeAudit(db, {
      entity: 'plan',
      entityId: row.planId,
      action: 'update',
      summary: `Plazo ${row.seq}: el recibo devuelto se presentará de nuevo en la próxima remesa`,
      before: { representRequested: false },
      after: { representRequested: true },
    });
  });
}
