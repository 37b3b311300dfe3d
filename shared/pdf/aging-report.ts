// The aging report: what each client owes, by how old it is, as a pdfmake document definition.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AGING_BUCKETS, type AgingBucket } from '../domain/aging';
import { formatDate, type CalendarDate } from '../domain/dates';
import { formatEuros, type Cents } from '../domain/money';
import type { CompanyProfile, Language } from '../domain/records';

export interface AgingReportDebtor {
  client: { name: string; taxId: string };
  outstandingCents: Cents;
  buckets: Record<AgingBucket, Cents>;
}

export interface AgingReportInput {
  company: Pick<CompanyProfile, 'name' | 'taxId'>;
  today: CalendarDate;
  language: Language;
  aging: Record<AgingBucket, { cents: Cents; count: number }>;
  debtors: readonly AgingReportDebtor[];
}

const WORDS = {
  es: {
    title: 'Informe de antigüedad de saldos',
    at: 'A fecha de {date}',
    client: 'Cliente',
    taxId: 'NIF',
    total: 'Total',
    totals: 'Totales',
    method:
      'Cada vencimiento pendiente cuenta por su propia fecha (una factura en tres plazos puede ocupar tres columnas), así lo vencido coincide con el Panel. Importes pendientes de cobro.',
    page: 'Página {n} de {count}',
    buckets: {
      not_due: 'Sin vencer',
      d1_30: '1–30 días',
      d31_60: '31–60 días',
      d61_90: '61–90 días',
      d90_plus: '> 90 días',
    },
  },
  en: {
    title: 'Accounts receivable aging report',
    at: 'As of {date}',
    client: 'Client',
    taxId: 'Tax ID',
    total: 'Total',
    totals: 'Totals',
    method:
      'Each unpaid due counts by its own date (an invoice in three instalments may sit in three columns), so the overdue agrees with the Panel. Outstanding amounts.',
    page: 'Page {n} of {count}',
    buckets: {
      not_due: 'Not due',
      d1_30: '1–30 days',
      d31_60: '31–60 days',
      d61_90: '61–90 days',
      d90_plus: '> 90 days',
    },
  },
} as const;

export function agingReportDocument(input: AgingReportInput): TDocumentDefinitions {
  const words = WORDS[input.language];
  const locale = input.language === 'es' ? 'es-ES' : 'en-GB';
  const money = (cents: Cents) => formatEuros(cents, locale);
  const num = (text: string, bold = false): Content => ({ text, alignment: 'right', bold });
  const header: Content[] = [
    { text: words.client, bold: true },
    { text: words.taxId, bold: true },
    ...AGING_BUCKETS.map((bucket) => num(words.buckets[bucket], true)),
    num(words.total, true),
  ];
  const rows: Content[][] = input.debtors.map((debtor) => [
    debtor.client.name,
    debtor.client.taxId,
    ...AGING_BUCKETS.map((bucket) =>
      num(debtor.buckets[bucket] ? money(debtor.buckets[bucket]) : ''),
    ),
    num(money(debtor.outstandingCents), true),
  ]);
  const grandTotal = AGING_BUCKETS.reduce((sum, bucket) => sum + input.aging[bucket].cents, 0);
  const totals: Content[] = [
    { text: words.totals, bold: true },
    '',
    ...AGING_BUCKETS.map((bucket) => num(money(input.aging[bucket].cents), true)),
    num(money(grandTotal), true),
  ];
  return {
    info: { title: `${words.title} — ${input.company.name}` },
    pageOrientation: 'landscape',
    pageMargins: [32, 40, 32, 40],
    defaultStyle: { fontSize: 8 },
    footer: (currentPage, pageCount) => ({
      text: words.page.replace('{n}', String(currentPage)).replace('{count}', String(pageCount)),
      alignment: 'center',
      fontSize: 7,
      margin: [0, 12, 0, 0],
    }),
    content: [
      { text: input.company.name || ' ', fontSize: 10, bold: true },
      input.company.taxId ? { text: input.company.taxId, fontSize: 8 } : '',
      { text: words.title, fontSize: 16, bold: true, margin: [0, 8, 0, 2] },
      { text: words.at.replace('{date}', formatDate(input.today, locale)), margin: [0, 0, 0, 4] },
      { text: words.method, italics: true, margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 62, ...AGING_BUCKETS.map(() => 68), 72],
          body: [header, ...rows, totals],
        },
        layout: {
          fillColor: (rowIndex: number, node: { table: { body: unknown[] } }) =>
            rowIndex === 0 || rowIndex === node.table.body.length - 1 ? '#eef1f5' : null,
          hLineWidth: () => 0.5,
          vLineWidth: () => 0,
          hLineColor: () => '#d5dae1',
        },
      },
    ],
  };
}
