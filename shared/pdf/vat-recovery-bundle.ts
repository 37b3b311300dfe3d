// The AEAT bundle for recovering an unpaid invoice's VAT: summary, invoices, claims, declarations.
import { placeLine } from './place-line';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CompanyProfile } from '../domain/records';
import { formatEuros } from '../domain/money';
import { formatDate } from '../domain/dates';
import type { BundleParty } from './monitorio-bundle';

export interface VatBundleInput {
  company: CompanyProfile;
  client: BundleParty & {
    debtorKind: 'business' | 'consumer';
    relatedParty: boolean;
    establishedInSpain: boolean;
    insolvencyDate: string | null;
  };
  /** The day the bundle is prepared. */
  date: string;
  invoice: {
    number: string;
    issueDate: string;
    taxableBaseCents: number;
    vatRatePercent: number;
    vatCents: number;
    totalCents: number;
    paidCents: number;
    securedCents: number;
  };
  dues: {
    dueDate: string;
    outstandingCents: number;
    vatAtStakeCents: number;
    eligibleFrom: string;
    rectifyBy: string;
    /** Already in words, e.g. "Plazo abierto". */
    state: string;
  }[];
  corrective: {
    number: string | null;
    date: string | null;
    baseCents: number;
    vatCents: number;
    /** The last day for the AEAT communication, once the corrective invoice has a date. */
    aeatNoticeBy: string | null;
  };
  /** Every claim recorded for the invoice; `qualifies` marks the fehaciente ones. */
  claims: { date: string; kind: string; channel: string; qualifies: boolean }[];
}

const money = (cents: number) => formatEuros(cents, 'es-ES');
const day = (date: string) => formatDate(date, 'es-ES');
const right = (text: string) => ({ text, alignment: 'right' as const });
/** null: our records cannot tell; the user confirms it. */
const box = (holds: boolean | null) => (holds === null ? '¿?' : holds ? 'Sí' : 'No');

function row(label: string, value: Content): Content[] {
  return [{ text: label, bold: true }, value];
}

function partyText(p: BundleParty): string {
  const place = placeLine(p);
  return `${p.name}\nNIF: ${p.taxId || '— (falta)'}\nDomicilio: ${
    [p.address, place].filter(Boolean).join(', ') || '— (falta)'
  }`;
}

/** What the AEAT form asks the creditor to state, with whether our records support it. */
function declarations(input: VatBundleInput): { text: string; holds: boolean | null }[] {
  const { client, invoice } = input;
  const claimed = input.claims.some((claim) => claim.qualifies);
  const rectifiedBeforeAuto =
    client.insolvencyDate !== null &&
    input.corrective.date !== null &&
    input.corrective.date < client.insolvencyDate;
  return [
    {
      text: 'La operación se facturó y se anotó en el libro registro de facturas expedidas en tiempo y forma.',
      holds: null,
    },
    {
      text:
        client.debtorKind === 'business'
          ? 'El destinatario actúa como empresario o profesional.'
          : `El destinatario es un consumidor y la base imponible (${money(invoice.taxableBaseCents)}) supera 50 €.`,
      holds: client.debtorKind === 'business' || invoice.taxableBaseCents > 5000,
    },
    {
      text: 'Se ha instado el cobro mediante reclamación judicial, requerimiento notarial u otro medio que acredita fehacientemente la reclamación (se adjunta la prueba).',
      holds: claimed,
    },
    {
      text:
        client.insolvencyDate === null
          ? 'El deudor no ha sido declarado en concurso.'
          : `La factura rectificativa es anterior al auto de declaración de concurso (${day(client.insolvencyDate)}).`,
      holds: client.insolvencyDate === null || rectifiedBeforeAuto,
    },
    {
      text:
        invoice.securedCents > 0
          ? `La parte garantizada o asegurada (${money(invoice.securedCents)}) queda fuera de la modificación.`
          : 'El crédito no tiene garantía real, ni está afianzado ni asegurado.',
      holds: true,
    },
    { text: 'El deudor no es una persona o entidad vinculada.', holds: !client.relatedParty },
    {
      text: 'El deudor está establecido en el territorio de aplicación del impuesto, Canarias, Ceuta o Melilla.',
      holds: client.establishedInSpain,
    },
    {
      text: 'La factura rectificativa se ha remitido al destinatario (se adjunta la prueba del envío).',
      holds: input.corrective.number === null ? false : null,
    },
  ];
}

