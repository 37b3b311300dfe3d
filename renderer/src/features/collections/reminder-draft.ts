// Builds the next reminder for a client: level, filled template, lines with interest, totals.
import type { ClientCollections } from '../../db/collections-queries';
import type { CompanyProfile, Language } from '../../../../shared/domain/records';
import type { DunningKind } from '../../../../shared/domain/dunning';
import { fillTemplate } from '../../../../shared/domain/dunning-templates';
import {
  claimLawOf,
  claimLineOf,
  claimableDues,
  paidLateClaims,
  type ClaimInvoice,
} from '../../../../shared/domain/claim-amounts';
import { addDays } from '../../../../shared/domain/dates';
import { formatEuros } from '../../../../shared/domain/money';
import { formatDate } from '../../../../shared/domain/dates';
import { translate } from '../../i18n';
import type { LetterLine } from '../../../../shared/pdf/dunning-letter';
import { greetingFor } from '../../../../shared/pdf/letter-frame';

export type ReminderLine = LetterLine & { invoiceId: string };

export interface ReminderDraft {
  level: number;
  kind: DunningKind;
  claimInterest: boolean;
  subject: string;
  body: string;
  invoiceIds: string[];
  lines: ReminderLine[];
  totalCents: number;
  interestCents: number;
  compensationCents: number;
}

/** What is unpaid of an invoice's dues falling due on or before `date` (payments settle the oldest first). */
function unpaidThrough(invoice: ClaimInvoice, date: string): number {
  const removed = Math.max(0, invoice.disputedCents) + Math.max(0, invoice.creditedCents ?? 0);
  let paid = invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  let unpaid = 0;
  for (const due of claimableDues(invoice.dues, removed)) {
    const settled = Math.min(paid, due.amountCents);
    paid -= settled;
    if (due.dueDate <= date) unpaid += due.amountCents - settled;
  }
  return unpaid;
}

