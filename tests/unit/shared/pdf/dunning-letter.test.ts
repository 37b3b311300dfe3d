import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { buildDunningLetter, type DunningLetterInput } from '../../../../shared/pdf/dunning-letter';
import { buildCollectionDossier } from '../../../../shared/pdf/collection-dossier';
import { buildMonitorioBundle } from '../../../../shared/pdf/monitorio-bundle';
import { lateInterest } from '../../../../shared/domain/lateInterest';
import { claimAmounts } from '../../../../shared/domain/claim-amounts';
import { renderPdfInNode } from '../../../support/render-pdf-node';
import {
  NEEDS_POPPLER,
  pdfPageCount,
  pdfText,
  pdfToPngs,
  popplerAvailable,
} from '../../../support/pdf-tools';

// Set COLLECTIONS_PDF_PNG_DIR to write every page as PNG and look at it.
const pngDir = process.env.COLLECTIONS_PDF_PNG_DIR;
const squash = (text: string) => text.replace(/\s+/g, ' ');

const company = {
  name: 'Instalaciones Ebro S.L.',
  taxId: 'B50123456',
  address: 'Calle Predicadores 20',
  postalCode: '50003',
  city: 'Zaragoza',
  province: 'Zaragoza',
  email: 'cobros@instalacionesebro.es',
  phone: '976 000 111',
  iban: 'ES91 2100 0418 4502 0005 1332',
  logoDataUrl: null,
};
const client = {
  name: 'Reformas Lorenzo S.L.',
  taxId: 'B12345674',
  address: 'Avenida Goya 5',
  postalCode: '50006',
  city: 'Zaragoza',
  province: 'Zaragoza',
  email: 'admin@reformaslorenzo.es',
  phone: '',
};

const interest = lateInterest({
  amountCents: 242_000,
  dueDate: '2026-10-10',
  paidDate: '2026-11-23',
});

function demand(language: 'es' | 'en'): DunningLetterInput {
  return {
    language,
    company,
    client,
    date: '2026-11-23',
    subject:
      language === 'es'
        ? 'Requerimiento de pago — Instalaciones Ebro S.L.'
        : 'Formal demand for payment',
    body: 'Estimados señores:\n\nPor la presente le requerimos el pago.\n\nInstalaciones Ebro S.L.',
    lines: [
      {
        number: '2026-077',
        dueDate: '2026-10-10',
        daysFromDue: 44,
        claimCents: 242_000,
        interestCents: interest.interestCents,
      },
    ],
    claimInterest: true,
    totalCents: 242_000,
    interestCents: interest.interestCents,
    compensationCents: 4000,
  };
}

/** 1.060 € in two dues of 530 €, 300 € paid on 20 October; claimed on 31 October (issue 12). */
function twoDuesClaim() {
  return claimAmounts(
    [
      {
        id: 'i1',
        number: '2026-090',
        lifecycle: 'issued',
        outstandingCents: 760_00,
        disputedCents: 0,
        planId: null,
        dues: [
          { dueDate: '2026-09-15', amountCents: 530_00 },
          { dueDate: '2026-10-15', amountCents: 530_00 },
        ],
        payments: [{ date: '2026-10-20', amountCents: 300_00 }],
      },
    ],
    '2026-10-31',
  );
}

async function render(definition: Parameters<typeof renderPdfInNode>[0], label: string) {
  const bytes = await renderPdfInNode(definition);
  if (pngDir && popplerAvailable) {
    if (!existsSync(pngDir)) mkdirSync(pngDir, { recursive: true });
    pdfToPngs(bytes, `${pngDir}/collections-${label}`);
  }
  return bytes;
}

