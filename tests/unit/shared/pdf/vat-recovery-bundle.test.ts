import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import {
  buildVatRecoveryBundle,
  type VatBundleInput,
} from '../../../../shared/pdf/vat-recovery-bundle';
import { renderPdfInNode } from '../../../support/render-pdf-node';
import { NEEDS_POPPLER, pdfText, pdfToPngs, popplerAvailable } from '../../../support/pdf-tools';

// Set VAT_PDF_PNG_DIR to write every page as PNG and look at it.
const pngDir = process.env.VAT_PDF_PNG_DIR;
const squash = (text: string) => text.replace(/\s+/g, ' ');

function input(over: Partial<VatBundleInput> = {}): VatBundleInput {
  return {
    company: {
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
    },
    client: {
      name: 'Reformas Lorenzo S.L.',
      taxId: 'B12345674',
      address: 'Avenida Goya 5',
      postalCode: '50006',
      city: 'Zaragoza',
      province: 'Zaragoza',
      email: '',
      phone: '',
      debtorKind: 'business',
      relatedParty: false,
      establishedInSpain: true,
      insolvencyDate: null,
    },
    date: '2027-02-10',
    invoice: {
      number: 'F-2026-0042',
      issueDate: '2026-01-15',
      taxableBaseCents: 200_000,
      vatRatePercent: 21,
      vatCents: 42_000,
      totalCents: 242_000,
      paidCents: 0,
      securedCents: 0,
    },
    dues: [
      {
        dueDate: '2026-02-14',
        outstandingCents: 242_000,
        vatAtStakeCents: 42_000,
        eligibleFrom: '2027-01-15',
        rectifyBy: '2027-07-15',
        state: 'Rectificada',
      },
    ],
    corrective: {
      number: 'R-2027-001',
      date: '2027-02-01',
      baseCents: 200_000,
      vatCents: 42_000,
      aeatNoticeBy: '2027-03-01',
    },
    claims: [
      { date: '2026-05-10', kind: 'Requerimiento de pago', channel: 'email', qualifies: false },
      { date: '2026-06-01', kind: 'Requerimiento de pago', channel: 'burofax', qualifies: true },
    ],
    ...over,
  };
}

async function render(data: VatBundleInput, label: string) {
  const bytes = await renderPdfInNode(buildVatRecoveryBundle(data));
  if (pngDir && popplerAvailable) {
    if (!existsSync(pngDir)) mkdirSync(pngDir, { recursive: true });
    pdfToPngs(bytes, `${pngDir}/vat-${label}`);
  }
  return bytes;
}

// The first render loads pdfmake and its fonts: seconds on a busy machine.
describe.skipIf(!popplerAvailable)(
  `the AEAT bundle for recovering VAT ${NEEDS_POPPLER}`,
  { timeout: 30_000 },
  () => {
    it('summarises the invoice, the corrective invoice, the deadline and the claim', async () => {
      const text = squash(pdfText(await render(input(), 'rectified')));
      expect(text).toContain('Modificación de la base imponible por crédito incobrable');
      expect(text).toContain('F-2026-0042, expedida el 15/01/2026');
      expect(text).toContain('R-2027-001, del 01/02/2027: base −2.000,00 €, cuota −420,00 €');
      expect(text).toContain('Como tarde el 01/03/2027');
      expect(text).toContain('Requerimiento de pago del 01/06/2026 (burofax)');
      expect(text).toContain('no asesoramiento fiscal');
      expect(text).not.toContain('(revisar)');
    });

    it('flags what the records do not support: no qualifying claim, a related party, concurso', async () => {
      const data = input({
        corrective: {
          number: null,
          date: null,
          baseCents: 200_000,
          vatCents: 42_000,
          aeatNoticeBy: null,
        },
        claims: [
          { date: '2026-05-10', kind: 'Requerimiento de pago', channel: 'email', qualifies: false },
        ],
      });
      data.client = { ...data.client, relatedParty: true, insolvencyDate: '2026-12-01' };
      const text = squash(pdfText(await render(data, 'missing')));
      expect(text).toContain('FALTA: sin ella no se puede modificar la base.');
      expect(text).toContain('Pendiente de emitir');
      expect(text).toContain('El deudor no es una persona o entidad vinculada. (revisar)');
      expect(text).toContain('anterior al auto de declaración de concurso (01/12/2026). (revisar)');
    });
  },
);

describe.skipIf(!popplerAvailable)(
  `the AEAT bundle: what the user confirms ${NEEDS_POPPLER}`,
  { timeout: 30_000 },
  () => {
    it('asks to confirm the sales book entry and the sending of the corrective invoice', async () => {
      const text = squash(pdfText(await render(input(), 'confirm')));
      expect(text).toContain('tiempo y forma. (confirmar)');
      expect(text).toContain('(se adjunta la prueba del envío). (confirmar)');
    });
  },
);
