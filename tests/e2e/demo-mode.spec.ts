// Sample data as a demonstration: it opens apart from the user's ledger, says so on every screen,
// survives a reload, and leaving it brings back exactly the user's own data.
import { test, expect } from '@playwright/test';
import { setDay } from './support/app-actions';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Reformas Lorenzo S.L.';

test('sample data never touches the user’s ledger: banner while it shows, the user’s client after leaving', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setDay(page, '2026-11-23');
  await page.goto('/#/clientes');
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toHaveCount(0);

  // Loading asks nothing and deletes nothing: it opens the demonstration.
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByLabel('Número de facturas').selectOption('1000');
  await page.getByRole('button', { name: 'Cargar datos de ejemplo' }).click();
  await expect(page.getByText('Datos de ejemplo cargados: 1.000 facturas')).toBeVisible({
    timeout: 60_000,
  });
  await expect(banner).toContainText('Estás viendo datos de ejemplo. Tus datos están a salvo.');
  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(page.getByTestId('ledger-totals')).toContainText('1.000 facturas', {
    timeout: 30_000,
  });
  await expect(banner).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/demo-01-banner-es.png` });

  // Still a demonstration after a reload, on every screen; the user's client is not in it.
  await page.reload();
  await page.getByRole('link', { name: 'Clientes' }).click();
  await expect(banner).toBeVisible();
  await expect(page.getByRole('link', { name: CLIENT })).toHaveCount(0);
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(banner).toBeVisible();

  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByLabel('Idioma de la aplicación').selectOption('en');
  await expect(banner).toContainText('You are looking at sample data. Your own data is safe.');
  await page.screenshot({ path: `${SCREENSHOTS}/demo-02-banner-en.png` });
  const card = page.locator('.card').filter({ hasText: 'Sample data' });
  await card.scrollIntoViewIfNeeded();
  await expect(card).toContainText('You are in the demonstration.');
  await page.screenshot({ path: `${SCREENSHOTS}/demo-03-card-en.png` });

  await banner.getByRole('button', { name: 'Leave the demonstration' }).click();
  await expect(banner).toHaveCount(0);
  // The user's own settings were never changed by the demonstration: back in Spanish.
  await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible();
  await page.getByRole('link', { name: 'Clientes' }).click();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(CLIENT);
  await page.reload();
  await expect(page.getByRole('link', { name: CLIENT })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(page.getByText('Todavía no hay facturas')).toBeVisible();
});
