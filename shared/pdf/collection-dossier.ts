// The hand-off dossier for a lawyer or agency: the debt, the invoices, the contacts and demands sent.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CompanyProfile } from '../domain/records';
import { formatEuros } from '../domain/money';
import { formatDate } from '../domain/dates';
import type { ClaimLaw } from '../domain/claim-amounts';
import { claimRows, type LetterLine } from './dunning-letter';
import { letterhead, pageFooter, recipientLines, signatureBlock } from './letter-frame';

export interface DossierInput {
  company: CompanyProfile;
  client: {
    name: string;
    taxId: string;
    address: string;
    postalCode: string;
    city: string;
    province?: string;
    contactPerson?: string;
    email: string;
    phone: string;
  };
  date: string;
  lines: LetterLine[];
  totalCents: number;
  interestCents: number;
  compensationCents: number;
  /** Newest first: what was said and done, in plain words (already translated). */
  contacts: { date: string; kind: string; text: string }[];
  /** Reminders and formal letters sent, and the steps recorded on the legal path (MASC, requerimientos). */
  demands: { date: string; level: string; channel: string; amountCents: number | null }[];
  /** Which rule sets the interest; absent: Ley 3/2004. */
  law?: ClaimLaw;
}

const money = (cents: number) => formatEuros(cents, 'es-ES');
const day = (date: string) => formatDate(date, 'es-ES');

function table(header: string[], rows: Content[][], widths: string[]): Content {
  return {
    table: { headerRows: 1, widths, body: [header.map((text) => ({ text, bold: true })), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}

const right = (text: string) => ({ text, alignment: 'right' as const });

/** Spanish only: the dossier is for Spanish lawyers and the procedimiento monitorio. */
export function buildCollectionDossier(input: DossierInput): TDocumentDefinitions {
  const { client, company } = input;
  const claimed = input.totalCents + input.interestCents + input.compensationCents;
  return {
    info: { title: `Expediente de reclamación — ${client.name}`, author: company.name },
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 60],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 15, bold: true },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
    },
    footer: pageFooter('es', `Expediente ${client.name} · ${day(input.date)}`),
    content: [
      letterhead(company, 'es'),
      { text: 'Expediente de reclamación de deuda', style: 'h1', margin: [0, 16, 0, 0] },
      {
        text: company.name
          ? `Preparado por ${company.name}${company.taxId ? ` (NIF ${company.taxId})` : ''} el ${day(input.date)}`
          : `Preparado el ${day(input.date)}`,
        margin: [0, 2, 0, 10],
      },
      { text: 'Deudor', style: 'h2' },
      {
        text: [
          ...recipientLines(client, 'es'),
          [client.email, client.phone].filter(Boolean).join(' · '),
        ]
          .filter(Boolean)
          .join('\n'),
      },
      { text: 'Resumen de la deuda', style: 'h2' },
      table(
        ['Concepto', 'Importe'],
        [
          ['Principal pendiente', right(money(input.totalCents))],
          [
            input.law === 'civil_code'
              ? 'Interés legal del dinero desde el requerimiento (arts. 1100 y 1108 CC) hasta la fecha'
              : input.law === 'contract'
                ? 'Intereses de demora al tipo pactado hasta la fecha'
                : 'Intereses de demora (Ley 3/2004) hasta la fecha',
            right(money(input.interestCents)),
          ],
          ...(input.law === 'civil_code'
            ? []
            : [
                [
                  'Indemnización por costes de cobro (40 € por factura, art. 8 Ley 3/2004)',
                  right(money(input.compensationCents)),
                ],
              ]),
          ['Total reclamable', right(money(claimed))],
        ],
        ['*', 'auto'],
      ),
      { text: 'Facturas', style: 'h2' },
      table(
        ['Factura', 'Vencimiento', 'Días de retraso', 'Pendiente', 'Intereses'],
        claimRows(input.lines, 'es'),
        ['*', 'auto', 'auto', 'auto', 'auto'],
      ),
      { text: 'Requerimientos, intentos de acuerdo (MASC) y recordatorios', style: 'h2' },
      input.demands.length === 0
        ? { text: 'Ninguno registrado.' }
        : table(
            ['Fecha', 'Nivel', 'Medio', 'Importe'],
            input.demands.map((row) => [
              day(row.date),
              row.level,
              row.channel,
              right(row.amountCents === null ? '—' : money(row.amountCents)),
            ]),
            ['auto', '*', 'auto', 'auto'],
          ),
      { text: 'Historial de contactos', style: 'h2' },
      input.contacts.length === 0
        ? { text: 'Ninguno registrado.' }
        : table(
            ['Fecha', 'Tipo', 'Detalle'],
            input.contacts.map((row) => [day(row.date), row.kind, row.text || '—']),
            ['auto', 'auto', '*'],
          ),
      { text: 'Vía judicial', style: 'h2' },
      {
        text:
          'La deuda es dineraria, vencida, exigible y consta en facturas, por lo que puede reclamarse mediante el ' +
          'procedimiento monitorio (arts. 812 a 818 de la Ley de Enjuiciamiento Civil), sin límite de cuantía, ' +
          'ante el Juzgado de Primera Instancia del domicilio del deudor (art. 813). La petición inicial no ' +
          'necesita abogado ni procurador, sea cual sea la cuantía (art. 814.2). Solo se reclaman los ' +
          'vencimientos ya vencidos y no prescritos. Conviene acompañar las facturas, los requerimientos ' +
          'enviados y cualquier reconocimiento de la deuda por el cliente.',
      },
      {
        // The heading and the signature stay on one page.
        stack: [
          { text: 'Preparado por', style: 'h2', margin: [0, 16, 0, 0] },
          signatureBlock(company, 'es', null),
        ],
        unbreakable: true,
      },
    ],
  };
}
