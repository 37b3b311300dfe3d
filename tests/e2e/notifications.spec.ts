// Notifications as a person meets them: turn them on, an invoice falls due, the OS notice and the centre.
import { test, expect, type Page } from '@playwright/test';

const SCREENSHOTS = 'tests/e2e/screenshots';

declare global {
  interface Window {
    shownNotifications: { title: string; body: string }[];
  }
}

// Records every notification the page constructs, then lets the real one through.
function spyOnNotifications(): void {
  const Real = window.Notification;
  window.shownNotifications = [];
  class Spy extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      window.shownNotifications.push({ title, body: options?.body ?? '' });
    }
  }
  Object.defineProperty(window, 'Notification', { value: Spy, configurable: true, writable: true });
}

const shown = (page: Page) => page.evaluate(() => window.shownNotifications);

async function createClient(page: Page, name: string, taxId: string) {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(name);
  await dialog.getByLabel('NIF, NIE o CIF').fill(taxId);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('notifications: turned on in Ajustes, an invoice falls due, notified once, listed in the centre', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await page.addInitScript(spyOnNotifications);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+01:00'));
  await page.goto('/');

  await page.getByRole('link', { name: 'Ajustes' }).click();
  const card = page.getByTestId('notifications-card');
  await card.getByLabel('Activar avisos').check();
  await expect(card.getByLabel('Avisar antes del vencimiento (días)')).toHaveValue('3');
  await expect(card.getByText('Solo en la aplicación de escritorio')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/notifications-01-settings.png`, fullPage: true });

  await createClient(page, 'Talleres Hermanos García S.L.', 'B-1234567-4');
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-001');
  await invoice.getByLabel('Fecha de emisión').fill('26/10/2026');
  await invoice.getByLabel('Base imponible (€)').fill('1.000,00');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('25/11/2026');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();

  // Two days before the due date: the warning, through "Comprobar ahora".
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await card.getByRole('button', { name: 'Comprobar ahora' }).click();
  await expect
    .poll(() => shown(page))
    .toEqual([
      {
        title: 'La factura 2026-001 vence en 2 días',
        body: 'Talleres Hermanos García S.L. · 1.210,00\u00A0€ pendiente · vence el 25/11/2026',
      },
    ]);

  // Three days later the app is opened again: the invoice fell due while it was closed.
  await page.clock.setFixedTime(new Date('2026-11-28T09:30:00+01:00'));
  await page.reload();
  await expect
    .poll(() => shown(page))
    .toEqual([
      {
        title: 'La factura 2026-001 ha vencido',
        body: 'Talleres Hermanos García S.L. · 1.210,00\u00A0€ sin cobrar · venció el 25/11/2026',
      },
    ]);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName('Avisos, 2 sin leer');
  await bell.click();
  const centre = page.getByTestId('notification-centre');
  await expect(centre.getByRole('listitem')).toHaveCount(2);
  await expect(centre.getByRole('listitem').first()).toContainText(
    'La factura 2026-001 ha vencido',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/notifications-02-centre.png` });

  // A restart never repeats what was notified.
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName('Avisos, 2 sin leer');
  await page
    .getByTestId('notifications-card')
    .getByRole('button', { name: 'Comprobar ahora' })
    .click();
  await expect(page.getByText('Comprobado: nada nuevo desde la última comprobación')).toBeVisible();
  expect(await shown(page)).toEqual([]);

  // Clicking a notice opens the invoice in the ledger and marks it read.
  await page.getByTestId('notification-bell').click();
  await page
    .getByTestId('notification-centre')
    .getByRole('button', { name: /ha vencido/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facturas' })).toBeVisible();
  await expect(page.getByTestId('ledger-row').filter({ hasText: '2026-001' })).toBeVisible();
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName('Avisos, 1 sin leer');
  await page.screenshot({ path: `${SCREENSHOTS}/notifications-03-opened.png` });
});

test('the centre follows Ajustes at once and lists a new event without reopening the app', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+01:00'));
  await page.goto('/');
  const bell = page.getByTestId('notification-bell');
  const centre = page.getByTestId('notification-centre');
  const off = 'Los avisos están desactivados. Actívalos en Ajustes';
  await bell.click();
  await expect(centre.getByText(off)).toBeVisible();
  await page.keyboard.press('Escape');

  // Turned on in Ajustes: the centre says nothing about Ajustes any more, without a reload.
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByTestId('notifications-card').getByLabel('Activar avisos').check();
  await bell.click();
  await expect(centre).toBeVisible();
  await expect(centre.getByText(off)).toHaveCount(0);
  await page.keyboard.press('Escape');

  // An invoice due in two days is recorded: its warning arrives on its own, no restart, no
  // "Comprobar ahora".
  await createClient(page, 'Talleres Hermanos García S.L.', 'B-1234567-4');
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-001');
  await invoice.getByLabel('Fecha de emisión').fill('26/10/2026');
  await invoice.getByLabel('Base imponible (€)').fill('1.000,00');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('25/11/2026');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();
  await expect(bell).toHaveAccessibleName('Avisos, 1 sin leer');
  await bell.click();
  await expect(centre.getByRole('listitem').first()).toContainText(
    'La factura 2026-001 vence en 2 días',
  );
});
