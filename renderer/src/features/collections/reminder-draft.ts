// Builds the next reminder for a client: level, filled template, lines with interest, totals.
import type { ClientCollections } from '../../db/collections-queries';
import type { CompanyProfile, Language } from '../../../../shared/domain/records';
import type { DunningKind } from '../../../../shared/domain/dunning';
import { fillTemplate } from '../../../../shared/domain/dunning-templates';
import { invoiceClaim, paidLateClaims } from '../../../../shared/domain/claim-amounts';
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

export function buildReminderDraft(args: {
  data: ClientCollections;
  company: CompanyProfile;
  language: Language;
  today: string;
  /** Invoices paid late the person chose to claim too (interest and 40 €); formal levels only. */
  includePaidLate?: readonly string[];
}): ReminderDraft | null {
  const { data, company, language, today } = args;
  const plan = data.dunning;
  const levelDef = plan.level === null ? undefined : data.settings.levels[plan.level];
  if (plan.level === null || !levelDef) return null;
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const contractRate = data.client.contractInterestPercent ?? null;
  const claimOf = new Map(data.claimInvoices.map((invoice) => [invoice.id, invoice]));
  // Interest per due and per payment (interestStatement), counted to today inclusive.
  const lines: ReminderLine[] = plan.lines.map((line) => {
    const invoice = claimOf.get(line.invoiceId);
    const claim =
      levelDef.claimInterest && invoice
        ? invoiceClaim(invoice, today, contractRate, data.legalRates)
        : null;
    if (!claim) return { ...line, interestCents: 0, compensationCents: 0 };
    return {
      ...line,
      interestCents: claim.interestCents,
      compensationCents: claim.compensationCents,
      dues: claim.dues,
    };
  });
  if (levelDef.claimInterest && args.includePaidLate && args.includePaidLate.length > 0) {
    const chosen = data.claimInvoices.filter((invoice) =>
      args.includePaidLate?.includes(invoice.id),
    );
    for (const claim of paidLateClaims(chosen, today, contractRate, data.legalRates)) {
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
      const head = `- ${line.number} · ${day(line.dueDate)} · ${amount}`;
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
  const template = data.settings.templates[language][levelDef.kind];
  return {
    level: plan.level,
    kind: levelDef.kind,
    claimInterest: levelDef.claimInterest,
    // Without a company name the subject would end in a dangling " — ".
    subject: fillTemplate(template.subject, values).replace(/\s+—\s*$/, ''),
    body: fillTemplate(template.body, values),
    invoiceIds: lines.map((line) => line.invoiceId),
    lines,
    totalCents,
    interestCents,
    compensationCents,
  };
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
