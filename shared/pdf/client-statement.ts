// A client's statement of account (extracto de cuenta): invoices and payments with a running balance.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { daysBetween, formatDate, type CalendarDate } from '../domain/dates';
import { formatEuros, type Cents } from '../domain/money';
import { settleDues, settledCentsOf } from '../domain/invoice';
import type {
  ClientRecord,
  CompanyProfile,
  InvoiceRecord,
  Language,
  PaymentRecord,
} from '../domain/records';
import {
  letterhead,
  pageFooter,
  placeAndDate,
  recipientBlock,
  signatureBlock,
} from './letter-frame';

export interface StatementInput {
  company: Pick<CompanyProfile, 'name' | 'taxId' | 'address' | 'postalCode' | 'city' | 'iban'> &
    Partial<
      Pick<
        CompanyProfile,
        | 'province'
        | 'email'
        | 'phone'
        | 'logoDataUrl'
        | 'signatoryName'
        | 'signatoryRole'
        | 'signatureDataUrl'
      >
    >;
  client: Pick<ClientRecord, 'name' | 'taxId' | 'address' | 'postalCode' | 'city' | 'province'> &
    Partial<Pick<ClientRecord, 'contactPerson'>>;
  today: CalendarDate;
  language: Language;
  invoices: readonly (Pick<
    InvoiceRecord,
    'number' | 'issueDate' | 'payableCents' | 'outstandingCents' | 'nextDueDate' | 'lifecycle'
  > &
    Partial<Pick<InvoiceRecord, 'dues' | 'paidCents' | 'creditedCents'>>)[];
  payments: readonly Pick<PaymentRecord, 'date' | 'amountCents' | 'reference'>[];
}

const WORDS = {
  es: {
    title: 'Extracto de cuenta',
    at: 'A fecha de {date}',
    date: 'Fecha',
    concept: 'Concepto',
    debit: 'Cargo',
    credit: 'Abono',
    balance: 'Saldo',
    invoice: 'Factura {number}',
    payment: 'Cobro {reference}',
    closing: 'Saldo a su cargo',
    open: 'Facturas pendientes',
    number: 'Factura',
    due: 'Vencimiento',
    outstanding: 'Pendiente',
    late: 'Días de retraso',
    duePart: '{number} · vencimiento {index} de {count}',
    pay: 'Puede pagar por transferencia a {iban} indicando el número de factura.',
    none: 'No hay movimientos.',
  },
  en: {
    title: 'Statement of account',
    at: 'As of {date}',
    date: 'Date',
    concept: 'Description',
    debit: 'Debit',
    credit: 'Credit',
    balance: 'Balance',
    invoice: 'Invoice {number}',
    payment: 'Payment {reference}',
    closing: 'Balance due',
    open: 'Open invoices',
    number: 'Invoice',
    due: 'Due date',
    outstanding: 'Outstanding',
    late: 'Days late',
    duePart: '{number} · due {index} of {count}',
    pay: 'You can pay by transfer to {iban} quoting the invoice number.',
    none: 'No movements.',
  },
} as const;

interface Movement {
  date: CalendarDate;
  concept: string;
  debit: Cents;
  credit: Cents;
}

