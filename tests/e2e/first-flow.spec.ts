// The foundation's promise, as a person does it: client, invoice, partial payment, reload, English.
import { test, expect, type Page } from '@playwright/test';

const SCREENSHOTS = 'tests/e2e/screenshots';

async function openApp(page: Page) {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+01:00'));
  await page.goto('/');
}

async function createClient(page: Page, name: string, taxId: string) {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(name);
  await dialog.getByLabel('NIF, NIE o CIF').fill(taxId);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a user records a client, an overdue invoice and a partial payment, and it all survives a reload', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Hoy' })).toBeVisible();
  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(page.getByText('Todavía no hay facturas')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/01-empty-ledger.png` });

  await createClient(page, 'Talleres Hermanos García S.L.', 'B-1234567-4');
  await expect(page.getByText('B12345674')).toBeVisible();

  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-001');
  await invoice.getByLabel('Fecha de emisión').fill('01/09/2026');
  await invoice.getByLabel('Base imponible (€)').fill('1.000,00');
  await expect(invoice.getByTestId('invoice-payable')).toHaveText('1.210,00 €');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('01/10/2026');
  await page.screenshot({ path: `${SCREENSHOTS}/02-invoice-form.png` });
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();

  await page.getByRole('link', { name: 'Facturas' }).click();
  const row = page.getByTestId('ledger-row').filter({ hasText: '2026-001' });
  await expect(row).toContainText('Talleres Hermanos García S.L.');
  await expect(row).toContainText('Vencida');
  await expect(row).toContainText('53');
  await expect(row).toContainText('1.210,00 €');
  await page.screenshot({ path: `${SCREENSHOTS}/03-ledger-overdue.png` });

  await page.getByRole('button', { name: 'Registrar cobro' }).click();
  const payment = page.getByTestId('payment-dialog');
  await payment
    .getByLabel('Cliente')
    .selectOption({ label: 'Talleres Hermanos García S.L. (B12345674)' });
  await payment.getByLabel('Importe cobrado (€)').fill('500,00');
  await expect(payment.getByTestId('payment-preview')).toContainText('2026-001');
  await page.screenshot({ path: `${SCREENSHOTS}/04-payment-form.png` });
  await payment.getByRole('button', { name: 'Guardar' }).click();
  await expect(payment).toBeHidden();

  await expect(row).toContainText('710,00 €');
  await expect(page.getByTestId('ledger-totals')).toContainText('pendiente 710,00 €');

  await page.reload();
  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(row).toContainText('710,00 €');
  await expect(row).toContainText('Vencida');
  await row.getByRole('link', { name: 'Talleres Hermanos García S.L.' }).click();
  await expect(page.getByTestId('client-outstanding')).toHaveText('710,00 €');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Eliminar cliente' }).click();
  await expect(page.getByRole('alert')).toContainText('el cliente tiene 1 factura.');
  await expect(page.getByRole('heading', { name: 'Talleres Hermanos García S.L.' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/05-client-detail.png`, fullPage: true });

  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByLabel('Idioma de la aplicación').selectOption('en');
  await expect(page.getByRole('link', { name: 'Invoices' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('columnheader', { name: 'Outstanding' })).toBeVisible();
  await expect(row).toContainText('Overdue');
  await page.screenshot({ path: `${SCREENSHOTS}/06-ledger-english.png` });
});

test('bad input gets a clear message in the form and nothing is stored', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill('Panadería La Espiga');
  await dialog.getByLabel('NIF, NIE o CIF').fill('12345678A');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByText('No es un NIF, NIE o CIF válido')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/07-invalid-tax-id.png` });
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByText('Todavía no hay clientes')).toBeVisible();

  await createClient(page, 'Panadería La Espiga', '12345678Z');
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('A-7');
  await invoice.getByLabel('Fecha de emisión').fill('31/02/2026');
  await invoice.getByLabel('Base imponible (€)').fill('100');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice.getByText('Esa fecha no existe')).toBeVisible();

  await invoice.getByLabel('Fecha de emisión').fill('01/11/2026');
  await invoice.getByRole('button', { name: 'Añadir vencimiento' }).click();
  await invoice.getByLabel('Importe (€) 2').fill('10,00');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice.getByText('Los vencimientos suman')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/08-dues-mismatch.png` });
  await invoice.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByText('Este cliente no tiene facturas')).toBeVisible();

  const payment = await openPaymentDialog(page);
  await payment.getByLabel('Importe cobrado (€)').fill('50');
  await expect(payment.getByText('Este cliente no tiene facturas pendientes.')).toBeVisible();
  await expect(payment.getByText('El cobro supera lo pendiente en 50,00 €')).toBeVisible();
  await payment.getByRole('button', { name: 'Guardar' }).click();
  await expect(
    payment.getByText('El cobro supera lo pendiente (0,00 €) en 50,00 €.'),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/09-payment-excess.png` });
  await payment.getByLabel('Sí, guardar 50,00 € como saldo a favor').check();
  await payment.getByRole('button', { name: 'Guardar' }).click();
  await expect(payment).toBeHidden();
  await expect(page.getByText('Saldo a favor del cliente')).toBeVisible();

  await page.getByRole('button', { name: 'Eliminar cliente' }).click();
  await expect(page.getByRole('heading', { name: 'Panadería La Espiga' })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Eliminar cliente' }).click();
  await expect(page.getByRole('alert')).toContainText('el cliente tiene 1 cobro registrado');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Eliminar cobro' }).click();
  await expect(page.getByText('Todavía no hay cobros de este cliente.')).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Eliminar cliente' }).click();
  await expect(page.getByText('Todavía no hay clientes')).toBeVisible();
});

async function openPaymentDialog(page: Page) {
  await page.getByRole('button', { name: 'Registrar cobro' }).click();
  return page.getByTestId('payment-dialog');
}
