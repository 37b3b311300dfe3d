// Which plan installments to collect by SEPA direct debit in a date range, and with which sequence.
import { maxDate, type CalendarDate } from './dates';
import type { InstallmentRecord, MandateRecord, PlanRecord } from './records';
import type { DirectDebitInput } from '../formats/pain008';
import { spanishCreditorIdentifier } from './sepa-creditor-id';
import { validateSpanishTaxId } from './taxId';

export interface PlanDebitSkip {
  planId: string;
  reason: 'no_mandate';
}

export interface PlanDebits {
  debits: DirectDebitInput[];
  /** Installments in range left out: the plan's client has no active mandate. */
  skipped: PlanDebitSkip[];
}

/**
 * A mandate's first collection is FRST, later ones RCUR. Without a log of files sent to the bank,
 * "first" means the mandate's earliest installment due on or after its signature date: the
 * collections follow the schedule, so that installment is the first one ever debited.
 */
export function planDirectDebits(args: {
  plans: readonly Pick<PlanRecord, 'id' | 'clientId' | 'status' | 'terms'>[];
  installments: readonly Pick<
    InstallmentRecord,
    'id' | 'planId' | 'seq' | 'dueDate' | 'amountCents' | 'paidCents'
  >[];
  mandates: readonly MandateRecord[];
  from: CalendarDate;
  to: CalendarDate;
}): PlanDebits {
  const debits: DirectDebitInput[] = [];
  const skipped: PlanDebitSkip[] = [];
  const activePlans = args.plans.filter((plan) => plan.status === 'active');
  for (const plan of activePlans) {
    const mandate = args.mandates
      .filter((row) => row.clientId === plan.clientId && row.status === 'active')
      .sort((a, b) => b.signatureDate.localeCompare(a.signatureDate))[0];
    const own = args.installments
      .filter((row) => row.planId === plan.id)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq);
    const due = own.filter(
      (row) =>
        row.dueDate >= args.from && row.dueDate <= args.to && row.amountCents > row.paidCents,
    );
    if (due.length === 0) continue;
    if (!mandate) {
      skipped.push({ planId: plan.id, reason: 'no_mandate' });
      continue;
    }
    const clientPlans = new Set(
      activePlans.filter((row) => row.clientId === plan.clientId).map((row) => row.id),
    );
    const firstForMandate = args.installments
      .filter((row) => clientPlans.has(row.planId) && row.dueDate >= mandate.signatureDate)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))[0];
    const reference = plan.terms?.reference ?? plan.id.slice(0, 8);
    for (const row of due) {
      debits.push({
        endToEndId: `${reference}-${row.seq}`.slice(0, 35),
        amountCents: row.amountCents - row.paidCents,
        // A debit cannot be asked for before the mandate exists.
        collectionDate: maxDate(row.dueDate, mandate.signatureDate),
        sequence: firstForMandate?.id === row.id ? 'FRST' : 'RCUR',
        mandateId: mandate.reference,
        mandateSignatureDate: mandate.signatureDate,
        debtorName: mandate.debtorName,
        debtorIban: mandate.debtorIban,
        remittance: `Plan ${reference} plazo ${row.seq}`,
      });
    }
  }
  debits.sort((a, b) => a.collectionDate.localeCompare(b.collectionDate));
  return { debits, skipped };
}

/** The company's SEPA creditor identifier from its NIF and business code; null without a NIF. */
export function creditorIdOf(company: { taxId: string; sepaBusinessCode?: string }): string | null {
  if (company.taxId.trim() === '') return null;
  // An identifier computed from a NIF that fails its check letter would be refused by the bank.
  if (!validateSpanishTaxId(company.taxId).valid) return null;
  const code = (company.sepaBusinessCode ?? '').trim().toUpperCase() || '000';
  if (!/^[A-Z0-9]{3}$/.test(code)) return null;
  return spanishCreditorIdentifier(company.taxId, code);
}
