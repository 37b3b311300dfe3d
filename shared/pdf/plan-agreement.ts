// The payment-plan agreement as a pdfmake definition: parties, debt, schedule, payment, clauses, signatures.
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { CalendarDate } from '../domain/dates';
import { formatDate } from '../domain/dates';
import { formatEuros, type Cents } from '../domain/money';
import { formatIban } from '../domain/iban';
import type { Language, PlanExtraLine, PlanFrequency, PlanSignatory } from '../domain/records';
import { actsInOwnName, agreementWords, bareCapacity } from './plan-agreement-text';
import { pageFooter } from './letter-frame';

export interface AgreementParty {
  name: string;
  taxId: string;
  address: string;
  postalCode: string;
  city: string;
  province: string;
  signatory: PlanSignatory;
}

export interface AgreementInput {
  language: Language;
  reference: string;
  place: string;
  date: CalendarDate;
  creditor: AgreementParty & { iban: string; logoDataUrl: string | null };
  debtor: AgreementParty;
  invoices: { number: string; issueDate: CalendarDate; amountCents: Cents }[];
  extraLines: PlanExtraLine[];
  downPayment: { amountCents: Cents; date: CalendarDate | null };
  frequency: PlanFrequency;
  annualInterestPercent: number;
  schedule: {
    dueDate: CalendarDate;
    amountCents: Cents;
    principalCents: Cents;
    interestCents: Cents;
  }[];
  breakAfterDays: number;
  /** EPC069-12 payload for the transfer QR, or null when there is no valid IBAN. */
  epcPayload: string | null;
  /** Drawn signatures as PNG data URLs. */
  signatures: { creditor: string | null; debtor: string | null };
}

const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#9aa5b1';

function fullAddress(party: AgreementParty): string {
  const place = [party.postalCode, party.city].filter(Boolean).join(' ');
  const province = party.province && party.province !== party.city ? ` (${party.province})` : '';
  const text = [party.address, `${place}${province}`]
    .filter((part) => part.trim() !== '')
    .join(', ');
  // A missing address is left as a line to fill in by hand, never as "domicilio en ,".
  return text === '' ? '_'.repeat(40) : text;
}

