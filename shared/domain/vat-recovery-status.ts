// Per invoice and due: how much VAT can be recovered, from when, by when, and what is still missing.
import { addMonthsClamped, compareDates, daysBetween, type CalendarDate } from './dates';
import { settleDues } from './invoice';
import type { Cents } from './money';
import type { ClientRecord, InvoiceRecord, InvoiceVatRecovery, LegalEventRecord } from './records';
import { aeatNoticeBy, vatRecoveryWindows } from './vatRecovery';

/** Art. 80.Cuatro A) 1.ª: up to this turnover the previous year, the wait may be 6 months. */
export const SMALL_CREDITOR_TURNOVER_CENTS: Cents = 601_012_104;
/** Art. 80.Cuatro A) 3.ª: a consumer's invoice qualifies only above this base (VAT excluded). */
export const CONSUMER_MIN_BASE_CENTS: Cents = 5_000;
/** A window opening or closing this close shows in the list, Hoy and notifications. */
export const VAT_SOON_DAYS = 30;
/** Art. 80.Cuatro B): withdrawn claim or payment agreed → the VAT goes back up within 1 month. */
export const UPWARD_CORRECTION_MONTHS = 1;

export interface VatRecoverySettings {
  /** The previous calendar year's volume of operations (art. 121 LIVA). */
  turnover: 'up_to_limit' | 'over_limit';
  /** The wait chosen; only 12 is possible over the limit. */
  waitMonths: 6 | 12;
}

/** One year is the general rule and valid for everyone: the 6-month option is the user's choice. */
export const DEFAULT_VAT_RECOVERY_SETTINGS: VatRecoverySettings = {
  turnover: 'up_to_limit',
  waitMonths: 12,
};

export function effectiveWaitMonths(settings: VatRecoverySettings): 6 | 12 {
  return settings.turnover === 'over_limit' ? 12 : settings.waitMonths;
}

export type VatExclusion =
  | 'not_issued'
  | 'related_party'
  | 'not_established'
  | 'insolvency'
  | 'consumer_small_base'
  | 'secured';

export type VatDueState =
  | 'paid'
  | 'excluded'
  | 'not_yet'
  | 'opening_soon'
  | 'missing_claim'
  | 'open'
  | 'closing_soon'
  | 'lost'
  | 'rectified';

/** States in which the VAT can still be recovered by acting. */
export const RECOVERABLE_STATES: readonly VatDueState[] = [
  'not_yet',
  'opening_soon',
  'missing_claim',
  'open',
  'closing_soon',
];

export interface VatDueStatus {
  dueDate: CalendarDate;
  amountCents: Cents;
  outstandingCents: Cents;
  /** This due's share of the VAT, on what is still unpaid and not secured. */
  vatAtStakeCents: Cents;
  eligibleFrom: CalendarDate;
  rectifyBy: CalendarDate;
  state: VatDueState;
}

export type VatStepKind = 'claim' | 'corrective_invoice' | 'aeat_notice' | 'upward_correction';

export interface VatStep {
  kind: VatStepKind;
  /** The deadline, when the law sets one we can compute. */
  by: CalendarDate | null;
  doneOn: CalendarDate | null;
  state: 'todo' | 'done' | 'late';
}

export interface QualifyingClaim {
  date: CalendarDate;
  kind: LegalEventRecord['kind'];
  channel: string;
}

export interface InvoiceVatStatus {
  invoiceId: string;
  clientId: string;
  number: string;
  exclusion: VatExclusion | null;
  claim: QualifyingClaim | null;
  dues: VatDueStatus[];
  /** VAT still recoverable by acting (dues not paid, excluded, lost or already rectified). */
  recoverableCents: Cents;
  lostCents: Cents;
  steps: VatStep[];
  /** A payment recorded after the corrective invoice: check whether the VAT must go back up. */
  paidAfterCorrection: boolean;
}

export type VatClientFlags = Pick<
  ClientRecord,
  'debtorKind' | 'relatedParty' | 'establishedInSpain' | 'insolvencyDate'
>;

export type VatInvoiceFacts = Pick<
  InvoiceRecord,
  | 'id'
  | 'clientId'
  | 'number'
  | 'issueDate'
  | 'lifecycle'
  | 'taxableBaseCents'
  | 'vatCents'
  | 'payableCents'
  | 'paidCents'
  | 'creditedCents'
  | 'dues'
  | 'securedCents'
  | 'vatRecovery'
  | 'vatRecoveryHistory'
