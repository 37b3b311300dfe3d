// The monitorio bundle: the claim summary with the court form's fields, then every supporting record.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CompanyProfile } from '../domain/records';
import { formatEuros } from '../domain/money';
import { formatDate } from '../domain/dates';
import type { ClaimLaw } from '../domain/claim-amounts';
import { claimRows, type LetterLine } from './dunning-letter';
import { placeLine } from './place-line';

export interface BundleParty {
  name: string;
  taxId: string;
  address: string;
  postalCode: string;
  city: string;
  province: string;
  email: string;
  phone: string;
}

export interface MonitorioBundleInput {
  company: CompanyProfile;
  client: BundleParty;
  date: string;
  lines: LetterLine[];
  principalCents: number;
  interestCents: number;
  compensationCents: number;
  /** Signed plans and acknowledgments of debt, already in words. */
  acknowledgments: { date: string; text: string }[];
  /** Demands sent (requerimientos, MASC attempts), with channel and answer. */
  demands: { date: string; kind: string; channel: string; answer: string }[];
  /** Newest first: calls, emails, reminders. */
  contacts: { date: string; kind: string; text: string }[];
  /** Files saved beside this PDF (the originals). */
  originals: string[];
  /** Which rule sets the interest; absent: Ley 3/2004. */
  law?: ClaimLaw;
}

/** Art. 813 LEC: the juzgado de primera instancia of the debtor's domicile. */
export function competentCourt(debtor: { city: string; province: string }): string {
  const city = debtor.city.trim();
  if (city === '')
    return 'Juzgado de Primera Instancia del domicilio del deudor (art. 813 LEC); falta la población en la ficha del cliente';
  const province = debtor.province.trim();
  const same = province.localeCompare(city, 'es', { sensitivity: 'base' }) === 0;
  const place = province && !same ? `${city} (${province})` : city;
  return `Juzgado de Primera Instancia de ${place}, domicilio del deudor (art. 813 LEC)`;
}

function interestText(law: ClaimLaw | undefined, amount: string, until: string): string {
  if (law === 'civil_code')
    return `${amount} (interés legal del dinero desde el requerimiento, arts. 1100 y 1108 del Código Civil, hasta el ${until})`;
  if (law === 'contract') return `${amount} (tipo pactado en el contrato, hasta el ${until})`;
  return `${amount} (Ley 3/2004, tipo de cada periodo en el detalle, hasta el ${until})`;
}

const money = (cents: number) => formatEuros(cents, 'es-ES');
const day = (date: string) => formatDate(date, 'es-ES');

function table(header: string[], rows: Content[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header.map((text) => ({ text, bold: true })), ...rows],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 10],
  };
}

function party(label: string, p: Omit<BundleParty, 'email' | 'phone'> & Partial<BundleParty>) {
  const place = placeLine(p);
  return [
    { text: label, bold: true },
    {
      text: [
        `${p.name}\nNIF: ${p.taxId || '— (falta: añádelo en la ficha)'}\n`,
        `Domicilio: ${[p.address, place].filter(Boolean).join(', ') || '— (falta)'}`,
        p.email || p.phone ? `\nContacto: ${[p.email, p.phone].filter(Boolean).join(' · ')}` : '',
      ].join(''),
    },
  ];
}

function section(title: string, empty: string, body: Content | null): Content[] {
  return [{ text: title, style: 'h2' }, body ?? { text: empty, italics: true }];
}