export function buildReminderDraft(args: {
  data: ClientCollections;
  company: CompanyProfile;
  language: Language;
  today: string;
  /** Invoices paid late the person chose to claim too (interest and 40 €); formal levels only. */
  includePaidLate?: readonly string[];
  /**
   * The letter the person asked for (Hoy's "Enviar aviso amable" for invoices about to fall due):
   * that level and those invoices only. Absent: the client's next letter.
   */
  only?: { level: number; invoiceIds: readonly string[] };
}): ReminderDraft | null {
  const { data, company, language, today } = args;
  const planned = data.dunning;
  const chosenLevel = args.only?.level ?? planned.level;
  const levelDef = chosenLevel === null ? undefined : data.settings.levels[chosenLevel];
  if (chosenLevel === null || !levelDef) return null;
  // A letter sent after the due date lists only what is already due (a friendly notice before the
  // due date lists what falls due soon): an invoice not yet due is never in a last warning.
  const plan = {
    level: chosenLevel,
    lines: planned.lines.filter((line) =>
      args.only
        ? args.only.invoiceIds.includes(line.invoiceId)
        : levelDef.offsetDays > 0
          ? line.daysFromDue > 0
          : true,
    ),
  };
  if (plan.lines.length === 0) return null;
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const contractRate = data.client.contractInterestPercent ?? null;
  const claimOf = new Map(data.claimInvoices.map((invoice) => [invoice.id, invoice]));
  // Interest per due and per payment (interestStatement), counted to today inclusive.
  const lines: ReminderLine[] = [];
  for (const line of plan.lines) {
    const invoice = claimOf.get(line.invoiceId);
    // Only the dues past their date (or, before it, the ones falling due): never the whole invoice.
    const through = line.daysFromDue > 0 ? addDays(today, -1) : line.dueDate;
    const claimCents = invoice
      ? Math.min(line.claimCents, unpaidThrough(invoice, through))
      : line.claimCents;
    const claim =
      invoice && line.daysFromDue > 0 ? claimLineOf(invoice, today, data.claimOptions) : null;
    // What has prescribed is not demanded (the legal path lets the person choose it explicitly).
    if (claim?.prescribed) continue;
    if (!claim || !levelDef.claimInterest) {
      lines.push({
        ...line,
        claimCents,
        interestCents: 0,
        compensationCents: 0,
        ...(claim ? { parts: claim.parts } : {}),
      });
      continue;
    }
    lines.push({
      ...line,
      claimCents,
      interestCents: claim.interestCents,
      compensationCents: claim.compensationCents,
      dues: claim.dues,
      parts: claim.parts,
    });
  }
  if (lines.length === 0) return null;
  if (levelDef.claimInterest && args.includePaidLate && args.includePaidLate.length > 0) {
    const chosen = data.claimInvoices.filter((invoice) =>
      args.includePaidLate?.includes(invoice.id),
    );
    for (const claim of paidLateClaims(
      chosen,
      today,
      contractRate,
      data.legalRates,
      data.claimOptions,
    )) {
      lines.push({
        invoiceId: claim.invoiceId,
        number: claim.number,
        dueDate: claim.dueDate,
        daysFromDue: claim.daysFromDue,
        claimCents: 0,
        interestCents: claim.interestCents,
        compensationCents: claim.compensationCents,
        paidLate: true,
        dues: claim.dues,
        parts: claim.parts,
      });
    }
  }
  const totalCents = lines.reduce((sum, line) => sum + line.claimCents, 0);
  const interestCents = lines.reduce((sum, line) => sum + line.interestCents, 0);
  const compensationCents = lines.reduce((sum, line) => sum + (line.compensationCents ?? 0), 0);
  const money = (cents: number) => formatEuros(cents, locale);
  const maxDays = Math.max(0, ...lines.map((line) => line.daysFromDue));
  const rate = (percent: number) => percent.toLocaleString(locale, { maximumFractionDigits: 2 });
  const day = (value: string) => formatDate(value, locale);
  const invoices = lines
    .map((line) => {
      const amount = line.paidLate
        ? translate(language, 'coll.reminder.paidLateShort')
        : money(line.claimCents);
      const parts = line.parts ?? [];
      const head =
        parts.length > 1 || (parts[0]?.count ?? 1) > 1
          ? parts
              .map(
                (part) =>
                  `- ${translate(language, 'legal.claim.part', {
                    number: line.number,
                    index: part.index,
                    count: part.count,
                  })} · ${day(part.dueDate)} · ${line.paidLate ? amount : money(part.claimCents)}`,
              )
              .join('\n')
          : `- ${line.number} · ${day(line.dueDate)} · ${amount}`;
      const dues = (line.dues ?? []).map(
        (due) =>
          `    ${translate(language, 'coll.reminder.dueLine', {
            due: day(due.dueDate),
            principal: money(due.principalCents),
            from: day(due.from),
            to: day(due.to),
            days: due.days,
            rate: rate(due.ratePercent),
            interest: money(due.interestCents),
          })}`,
      );
      return [head, ...dues].join('\n');
    })
    .join('\n');
  const values = {
    greeting: greetingFor(data.client, language),
    client: data.client.contactPerson || data.client.name,
    company: company.name,
    invoices,
    total: money(totalCents),
    days: String(maxDays),
    iban: company.iban || '—',
    paymentLink: data.settings.paymentLinkText,
    interest: money(interestCents),
    compensation: money(compensationCents),
    date: formatDate(today, locale),
  };
  const stored = data.settings.templates[language][levelDef.kind];
  const consumer = claimLawOf(data.claimOptions) === 'civil_code';
  const template = consumer ? { subject: stored.subject, body: forConsumer(stored.body) } : stored;
  // A letter never speaks of earlier letters that were not sent: without any recorded for these
  // invoices, the shipped texts' references to them are taken out.
  const letterIds = new Set(lines.map((line) => line.invoiceId));
  const sentBefore = data.dunningEvents.some((event) =>
    event.invoiceIds.some((id) => letterIds.has(id)),
  );
  const honest = (text: string) => (sentBefore ? text : withoutEarlierLetters(text));
  return {
    level: plan.level,
    kind: levelDef.kind,
    claimInterest: levelDef.claimInterest,
    // Without a company name the subject would end in a dangling " — ".
    subject: honest(fillTemplate(template.subject, values)).replace(/\s+—\s*$/, ''),
    body: honest(fillTemplate(template.body, values)),
    invoiceIds: lines.map((line) => line.invoiceId),
    lines,
    totalCents,
    interestCents,
    compensationCents,
  };
}