/** Amount columns aligned right; thin rules only between rows, like a printed statement. */
const tableLayout = {
  hLineWidth: (index: number, node: { table: { body: unknown[] } }) =>
    index === 0 || index === 1 || index === node.table.body.length ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export function planAgreementDocument(input: AgreementInput): TDocumentDefinitions {
  const w = agreementWords(input.language);
  const locale = input.language === 'en' ? 'en-GB' : 'es-ES';
  const money = (cents: Cents) => formatEuros(cents, locale);
  const date = (value: CalendarDate) => formatDate(value, locale);

  const debtTotal =
    input.invoices.reduce((sum, row) => sum + row.amountCents, 0) +
    input.extraLines.reduce((sum, row) => sum + row.amountCents, 0);
  const principal = input.schedule.reduce((sum, row) => sum + row.principalCents, 0);
  const interest = input.schedule.reduce((sum, row) => sum + row.interestCents, 0);

  const heading = (text: string): Content => ({ text, style: 'heading' });
  let clauseIndex = 0;
  const clause = (titleIndex: number, body: Content[]): Content => {
    const ordinal = w.ordinals[clauseIndex] ?? String(clauseIndex + 1);
    clauseIndex += 1;
    const hasTable = body.some((part) => typeof part === 'object' && 'table' in part);
    const title = `${ordinal}. ${w.clauseTitles[titleIndex] ?? ''}`;
    return {
      // headlineLevel lets pageBreakBefore keep the title with what follows it.
      stack: [{ text: title, style: 'clause', headlineLevel: 1 }, ...body],
      margin: [0, 0, 0, 6],
      // A clause without a table stays whole; one with a table may break across pages.
      ...(hasTable ? {} : { unbreakable: true }),
    };
  };

  const head = (cells: string[], alignRightFrom: number): TableCell[] =>
    cells.map((text, index) => ({
      text,
      style: 'th',
      alignment: index >= alignRightFrom ? 'right' : 'left',
    }));

  const debtTable: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 80, 90],
      body: [
        head([w.debtTable.concept, w.debtTable.date, w.debtTable.amount], 2),
        ...input.invoices.map((row): TableCell[] => [
          w.invoice(row.number),
          date(row.issueDate),
          { text: money(row.amountCents), alignment: 'right' },
        ]),
        ...input.extraLines.map((row): TableCell[] => [
          row.label,
          '',
          { text: money(row.amountCents), alignment: 'right' },
        ]),
        [
          { text: w.debtTable.total, bold: true },
          '',
          { text: money(debtTotal), bold: true, alignment: 'right' },
        ],
      ],
    },
    layout: tableLayout,
    margin: [0, 4, 0, 4],
  };

  // Without interest the principal and interest columns would only repeat the amount and zeros.
  const withInterest = interest > 0;
  const pick = <T>(cells: [T, T, T, T, T]): T[] =>
    withInterest ? cells : [cells[0], cells[1], cells[4]];
  const scheduleTable: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: pick<string | number>([40, '*', 80, 70, 80]),
      body: [
        head(
          pick([
            w.scheduleTable.seq,
            w.scheduleTable.date,
            w.scheduleTable.principal,
            w.scheduleTable.interest,
            w.scheduleTable.amount,
          ]),
          2,
        ),
        ...input.schedule.map((row, index): TableCell[] =>
          pick<TableCell>([
            `${index + 1}/${input.schedule.length}`,
            date(row.dueDate),
            { text: money(row.principalCents), alignment: 'right' },
            { text: money(row.interestCents), alignment: 'right' },
            { text: money(row.amountCents), alignment: 'right' },
          ]),
        ),
        pick<TableCell>([
          { text: w.scheduleTable.total, bold: true },
          '',
          { text: money(principal), bold: true, alignment: 'right' },
          { text: money(interest), bold: true, alignment: 'right' },
          { text: money(principal + interest), bold: true, alignment: 'right' },
        ]),
      ],
    },
    layout: tableLayout,
    margin: [0, 4, 0, 4],
  };

  const hasIban = input.creditor.iban.trim() !== '';
  const paymentBody: Content[] = [
    hasIban
      ? w.payment(formatIban(input.creditor.iban), input.creditor.name, input.reference)
      : w.noIban,
  ];
  if (input.epcPayload) {
    paymentBody.push({
      columns: [
        { qr: input.epcPayload, fit: 96, eccLevel: 'M', width: 'auto' },
        { text: w.qrCaption, style: 'small', margin: [10, 36, 0, 0], width: '*' },
      ],
      margin: [0, 6, 0, 0],
      unbreakable: true,
    });
  }

  const party = (p: AgreementParty, role: string): string =>
    w.party({
      name: p.name,
      taxId: p.taxId,
      address: fullAddress(p),
      signatory: p.signatory.name,
      capacity: p.signatory.capacity,
      role,
      selfActing: actsInOwnName(p.name, p.signatory),
    });

  // Self-employed: "en su propio nombre" and the NIF; a representative: capacity and company.
  const signatoryLines = (p: AgreementParty): Content[] =>
    actsInOwnName(p.name, p.signatory)
      ? [
          { text: w.ownName, style: 'small' },
          ...(p.taxId ? [{ text: `NIF ${p.taxId}`, style: 'small' }] : []),
        ]
      : [
          ...(bareCapacity(p.signatory.capacity)
            ? [{ text: bareCapacity(p.signatory.capacity), style: 'small' }]
            : []),
          { text: w.onBehalfOf(p.name), style: 'small' },
        ];

  const signatureBlock = (role: string, p: AgreementParty, image: string | null): Content => ({
    stack: [
      { text: role.toUpperCase(), style: 'th', margin: [0, 0, 0, 4] },
      image
        ? { image, fit: [190, 70], margin: [0, 0, 0, 2] }
        : { text: ' ', margin: [0, 0, 0, 70] },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.6, lineColor: INK }],
      },
      { text: `${w.signedBy} ${p.signatory.name.trim() || p.name}`, margin: [0, 4, 0, 0] },
      ...signatoryLines(p),
    ],
  });

  const content: Content[] = [];
  if (input.creditor.logoDataUrl) {
    content.push({ image: input.creditor.logoDataUrl, fit: [120, 40], margin: [0, 0, 0, 10] });
  }
  content.push(
    { text: w.title, style: 'title' },
    { text: input.reference, style: 'reference' },
    { text: w.placeDate(input.place, date(input.date)), alignment: 'right', margin: [0, 0, 0, 10] },
    heading(w.together),
    { text: party(input.creditor, w.creditor), margin: [0, 0, 0, 4] },
    { text: party(input.debtor, w.debtor), margin: [0, 0, 0, 4] },
    { text: w.capacityClause, margin: [0, 0, 0, 4] },
    heading(w.state),
    { text: w.statement1(money(debtTotal)), margin: [0, 0, 0, 4] },
    { text: w.statement2, margin: [0, 0, 0, 4] },
    { text: w.agree, margin: [0, 4, 0, 0] },
    heading(w.clauses),
    clause(0, [w.clauseAcknowledgement(money(debtTotal)), debtTable]),
  );
  if (input.downPayment.amountCents > 0) {
    const when = input.downPayment.date ? date(input.downPayment.date) : null;
    content.push(clause(1, [w.downPayment(money(input.downPayment.amountCents), when)]));
  }
  const scheduleBody: Content[] = [
    w.schedule(input.schedule.length, money(principal), w.frequency[input.frequency]),
    scheduleTable,
  ];
  if (withInterest) {
    const rate = `${input.annualInterestPercent.toLocaleString(locale, { maximumFractionDigits: 2 })} %`;
    scheduleBody.push({ text: w.interestNote(rate, money(interest)), style: 'small' });
  }
  content.push(
    clause(2, scheduleBody),
    clause(3, paymentBody),
    clause(4, [w.acceleration(input.breakAfterDays)]),
    clause(5, [w.lateInterest]),
    clause(6, [w.costs]),
    clause(7, [w.effects]),
    clause(8, [w.dataProtection]),
    clause(9, [w.jurisdiction(input.creditor.city || input.place)]),
    {
      // The closing words and both signatures never land on a page of their own apart.
      stack: [
        { text: w.closing, margin: [0, 6, 0, 18] },
        {
          columns: [
            signatureBlock(w.creditorRole, input.creditor, input.signatures.creditor),
            signatureBlock(w.debtorRole, input.debtor, input.signatures.debtor),
          ],
          columnGap: 40,
        },
      ],
      unbreakable: true,
    },
  );

  return {
    info: { title: `${w.title} — ${input.reference}`, subject: input.reference },
    pageSize: 'A4',
    pageMargins: [62, 56, 62, 56],
    content,
    // A clause title never ends a page: it moves to the next one with its text.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
    footer: pageFooter(
      input.language,
      `${input.reference} · ${input.creditor.name} · ${input.debtor.name}`,
      62,
    ),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.3, color: INK },
    styles: {
      title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
      reference: { fontSize: 9, color: MUTED, alignment: 'center', margin: [0, 0, 0, 14] },
      heading: { fontSize: 10, bold: true, alignment: 'center', margin: [0, 8, 0, 6] },
      clause: { bold: true, margin: [0, 2, 0, 2] },
      th: { bold: true, fontSize: 8.5, color: MUTED },
      small: { fontSize: 8.5, color: MUTED },
      footer: { fontSize: 7.5, color: MUTED },
    },
  };
}
