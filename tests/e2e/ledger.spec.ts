// The ledger at 10,000 demo invoices and the Panel, as a person uses them: search, filter, sort,
// keyboard, saved views, CSV export, and a figure that opens exactly what it counts.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';

const SCREENSHOTS = 'tests/e2e/screenshots';

async function loadDemo(page: Page) {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+01:00'));
  await page.goto('/#/ajustes');
  await page.getByLabel('Número de facturas').selectOption('10000');
  await page.getByRole('button', { name: 'Cargar datos de ejemplo' }).click();
  await expect(page.getByText('Datos de ejemplo cargados: 10.000 facturas')).toBeVisible({
    timeout: 120_000,
  });
}

const rows = (page: Page) => page.getByTestId('ledger-row');
const totals = (page: Page) => page.getByTestId('ledger-totals');

test('the ledger finds, filters, sorts, saves views and exports 10,000 invoices; the Panel opens it filtered', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await loadDemo(page);
  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(totals(page)).toContainText('10.000 facturas', { timeout: 60_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/ledger-01-es-light.png` });

  // Search: "1.210" finds amounts of 1.210,xx €.
  await page.getByLabel('Buscar').fill('1.210');
  await expect(rows(page).first()).toBeVisible();
  const found = await rows(page).allInnerTexts();
  expect(found.length).toBeGreaterThan(0);
  for (const text of found) expect(text).toMatch(/1\.210,\d\d/);
  await page.screenshot({ path: `${SCREENSHOTS}/ledger-02-search.png` });

  // Esc clears the search; "/" focuses it again.
  await page.getByLabel('Buscar').press('Escape');
  await expect(page.getByLabel('Buscar')).toHaveValue('');
  await expect(totals(page)).toContainText('10.000 facturas');
  await page.getByTestId('ledger-scroll').focus();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Buscar')).toBeFocused();

  // Filter by status: every row shown is overdue.
  await page.getByLabel('Estado', { exact: true }).selectOption('overdue');
  await expect(totals(page)).not.toContainText('10.000 facturas');
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain('Vencida');

  // Sort by outstanding, largest first.
  const sortOutstanding = page.getByRole('button', { name: /^Pendiente/ });
  await sortOutstanding.click();
  await expect(page.getByRole('columnheader', { name: /Pendiente/ }).first()).toHaveAttribute(
    'aria-sort',
    /ascending|descending/,
  );
  if (
    (await page
      .getByRole('columnheader', { name: /Pendiente/ })
      .first()
      .getAttribute('aria-sort')) !== 'descending'
  ) {
    await sortOutstanding.click();
  }
  const amounts = await rows(page)
    .locator('td:nth-child(6)')
    .allInnerTexts()
    .then((texts) =>
      texts.slice(0, 10).map((text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'))),
    );
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

  // Keyboard: arrows move, Enter opens the client of the chosen invoice.
  await page.getByTestId('ledger-scroll').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  const clientName = await rows(page).nth(1).locator('td').first().innerText();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/clientes\//);
  await expect(page.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  await page.goBack();

  // Built-in saved view, then the person's own.
  await page.getByLabel('Vistas guardadas').selectOption({ label: 'Vencidas > 60 días' });
  await expect(page.getByLabel('Antigüedad')).toHaveValue('many');
  const days = await rows(page).locator('td:nth-child(7)').allInnerTexts();
  for (const value of days.slice(0, 20)) expect(Number(value)).toBeGreaterThan(60);
  await page.getByRole('button', { name: 'Guardar vista' }).click();
  await page.getByLabel('Nombre de la vista').fill('Morosos grandes');
  await page.getByTestId('view-dialog').getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByLabel('Vistas guardadas')).toHaveValue(/.+/);
  await expect(
    page.getByLabel('Vistas guardadas').locator('option', { hasText: 'Morosos grandes' }),
  ).toHaveCount(1);

  // CSV export of the filtered view: BOM, semicolons, decimal commas.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, first] = csv.slice(1).split('\r\n');
  expect(header).toBe(
    'Cliente;Número;Emisión;Próximo vencimiento;A cobrar;Pendiente;Días de retraso;Estado',
  );
  expect(first).toMatch(/;\d+(,\d{1,2})?;\d+(,\d{1,2})?;\d+;/);
  const lines = csv.trim().split('\r\n').length - 1;
  await expect(totals(page)).toContainText(
    `${String(lines).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} facturas`,
  );

  // Panel: the overdue figure opens the ledger with exactly that amount overdue.
  await page.getByRole('link', { name: 'Panel' }).click();
  const overdueFigure = page.getByTestId('panel-overdue');
  await expect(overdueFigure).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 30_000 });
  // The Panel scrolls inside the app's main area: a tall window shows all of it in one picture.
  await page.setViewportSize({ width: 1360, height: 2000 });
  await page.screenshot({ path: `${SCREENSHOTS}/ledger-03-panel-es-light.png` });
  await page.setViewportSize({ width: 1360, height: 860 });
  // The aging report and a client's statement come out as PDFs.
  for (const button of [
    page.getByRole('button', { name: 'Informe de antigüedad (PDF)' }),
    page.getByTestId('panel-top-debtors').getByRole('button', { name: 'Extracto' }).first(),
  ]) {
    const pdfDownload = page.waitForEvent('download');
    await button.click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    await pdf.saveAs(`${SCREENSHOTS}/ledger-${pdf.suggestedFilename()}`);
    expect(
      readFileSync(`${SCREENSHOTS}/ledger-${pdf.suggestedFilename()}`).subarray(0, 5).toString(),
    ).toBe('%PDF-');
  }
  const overdueAmount = (await overdueFigure.locator('.stat__value').innerText()).trim();
  await overdueFigure.click();
  await expect(page).toHaveURL(/#\/facturas/);
  await expect(totals(page)).toContainText(`vencido ${overdueAmount}`);
  await expect(page.getByLabel('Solo con importe vencido')).toBeChecked();

  // An aging bucket opens the invoices of that bucket, totalling what the Panel shows.
  await page.getByRole('link', { name: 'Panel' }).click();
  const bucket = page.getByTestId('panel-bucket-d31_60');
  const bucketText = await bucket.locator('xpath=..').locator('.num').innerText();
  await bucket.click();
  await expect(totals(page)).toContainText(`pendiente ${bucketText.split(' (')[0]}`);

  // English and dark mode, for the eye.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENSHOTS}/ledger-04-es-dark.png` });
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByLabel('Idioma de la aplicación').selectOption('en');
  await page.getByRole('link', { name: 'Invoices' }).click();
  await expect(totals(page)).toContainText('invoices');
  await page.screenshot({ path: `${SCREENSHOTS}/ledger-05-en-dark.png` });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('panel-overdue')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 30_000 });
  await page.setViewportSize({ width: 1360, height: 2000 });
  await page.screenshot({ path: `${SCREENSHOTS}/ledger-06-panel-en-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SCREENSHOTS}/ledger-07-panel-en-light.png` });
});
