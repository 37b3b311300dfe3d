// Recovering an unpaid invoice's VAT: the window, the missing burofax, the corrective invoice, the bundle.
import { test, expect } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { addInvoice, fillCompany, openAppOn } from './support/app-actions';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Construcciones Moncayo S.L.';

test('an unpaid invoice: its VAT window, the claim it needs, the corrective invoice and the AEAT bundle', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await fillCompany(page);

  // A small business chooses the 6-month wait.
  const settings = page.getByTestId('vat-settings');
  await expect(settings.getByLabel('Plazo de espera')).toHaveValue('12');
  await settings.getByLabel('Plazo de espera').selectOption('6');
  await expect(settings.getByLabel('Plazo de espera')).toHaveValue('6');

  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await expect(dialog.getByLabel('Tipo de cliente')).toHaveValue('business');
  await expect(dialog.getByLabel(/Establecido en España/)).toBeChecked();
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  // Issued 15/01/2026: recoverable from 15/07/2026, corrective invoice by 15/01/2027.
  await addInvoice(page, '2026-003', '15/01/2026', '14/02/2026', '2.000,00');

  const panel = page.getByTestId('client-vat');
  const row = panel.getByTestId('vat-row').filter({ hasText: '2026-003' });
  await expect(row).toContainText('420,00 €');
  await expect(row.getByTestId('vat-by')).toHaveText('15/01/2027');
  await expect(row.locator('[data-state]')).toHaveAttribute('data-state', 'missing_claim');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/vat-01-missing-claim.png` });

  // An e-mail is not enough; the burofax is.
  const legal = page.getByTestId('client-legal');
  for (const channel of ['email', 'burofax con certificación de contenido']) {
    await legal.getByRole('button', { name: 'Registrar paso' }).click();
    const step = page.getByTestId('legal-dialog');
    await step.getByLabel('Tipo de paso').selectOption({ label: 'Requerimiento de pago' });
    await step.getByLabel(/Canal/).fill(channel);
    await step.getByRole('button', { name: 'Guardar' }).click();
    await expect(step).toBeHidden();
    if (channel === 'email') {
      await expect(row.locator('[data-state]')).toHaveAttribute('data-state', 'missing_claim');
    }
  }
  await expect(row.locator('[data-state]')).toHaveAttribute('data-state', 'open');

  // Panel lists it with the client.
  await page.getByRole('link', { name: 'Panel' }).click();
  const list = page.getByTestId('vat-list');
  await expect(list.getByTestId('vat-row').filter({ hasText: CLIENT })).toContainText('2026-003');
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/vat-02-panel-list.png` });

  // The detail: what to put on the R3, then the corrective invoice starts the AEAT countdown.
  await list.getByRole('button', { name: 'Ver' }).click();
  const detail = page.getByTestId('vat-dialog');
  await expect(detail.getByTestId('vat-claim')).toContainText(
    'Requerimiento de pago del 23/11/2026',
  );
  await expect(detail.getByTestId('vat-r3')).toContainText('Base imponible: −2.000,00 €');
  await expect(detail.getByTestId('vat-r3')).toContainText('Cuota de IVA: −420,00 € (21 %)');
  await page.screenshot({ path: `${SCREENSHOTS}/vat-03-detail.png` });
  const form = detail.getByTestId('vat-corrective-form');
  await form.getByLabel('Número de la rectificativa').fill('R-2026-001');
  await form.getByRole('button', { name: 'Registrar la rectificativa' }).click();
  await expect(page.getByText('comunicarlo a la AEAT').first()).toBeVisible();
  await expect(detail.getByTestId('vat-corrective')).toContainText('R-2026-001 del 23/11/2026');
  const notice = detail.locator('[data-step="aeat_notice"]');
  await expect(notice).toContainText('antes del 23/12/2026');
  await expect(notice).toHaveAttribute('data-state', 'todo');

  // The bundle for the AEAT downloads as a PDF.
  const download = page.waitForEvent('download');
  await detail.getByTestId('vat-bundle').click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (spawnSync('pdftotext', ['-v']).status === 0) {
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('R-2026-001, del 23/11/2026');
    expect(text).toContain('Como tarde el 23/12/2026');
    expect(text).toContain('burofax con certificación de contenido');
    execFileSync('pdftoppm', ['-png', '-r', '60', file, `${SCREENSHOTS}/vat-04-bundle`]);
  }

  // Hoy reminds the notice to the AEAT, due within 30 days; it opens the same detail.
  await detail.getByLabel('Cerrar').first().click();
  await page.getByRole('link', { name: 'Hoy' }).click();
  const todayRow = page.getByTestId('vat-today-row').filter({ hasText: CLIENT });
  await expect(todayRow).toHaveAttribute('data-kind', 'aeat_notice');
  await expect(todayRow).toContainText(
    'Factura 2026-003: comunica la rectificativa a la AEAT antes del 23/12/2026',
  );
  await expect(todayRow).toContainText('420,00 €');
  await page.getByTestId('vat-today').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/vat-06-today.png` });
  await todayRow.getByRole('button', { name: 'Ver el IVA de la factura 2026-003' }).click();

  // Filing the notice completes the step, and Hoy has nothing left about it.
  await detail.getByTestId('vat-aeatNoticeDate').click();
  await expect(notice).toHaveAttribute('data-state', 'done');
  await page.screenshot({ path: `${SCREENSHOTS}/vat-05-done.png` });
  await detail.getByLabel('Cerrar').first().click();
  await expect(page.getByTestId('vat-today')).toHaveCount(0);
});