>;

/** Every corrective invoice recorded for the invoice, oldest first. */
export function correctionsOf(
  invoice: Pick<InvoiceRecord, 'vatRecovery' | 'vatRecoveryHistory'>,
): InvoiceVatRecovery[] {
  const latest = invoice.vatRecovery ?? null;
  return [...(invoice.vatRecoveryHistory ?? []), ...(latest === null ? [] : [latest])];
}

/**
 * A claim that proves itself (fehaciente): a court claim (monitorio) or a demand sent by burofax
 * with certified content, a notarial requerimiento or in court. An e-mail or a phone call is not.
 */
const FEHACIENTE_CHANNEL = /burofax|notar|judicial|juzgado|tribunal|demanda|monitorio/i;

export function isQualifyingClaim(event: Pick<LegalEventRecord, 'kind' | 'channel'>): boolean {
  if (event.kind === 'monitorio') return true;
  return event.kind === 'demand' && FEHACIENTE_CHANNEL.test(event.channel);
}

/** The earliest qualifying claim covering the invoice; a client-wide event covers all its invoices. */
export function qualifyingClaimOf(
  invoiceId: string,
  events: readonly Pick<LegalEventRecord, 'invoiceIds' | 'kind' | 'date' | 'channel'>[],
  today: CalendarDate,
): QualifyingClaim | null {
  let found: QualifyingClaim | null = null;
  for (const event of events) {
    if (!isQualifyingClaim(event) || compareDates(event.date, today) > 0) continue;
    if (event.invoiceIds.length > 0 && !event.invoiceIds.includes(invoiceId)) continue;
    if (found === null || compareDates(event.date, found.date) < 0) {
      found = { date: event.date, kind: event.kind, channel: event.channel };
    }
  }
  return found;
}

/** Each due's share of the VAT (vat × due / payable), rounded so the shares add up to the VAT. */
export function vatSharesOfDues(
  vatCents: Cents,
  payableCents: Cents,
  dueAmounts: readonly Cents[],
): Cents[] {
  if (payableCents <= 0) return dueAmounts.map(() => 0);
  let cumulative = 0;
  let previous = 0;
  return dueAmounts.map((amount) => {
    cumulative += amount;
    const upTo = Math.round((vatCents * cumulative) / payableCents);
    const share = upTo - previous;
    previous = upTo;
    return share;
  });
}

function exclusionOf(invoice: VatInvoiceFacts, client: VatClientFlags): VatExclusion | null {
  if (invoice.lifecycle !== 'issued' && invoice.lifecycle !== 'written_off') return 'not_issued';
  if (client.relatedParty === true) return 'related_party';
  if (client.establishedInSpain === false) return 'not_established';
  const auto = client.insolvencyDate ?? null;
  // Art. 80.Cinco: after the auto de concurso, debts accrued before it go through art. 80.Tres,
  // unless the corrective invoice was already issued before the auto.
  const first = correctionsOf(invoice)[0];
  const rectifiedBefore =
    first !== undefined && auto !== null && compareDates(first.correctiveInvoiceDate, auto) < 0;
  if (auto !== null && compareDates(invoice.issueDate, auto) < 0 && !rectifiedBefore) {
    return 'insolvency';
  }
  if (client.debtorKind === 'consumer' && invoice.taxableBaseCents <= CONSUMER_MIN_BASE_CENTS) {
    return 'consumer_small_base';
  }
  return null;
}

function dueState(
  window: { eligibleFrom: CalendarDate; rectifyBy: CalendarDate },
  facts: { outstandingCents: Cents; atStake: Cents; excluded: boolean; claimed: boolean },
  correctedOn: readonly CalendarDate[],
  today: CalendarDate,
): VatDueState {
  if (facts.outstandingCents <= 0) return 'paid';
  if (facts.excluded || facts.atStake <= 0) return 'excluded';
  // A corrective invoice covers the dues whose window was open on its date.
  const inWindow = (day: CalendarDate) =>
    compareDates(window.eligibleFrom, day) <= 0 && compareDates(day, window.rectifyBy) <= 0;
  if (correctedOn.some(inWindow)) return 'rectified';
  if (compareDates(today, window.rectifyBy) > 0) return 'lost';
  if (compareDates(today, window.eligibleFrom) < 0) {
    return daysBetween(today, window.eligibleFrom) <= VAT_SOON_DAYS ? 'opening_soon' : 'not_yet';
  }
  if (!facts.claimed) return 'missing_claim';
  return daysBetween(today, window.rectifyBy) <= VAT_SOON_DAYS ? 'closing_soon' : 'open';
}

