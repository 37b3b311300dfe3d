// What several end-to-end flows do the same way: open the app on a fixed day, fill the company, add invoices, sign.
import { expect, type Locator, type Page } from '@playwright/test';

/** Fixes the clock at 10:00 Madrid time on `isoDay`; timers keep running. */
export async function setDay(page: Page, isoDay: string): Promise<void> {
  await page.clock.setFixedTime(new Date(`${isoDay}T10:00:00+01:00`));
}

export async function openAppOn(page: Page, isoDay = '2026-11-23'): Promise<void> {
  await setDay(page, isoDay);
  await page.goto('/');
}

export async function fillCompany(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByLabel('Nombre o razón social').fill('Reformas Ebro S.L.');
  await page.getByLabel('NIF o CIF').fill('B50123454');
  await page.getByLabel('IBAN para cobros').fill('ES91 2100 0418 4502 0005 1332');
  await page.getByLabel('Dirección').fill('Calle Alfonso I 14');
  await page.getByLabel('Código postal').fill('50003');
  await page.getByLabel('Población').fill('Zaragoza');
  await page.getByLabel('Provincia').fill('Zaragoza');
  await page.getByRole('button', { name: 'Guardar' }).first().click();
  await expect(page.getByText('Guardado').first()).toBeVisible();
}

/** From a client's page: one invoice with a single due date. */
export async function addInvoice(
  page: Page,
  number: string,
  issued: string,
  due: string,
  base: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill(number);
  await invoice.getByLabel('Fecha de emisión').fill(issued);
  await invoice.getByLabel('Base imponible (€)').fill(base);
  await invoice.getByLabel('Fecha de vencimiento 1').fill(due);
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();
}

/** Draws a few strokes on a signature canvas with the mouse, as a person would. */
export async function drawSignature(page: Page, canvas: Locator, phase: number): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 0; step <= 30; step += 1) {
    const x = box.x + 20 + step * ((box.width - 40) / 30);
    const y = box.y + box.height / 2 + Math.sin(step / 3 + phase) * (box.height / 3);
    await page.mouse.move(x, y, { steps: 2 });
  }
  await page.mouse.up();
}

export interface PlanDraft {
  /** As the client selector shows it: "Name (NIF)". */
  clientLabel: string;
  invoiceNumber: string;
  installments: number;
  firstDueDate: string;
  debtorSignatory: string;
  debtorCapacity: string;
}

/** From anywhere: Planes → a new plan for one invoice, saved as a draft. */
export async function draftPlan(page: Page, plan: PlanDraft): Promise<void> {
  await page.getByRole('link', { name: 'Planes' }).click();
  await page.getByRole('button', { name: 'Nuevo plan de pagos' }).click();
  const builder = page.getByTestId('plan-builder');
  await builder.getByLabel('Cliente', { exact: true }).selectOption({ label: plan.clientLabel });
  await builder.getByLabel(new RegExp(plan.invoiceNumber)).check();
  await builder.getByLabel('Número de plazos', { exact: true }).fill(String(plan.installments));
  await builder.getByLabel('Fecha del primer plazo', { exact: true }).fill(plan.firstDueDate);
  await builder.getByLabel('Firma por tu empresa', { exact: true }).fill('Lucía Martín Pardo');
  await builder.getByLabel('En calidad de (firma por tu empresa)').fill('administradora única');
  await builder.getByLabel('Firma por el cliente', { exact: true }).fill(plan.debtorSignatory);
  await builder.getByLabel('En calidad de (firma por el cliente)').fill(plan.debtorCapacity);
  await builder.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Borrador');
}

/** On a draft plan's page: both parties sign on screen and the plan is activated. */
export async function signPlan(page: Page): Promise<void> {
  await drawSignature(page, page.getByTestId('signature-creditor'), 0);
  await drawSignature(page, page.getByTestId('signature-debtor'), 1.5);
  await page.getByRole('button', { name: 'Firmar y activar el plan' }).click();
  // Signing builds and hashes the agreement PDF: seconds on a busy machine.
  await expect(page.getByTestId('plan-status')).toHaveText('Firmado, en curso', {
    timeout: 60_000,
  });
}
