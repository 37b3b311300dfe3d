// Follow-ups as a person meets them: a pending promise cancelled from the client's history, and the
// legal interest table edited, refused when wrong, and reset in Ajustes.
import { test, expect } from '@playwright/test';
import { setDay } from './support/app-actions';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Reformas Lorenzo S.L.';

test('a pending promise is cancelled from the client history after confirming', async ({
  page,
}) => {
  await setDay(page, '2026-11-23');
  await page.goto('/#/clientes');
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const client = page.getByTestId('client-dialog');
  await client.getByLabel('Nombre o razón social').fill(CLIENT);
  await client.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await client.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-077');
  await invoice.getByLabel('Fecha de emisión').fill('10/10/2026');
  await invoice.getByLabel('Base imponible (€)').fill('2.000,00');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('10/11/2026');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();

  await page.getByRole('link', { name: 'Hoy' }).click();
  const row = page.getByTestId('work-item').filter({ hasText: CLIENT }).first();
  await row.getByRole('button', { name: 'Anotar promesa' }).click();
  const activity = page.getByTestId('activity-dialog');
  await activity.getByLabel('Con quién hablaste').fill('Lorenzo');
  await activity.getByLabel('Fecha prometida').fill('30/11/2026');
  await activity.getByRole('button', { name: 'Guardar' }).click();
  await expect(activity).toBeHidden();
  await expect(row).toContainText('Promesa hasta el 30/11/2026: esperando el pago');

  await page.getByRole('link', { name: CLIENT }).first().click();
  const timeline = page.getByTestId('client-timeline');
  await expect(timeline).toContainText('Promesa de 2.420,00 € para el 30/11/2026: pendiente');
  const cancel = timeline.getByRole('button', {
    name: 'Cancelar la promesa de 2.420,00 € para el 30/11/2026',
  });
  // Saying no to the confirmation keeps the promise.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await cancel.click();
  await expect(timeline).toContainText('pendiente');
  await page.screenshot({ path: `${SCREENSHOTS}/perf-01-promise-pending.png`, fullPage: true });
  page.once('dialog', (dialog) => {
    // Money is formatted with a no-break space before the euro sign.
    expect(dialog.message().replace(/\s/g, ' ')).toContain(
      '¿Cancelar la promesa de 2.420,00 € para el 30/11/2026?',
    );
    void dialog.accept();
  });
  await cancel.click();
  await expect(page.getByText('Promesa cancelada')).toBeVisible();
  await expect(timeline).toContainText('Promesa de 2.420,00 € para el 30/11/2026: anulada');
  await expect(timeline.getByTestId('cancel-promise')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/perf-02-promise-cancelled.png`, fullPage: true });

  // Hoy no longer holds the debt back for a promise.
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(row).not.toContainText('Promesa hasta el 30/11/2026');
});

test('the legal interest table is edited, a wrong rate is refused, and reset brings the official one back', async ({
  page,
}) => {
  await page.goto('/#/ajustes');
  const rates = page.getByTestId('legal-rates');
  await expect(rates).toContainText('Ahora se usa la tabla oficial que trae la aplicación.');
  await expect(rates).toContainText('previsto');
  const lastRate = rates.getByLabel('Tipo anual (%) del 2026 2.º semestre (julio–diciembre)');
  await expect(lastRate).toHaveValue('10,15');

  await lastRate.fill('31');
  await rates.getByRole('button', { name: 'Guardar tipos' }).click();
  await expect(rates.getByRole('alert')).toContainText('Debe estar entre 0 y 30.');
  await rates.screenshot({ path: `${SCREENSHOTS}/perf-03-rates-error.png` });

  await lastRate.fill('10,4');
  await lastRate.press('Enter');
  await expect(page.getByText('Tipos de interés guardados')).toBeVisible();
  await expect(rates).toContainText('Ahora se usa tu tabla editada.');
  await rates.getByRole('button', { name: 'Añadir semestre' }).click();
  await rates.getByLabel('Tipo anual (%) del 2027 1.er semestre (enero–junio)').fill('10,4');
  await rates.getByRole('button', { name: 'Guardar tipos' }).click();
  await expect(rates.getByTestId('legal-rate-row')).toHaveCount(47);
  await page.screenshot({ path: `${SCREENSHOTS}/perf-04-rates-edited.png`, fullPage: true });

  page.once('dialog', (dialog) => void dialog.accept());
  await rates.getByRole('button', { name: 'Restaurar los tipos oficiales' }).click();
  await expect(rates).toContainText('Ahora se usa la tabla oficial que trae la aplicación.');
  await expect(rates.getByTestId('legal-rate-row')).toHaveCount(46);
  await expect(lastRate).toHaveValue('10,15');
});
