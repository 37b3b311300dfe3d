// The dunning letter as a pdfmake document: letterhead, addressee, the text and the invoices claimed.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CompanyProfile, Language } from '../domain/records';
import { formatEuros } from '../domain/money';
import { formatDate } from '../domain/dates';
import type { InterestLine } from '../domain/lateInterest';
import {
  letterDocument,
  paragraphsOf,
  referenceLine,
  splitLetterBody,
  type LetterRecipient,
} from './letter-frame';
import type { ClaimDue, ClaimLaw } from '../domain/claim-amounts';

export interface LetterLine {
  number: string;
  dueDate: string;
  daysFromDue: number;
  claimCents: number;
  interestCents: number;
  /** The 40 € of this invoice when it is claimed (absent: not claimed). */
  compensationCents?: number;
  /** Paid in full, but late: only its interest and 40 € are claimed. */
  paidLate?: boolean;
  /** The interest per due and per payment (interestStatement lines), listed under the invoice. */
  dues?: InterestLine[];
  /** The dues claimed, each on its own row (only dues past their date); absent: one row. */
  parts?: ClaimDue[];
}

export interface DunningLetterInput {
  language: Language;
  company: CompanyProfile;
  /** The client; its contact person and title shape the A/A line and the greeting. */
  client: LetterRecipient & { province: string };
  date: string;
  subject: string;
  body: string;
  lines: LetterLine[];
  claimInterest: boolean;
  totalCents: number;
  interestCents: number;
  compensationCents: number;
  /** Which rule sets the interest (labels of the totals); absent: Ley 3/2004. */
  law?: ClaimLaw;
}

const LABELS = {
  es: {
    invoice: 'Factura',
    due: 'Vencimiento',
    days: 'Días',
    amount: 'Pendiente',
    interest: 'Intereses',
    principal: 'Principal',
    compensation: 'Indemnización (40 € por factura)',
    total: 'Total reclamado',
    paidLate: 'pagada con retraso',
    dueLine: (principal: string, from: string, to: string, rate: string) =>
      `${principal} del ${from} al ${to} al ${rate} %`,
    duePart: (number: string, index: number, count: number) =>
      `${number} · vencimiento ${index} de ${count}`,
    prescribed: 'prescrita: sin intereses',
    civilInterest: 'Interés legal del dinero (arts. 1100 y 1108 CC)',
  },
  en: {
    invoice: 'Invoice',
    due: 'Due date',
    days: 'Days',
    amount: 'Outstanding',
    interest: 'Interest',
    principal: 'Principal',
    compensation: 'Compensation (40 € per invoice)',
    total: 'Total claimed',
    paidLate: 'paid late',
    dueLine: (principal: string, from: string, to: string, rate: string) =>
      `${principal} from ${from} to ${to} at ${rate} %`,
    duePart: (number: string, index: number, count: number) =>
      `${number} · due ${index} of ${count}`,
    prescribed: 'time-barred: no interest',
    civilInterest: 'Statutory interest (arts. 1100 and 1108 Civil Code)',
  },
} as const;

function localeOf(language: Language): string {
  return language === 'es' ? 'es-ES' : 'en-GB';
}

/**
 * Rows of a claim table (invoice, due date, days, outstanding, interest): one row per due claimed
 * (only dues past their date), then one smaller row per interest period — its principal, dates and
 * the rate applied — so each due shows its own interest and the rate of each period.
 */
