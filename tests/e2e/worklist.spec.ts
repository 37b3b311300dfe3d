// The collector's day as a new user lives it: the first-run guide, numbered invoices from Facturas,
// a first reminder that is gentle however late, a plan and a promise on the same client moving Hoy.
import { test, expect, type Page } from '@playwright/test';
import { draftPlan, fillCompany, openAppOn, setDay, signPlan } from './support/app-actions';

const SCREENSHOTS = 'tests/e2e/screenshots';
const LEVANTE = 'Reformas Levante S.L.';
const RUIZ = 'Marta Ruiz Soler';

async function newClient(page: Page, name: string, taxId: string) {
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(name);
  await dialog.getByLabel('NIF, NIE o CIF').fill(taxId);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
}

/** From Facturas: the number field comes filled with the next of the series. */
async function invoiceFromLedger(
  page: Page,
  args: { client: string; proposed: string; issued: string; due: string; base: string },
) {
  await page.getByRole('button', { name: 'Nueva factura' }).first().click();
  const dialog = page.getByTestId('invoice-dialog');
  await expect(dialog.getByLabel('Número de factura')).toHaveValue(args.proposed);
  await dialog.getByLabel('Cliente', { exact: true }).selectOption({ label: args.client });
  await dialog.getByLabel('Fecha de emisión').fill(args.issued);
  await dialog.getByLabel('Base imponible (€)').fill(args.base);
  await dialog.getByLabel('Fecha de vencimiento 1').fill(args.due);
  return dialog;
}

