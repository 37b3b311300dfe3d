import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { planAgreementDocument } from '../../../../shared/pdf/plan-agreement';
import { buildSchedule } from '../../../../shared/domain/paymentPlan';
import { renderPdfInNode } from '../../../support/render-pdf-node';
import {
  NEEDS_POPPLER,
  pdfPageCount,
  pdfText,
  pdfToPngs,
  popplerAvailable,
} from '../../../support/pdf-tools';
import { agreementInput } from '../../../support/plan-agreement-fixture';

// Set PLAN_PDF_PNG_DIR to write every page as PNG and look at it.
const pngDir = process.env.PLAN_PDF_PNG_DIR;

async function render(input = agreementInput(), label = 'main') {
  const bytes = await renderPdfInNode(planAgreementDocument(input));
  if (pngDir && popplerAvailable) {
    if (!existsSync(pngDir)) mkdirSync(pngDir, { recursive: true });
    pdfToPngs(bytes, `${pngDir}/plan-${label}-${input.language}`);
  }
  return bytes;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(!popplerAvailable)(`the payment-plan agreement PDF ${NEEDS_POPPLER}`, () => {
  it('in Spanish names both parties, the debt, the schedule, how to pay and every clause', async () => {
    const text = squash(pdfText(await render()));
    expect(text).toContain('Reconocimiento de deuda y acuerdo de pago fraccionado');
    expect(text).toContain('Reformas Ebro S.L., con NIF B50123454');
    expect(text).toContain('Talleres Hermanos García S.L., con NIF B12345674');
    expect(text).toContain('Lucía Martín Pardo, en calidad de administradora única');
    expect(text).toContain('José García Íñiguez, en calidad de apoderado');
    expect(text).toContain('Factura 2026-0041');
    expect(text).toContain('Factura 2026-0057');
    // 1.210,00 + 2.420,50 + 80,00 of compensation
    expect(text).toContain('la cantidad de 3.710,50 €');
    expect(text).toContain('pago inicial de 500,00 €');
    expect(text).toContain('se pagará en 6 plazos mensuales');
    expect(text).toContain('31/12/2026');
    expect(text).toContain('28/02/2027');
    expect(text).toContain('6/6');
    expect(text).toContain('ES91 2100 0418 4502 0005 1332');
    expect(text).toContain('Vencimiento anticipado');
    expect(text).toContain('15 días naturales');
    expect(text).toContain('Ley 3/2004');
    expect(text).toContain('Gastos');
    expect(text).toContain('Juzgados y Tribunales de Zaragoza');
    expect(text).toContain('RGPD');
    expect(text).toContain('En Zaragoza, a 23/11/2026.');
    expect(text).toMatch(/Página 1 de \d/);
  });

  it('in English says the same things in English', async () => {
    const bytes = await render(agreementInput({ language: 'en' }));
    const text = squash(pdfText(bytes));
    expect(text).toContain('Acknowledgement of debt and instalment payment agreement');
    expect(text).toContain('the sum of €3,710.50');
    expect(text).toContain('6 monthly instalments');
    expect(text).toContain('31 Dec 2026');
    expect(text).toContain('Acceleration');
    expect(text).toContain('Law 3/2004');
    expect(text).toContain('GDPR');
    expect(text).toContain('courts of Zaragoza');
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toContain('Factura');
  });

  it('shows the interest and its total cost when the plan has interest', async () => {
    const schedule = buildSchedule({
      totalCents: 3_210_50,
      installments: 12,
      firstDueDate: '2026-12-31',
      frequency: 'monthly',
      annualInterestPercent: 7.5,
    });
    const interest = schedule.reduce((sum, row) => sum + row.interestCents, 0);
    const text = squash(
      pdfText(await render(agreementInput({ schedule, annualInterestPercent: 7.5 }), 'interest')),
    );
    expect(text).toContain('tipo nominal anual del 7,5 %');
    const cost = `${Math.floor(interest / 100)},${String(interest % 100).padStart(2, '0')} €`;
    expect(text).toContain(`Coste total de los intereses: ${cost}`);
  });

  it('without an IBAN it says the account will be given in writing and draws no QR', async () => {
    const input = agreementInput();
    const text = squash(
      pdfText(
        await render(
          { ...input, epcPayload: null, creditor: { ...input.creditor, iban: '' } },
          'no-iban',
        ),
      ),
    );
    expect(text).toContain('a la cuenta que el ACREEDOR indique por escrito');
  });

  it('leaves a line to fill in by hand when a party has no address', async () => {
    const input = agreementInput();
    const debtor = { ...input.debtor, address: '', postalCode: '', city: '', province: '' };
    const text = squash(pdfText(await render({ ...input, debtor }, 'no-address')));
    expect(text).toContain('con NIF B12345674 y domicilio en ________');
    expect(text).not.toContain('domicilio en ,');
  });

  it('a long plan flows over several numbered pages', async () => {
    const schedule = buildSchedule({
      totalCents: 12_000_00,
      installments: 48,
      firstDueDate: '2027-01-05',
      frequency: 'weekly',
    });
    const bytes = await render(agreementInput({ schedule, frequency: 'weekly' }), 'weekly');
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(squash(pdfText(bytes))).toContain(`Página ${pages} de ${pages}`);
  });
});
