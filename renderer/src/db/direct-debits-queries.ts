// Reads what a SEPA direct debit file needs: active plans, their installments, mandates and the company.
import type { CalendarDate } from '../../../shared/domain/dates';
import { planDirectDebits, type PlanDebits } from '../../../shared/domain/plan-direct-debits';
import type { CompanyProfile } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { getCompanyProfile } from './settings-repo';

export async function loadPlanDebits(
  db: CuentasDatabase,
  from: CalendarDate,
  to: CalendarDate,
): Promise<PlanDebits & { company: CompanyProfile }> {
  const [plans, mandates, company] = await Promise.all([
    db.plans.where('status').equals('active').toArray(),
    db.mandates.toArray(),
    getCompanyProfile(db),
  ]);
  const installments = await db.installments
    .where('planId')
    .anyOf(plans.map((plan) => plan.id))
    .toArray();
  return { ...planDirectDebits({ plans, installments, mandates, from, to }), company };
}