describe.skipIf(!popplerAvailable)(
  `the dunning letter and the dossier PDFs ${NEEDS_POPPLER}`,
  () => {
    it('a formal demand names both parties and claims principal, interest and the 40 € compensation', async () => {
      const bytes = await render(buildDunningLetter(demand('es')), 'demand-es');
      const text = squash(pdfText(bytes));
      expect(pdfPageCount(bytes)).toBe(1);
      expect(text).toContain('Instalaciones Ebro S.L.');
      expect(text).toContain('NIF B12345674');
      expect(text).toContain('Zaragoza, 23 de noviembre de 2026');
      expect(text).toContain('Requerimiento de pago');
      expect(text).toContain('2026-077 10/10/2026 44 2.420,00 €');
      // 2.420 € × 10.15 % × 44 / 365 = 29,61 €.
      expect(interest.interestCents).toBe(2961);
      expect(text).toContain('Intereses 29,61 €');
      expect(text).toContain('Indemnización (40 € por factura) 40,00 €');
      expect(text).toContain('Total reclamado 2.489,61 €');
    });

    it('the two-dues letter shows each due with its own days and interest (issue 12)', async () => {
      const claim = twoDuesClaim();
      const bytes = await render(
        buildDunningLetter({
          ...demand('es'),
          date: '2026-10-31',
          lines: claim.lines,
          totalCents: claim.principalCents,
          interestCents: claim.interestCents,
          compensationCents: claim.compensationCents,
        }),
        'two-dues-es',
      );
      const text = squash(pdfText(bytes));
      // One row per due: 230 € left of the first (300 € paid), the second whole.
      expect(text).toContain('2026-090 · vencimiento 1 de 2 15/09/2026 46 230,00 € 5,86 €');
      expect(text).toContain('2026-090 · vencimiento 2 de 2 15/10/2026 16 530,00 € 2,36 €');
      expect(text).toContain(
        '530,00 € del 16/09/2026 al 20/10/2026 al 10,15 % 15/09/2026 35 5,16 €',
      );
      expect(text).toContain(
        '230,00 € del 21/10/2026 al 31/10/2026 al 10,15 % 15/09/2026 11 0,70 €',
      );
      expect(text).toContain(
        '530,00 € del 16/10/2026 al 31/10/2026 al 10,15 % 15/10/2026 16 2,36 €',
      );
      expect(text).not.toContain('9,72 €');
      expect(text).toContain('Total reclamado 808,22 €');
    });

    it('the monitorio bundle lists the same per-due interest and the claimed total', async () => {
      const claim = twoDuesClaim();
      const bytes = await render(
        buildMonitorioBundle({
          company,
          client,
          date: '2026-10-31',
          lines: claim.lines,
          principalCents: claim.principalCents,
          interestCents: claim.interestCents,
          compensationCents: claim.compensationCents,
          acknowledgments: [],
          demands: [],
          contacts: [],
          originals: [],
        }),
        'two-dues-monitorio',
      );
      const text = squash(pdfText(bytes));
      expect(text).toContain(
        'Intereses de demora 8,22 € (Ley 3/2004, tipo de cada periodo en el detalle, hasta el 31/10/2026)',
      );
      expect(text).toContain('Cuantía total reclamada 808,22 €');
      // Art. 813 LEC: the court of the debtor's domicile; art. 814.2: no lawyer, whatever the amount.
      expect(text).toContain('Juzgado competente Juzgado de Primera Instancia de Zaragoza');
      // A province equal to the town is written once in the parties' addresses.
      expect(text).not.toContain('Zaragoza Zaragoza');
      expect(text).toContain(
        'No son necesarios para presentar la petición inicial, sea cual sea la cuantía (art. 814.2 LEC)',
      );
      expect(text).toContain('2026-090 · vencimiento 1 de 2 15/09/2026 46 230,00 €');
      expect(text).toContain(
        '230,00 € del 21/10/2026 al 31/10/2026 al 10,15 % 15/09/2026 11 0,70 €',
      );
    });

    it('a consumer demand: A/A the contact, statutory interest, no 40 €, and a signatory block', async () => {
      const bytes = await render(
        buildDunningLetter({
          ...demand('es'),
          client: { ...client, contactPerson: 'Lucía Gil' },
          compensationCents: 0,
          law: 'civil_code',
        }),
        'consumer-demand-es',
      );
      const text = squash(pdfText(bytes));
      expect(text).toContain('A/A Lucía Gil');
      expect(text).toContain('Interés legal del dinero (arts. 1100 y 1108 CC) 29,61 €');
      expect(text).not.toContain('Indemnización');
      expect(text).toMatch(/Atentamente, Instalaciones Ebro S\.L\. NIF:? B50123456/);
    });

    it('the English letter has English labels and no interest columns for a plain reminder', async () => {
      const input = {
        ...demand('en'),
        claimInterest: false,
        interestCents: 0,
        compensationCents: 0,
      };
      const text = squash(pdfText(await render(buildDunningLetter(input), 'reminder-en')));
      expect(text).toContain('Invoice Due date Days Outstanding');
      expect(text).not.toContain('Interest');
      expect(text).toContain('Total claimed €2,420.00');
      expect(text).toContain('Page 1 of 1');
    });

    it('the dossier lists the debt, the invoices, the demands sent and the procedimiento monitorio', async () => {
      const bytes = await render(
        buildCollectionDossier({
          company,
          client,
          date: '2026-12-20',
          lines: demand('es').lines,
          totalCents: 242_000,
          interestCents: 2961,
          compensationCents: 4000,
          contacts: [{ date: '2026-11-23', kind: 'Llamada', text: 'Promete pagar el viernes' }],
          demands: [
            {
              date: '2026-11-23',
              level: 'requerimiento de pago',
              channel: 'carta PDF',
              amountCents: 242_000,
            },
            {
              date: '2026-12-01',
              level: 'Intento de acuerdo (MASC)',
              channel: 'burofax',
              amountCents: null,
            },
          ],
        }),
        'dossier',
      );
      const text = squash(pdfText(bytes));
      expect(text).toContain('Expediente de reclamación de deuda');
      expect(text).toContain('Total reclamable 2.489,61 €');
      expect(text).toContain('Promete pagar el viernes');
      expect(text).toContain('requerimiento de pago carta PDF 2.420,00 €');
      expect(text).toContain('Intento de acuerdo (MASC) burofax —');
      expect(text).not.toContain('Ninguno registrado');
      expect(text).toContain('procedimiento monitorio');
      expect(text).toContain(
        'no necesita abogado ni procurador, sea cual sea la cuantía (art. 814.2)',
      );
      expect(text).not.toContain('2.000 €');
    });
  },
);