test('the guide leads a new user in, Facturas numbers per series, and Hoy follows a reminder, a plan and a promise', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAppOn(page, '2026-11-23');

  // First run: three steps, none done, the first one with its button.
  const guide = page.getByTestId('first-run');
  await expect(guide).toBeVisible();
  await expect(guide.getByTestId('first-run-company')).toHaveAttribute('data-done', 'false');
  await expect(
    guide.getByRole('link', { name: 'Completar los datos de la empresa' }),
  ).toBeVisible();
  await expect(guide.getByRole('link', { name: /datos de ejemplo/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/worklist-01-guide.png` });

  await fillCompany(page);
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(guide.getByTestId('first-run-company')).toHaveAttribute('data-done', 'true');
  await guide.getByRole('button', { name: 'Crear el primer cliente' }).click();
  await newClient(page, LEVANTE, 'B12345674');
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(guide.getByTestId('first-run-client')).toHaveAttribute('data-done', 'true');
  await expect(guide.getByRole('link', { name: 'Traer un CSV o Facturae' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/worklist-02-guide-step3.png` });

  // Facturas: the first number of the year is proposed; saving stays in Facturas.
  await page.getByRole('link', { name: 'Facturas' }).click();
  let dialog = await invoiceFromLedger(page, {
    client: `${LEVANTE} (B12345674)`,
    proposed: '2026-001',
    issued: '01/08/2026',
    due: '31/08/2026',
    base: '1.000,00',
  });
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/facturas$/);
  dialog = await invoiceFromLedger(page, {
    client: `${LEVANTE} (B12345674)`,
    proposed: '2026-002',
    issued: '01/09/2026',
    due: '01/10/2026',
    base: '500,00',
  });
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/facturas$/);

  // The same number for another client is a warning, not a silent duplicate.
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  await newClient(page, RUIZ, '12345678Z');
  await page.getByRole('link', { name: 'Facturas' }).click();
  dialog = await invoiceFromLedger(page, {
    client: `${RUIZ} (12345678Z)`,
    proposed: '2026-003',
    issued: '15/11/2026',
    due: '15/12/2026',
    base: '300,00',
  });
  await dialog.getByLabel('Número de factura').fill('2026-001');
  await expect(dialog.getByTestId('invoice-number-elsewhere')).toContainText(
    `El número 2026-001 ya lo tiene una factura de ${LEVANTE}`,
  );
  await dialog.getByLabel('Número de factura').fill('2026-003');
  await expect(dialog.getByTestId('invoice-number-elsewhere')).toBeHidden();
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/facturas$/);

  // The guide has gone. 84 days overdue and never reminded: the first message is the reminder.
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(guide).toBeHidden();
  const levante = page.getByTestId('work-item').filter({ hasText: LEVANTE });
  await expect(levante).toHaveCount(1);
  await expect(levante).toHaveAttribute('data-kind', 'overdue');
  await expect(levante.getByRole('button', { name: 'Enviar recordatorio' })).toBeVisible();
  await expect(levante.getByRole('button', { name: /requerimiento|último aviso/ })).toHaveCount(0);
  await levante.getByRole('button', { name: 'Enviar recordatorio' }).click();
  const reminder = page.getByTestId('reminder-dialog');
  await expect(reminder.getByLabel('Asunto')).toHaveValue(/Facturas pendientes de pago/);
  await Promise.all([
    page.waitForEvent('download'),
    reminder.getByRole('button', { name: 'Descargar carta PDF' }).click(),
  ]);
  await expect(reminder).toBeHidden();
  // Sent today: the second notice waits its 14 days, and Hoy says when.
  await expect(levante.getByTestId('next-step')).toContainText(
    'Siguiente paso: segundo aviso a partir del 07/12/2026',
  );

  // A plan for 2026-001 and a promise for 2026-002, on the same client.
  await draftPlan(page, {
    clientLabel: `${LEVANTE} (B12345674)`,
    invoiceNumber: '2026-001',
    installments: 3,
    firstDueDate: '25/11/2026',
    debtorSignatory: 'Andrés Gil Mora',
    debtorCapacity: 'administrador único',
  });
  await signPlan(page);
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(levante.filter({ hasText: 'Plazo del plan vence el 25/11/2026' })).toHaveCount(1);
  const overdue = levante.and(page.locator('[data-kind="overdue"]'));
  await overdue.getByRole('button', { name: 'Anotar promesa' }).click();
  const activity = page.getByTestId('activity-dialog');
  await activity.getByLabel('Con quién hablaste').fill('Andrés');
  await activity.getByLabel(/^Factura/).selectOption({ label: '2026-002' });
  await activity.getByLabel('Resultado').fill('Paga el 4 de diciembre');
  await activity.getByLabel('Importe prometido (€)').fill('605,00');
  await activity.getByLabel('Fecha prometida').fill('04/12/2026');
  await activity.getByRole('button', { name: 'Guardar' }).click();
  await expect(activity).toBeHidden();

  // The promised invoice waits at the bottom until its date; the plan's installment stays.
  const rows = page.getByTestId('work-item');
  const waiting = rows.last();
  await expect(waiting).toHaveAttribute('data-kind', 'promise_pending');
  await expect(waiting).toContainText(LEVANTE);
  await expect(waiting).toContainText('Promesa hasta el 04/12/2026');
  // The reminder went out today: the ladder's next step is shown, not hidden by the promise.
  await expect(waiting.getByTestId('next-step')).toContainText(
    'segundo aviso a partir del 07/12/2026',
  );
  await expect(levante.and(page.locator('[data-kind="installment_due"]'))).toHaveCount(1);
  await expect(page.locator('[data-testid="work-item"][data-kind="overdue"]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/worklist-03-hoy-promise.png` });

  // On the client's page the reminder stays at hand with a note that a promise is pending.
  await waiting.getByRole('link', { name: LEVANTE }).click();
  await expect(page.getByTestId('promise-note')).toContainText(
    'Hay una promesa de pago pendiente hasta el 04/12/2026',
  );

  // Nothing came by 04/12 (+2 days of grace): the broken promise is back, first, firmer.
  await setDay(page, '2026-12-08');
  await page.goto('/#/hoy');
  const first = rows.first();
  await expect(first).toHaveAttribute('data-kind', 'promise_broken');
  await expect(first).toContainText(LEVANTE);
  await expect(first).toContainText('Promesa incumplida: debía pagar el 04/12/2026');
  await expect(first.getByRole('button', { name: 'Enviar segundo aviso' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/worklist-04-hoy-broken.png` });
});

test('the guide can be closed, and stays closed', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAppOn(page, '2026-11-23');
  const guide = page.getByTestId('first-run');
  await guide.getByRole('button', { name: 'Ocultar la guía' }).click();
  await expect(guide).toBeHidden();
  await expect(page.getByText('Bienvenido a Cuentas Claras')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Bienvenido a Cuentas Claras')).toBeVisible();
  await expect(guide).toBeHidden();
});
