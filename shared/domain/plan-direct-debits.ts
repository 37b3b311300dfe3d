// Which plan installments to collect by SEPA direct debit in a date range, and with which sequence.
import { maxDate, type CalendarDate } from './dates';
import type { InstallmentRecord, MandateRecord, PlanRecord } from './records';
import type { DirectDebitInput } from '../formats/pain008';
import { spanishCreditorIdentifier } from './sepa-creditor-id';
import { businessDayOnOrAfter } from './sepa-calendar';
import { validateSpanishTaxId } from './taxId';

export interface PlanDebitSkip {
  planId: string;
  reason: 'no_mandate';
}

/** A receipt to collect, with the installment it is for. */
export interface PlanDebit extends DirectDebitInput {
  installmentId: string;
  planId: string;
  /** The installment's date when it was before the earliest valid collection date (moved forward). */
  movedFrom: CalendarDate | null;
}

export interface PlanDebits {
  debits: PlanDebit[];
  /** Installments in range left out: the plan's client has no active mandate. */
  skipped: PlanDebitSkip[];
  /** Installments in range already in a file sent to the bank: never presented twice. */
  presented: { installmentId: string; fileName: string; presentedDate: CalendarDate }[];
  /** Returned receipts nobody chose to present again yet. */
  returned: { installmentId: string; returnedDate: CalendarDate }[];
}

function planReference(plan: Pick<PlanRecord, 'id' | 'terms'>): string {
  return plan.terms?.reference ?? plan.id.slice(0, 8);
}

/** The end-to-end id an installment's receipt carries: the plan's reference and the sequence. */
export function endToEndIdOf(
  plan: Pick<PlanRecord, 'id' | 'terms'>,
  installment: Pick<InstallmentRecord, 'seq'>,
): string {
  return `${planReference(plan)}-${installment.seq}`.slice(0, 35);
}

type DebitInstallment = Pick<
  InstallmentRecord,
  | 'id'
  | 'planId'
  | 'seq'
  | 'dueDate'
  | 'amountCents'
  | 'paidCents'
  | 'presentations'
  | 'representRequested'
>;

/** Where an installment stands with the bank: never sent, sent and standing, or returned. */
export function presentationState(
  row: Pick<InstallmentRecord, 'presentations' | 'representRequested'>,
): 'none' | 'presented' | 'returned' | 'represent' {
  const last = row.presentations?.[row.presentations.length - 1];
  if (!last) return 'none';
  if (last.returnedDate === null) return 'presented';
  return row.representRequested ? 'represent' : 'returned';
}

/**
 * A mandate's first collection is FRST, later ones RCUR. With the log of files sent to the bank
 * (each installment's presentations), "first" means nothing under the mandate went through yet
 * (a returned FRST is presented again as FRST). Before any file was logged, it means the
 * mandate's earliest installment due on or after its signature date, as the schedule implies.
 *
 * An installment already presented and not returned is never in a file again; a returned one only
 * when the person asked to present it again (whatever its date). A collection date before
 * `earliest` (the first valid one for a file made today) moves forward to it.
 */
export function planDirectDebits(args: {
  plans: readonly Pick<PlanRecord, 'id' | 'clientId' | 'status' | 'terms'>[];
  installments: readonly DebitInstallment[];
  mandates: readonly MandateRecord[];
  from: CalendarDate;
  to: CalendarDate;
  earliest?: CalendarDate;
}): PlanDebits {
  const result: PlanDebits = { debits: [], skipped: [], presented: [], returned: [] };
  const activePlans = args.plans.filter((plan) => plan.status === 'active');
  const usedMandates = new Set<string>();
  for (const row of args.installments) {
    for (const sent of row.presentations ?? []) {
      if (sent.returnedDate === null || sent.sequence !== 'FRST') usedMandates.add(sent.mandateId);
    }
  }
  const loggedMandates = new Set(
    args.installments.flatMap((row) => (row.presentations ?? []).map((sent) => sent.mandateId)),
  );
  for (const plan of activePlans) {
    const mandate = args.mandates
      .filter((row) => row.clientId === plan.clientId && row.status === 'active')
      .sort((a, b) => b.signatureDate.localeCompare(a.signatureDate))[0];
    const own = args.installments
      .filter((row) => row.planId === plan.id && row.amountCents > row.paidCents)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq);
    const due: DebitInstallment[] = [];
    for (const row of own) {
      const state = presentationState(row);
      const inRange = row.dueDate >= args.from && row.dueDate <= args.to;
      const last = row.presentations?.[row.presentations.length - 1];
      if (state === 'represent' || (state === 'none' && inRange)) due.push(row);
      else if (state === 'presented' && inRange && last)
        result.presented.push({
          installmentId: row.id,
          fileName: last.fileName,
          presentedDate: last.presentedDate,
        });
      else if (state === 'returned' && last?.returnedDate)
        result.returned.push({ installmentId: row.id, returnedDate: last.returnedDate });
    }
    if (due.length === 0) continue;
    if (!mandate) {
      result.skipped.push({ planId: plan.id, reason: 'no_mandate' });
      continue;
    }
    const clientPlans = new Set(
      activePlans.filter((row) => row.clientId === plan.clientId).map((row) => row.id),
    );
    const scheduledFirst = args.installments
      .filter((row) => clientPlans.has(row.planId) && row.dueDate >= mandate.signatureDate)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))[0];
    for (const row of due) {
      let sequence: PlanDebit['sequence'];
      if (loggedMandates.has(mandate.reference)) {
        sequence = usedMandates.has(mandate.reference) ? 'RCUR' : 'FRST';
      } else {
        sequence = scheduledFirst?.id === row.id ? 'FRST' : 'RCUR';
      }
      usedMandates.add(mandate.reference);
      loggedMandates.add(mandate.reference);
      // A debit cannot be asked for before the mandate exists, nor before the bank can collect it.
      const wanted = maxDate(row.dueDate, mandate.signatureDate);
      // A bank collects on TARGET business days only: a Sunday or 25 December rolls forward.
      const collectionDate = businessDayOnOrAfter(
        args.earliest ? maxDate(wanted, args.earliest) : wanted,
      );
      result.debits.push({
        installmentId: row.id,
        planId: plan.id,
        movedFrom: args.earliest && wanted < args.earliest ? row.dueDate : null,
        endToEndId: endToEndIdOf(plan, row),
        amountCents: row.amountCents - row.paidCents,
        collectionDate,
        sequence,
        mandateId: mandate.reference,
        mandateSignatureDate: mandate.signatureDate,
        debtorName: mandate.debtorName,
        debtorIban: mandate.debtorIban,
        remittance: `Plan ${planReference(plan)} plazo ${row.seq}`,
      });
    }
  }
  result.debits.sort((a, b) => a.collectionDate.localeCompare(b.collectionDate));
  return result;
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