export function claimRows(lines: readonly LetterLine[], language: Language): Content[][] {
  const l = LABELS[language];
  const locale = localeOf(language);
  const money = (cents: number) => formatEuros(cents, locale);
  const day = (date: string) => formatDate(date, locale);
  const right = (text: string, extra: object = {}) => ({
    text,
    alignment: 'right' as const,
    ...extra,
  });
  const small = { fontSize: 8, color: '#444444' };
  const periodRows = (detail: readonly InterestLine[]): Content[][] =>
    detail.map((due) => [
      {
        text: l.dueLine(
          money(due.principalCents),
          day(due.from),
          day(due.to),
          due.ratePercent.toLocaleString(locale, { maximumFractionDigits: 2 }),
        ),
        ...small,
        margin: [10, 0, 0, 0],
      },
      { text: day(due.dueDate), ...small },
      right(String(due.days), small),
      { text: '' },
      right(money(due.interestCents), small),
    ]);
  return lines.flatMap((line) => {
    const detail = line.dues ?? [];
    const name = line.paidLate ? `${line.number} (${l.paidLate})` : line.number;
    const parts = line.parts ?? [];
    if (parts.length === 0) {
      const head: Content[] = [
        name,
        day(line.dueDate),
        right(String(Math.max(0, line.daysFromDue))),
        right(money(line.claimCents)),
        right(money(line.interestCents)),
      ];
      return [head, ...periodRows(detail)];
    }
    return parts.flatMap((part) => {
      const label = part.count > 1 ? l.duePart(name, part.index, part.count) : name;
      const head: Content[] = [
        part.prescribed ? `${label} (${l.prescribed})` : label,
        day(part.dueDate),
        right(String(Math.max(0, part.daysFromDue))),
        right(money(part.claimCents)),
        right(money(part.interestCents)),
      ];
      return [head, ...periodRows(detail.filter((due) => due.dueDate === part.dueDate))];
    });
  });
}

/** The letter's invoice table: interest columns only for formal demands. */
function invoiceTable(input: DunningLetterInput): Content {
  const l = LABELS[input.language];
  const locale = localeOf(input.language);
  const money = (cents: number) => formatEuros(cents, locale);
  const header = [
    l.invoice,
    l.due,
    l.days,
    l.amount,
    ...(input.claimInterest ? [l.interest] : []),
  ].map((text, index) => ({
    text,
    bold: true,
    alignment: index >= 2 ? ('right' as const) : ('left' as const),
  }));
  const rows = input.claimInterest
    ? claimRows(input.lines, input.language)
    : input.lines.map((line) => [
        line.number,
        formatDate(line.dueDate, locale),
        { text: String(Math.max(0, line.daysFromDue)), alignment: 'right' as const },
        { text: money(line.claimCents), alignment: 'right' as const },
      ]);
  const widths = input.claimInterest
    ? ['*', 'auto', 'auto', 'auto', 'auto']
    : ['*', 'auto', 'auto', 'auto'];
  return {
    table: { headerRows: 1, widths, body: [header, ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 8, 0, 8],
  };
}

function totals(input: DunningLetterInput): Content {
  const l = LABELS[input.language];
  const money = (cents: number) => formatEuros(cents, localeOf(input.language));
  const civil = input.law === 'civil_code';
  const rows: [string, string, boolean][] = input.claimInterest
    ? [
        [l.principal, money(input.totalCents), false],
        [civil ? l.civilInterest : l.interest, money(input.interestCents), false],
        // A consumer owes no 40 € (Ley 3/2004 applies between businesses only).
        ...(civil && input.compensationCents === 0
          ? []
          : [[l.compensation, money(input.compensationCents), false] as [string, string, boolean]]),
        [l.total, money(input.totalCents + input.interestCents + input.compensationCents), true],
      ]
    : [[l.total, money(input.totalCents), true]];
  return {
    table: {
      widths: ['*', 'auto'],
      body: rows.map(([label, value, bold]) => [
        { text: label, bold, alignment: 'right' as const },
        { text: value, bold, alignment: 'right' as const },
      ]),
    },
    layout: 'noBorders',
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The letter in the shared frame; the body's own greeting (edited or not) and sign-off are reused. */
export function buildDunningLetter(input: DunningLetterInput): TDocumentDefinitions {
  const { company, client } = input;
  const { greeting, paragraphs } = splitLetterBody(input.body, company.name);
  const claimed = input.lines.filter((line) => !line.paidLate);
  return letterDocument({
    language: input.language,
    sender: company,
    recipient: client,
    date: input.date,
    // The email subject ends in " — {company}"; the letterhead already says who writes.
    subject: company.name
      ? input.subject.replace(new RegExp(`\\s+—\\s+${escapeRegExp(company.name)}$`), '')
      : input.subject,
    reference: referenceLine(
      claimed.map((line) => ({ number: line.number, amountCents: line.claimCents })),
      input.totalCents,
      input.language,
    ),
    greeting,
    body: [...paragraphsOf(paragraphs), invoiceTable(input), totals(input)],
  });
}