function stepsOf(
  invoice: VatInvoiceFacts,
  dues: readonly VatDueStatus[],
  claim: QualifyingClaim | null,
  today: CalendarDate,
): VatStep[] {
  const late = (by: CalendarDate | null) =>
    by !== null && compareDates(today, by) > 0 ? 'late' : 'todo';
  const pending = dues.filter((due) => RECOVERABLE_STATES.includes(due.state));
  const nextRectifyBy = pending.length > 0 ? (pending[0]?.rectifyBy ?? null) : null;
  const steps: VatStep[] = [];
  if (claim !== null) {
    steps.push({ kind: 'claim', by: null, doneOn: claim.date, state: 'done' });
  } else if (pending.length > 0) {
    steps.push({ kind: 'claim', by: nextRectifyBy, doneOn: null, state: 'todo' });
  }
  for (const record of correctionsOf(invoice)) {
    steps.push({
      kind: 'corrective_invoice',
      by: null,
      doneOn: record.correctiveInvoiceDate,
      state: 'done',
    });
    const by = aeatNoticeBy(record.correctiveInvoiceDate);
    steps.push(
      record.aeatNoticeDate !== null
        ? { kind: 'aeat_notice', by, doneOn: record.aeatNoticeDate, state: 'done' }
        : { kind: 'aeat_notice', by, doneOn: null, state: late(by) },
    );
    if (record.withdrawnDate !== null) {
      const upBy = addMonthsClamped(record.withdrawnDate, UPWARD_CORRECTION_MONTHS);
      steps.push({ kind: 'upward_correction', by: upBy, doneOn: null, state: late(upBy) });
    }
  }
  if (pending.length > 0) {
    steps.push({ kind: 'corrective_invoice', by: nextRectifyBy, doneOn: null, state: 'todo' });
  }
  return steps;
}

/** The whole picture for one invoice; `today` decides the states. */
export function invoiceVatStatus(args: {
  invoice: VatInvoiceFacts;
  client: VatClientFlags;
  settings: VatRecoverySettings;
  legalEvents: readonly Pick<LegalEventRecord, 'invoiceIds' | 'kind' | 'date' | 'channel'>[];
  today: CalendarDate;
}): InvoiceVatStatus {
  const { invoice, client, today } = args;
  const settled = settleDues(invoice.dues, invoice.paidCents + (invoice.creditedCents ?? 0));
  const windows = vatRecoveryWindows({
    accrualDate: invoice.issueDate,
    dues: settled,
    waitMonths: effectiveWaitMonths(args.settings),
  });
  const shares = vatSharesOfDues(
    invoice.vatCents,
    invoice.payableCents,
    settled.map((due) => due.amountCents),
  );
  const outstandingTotal = settled.reduce((sum, due) => sum + Math.max(0, due.outstandingCents), 0);
  const secured = Math.min(Math.max(0, invoice.securedCents ?? 0), outstandingTotal);
  let exclusion = exclusionOf(invoice, client);
  if (exclusion === null && outstandingTotal > 0 && secured >= outstandingTotal) {
    exclusion = 'secured';
  }
  const claim = qualifyingClaimOf(invoice.id, args.legalEvents, today);
  const corrections = correctionsOf(invoice);
  const correctedOn = corrections.map((record) => record.correctiveInvoiceDate);
  const unsecuredPart = outstandingTotal > 0 ? (outstandingTotal - secured) / outstandingTotal : 0;
  const dues = settled.map((due, index): VatDueStatus => {
    const window = windows[index] ?? { eligibleFrom: invoice.issueDate, rectifyBy: today };
    const share = shares[index] ?? 0;
    const outstanding = Math.max(0, due.outstandingCents);
    const onUnpaid = due.amountCents > 0 ? (share * outstanding) / due.amountCents : 0;
    const atStake = Math.round(onUnpaid * unsecuredPart);
    return {
      dueDate: due.dueDate,
      amountCents: due.amountCents,
      outstandingCents: outstanding,
      vatAtStakeCents: atStake,
      eligibleFrom: window.eligibleFrom,
      rectifyBy: window.rectifyBy,
      state: dueState(
        window,
        {
          outstandingCents: outstanding,
          atStake,
          excluded: exclusion !== null,
          claimed: claim !== null,
        },
        correctedOn,
        today,
      ),
    };
  });
  const sumWhere = (test: (due: VatDueStatus) => boolean) =>
    dues.filter(test).reduce((sum, due) => sum + due.vatAtStakeCents, 0);
  return {
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    number: invoice.number,
    exclusion,
    claim,
    dues,
    recoverableCents: sumWhere((due) => RECOVERABLE_STATES.includes(due.state)),
    lostCents: sumWhere((due) => due.state === 'lost'),
    steps: exclusion === null || corrections.length > 0 ? stepsOf(invoice, dues, claim, today) : [],
    // Until its upward correction is recorded, a payment after a corrective invoice needs checking.
    paidAfterCorrection: corrections.some(
      (record) => record.withdrawnDate === null && invoice.paidCents > record.paidCentsAtCorrection,
    ),
  };
}