/** The shipped templates' mentions of earlier letters, and what each becomes when none was sent. */
const EARLIER_LETTERS: readonly [RegExp, string][] = [
  [/A pesar de nuestro aviso anterior, las/g, 'Las'],
  [/Despite our earlier reminder, the/g, 'The'],
  [/, pese a nuestros requerimientos:/g, ':'],
  [/, despite our demands:/g, ':'],
  [/^Segundo aviso: /, 'Aviso: '],
  [/^Second notice: /, 'Notice: '],
];

export function withoutEarlierLetters(text: string): string {
  return EARLIER_LETTERS.reduce((result, [pattern, plain]) => result.replace(pattern, plain), text);
}

/**
 * A consumer owes no Ley 3/2004 interest nor its 40 €: the shipped templates' sentences about them
 * read as the interés legal del dinero from the first demand (arts. 1100, 1108 CC) instead.
 */
const CONSUMER_WORDING: readonly (readonly [string, string])[] = [
  [
    'Conforme a la Ley 3/2004, de lucha contra la morosidad, reclamamos además los intereses de demora ' +
      'devengados hasta el {date} ({interest}) y la indemnización de 40 € por factura por costes de cobro ({compensation}).',
    'Reclamamos además el interés legal del dinero desde nuestro primer requerimiento (arts. 1100 y 1108 ' +
      'del Código Civil), devengado hasta el {date} ({interest}).',
  ],
  [
    'intereses de demora ({interest}) e indemnización por costes de cobro ({compensation})',
    'interés legal del dinero ({interest})',
  ],
  [
    'Under Spanish Law 3/2004 on late payment we also claim the statutory interest accrued to {date} ' +
      '({interest}) and the fixed compensation of 40 € per invoice for recovery costs ({compensation}).',
    'We also claim statutory interest from our first demand (arts. 1100 and 1108 of the Spanish Civil ' +
      'Code), accrued to {date} ({interest}).',
  ],
  [
    'late-payment interest ({interest}) and recovery compensation ({compensation})',
    'statutory interest ({interest})',
  ],
];

export function forConsumer(template: string): string {
  return CONSUMER_WORDING.reduce((result, [law, civil]) => result.replace(law, civil), template);
}

/** A minimal RFC 5322 message a mail client opens as a draft (X-Unsent). */
export function buildEml(args: {
  from: string;
  to: string;
  subject: string;
  body: string;
}): string {
  // A CR or LF in a header value would start a header of its own (Bcc: …): refused, never cleaned.
  for (const name of ['from', 'to', 'subject'] as const) {
    if (/[\r\n]/.test(args[name])) {
      throw new Error(
        `El campo ${name} del e-mail contiene un salto de línea; no se guarda el .eml`,
      );
    }
  }
  const encode = (text: string) =>
    /^[\x20-\x7e]*$/.test(text)
      ? text
      : `=?UTF-8?B?${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}?=`;
  return [
    ...(args.from ? [`From: ${args.from}`] : []),
    `To: ${args.to}`,
    `Subject: ${encode(args.subject)}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    args.body.replace(/\r?\n/g, '\r\n'),
  ].join('\r\n');
}
