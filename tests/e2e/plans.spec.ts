// From two overdue invoices to a signed payment plan: build, draw both signatures, activate, follow up.
import { test, expect, type Page } from '@playwright/test';
import { addInvoice, drawSignature, fillCompany, openAppOn } from './support/app-actions';
import { execFileSync } from 'node:child_process';
import { popplerAvailable, reportPopplerSkip } from '../support/pdf-tools';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Talleres Hermanos García S.L.';

async function createClientWithInvoices(page: Page) {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  for (const [number, issued, due, base] of [
    ['2026-041', '15/07/2026', '14/08/2026', '1.000,00'],
    ['2026-057', '20/08/2026', '19/09/2026', '500,00'],
  ] as const) {
    await addInvoice(page, number, issued, due, base);
  }
}

test('two overdue invoices become a signed payment plan whose first installment shows in Hoy', async ({
  page,
}) => {
  await openAppOn(page);
  await fillCompany(page);
  await createClientWithInvoices(page);

  await page.getByRole('link', { name: 'Planes' }).click();
  await expect(page.getByText('Todavía no hay planes de pago')).toBeVisible();
  await page.getByRole('button', { name: 'Nuevo plan de pagos' }).click();
  const builder = page.getByTestId('plan-builder');
  await builder
    .getByLabel('Cliente', { exact: true })
    .selectOption({ label: `${CLIENT} (B12345674)` });
  await builder.getByLabel(/2026-041/).check();
  await builder.getByLabel(/2026-057/).check();
  await builder
    .getByRole('button', { name: 'Calcular intereses de demora y compensación' })
    .click();
  await expect(builder.getByLabel('Importe (€) 2', { exact: true })).toHaveValue('80,00');
  await builder.getByLabel('Número de plazos', { exact: true }).fill('3');
  await builder.getByLabel('Fecha del primer plazo', { exact: true }).fill('25/11/2026');
  await builder.getByLabel('Firma por tu empresa', { exact: true }).fill('Lucía Martín Pardo');
  await builder.getByLabel('En calidad de (firma por tu empresa)').fill('administradora única');
  await builder.getByLabel('Firma por el cliente', { exact: true }).fill('José García Íñiguez');
  await builder.getByLabel('En calidad de (firma por el cliente)').fill('apoderado');

  // An edit that does not add up is named, with the difference.
  await builder.getByLabel('Importe 3', { exact: true }).fill('1,00');
  await expect(builder.getByTestId('plan-mismatch')).toContainText('faltan');
  await page.screenshot({ path: `${SCREENSHOTS}/plans-01-builder-mismatch.png`, fullPage: true });
  await builder.getByRole('button', { name: 'Volver a los plazos propuestos' }).click();
  await expect(builder.getByTestId('plan-mismatch')).toBeHidden();
  await page.screenshot({ path: `${SCREENSHOTS}/plans-02-builder.png`, fullPage: true });
  await builder.getByRole('button', { name: 'Guardar borrador' }).click();

  await expect(page.getByTestId('plan-status')).toHaveText('Borrador');
  await expect(page.getByTestId('plan-installments')).toContainText('25/11/2026');
  await drawSignature(page, page.getByTestId('signature-creditor'), 0);
  await drawSignature(page, page.getByTestId('signature-debtor'), 1.5);
  await page
    .getByTestId('plan-signing')
    .screenshot({ path: `${SCREENSHOTS}/plans-03-signatures.png` });
  await page.getByRole('button', { name: 'Firmar y activar el plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Firmado, en curso');
  await expect(
    page.getByText(/Firmado el 23\/11\/2026 \(firma manuscrita en pantalla\)/),
  ).toBeVisible();
  await expect(page.getByTestId('plan-documents')).toContainText('SHA-256');
  await page.screenshot({ path: `${SCREENSHOTS}/plans-04-active.png`, fullPage: true });

  // The signed PDF kept with the plan exports byte for byte, with both signatures embedded.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('plan-documents').getByRole('button', { name: 'Exportar' }).click();
  const download = await downloadPromise;
  const file = await download.path();
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await expect(page.getByTestId('plan-documents')).toContainText(sha256);
  if (popplerAvailable) {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Reconocimiento de deuda y acuerdo de pago fraccionado');
    expect(text).toContain(CLIENT);
    execFileSync('pdftoppm', ['-png', '-r', '70', file, `${SCREENSHOTS}/plans-05-signed-pdf`]);
  } else {
    reportPopplerSkip('The signed agreement PDF text check');
  }

  await page.getByRole('link', { name: 'Facturas' }).click();
  for (const number of ['2026-041', '2026-057']) {
    await expect(page.getByTestId('ledger-row').filter({ hasText: number })).toContainText(
      'En plan',
    );
  }
  await page.screenshot({ path: `${SCREENSHOTS}/plans-06-ledger-in-plan.png` });

  await page.getByRole('link', { name: 'Planes' }).click();
  await expect(page.getByTestId('plan-row')).toContainText('Firmado, en curso');

  // Hoy lists the plan's first installment, due in two days (25/11/2026).
  await page.getByRole('link', { name: 'Hoy' }).click();
  await page.screenshot({ path: `${SCREENSHOTS}/plans-07-today.png`, fullPage: true });
  await expect(page.getByText(/25\/11\/2026/).first()).toBeVisible();
  await expect(page.getByText(CLIENT).first()).toBeVisible();
});