/** Spanish only: the communication is filed at the AEAT's sede electrónica. */
export function buildVatRecoveryBundle(input: VatBundleInput): TDocumentDefinitions {
  const { company, client, invoice, corrective } = input;
  const atStake = input.dues.reduce((sum, due) => sum + due.vatAtStakeCents, 0);
  const statements = declarations(input);
  const qualifying = input.claims.filter((claim) => claim.qualifies);
  const content: Content[] = [
    { text: 'Modificación de la base imponible por crédito incobrable', style: 'h1' },
    {
      text: `Art. 80.Cuatro de la Ley 37/1992 del IVA y art. 24 de su Reglamento. Preparado el ${day(input.date)} para la comunicación a la AEAT en su sede electrónica. Es una ayuda, no asesoramiento fiscal: revísalo con tu gestoría.`,
      color: '#555',
      margin: [0, 2, 0, 8],
    },
    { text: 'Resumen', style: 'h2' },
    {
      table: {
        widths: [150, '*'],
        body: [
          row('Acreedor', partyText(company)),
          row('Deudor', partyText(client)),
          row(
            'Factura original',
            `${invoice.number}, expedida el ${day(invoice.issueDate)} (devengo). Base ${money(invoice.taxableBaseCents)}, IVA ${invoice.vatRatePercent} % ${money(invoice.vatCents)}, total ${money(invoice.totalCents)}. Cobrado: ${money(invoice.paidCents)}.`,
          ),
          row('IVA que se recupera', { text: money(corrective.vatCents || atStake), bold: true }),
          row(
            'Factura rectificativa (R3)',
            corrective.number !== null && corrective.date !== null
              ? `${corrective.number}, del ${day(corrective.date)}: base −${money(corrective.baseCents)}, cuota −${money(corrective.vatCents)}.`
              : `Pendiente de emitir en tu programa de facturación, serie de rectificativas: base −${money(corrective.baseCents)}, cuota −${money(corrective.vatCents)}.`,
          ),
          row(
            'Comunicación a la AEAT',
            corrective.aeatNoticeBy !== null
              ? `Como tarde el ${day(corrective.aeatNoticeBy)} (un mes desde la rectificativa).`
              : 'Dentro del mes siguiente a la fecha de la rectificativa.',
          ),
          row(
            'Reclamación fehaciente',
            qualifying.length > 0
              ? qualifying
                  .map((claim) => `${claim.kind} del ${day(claim.date)} (${claim.channel})`)
                  .join('\n')
              : {
                  text: 'FALTA: sin ella no se puede modificar la base.',
                  bold: true,
                  color: '#a00',
                },
          ),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Vencimientos impagados y plazos', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: [62, 70, 62, 70, 70, '*'],
        body: [
          ['Vencimiento', 'Pendiente', 'IVA', 'Desde', 'Rectificar antes del', 'Estado'].map(
            (text) => ({ text, bold: true }),
          ),
          ...input.dues.map((due) => [
            day(due.dueDate),
            right(money(due.outstandingCents)),
            right(money(due.vatAtStakeCents)),
            day(due.eligibleFrom),
            day(due.rectifyBy),
            due.state,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 4, 0, 10],
    },
    { text: 'Declaraciones que pide el formulario', style: 'h2' },
    {
      table: {
        widths: [20, '*'],
        body: statements.map((item) => [
          {
            text: box(item.holds),
            bold: true,
            color: item.holds === null ? '#555' : item.holds ? '#060' : '#a00',
          },
          item.holds === null
            ? `${item.text} (confirmar)`
            : item.holds
              ? item.text
              : { text: `${item.text} (revisar)`, color: '#a00' },
        ]),
      },
      layout: 'noBorders',
    },
    { text: 'Reclamaciones registradas', style: 'h2' },
    input.claims.length === 0
      ? { text: 'No hay reclamaciones registradas para esta factura.', italics: true }
      : {
          table: {
            headerRows: 1,
            widths: [60, 130, '*', 60],
            body: [
              ['Fecha', 'Paso', 'Canal', 'Sirve'].map((text) => ({ text, bold: true })),
              ...input.claims.map((claim) => [
                day(claim.date),
                claim.kind,
                claim.channel,
                claim.qualifies ? 'Sí' : 'No',
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        },
    { text: 'Documentos que se adjuntan', style: 'h2' },
    {
      ul: [
        `Copia de la factura ${invoice.number}.`,
        'Copia de la factura rectificativa.',
        'Prueba del envío de la rectificativa al deudor (burofax, acuse de recibo).',
        'Prueba de la reclamación: burofax con certificación de contenido, acta notarial o decreto del monitorio.',
      ],
    },
  ];
  return {
    info: { title: `IVA de la factura ${invoice.number} — ${client.name}`, author: company.name },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 15, bold: true },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 2] },
    },
    footer: (current: number, count: number) => ({
      text: `Recuperación del IVA · ${invoice.number} · ${day(input.date)} · página ${current} de ${count}`,
      alignment: 'center',
      fontSize: 7,
      color: '#666',
    }),
    content,
  };
}