export function clientStatementDocument(input: StatementInput): TDocumentDefinitions {
  const words = WORDS[input.language];
  const locale = input.language === 'es' ? 'es-ES' : 'en-GB';
  const money = (cents: Cents) => formatEuros(cents, locale);
  const date = (value: CalendarDate) => formatDate(value, locale);
  const right = (text: string, bold = false): Content => ({ text, alignment: 'right', bold });
  const issued = input.invoices.filter((invoice) => invoice.lifecycle === 'issued');
  const movements: Movement[] = [
    ...issued.map((invoice) => ({
      date: invoice.issueDate,
      concept: words.invoice.replace('{number}', invoice.number),
      debit: invoice.payableCents,
      credit: 0,
    })),
    ...input.payments.map((payment) => ({
      date: payment.date,
      concept: words.payment.replace('{reference}', payment.reference).trim(),
      debit: 0,
      credit: payment.amountCents,
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.debit - a.debit));
  let balance = 0;
  const movementRows: Content[][] = movements.map((movement) => {
    balance += movement.debit - movement.credit;
    return [
      date(movement.date),
      movement.concept,
      right(movement.debit ? money(movement.debit) : ''),
      right(movement.credit ? money(movement.credit) : ''),
      right(money(balance)),
    ];
  });
  const open = issued
    .filter((invoice) => invoice.outstandingCents > 0)
    .sort((a, b) => ((a.nextDueDate ?? '') < (b.nextDueDate ?? '') ? -1 : 1));
  // Each unpaid due on its own row, with its own days late (an invoice in three dues: three rows).
  const openRows: Content[][] = open.flatMap((invoice) => {
    const dues =
      invoice.dues && invoice.paidCents !== undefined
        ? settleDues(
            invoice.dues,
            settledCentsOf({
              paidCents: invoice.paidCents,
              creditedCents: invoice.creditedCents ?? 0,
            }),
          )
            .map((due, index) => ({ ...due, index }))
            .filter((due) => due.outstandingCents > 0)
        : [];
    const parts =
      dues.length > 0 &&
      dues.reduce((sum, due) => sum + due.outstandingCents, 0) === invoice.outstandingCents
        ? dues.map((due) => ({
            label:
              (invoice.dues?.length ?? 1) > 1
                ? words.duePart
                    .replace('{number}', invoice.number)
                    .replace('{index}', String(due.index + 1))
                    .replace('{count}', String(invoice.dues?.length ?? 1))
                : invoice.number,
            dueDate: due.dueDate,
            cents: due.outstandingCents,
          }))
        : [
            {
              label: invoice.number,
              dueDate: invoice.nextDueDate,
              cents: invoice.outstandingCents,
            },
          ];
    return parts.map((part) => {
      const late = part.dueDate ? daysBetween(part.dueDate, input.today) : 0;
      return [
        part.label,
        date(invoice.issueDate),
        part.dueDate ? date(part.dueDate) : '',
        right(money(part.cents)),
        right(late > 0 ? String(late) : ''),
      ];
    });
  });
  const owed = open.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  const line = { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#d5dae1' };
  const { company, client } = input;
  return {
    info: { title: `${words.title} — ${client.name}` },
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 60],
    defaultStyle: { font: 'Roboto', fontSize: 9, color: '#1f2933' },
    footer: pageFooter(input.language),
    content: [
      letterhead(company, input.language),
      recipientBlock(client, input.language),
      {
        text: placeAndDate(company.city, input.today, input.language),
        alignment: 'right',
        margin: [0, 18, 0, 0],
      },
      { text: words.title, fontSize: 16, bold: true, margin: [0, 18, 0, 2] },
      { text: words.at.replace('{date}', date(input.today)), margin: [0, 0, 0, 10] },
      movements.length === 0
        ? { text: words.none, italics: true }
        : {
            table: {
              headerRows: 1,
              widths: [58, '*', 70, 70, 74],
              body: [
                [
                  { text: words.date, bold: true },
                  { text: words.concept, bold: true },
                  right(words.debit, true),
                  right(words.credit, true),
                  right(words.balance, true),
                ],
                ...movementRows,
              ],
            },
            layout: line,
          },
      {
        columns: [{ text: words.closing, bold: true }, right(money(owed), true)],
        fontSize: 12,
        margin: [0, 10, 0, 14],
      },
      ...(open.length === 0
        ? []
        : [
            { text: words.open, fontSize: 12, bold: true, margin: [0, 0, 0, 4] } as Content,
            {
              table: {
                headerRows: 1,
                // Never a header alone at the foot of a page.
                keepWithHeaderRows: 1,
                widths: ['*', 70, 70, 80, 60],
                body: [
                  [
                    { text: words.number, bold: true },
                    { text: words.date, bold: true },
                    { text: words.due, bold: true },
                    right(words.outstanding, true),
                    right(words.late, true),
                  ],
                  ...openRows,
                ],
              },
              layout: line,
            } as Content,
          ]),
      company.iban
        ? { text: words.pay.replace('{iban}', company.iban), margin: [0, 14, 0, 0] }
        : '',
      signatureBlock(company, input.language, null),
    ],
  };
}
