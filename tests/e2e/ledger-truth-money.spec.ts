// One way money enters the ledger: a hand payment then the bank file is one payment; a plan receipt pays installments.
import { test, expect, type Page } from '@playwright/test';
import { norma43File, type FixtureMovement } from '../unit/shared/formats/norma43-fixture';
import { addInvoice, draftPlan, fillCompany, openAppOn, signPlan } from './support/app-actions';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Talleres Hermanos García S.L.';

test.use({ viewport: { width: 1366, height: 768 } });

/** A November Norma 43 statement with these movements (dates YYMMDD). */
function statement(movements: FixtureMovement[]): Buffer {
  return Buffer.from(norma43File(movements).replaceAll('260301260331', '261101261130'), 'latin1');
}

async function chooseStatement(page: Page, name: string, buffer: Buffer) {
  await page.getByRole('link', { name: 'Importar' }).click();
  await page.getByRole('tab', { name: 'Extractos del banco' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Elegir extracto…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

async function createClient(page: Page) {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
}

async function openClient(page: Page) {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name: CLIENT }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
}

test('a payment recorded by hand, then the bank file: linked, still one payment', async ({
  page,
}) => {
  await openAppOn(page);
  await createClient(page);
  await addInvoice(page, '2026-0101', '01/10/2026', '31/10/2026', '500,00');

  // 300,00 € typed by hand on 20/11/2026.
  await page.getByRole('link', { name: 'Facturas' }).click();
  await page.getByRole('button', { name: 'Registrar cobro' }).click();
  const payment = page.getByTestId('payment-dialog');
  await payment.getByLabel('Cliente').selectOption({ label: `${CLIENT} (B12345674)` });
  await payment.getByLabel('Fecha del cobro').fill('20/11/2026');
  await payment.getByLabel('Importe cobrado (€)').fill('300,00');
  await payment.getByRole('button', { name: 'Guardar' }).click();
  await expect(payment).toBeHidden();

  // The bank books the same transfer the next day, naming the invoice.
  await chooseStatement(
    page,
    'noviembre.n43',
    statement([
      { date: '261121', amountCents: 300_00, concept: 'TRANSF TALLERES GARCIA', ref2: '2026-0101' },
    ]),
  );
  await expect(page.getByText('1 movimiento nuevo (0 ya estaban).')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'TRANSF TALLERES GARCIA' });
  await expect(row).toContainText('cobro ya apuntado el 20/11/2026 (300,00 €)');
  await expect(row).toContainText('cobro ya apuntado por el mismo importe en fechas cercanas');
  await expect(row.getByRole('button', { name: 'Confirmar' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/money-01-link-proposal.png` });
  await row.getByRole('button', { name: 'Vincular al cobro ya apuntado' }).click();
  await expect(page.getByText('Movimiento vinculado al cobro de 300,00 €')).toBeVisible();
  await expect(page.getByText('No hay cobros pendientes de conciliar')).toBeVisible();

  // One payment, and the invoice owes 605,00 − 300,00.
  await openClient(page);
  await expect(page.getByTestId('client-outstanding')).toHaveText('305,00 €');
  const payments = page
    .locator('.card')
    .filter({ has: page.getByRole('heading', { name: 'Cobros' }) });
  await expect(payments.locator('tbody tr')).toHaveCount(1);
  await expect(payments.locator('tbody tr')).toContainText('300,00 €');
  await expect(page.getByText('Saldo a favor del cliente')).toHaveCount(0);
});

test('a receipt for an invoice in a plan pays its installments oldest first; client page and Panel follow', async ({
  page,
}) => {
  await openAppOn(page);
  await fillCompany(page);
  await createClient(page);
  // 628,10 € + 21 % = 760,00 €, overdue since August.
  await addInvoice(page, '2026-0042', '15/07/2026', '14/08/2026', '628,10');

  await draftPlan(page, {
    clientLabel: `${CLIENT} (B12345674)`,
    invoiceNumber: '2026-0042',
    installments: 4,
    firstDueDate: '25/11/2026',
    debtorSignatory: 'José García Íñiguez',
    debtorCapacity: 'apoderado',
  });
  await signPlan(page);
  await expect(page.getByTestId('plan-installments').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('plan-installments')).toContainText('190,00 €');

  // 230,00 € arrive naming the invoice, the tax id and the client.
  await chooseStatement(
    page,
    'noviembre.n43',
    statement([
      {
        date: '261126',
        amountCents: 230_00,
        concept: 'TRANSF B12345674 TALLERES GARCIA',
        ref2: 'FRA 2026-0042',
      },
    ]),
  );
  const row = page.getByRole('row').filter({ hasText: 'TRANSF B12345674' });
  await expect(row).toContainText(/PP-2026-\d{4}: plazo 1, plazo 2 \(230,00\s€\)/);
  await expect(row).toContainText('Confianza alta');

  // By hand: installments in date order with date, plan and amount; nothing ticked, nothing booked.
  await row.getByRole('button', { name: 'Asignar a mano' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Cliente').selectOption({ label: `${CLIENT} (B12345674)` });
  const lines = dialog.locator('fieldset label');
  await expect(lines).toHaveCount(4);
  for (const [index, due] of ['25/11/2026', '25/12/2026', '25/01/2027', '25/02/2027'].entries()) {
    await expect(lines.nth(index)).toContainText(
      new RegExp(`PP-2026-\\d{4} · plazo ${index + 1} · vence el ${due} · 190,00\\s€`),
    );
  }
  await expect(dialog.getByRole('button', { name: 'Apuntar el cobro' })).toBeDisabled();
  await expect(dialog).toContainText('Marca al menos una factura o plazo que paga este ingreso.');
  await page.screenshot({ path: `${SCREENSHOTS}/money-02-assign-installments.png` });
  await dialog.getByRole('button', { name: 'Cancelar' }).click();

  await page.screenshot({ path: `${SCREENSHOTS}/money-03-plan-proposal.png` });
  await row.getByRole('button', { name: 'Confirmar' }).click();
  await expect(page.getByText(`Cobro de 230,00 € apuntado a ${CLIENT}.`)).toBeVisible();
  await expect(page.getByText('No hay cobros pendientes de conciliar')).toBeVisible();

  // The plan: first installment paid, 40,00 € on the second.
  await page.getByRole('link', { name: 'Planes' }).click();
  await page.getByTestId('plan-row').getByRole('link').first().click();
  const installments = page.getByTestId('plan-installments').locator('tbody tr');
  await expect(installments.nth(0)).toContainText('Pagado');
  await expect(installments.nth(1)).toContainText('40,00 €');
  await expect(installments.nth(1)).toContainText('Pagado en parte');
  await expect(installments.nth(2)).toContainText('Pendiente');

  // The client owes 530,00 €, with no credit; the Panel says the same.
  await openClient(page);
  await expect(page.getByTestId('client-outstanding')).toHaveText('530,00 €');
  await expect(page.getByText('Saldo a favor del cliente')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/money-04-client.png`, fullPage: true });
  await page.getByRole('link', { name: 'Panel' }).click();
  await expect(page.getByTestId('panel-receivable')).toContainText('530,00 €');
});
