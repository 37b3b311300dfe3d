// An invoice's whole life, as a person does it: credit note, write-off, reopen, edit and cancel.
import { test, expect, type Page } from '@playwright/test';
import { addInvoice, openAppOn } from './support/app-actions';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Like tests/support/shared-data.ts, which needs __dirname (Playwright loads specs as ES modules).
const SAMPLES = join(process.cwd(), '..', 'shared', 'data', 'facturae', 'invopop_gobl.facturae');
const hasSamples = existsSync(SAMPLES);

const SCREENSHOTS = 'tests/e2e/screenshots';
test.use({ viewport: { width: 1366, height: 768 } });

async function createClient(page: Page, name: string, taxId: string) {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(name);
  await dialog.getByLabel('NIF, NIE o CIF').fill(taxId);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('credit note, write-off, reopen, edit and cancel move every figure', async ({ page }) => {
  await openAppOn(page, '2026-11-23');
  await createClient(page, 'Talleres Hermanos García S.L.', 'B12345674');
  await addInvoice(page, '2026-101', '01/09/2026', '01/10/2026', '1.000,00');
  await addInvoice(page, '2026-102', '01/10/2026', '31/10/2026', '500,00');
  await expect(page.getByTestId('client-outstanding')).toHaveText('1.815,00 €');

  // From the ledger: the number opens the invoice.
  await page.getByRole('link', { name: 'Facturas' }).click();
  const row101 = page.getByTestId('ledger-row').filter({ hasText: '2026-101' });
  await row101.getByRole('button', { name: 'Ver factura 2026-101' }).click();
  const detail = page.getByTestId('invoice-detail');
  await expect(detail.getByTestId('invoice-outstanding')).toHaveText('1.210,00 €');
  await expect(detail.getByText('Sin rectificativas.')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/life-01-detail.png` });

  await detail.getByRole('button', { name: 'Emitir rectificativa' }).click();
  const form = detail.getByTestId('credit-note-form');
  await expect(form.getByLabel('Importe (€)')).toHaveValue('1210,00');
  await form.getByLabel('Número de la rectificativa').fill('R-2026-001');
  await form.getByLabel('Importe (€)').fill('2.000,00');
  await form.getByLabel('Motivo').fill('Descuento por retraso en la entrega');
  await form.getByRole('button', { name: 'Emitir rectificativa' }).click();
  await expect(
    form.getByText('no puede superar lo pendiente de la factura (1.210,00 €)'),
  ).toBeVisible();
  await form.getByLabel('Importe (€)').fill('210,00');
  await page.screenshot({ path: `${SCREENSHOTS}/life-02-credit-note.png` });
  await form.getByRole('button', { name: 'Emitir rectificativa' }).click();
  await expect(detail.getByTestId('invoice-outstanding')).toHaveText('1.000,00 €');
  await expect(detail.getByTestId('invoice-credited')).toHaveText('210,00 €');
  const notes = detail.getByTestId('credit-notes');
  await expect(notes).toContainText('R-2026-001');
  await expect(notes).toContainText('23/11/2026');
  await expect(notes).toContainText('210,00 €');
  await detail.getByRole('button', { name: 'Cerrar' }).click();

  await expect(row101).toContainText('1.000,00 €');
  await expect(page.getByTestId('ledger-totals')).toContainText('pendiente 1.605,00 €');

  // From the client page: outstanding down, the credit shown; write off and reopen.
  await row101.getByRole('link', { name: 'Talleres Hermanos García S.L.' }).click();
  await expect(page.getByTestId('client-outstanding')).toHaveText('1.605,00 €');
  await expect(page.getByTestId('credited-tag')).toHaveText('Rectificada 210,00 €');
  await page.getByRole('button', { name: 'Ver factura 2026-101' }).click();
  await detail.getByRole('button', { name: 'Marcar como incobrable' }).click();
  const writeOff = detail.getByTestId('life-confirm-writeOff');
  await expect(writeOff).toContainText('Marcar 2026-101 como incobrable (1.000,00 € pendiente)');
  await expect(writeOff).toContainText('deja de reclamarse');
  await page.screenshot({ path: `${SCREENSHOTS}/life-03-write-off.png` });
  await writeOff.getByRole('button', { name: 'Marcar como incobrable' }).click();
  await expect(detail.getByText('Incobrable desde el 23/11/2026')).toBeVisible();
  await detail.getByRole('button', { name: 'Cerrar' }).click();
  await expect(page.getByTestId('client-outstanding')).toHaveText('605,00 €');

  await page.getByRole('button', { name: 'Ver factura 2026-101' }).click();
  await detail.getByRole('button', { name: 'Reabrir' }).click();
  await detail.getByTestId('life-confirm-reopen').getByRole('button', { name: 'Reabrir' }).click();
  await expect(detail.getByTestId('invoice-outstanding')).toHaveText('1.000,00 €');
  await expect(detail.locator('.badge')).toHaveText('Vencida');

  // Edit a credited invoice: the form says what changes before saving.
  await detail.getByRole('button', { name: 'Editar' }).click();
  const edit = page.getByTestId('invoice-dialog');
  await expect(edit.getByRole('heading', { name: 'Editar factura 2026-101' })).toBeVisible();
  await edit.getByLabel('Base imponible (€)').fill('100,00');
  await edit.getByLabel('Importe (€) 1').fill('121,00');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(
    edit.getByText('Entre cobros (0,00 €) y rectificativas (210,00 €) ya están saldados 210,00 €'),
  ).toBeVisible();
  await edit.getByLabel('Base imponible (€)').fill('2.000,00');
  await edit.getByLabel('Importe (€) 1').fill('2.420,00');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  const effects = edit.getByTestId('edit-effects');
  await expect(effects).toContainText('El pendiente pasa de 1.000,00 € a 2.210,00 €.');
  await expect(effects).toContainText('Las rectificativas (210,00 €) siguen restando');
  await page.screenshot({ path: `${SCREENSHOTS}/life-04-edit-effects.png` });
  await edit.getByRole('button', { name: 'Guardar igualmente' }).click();
  await expect(detail.getByTestId('invoice-outstanding')).toHaveText('2.210,00 €');
  await detail.getByRole('button', { name: 'Cerrar' }).click();
  await expect(page.getByTestId('client-outstanding')).toHaveText('2.815,00 €');

  // Cancel the unpaid one: it leaves every figure and stays in the history.
  await page.getByRole('button', { name: 'Ver factura 2026-102' }).click();
  await detail.getByRole('button', { name: 'Anular' }).click();
  const cancel = detail.getByTestId('life-confirm-cancel');
  await expect(cancel).toContainText(
    'deja de contar en todos los importes y queda en el historial',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/life-05-cancel.png` });
  await cancel.getByRole('button', { name: 'Anular' }).click();
  await expect(detail.getByText('Anulada el 23/11/2026')).toBeVisible();
  await detail.getByRole('button', { name: 'Cerrar' }).click();
  await expect(page.getByTestId('client-outstanding')).toHaveText('2.210,00 €');

  await page.getByRole('link', { name: 'Facturas' }).click();
  const row102 = page.getByTestId('ledger-row').filter({ hasText: '2026-102' });
  await expect(row102).toContainText('Anulada');
  await expect(page.getByTestId('ledger-totals')).toContainText(
    'a cobrar 2.420,00 € · pendiente 2.210,00 €',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/life-06-ledger.png` });

  // In English too.
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByLabel('Idioma de la aplicación').selectOption('en');
  await page.getByRole('link', { name: 'Invoices' }).click();
  await row102.getByRole('button', { name: 'Open invoice 2026-102' }).click();
  await expect(detail.getByText('Cancelled on 23 Nov 2026')).toBeVisible();
  await detail.getByRole('button', { name: 'Reopen' }).click();
  await expect(detail.getByTestId('life-confirm-reopen')).toContainText('counts again');
});

async function chooseEInvoice(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Elegir factura electrónica…' }).click();
  const buffer = readFileSync(join(SAMPLES, name));
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('an imported Facturae rectificativa credits the invoice it names', async ({ page }) => {
  test.skip(!hasSamples, 'needs the shared sample files');
  await openAppOn(page, '2026-11-23');
  await page.getByRole('link', { name: 'Importar' }).click();
  await page.getByRole('tab', { name: 'Facturas electrónicas' }).click();

  // Without its invoice, the credit note is refused and names the invoice it corrects.
  await chooseEInvoice(page, 'credit-note.xml');
  await expect(page.getByTestId('einvoice-credit')).toHaveText(
    'Rectificativa de la factura TEST01001F: reduce lo que debe.',
  );
  await page.getByRole('button', { name: 'Importar 0 facturas y 1 rectificativa' }).click();
  await expect(page.getByRole('alert')).toContainText(
    "'TEST01001R' corrige la factura TEST01001F, que no está en la aplicación",
  );
  await page.screenshot({ path: `${SCREENSHOTS}/life-07-import-missing.png` });

  await chooseEInvoice(page, 'invoice-vat.xml');
  await page.getByRole('button', { name: 'Importar 1 factura' }).click();
  await expect(page.getByText('Importada 1 factura (1 cliente nuevo).')).toBeVisible();
  await chooseEInvoice(page, 'credit-note.xml');
  await page.getByRole('button', { name: 'Importar 0 facturas y 1 rectificativa' }).click();
  await expect(
    page.getByText('Importadas 0 facturas y 1 rectificativa (0 clientes nuevos).'),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Facturas' }).click();
  const row = page.getByTestId('ledger-row').filter({ hasText: 'TEST01001F' });
  await expect(row).toContainText('0,00 €');
  // Settled by the credit note alone: "Rectificada", not "Cobrada".
  await expect(row).toContainText('Rectificada');
  await expect(row).not.toContainText('Cobrada');
  await row.getByRole('button', { name: 'Ver factura TEST01001F' }).click();
  const detail = page.getByTestId('invoice-detail');
  await expect(detail.getByTestId('invoice-credited')).toHaveText('5.084,42 €');
  await expect(detail.getByTestId('credit-notes')).toContainText('TEST01001R (importada)');
  await page.screenshot({ path: `${SCREENSHOTS}/life-08-imported-credit.png` });
});

test('a dispute settled with a credit note issues a numbered credit note, in the history', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await createClient(page, 'Hostal Moncayo S.L.', 'B12345674');
  await addInvoice(page, '2026-201', '01/09/2026', '01/10/2026', '1.000,00');
  await page.getByLabel('Abrir disputa').selectOption({ label: '2026-201' });
  const dispute = page.getByTestId('dispute-dialog');
  await dispute.getByLabel('Motivo').selectOption({ label: 'Calidad' });
  await dispute.getByLabel('Importe en disputa (€)').fill('210,00');
  await dispute.getByRole('button', { name: 'Abrir disputa' }).click();
  await expect(dispute).toBeHidden();

  await page.getByRole('button', { name: 'Resolver con abono' }).click();
  const detail = page.getByTestId('invoice-detail');
  const form = detail.getByTestId('credit-note-form');
  await expect(form.getByLabel('Importe (€)')).toHaveValue('210,00');
  await expect(form.getByLabel('Motivo')).toHaveValue('Calidad');
  await form.getByLabel('Número de la rectificativa').fill('R-2026-201');
  await page.screenshot({ path: `${SCREENSHOTS}/life-06-dispute-credit.png` });
  await form.getByRole('button', { name: 'Emitir rectificativa' }).click();
  await expect(page.getByText('Rectificativa R-2026-201 emitida y disputa resuelta')).toBeVisible();
  await expect(detail.getByTestId('invoice-outstanding')).toHaveText('1.000,00 €');
  await expect(detail.getByTestId('credit-notes')).toContainText('R-2026-201');
  await detail.getByRole('button', { name: 'Cerrar' }).click();
  await expect(page.getByRole('button', { name: 'Resolver con abono' })).toHaveCount(0);
  await expect(page.getByTestId('client-outstanding')).toHaveText('1.000,00 €');
});
