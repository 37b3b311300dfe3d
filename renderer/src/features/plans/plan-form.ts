// The plan builder's form state as typed text, and its translation into a PlanDraftInput.
import type {
  Language,
  PlanExtraLine,
  PlanFrequency,
  PlanRecord,
} from '../../../../shared/domain/records';
import { addMonthsClamped, formatDate, parseDateText } from '../../../../shared/domain/dates';
import { formatCentsInput, parseEuros } from '../../../../shared/domain/money';
import { DEFAULT_BREAK_AFTER_DAYS } from '../../../../shared/domain/plan-lifecycle';
import type { PlanDraftInput } from '../../db/plans-repo';

export interface ExtraLineText {
  kind: PlanExtraLine['kind'];
  label: string;
  amount: string;
}

export interface PlanFormState {
  clientId: string;
  invoiceIds: string[];
  extras: ExtraLineText[];
  downPayment: string;
  downPaymentDate: string;
  installments: string;
  frequency: PlanFrequency;
  firstDueDate: string;
  interest: string;
  breakAfterDays: string;
  place: string;
  creditorName: string;
  creditorCapacity: string;
  debtorName: string;
  debtorCapacity: string;
  /** Edited rows as typed; null while the proposed schedule is used. */
  edits: { dueDate: string; amount: string }[] | null;
}

/** NaN for text that is not an amount, so validation reports it instead of guessing. */
export function moneyOf(text: string): number {
  if (text.trim() === '') return 0;
  try {
    return parseEuros(text);
  } catch {
    return Number.NaN;
  }
}

export function dateOf(text: string): string {
  try {
    return parseDateText(text);
  } catch {
    return text.trim() === '' ? '' : 'invalid';
  }
}

function numberOf(text: string): number {
  const value = Number(text.replace(',', '.').trim());
  return text.trim() === '' ? Number.NaN : value;
}

export function emptyForm(today: string, place: string, clientId = ''): PlanFormState {
  return {
    clientId,
    invoiceIds: [],
    extras: [],
    downPayment: '',
    downPaymentDate: formatDate(today),
    installments: '6',
    frequency: 'monthly',
    firstDueDate: formatDate(addMonthsClamped(today, 1)),
    interest: '0',
    breakAfterDays: String(DEFAULT_BREAK_AFTER_DAYS),
    place,
    creditorName: '',
    creditorCapacity: '',
    debtorName: '',
    debtorCapacity: '',
    edits: null,
  };
}

export function formOfPlan(
  plan: PlanRecord,
  installments: { dueDate: string; amountCents: number }[],
): PlanFormState {
  const terms = plan.terms;
  const generated = emptyForm(plan.createdAt.slice(0, 10), terms?.place ?? '', plan.clientId);
  return {
    ...generated,
    invoiceIds: plan.invoiceIds,
    extras: (terms?.extraLines ?? []).map((line) => ({
      kind: line.kind,
      label: line.label,
      amount: formatCentsInput(line.amountCents),
    })),
    downPayment: plan.downPaymentCents > 0 ? formatCentsInput(plan.downPaymentCents) : '',
    downPaymentDate: terms?.downPaymentDate
      ? formatDate(terms.downPaymentDate)
      : generated.downPaymentDate,
    installments: String(installments.length),
    frequency: plan.frequency,
    firstDueDate: formatDate(
      terms?.firstDueDate ?? installments[0]?.dueDate ?? plan.createdAt.slice(0, 10),
    ),
    interest: String(plan.annualInterestPercent).replace('.', ','),
    breakAfterDays: String(terms?.breakAfterDays ?? DEFAULT_BREAK_AFTER_DAYS),
    creditorName: terms?.creditorSignatory.name ?? '',
    creditorCapacity: terms?.creditorSignatory.capacity ?? '',
    debtorName: terms?.debtorSignatory.name ?? '',
    debtorCapacity: terms?.debtorSignatory.capacity ?? '',
    edits: installments.map((row) => ({
      dueDate: formatDate(row.dueDate),
      amount: formatCentsInput(row.amountCents),
    })),
  };
}

export function draftInputOf(form: PlanFormState, language: Language): PlanDraftInput {
  const downPaymentCents = moneyOf(form.downPayment);
  return {
    clientId: form.clientId,
    invoiceIds: form.invoiceIds,
    extraLines: form.extras.map((line) => ({
      kind: line.kind,
      label: line.label,
      amountCents: moneyOf(line.amount),
    })),
    downPaymentCents,
    downPaymentDate: downPaymentCents > 0 ? dateOf(form.downPaymentDate) || null : null,
    installments: numberOf(form.installments),
    frequency: form.frequency,
    firstDueDate: dateOf(form.firstDueDate),
    annualInterestPercent: numberOf(form.interest),
    breakAfterDays: numberOf(form.breakAfterDays),
    place: form.place,
    language,
    creditorSignatory: { name: form.creditorName.trim(), capacity: form.creditorCapacity.trim() },
    debtorSignatory: { name: form.debtorName.trim(), capacity: form.debtorCapacity.trim() },
    schedule: form.edits
      ? form.edits.map((row) => ({
          dueDate: dateOf(row.dueDate),
          amountCents: moneyOf(row.amount),
        }))
      : null,
  };
}