/** A due worth a row in the list: its window opens or closes within 30 days, or closed lately. */
export function isVatDueNear(due: VatDueStatus, today: CalendarDate): boolean {
  if (due.state === 'lost') return daysBetween(due.rectifyBy, today) <= VAT_SOON_DAYS;
  return (
    due.state === 'opening_soon' ||
    due.state === 'closing_soon' ||
    ((due.state === 'open' || due.state === 'missing_claim') &&
      daysBetween(due.eligibleFrom, today) <= VAT_SOON_DAYS)
  );
}

const URGENCY: readonly VatDueState[] = [
  'closing_soon',
  'missing_claim',
  'open',
  'opening_soon',
  'not_yet',
  'rectified',
  'lost',
  'excluded',
  'paid',
];

/** The due that says most about the invoice: the most urgent state, then the earliest deadline. */
export function headlineDue(status: Pick<InvoiceVatStatus, 'dues'>): VatDueStatus | null {
  let best: VatDueStatus | null = null;
  for (const due of status.dues) {
    if (best === null) {
      best = due;
      continue;
    }
    const rank = URGENCY.indexOf(due.state) - URGENCY.indexOf(best.state);
    if (rank < 0 || (rank === 0 && compareDates(due.rectifyBy, best.rectifyBy) < 0)) best = due;
  }
  return best;
}

/**
 * Orders invoices for a list the user works down: an AEAT notice or upward correction still owed
 * first (a month's deadline), then by the headline due's urgency (closing soon, missing claim, open,
 * opening soon … lost), then by the earliest deadline. A window already lost goes last.
 */
export function compareVatUrgency(
  a: Pick<InvoiceVatStatus, 'dues' | 'steps'>,
  b: Pick<InvoiceVatStatus, 'dues' | 'steps'>,
): number {
  const rank = (status: Pick<InvoiceVatStatus, 'dues' | 'steps'>) => {
    const owed = status.steps.some(
      (step) =>
        (step.kind === 'aeat_notice' || step.kind === 'upward_correction') && step.state !== 'done',
    );
    if (owed) return 0;
    const head = headlineDue(status);
    return head === null ? URGENCY.length + 1 : 1 + URGENCY.indexOf(head.state);
  };
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  return (headlineDue(a)?.rectifyBy ?? '').localeCompare(headlineDue(b)?.rectifyBy ?? '');
}

/** The R3 corrective invoice's amounts: the VAT taken back and its base, in proportion. */
export function correctiveAmounts(
  invoice: Pick<InvoiceRecord, 'taxableBaseCents' | 'vatCents'>,
  vatBackCents: Cents,
): { baseCents: Cents; vatCents: Cents } {
  if (invoice.vatCents <= 0) return { baseCents: 0, vatCents: 0 };
  const vatCents = Math.min(Math.max(0, vatBackCents), invoice.vatCents);
  return {
    baseCents: Math.round((invoice.taxableBaseCents * vatCents) / invoice.vatCents),
    vatCents,
  };
}

/** For the "IVA recuperable" list: a window to act in, one just lost, or a step after the correction. */
export function vatNeedsAttention(status: InvoiceVatStatus, today: CalendarDate): boolean {
  const actionable: readonly VatDueState[] = [
    'opening_soon',
    'open',
    'missing_claim',
    'closing_soon',
  ];
  if (status.dues.some((due) => actionable.includes(due.state) || isVatDueNear(due, today))) {
    return true;
  }
  const after = status.steps.some(
    (step) =>
      (step.kind === 'aeat_notice' || step.kind === 'upward_correction') && step.state !== 'done',
  );
  return after || status.paidAfterCorrection;
}
