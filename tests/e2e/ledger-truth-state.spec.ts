// One derivation of state: after a signed plan, Hoy, Panel, the ledger and the client page show the same overdue.
import { test, expect, type Page } from '@playwright/test';
import { draftPlan, fillCompany, openAppOn, setDay, signPlan } from './support/app-actions';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Carpintería Moncayo S.L.';

/** The four places a person reads "vencido" from must say the same amount. */
async function expectOverdueEverywhere(page: Page, amount: string, days: string) {
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(page.getByTestId('today-overdue')).toContainText(`Vencido en total: ${amount}`);

  await page.getByRole('link', { name: 'Panel' }).click();
  await expect(page.getByTestId('panel-overdue')).toContainText(amount);

  await page.getByRole('link', { name: 'Facturas' }).click();
  const row = page.getByTestId('ledger-row').filter({ hasText: '2026-090' });
  await expect(row).toContainText(days);
  await expect(page.getByTestId('ledger-totals')).toContainText(`vencido ${amount}`);

  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name: CLIENT }).first().click();
  await expect(page.getByTestId('client-overdue')).toHaveText(amount);
}

test('a signed plan: Hoy, Panel, ledger and client page agree, and the promise is replaced by the plan', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openAppOn(page, '2026-11-20');
  await fillCompany(page);

  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();

  // 1.000 € + 21 % IVA − 15 % IRPF = 1.060,00 €, in two dues of 530,00 €.
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-090');
  await invoice.getByLabel('Fecha de emisión').fill('15/09/2026');
  await invoice.getByLabel('Base imponible (€)').fill('1.000,00');
  await invoice.getByLabel('Retención IRPF (%)').selectOption('15');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('15/10/2026');
  await invoice.getByRole('button', { name: 'Añadir vencimiento' }).click();
  await invoice.getByLabel('Fecha de vencimiento 2').fill('15/12/2026');
  await invoice.getByRole('button', { name: 'Repartir a partes iguales' }).click();
  await expect(invoice.getByTestId('invoice-payable')).toContainText('1.060,00 €');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();

  // Before any plan: the first due is 36 days late everywhere.
  await expectOverdueEverywhere(page, '530,00 €', '36');

  // The client promises 530,00 € for 27/11.
  await page.getByRole('link', { name: 'Hoy' }).click();
  const row = page.getByTestId('work-item').filter({ hasText: CLIENT }).first();
  await row.getByRole('button', { name: 'Anotar promesa' }).click();
  const activity = page.getByTestId('activity-dialog');
  await activity.getByLabel('Con quién hablaste').fill('Pilar');
  await activity.getByLabel('Resultado').fill('Propone pagar a plazos');
  await activity.getByLabel('Importe prometido (€)').fill('530,00');
  await activity.getByLabel('Fecha prometida').fill('27/11/2026');
  await activity.getByRole('button', { name: 'Guardar' }).click();
  await expect(activity).toBeHidden();

  // Then a plan in three monthly installments from 01/12, signed on screen.
  await draftPlan(page, {
    clientLabel: `${CLIENT} (B12345674)`,
    invoiceNumber: '2026-090',
    installments: 3,
    firstDueDate: '01/12/2026',
    debtorSignatory: 'Pilar Moncayo Gil',
    debtorCapacity: 'administradora',
  });
  await expect(page.getByTestId('plan-installments')).toContainText('353,3');
  await signPlan(page);
  await page.setViewportSize({ width: 1366, height: 768 });

  // Signed: the invoice is followed through the plan, nothing is overdue yet, and the promise
  // reads "sustituida por el plan".
  await expectOverdueEverywhere(page, '0,00 €', 'En plan');
  await expect(page.getByTestId('client-timeline')).toContainText(
    'Promesa de 530,00 € para el 27/11/2026: sustituida por el plan',
  );

  // 10/12: the first installment (353,34 €) is 9 days late, within the 15 days of grace. Every
  // screen says 353,34 € overdue, 9 days (not the invoice's own due of 15/10, 56 days).
  await setDay(page, '2026-12-10');
  await page.reload();
  await expectOverdueEverywhere(page, '353,34 €', '9');
  await expect(page.getByTestId('client-in-plan')).toContainText('vencido: 353,34 €');
  await page.screenshot({ path: `${SCREENSHOTS}/state-03-client.png`, fullPage: true });
  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(page.getByTestId('ledger-row').filter({ hasText: '2026-090' })).toContainText(
    'Vencida En plan',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/state-04-ledger.png` });
  await page.getByRole('link', { name: 'Panel' }).click();
  const bucket = page.locator('li').filter({ has: page.getByTestId('panel-bucket-d1_30') });
  await expect(bucket).toContainText('1.060,00 € (1)');
  await page.screenshot({ path: `${SCREENSHOTS}/state-02-panel.png`, fullPage: true });
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(page.getByTestId('today-overdue')).toContainText(
    'de ello 353,34 € en plazos de planes de pago',
  );
  await expect(page.getByTestId('work-item').filter({ hasText: CLIENT }).first()).toContainText(
    '353,34 €',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/state-01-today.png`, fullPage: true });
});
