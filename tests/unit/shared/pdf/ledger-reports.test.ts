import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { agingReportDocument } from '../../../../shared/pdf/aging-report';
import { clientStatementDocument } from '../../../../shared/pdf/client-statement';
import { renderPdfInNode } from '../../../support/render-pdf-node';
import {
  NEEDS_POPPLER,
  pdfPageCount,
  pdfText,
  pdfToPngs,
  popplerAvailable,
} from '../../../support/pdf-tools';

// Set LEDGER_PDF_PNG_DIR to write every page as PNG and look at it.
const pngDir = process.env.LEDGER_PDF_PNG_DIR;
const squash = (text: string) => text.replace(/\s+/g, ' ');

const company = {
  name: 'Instalaciones Ebro S.L.',
  taxId: 'B50123456',
  address: 'Calle Predicadores 20',
  postalCode: '50003',
  city: 'Zaragoza',
  iban: 'ES91 2100 0418 4502 0005 1332',
};
const client = {
  name: 'Reformas Peña Ibáñez S.L.',
  taxId: 'B12345674',
  address: 'Avenida Goya 5',
  postalCode: '50006',
  city: 'Zaragoza',
  province: 'Zaragoza',
};

async function render(name: string, definition: Parameters<typeof renderPdfInNode>[0]) {
  const bytes = await renderPdfInNode(definition);
  if (pngDir) {
    mkdirSync(pngDir, { recursive: true });
    pdfToPngs(bytes, `${pngDir}/${name}`);
  }
  return bytes;
}

describe.skipIf(!popplerAvailable)(`client statement (extracto de cuenta) ${NEEDS_POPPLER}`, () => {
  const input = {
    company,
    client,
    today: '2026-11-23',
    language: 'es' as const,
    invoices: [
      {
        number: '2026-0001',
        issueDate: '2026-09-01',
        payableCents: 121_000,
        outstandingCents: 71_000,
        nextDueDate: '2026-10-01',
        lifecycle: 'issued' as const,
      },
      {
        number: '2026-0002',
        issueDate: '2026-10-15',
        payableCents: 60_500,
        outstandingCents: 60_500,
        nextDueDate: '2026-12-14',
        lifecycle: 'issued' as const,
      },
      {
        number: 'BORRADOR',
        issueDate: '2026-11-01',
        payableCents: 99_900,
        outstandingCents: 99_900,
        nextDueDate: '2026-12-01',
        lifecycle: 'draft' as const,
      },
    ],
    payments: [{ date: '2026-10-20', amountCents: 50_000, reference: 'TRF 8812' }],
  };

  it('lists invoices and payments with a running balance and the balance due', async () => {
    const text = squash(pdfText(await render('statement-es', clientStatementDocument(input))));
    expect(text).toContain('Extracto de cuenta');
    expect(text).toContain('Reformas Peña Ibáñez S.L.');
    expect(text).toContain('A fecha de 23/11/2026');
    expect(text).toMatch(/01\/09\/2026 Factura 2026-0001 1\.210,00 € 1\.210,00 €/);
    expect(text).toMatch(/20\/10\/2026 Cobro TRF 8812 500,00 € 1\.315,00 €/);
    expect(text).toMatch(/Saldo a su cargo 1\.315,00 €/);
    expect(text).toMatch(/2026-0001 01\/09\/2026 01\/10\/2026 710,00 € 53/);
    expect(text).not.toContain('BORRADOR');
    expect(text).toContain('ES91 2100 0418 4502 0005 1332');
  });

  it('lists each unpaid due of an invoice in several dues on its own row (issue 18)', async () => {
    const threeDues = {
      number: '2026-0100',
      issueDate: '2026-10-01',
      payableCents: 3_630_00,
      outstandingCents: 2_930_00,
      nextDueDate: '2026-10-31',
      lifecycle: 'issued' as const,
      paidCents: 700_00,
      creditedCents: 0,
      dues: [
        { dueDate: '2026-10-31', amountCents: 1_210_00 },
        { dueDate: '2026-11-30', amountCents: 1_210_00 },
        { dueDate: '2026-12-31', amountCents: 1_210_00 },
      ],
    };
    const text = squash(
      pdfText(
        await render(
          'statement-three-dues',
          clientStatementDocument({ ...input, today: '2026-12-05', invoices: [threeDues] }),
        ),
      ),
    );
    expect(text).toContain('2026-0100 · vencimiento 1 de 3 01/10/2026 31/10/2026 510,00 € 35');
    expect(text).toContain('2026-0100 · vencimiento 2 de 3 01/10/2026 30/11/2026 1.210,00 € 5');
    expect(text).toMatch(
      /2026-0100 · vencimiento 3 de 3 01\/10\/2026 31\/12\/2026 1\.210,00 €(?! \d)/,
    );
  });

  it('speaks English when asked', async () => {
    const text = squash(
      pdfText(await render('statement-en', clientStatementDocument({ ...input, language: 'en' }))),
    );
    expect(text).toContain('Statement of account');
    expect(text).toMatch(/Balance due €1,315\.00/);
  });
});

describe.skipIf(!popplerAvailable)(`aging report ${NEEDS_POPPLER}`, () => {
  const debtor = (name: string, buckets: [number, number, number, number, number]) => ({
    client: { name, taxId: 'B12345674' },
    outstandingCents: buckets.reduce((sum, value) => sum + value, 0),
    buckets: {
      not_due: buckets[0],
      d1_30: buckets[1],
      d31_60: buckets[2],
      d61_90: buckets[3],
      d90_plus: buckets[4],
    },
  });

  it('gives each client a row by age, with totals that match the buckets', async () => {
    const debtors = [
      debtor('Reformas Peña Ibáñez S.L.', [100_000, 0, 50_000, 0, 25_000]),
      debtor('Talleres García', [0, 12_345, 0, 0, 0]),
    ];
    const aging = {
      not_due: { cents: 100_000, count: 1 },
      d1_30: { cents: 12_345, count: 1 },
      d31_60: { cents: 50_000, count: 1 },
      d61_90: { cents: 0, count: 0 },
      d90_plus: { cents: 25_000, count: 1 },
    };
    const bytes = await render(
      'aging-es',
      agingReportDocument({ company, today: '2026-11-23', language: 'es', aging, debtors }),
    );
    const text = squash(pdfText(bytes));
    expect(text).toContain('Informe de antigüedad de saldos');
    expect(text).toMatch(
      /Reformas Peña Ibáñez S\.L\. B12345674 1\.000,00 € 500,00 € 250,00 € 1\.750,00 €/,
    );
    expect(text).toMatch(/Totales 1\.000,00 € 123,45 € 500,00 € 0,00 € 250,00 € 1\.873,45 €/);
    expect(pdfPageCount(bytes)).toBe(1);
  });

  it('runs over several pages for many clients, numbering them', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      debtor(`Cliente ${i + 1}`, [i, 0, 0, 0, 100]),
    );
    const aging = {
      not_due: { cents: 0, count: 0 },
      d1_30: { cents: 0, count: 0 },
      d31_60: { cents: 0, count: 0 },
      d61_90: { cents: 0, count: 0 },
      d90_plus: { cents: 12_000, count: 120 },
    };
    const bytes = await render(
      'aging-en-long',
      agingReportDocument({ company, today: '2026-11-23', language: 'en', aging, debtors: many }),
    );
    expect(pdfPageCount(bytes)).toBeGreaterThan(1);
    expect(pdfText(bytes)).toContain(`Page 2 of ${pdfPageCount(bytes)}`);
  });
});