/** Spanish only: the petición de monitorio is filed before a Spanish court. */
export function buildMonitorioBundle(input: MonitorioBundleInput): TDocumentDefinitions {
  const { company, client } = input;
  const total = input.principalCents + input.interestCents + input.compensationCents;
  const documents = [
    `Facturas impagadas (${input.lines.length}), con sus vencimientos`,
    ...(input.acknowledgments.length > 0
      ? [`Reconocimientos de deuda y planes firmados (${input.acknowledgments.length})`]
      : []),
    ...(input.demands.length > 0
      ? [`Requerimientos e intentos de acuerdo (${input.demands.length})`]
      : []),
    'Historial de contactos con el deudor',
  ];
  return {
    info: { title: `Dossier para monitorio — ${client.name}`, author: company.name },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 15, bold: true },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 2] },
    },
    footer: (current: number, count: number) => ({
      text: `Dossier monitorio ${client.name} · ${day(input.date)} · página ${current} de ${count}`,
      alignment: 'center',
      fontSize: 7,
      color: '#666',
    }),
    content: [
      { text: 'Resumen para la petición de procedimiento monitorio', style: 'h1' },
      {
        text: `Preparado el ${day(input.date)}. Ayuda para rellenar el formulario del juzgado; no es asesoramiento legal.`,
        color: '#555',
        margin: [0, 2, 0, 8],
      },
      {
        table: {
          widths: [130, '*'],
          body: [
            party('Acreedor (peticionario)', company),
            party('Deudor', client),
            [
              { text: 'Origen de la deuda', bold: true },
              `Facturas emitidas por ${company.name} a ${client.name} y vencidas sin pagar (detalle abajo).`,
            ],
            [{ text: 'Juzgado competente', bold: true }, competentCourt(client)],
            [
              { text: 'Abogado y procurador', bold: true },
              'No son necesarios para presentar la petición inicial, sea cual sea la cuantía (art. 814.2 LEC).',
            ],
            [
              { text: 'Principal', bold: true },
              `${money(input.principalCents)} (solo los vencimientos ya vencidos y no prescritos: deuda vencida, líquida y exigible, art. 812 LEC)`,
            ],
            [
              {
                text: input.law === 'civil_code' ? 'Intereses' : 'Intereses de demora',
                bold: true,
              },
              interestText(input.law, money(input.interestCents), day(input.date)),
            ],
            ...(input.law === 'civil_code'
              ? []
              : [
                  [
                    { text: 'Costes de cobro', bold: true },
                    `${money(input.compensationCents)} (40 € por factura vencida, art. 8 Ley 3/2004)`,
                  ],
                ]),
            [{ text: 'Costas', bold: true }, 'Las que resulten del procedimiento'],
            [
              { text: 'Cuantía total reclamada', bold: true },
              { text: money(total), bold: true },
            ],
            [{ text: 'Documentos que se acompañan', bold: true }, { ul: documents }],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      ...section(
        'Facturas',
        'Sin facturas vencidas.',
        input.lines.length === 0
          ? null
          : table(
              ['Factura y vencimiento', 'Vencimiento', 'Días', 'Pendiente', 'Intereses'],
              claimRows(input.lines, 'es'),
              ['*', 'auto', 'auto', 'auto', 'auto'],
            ),
      ),
      ...section(
        'Reconocimientos de deuda y planes firmados',
        'No hay reconocimientos ni planes firmados registrados.',
        input.acknowledgments.length === 0
          ? null
          : table(
              ['Fecha', 'Documento'],
              input.acknowledgments.map((row) => [day(row.date), row.text]),
              [70, '*'],
            ),
      ),
      ...section(
        'Requerimientos enviados e intentos de acuerdo',
        'No hay requerimientos registrados: la ley pide un intento de acuerdo (MASC) antes de la mayoría de demandas.',
        input.demands.length === 0
          ? null
          : table(
              ['Fecha', 'Paso', 'Canal', 'Respuesta'],
              input.demands.map((row) => [day(row.date), row.kind, row.channel, row.answer || '—']),
              [60, 130, 100, '*'],
            ),
      ),
      ...section(
        'Historial de contactos',
        'No hay contactos registrados.',
        input.contacts.length === 0
          ? null
          : table(
              ['Fecha', 'Tipo', 'Qué pasó'],
              input.contacts.map((row) => [day(row.date), row.kind, row.text || '—']),
              [60, 80, '*'],
            ),
      ),
      ...section(
        'Originales guardados aparte',
        'Ningún original guardado aparte con este dossier.',
        input.originals.length === 0 ? null : { ul: input.originals },
      ),
    ],
  };
}
