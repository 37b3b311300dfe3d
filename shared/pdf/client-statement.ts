// A client's statement of account (extracto de cuenta): invoices and payments with a running balance.
import { placeLine } from './place-line';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { daysBetween, formatDate, type CalendarDate } from '../domain/dates';
import { formatEuros, type Cents } from '../domain/money';
import type {
  ClientRecord,
  CompanyProfile,
  InvoiceRecord,
  Language,
  PaymentRecord,
} from '../domain/records';

export interface StatementInput {
  company: Pick<CompanyProfile, 'name' | 'taxId' | 'address' | 'postalCode' | 'city' | 'iban'>;
  client: Pick<ClientRecord, 'name' | 'taxId' | 'address' | 'postalCode' | 'city' | 'province'>;
  today: CalendarDate;
  language: Language;
  invoices: readonly Pick<
    InvoiceRecord,
    'number' | 'issueDate' | 'payableCents' | 'outstandingCents' | 'nextDueDate' | 'lifecycle'
  >[];
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
    pay: 'Puede pagar por transferencia a {iban} indicando el número de factura.',
    none: 'No hay movimientos.',
    page: 'Página {n} de {count}',
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
    pay: 'You can pay by transfer to {iban} quoting the invoice number.',
    none: 'No movements.',
    page: 'Page {n} of {count}',
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
  const openRows: Content[][] = open.map((invoice) => {
    const late = invoice.nextDueDate ? daysBetween(invoice.nextDueDate, input.today) : 0;
    return [
      invoice.number,
      date(invoice.issueDate),
      invoice.nextDueDate ? date(invoice.nextDueDate) : '',
      right(money(invoice.outstandingCents)),
      right(late > 0 ? String(late) : ''),
    ];
  });
  const owed = open.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  const line = { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#d5dae1' };
  const { company, client } = input;
  return {
    info: { title: `${words.title} — ${client.name}` },
    pageMargins: [40, 40, 40, 48],
    defaultStyle: { fontSize: 9 },
    footer: (currentPage, pageCount) => ({
      text: words.page.replace('{n}', String(currentPage)).replace('{count}', String(pageCount)),
      alignment: 'center',
      fontSize: 7,
      margin: [0, 16, 0, 0],
    }),
    content: [
      {
        columns: [
          {
            stack: [
              { text: company.name || ' ', bold: true, fontSize: 11 },
              company.taxId,
              company.address,
              [company.postalCode, company.city].filter(Boolean).join(' '),
            ],
          },
          {
            stack: [
              { text: client.name, bold: true, fontSize: 11 },
              client.taxId,
              client.address,
              placeLine(client),
            ],
            alignment: 'right',
          },
        ],
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
    ],
  };
}
