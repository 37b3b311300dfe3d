// Reliability as a person meets it: storage in Ajustes, a full disk that loses nothing, errors kept locally.
import { test, expect, type Page } from '@playwright/test';

const SCREENSHOTS = 'tests/e2e/screenshots';

async function openApp(page: Page) {
  // Lets the test make every IndexedDB write fail the way a full disk does, then recover.
  await page.addInitScript(() => {
    const flags = window as unknown as { __ccFailWrites?: boolean };
    const proto = IDBObjectStore.prototype;
    for (const method of ['add', 'put']) {
      const original: unknown = Reflect.get(proto, method);
      if (typeof original !== 'function') continue;
      Reflect.set(proto, method, function (this: IDBObjectStore, ...args: unknown[]): unknown {
        if (flags.__ccFailWrites)
          throw new DOMException('Simulated full disk', 'QuotaExceededError');
        const result: unknown = Reflect.apply(original, this, args);
        return result;
      });
    }
  });
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+01:00'));
  await page.goto('/');
}

test('Ajustes shows the storage used and the (empty) error log', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const storage = page.getByTestId('storage-card');
  await expect(storage.getByRole('heading', { name: 'Espacio de almacenamiento' })).toBeVisible();
  await expect(storage.getByText(/^Ocupado: .+ de .+ disponibles/)).toBeVisible();
  await expect(storage.getByText(/Almacenamiento persistente: (sí|no)/)).toBeVisible();
  const log = page.getByTestId('error-log-card');
  await expect(log.getByText('No se ha registrado ningún error.', { exact: false })).toBeVisible();
  await storage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/reliability-01-settings.png`, fullPage: true });
});

test('a save that hits a full disk says so plainly, keeps what was typed, and works once there is space', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill('Talleres Hermanos García S.L.');
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');

  await page.evaluate(() => {
    (window as unknown as { __ccFailWrites?: boolean }).__ccFailWrites = true;
  });
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByText(/No queda espacio para guardar/)).toBeVisible();
  await expect(dialog.getByLabel('Nombre o razón social')).toHaveValue(
    'Talleres Hermanos García S.L.',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/reliability-02-disk-full.png` });

  await page.evaluate(() => {
    (window as unknown as { __ccFailWrites?: boolean }).__ccFailWrites = false;
  });
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Talleres Hermanos García S.L.' }),
  ).toBeVisible();

  // The failure is in the local error log, and nothing was sent anywhere (there is no server).
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const log = page.getByTestId('error-log-card');
  await log.getByText(/Errores recientes/).click();
  await expect(log.getByText(/QuotaExceededError|AbortError/).first()).toBeVisible();
});

test('an uncaught error lands in the error log, which can be cleared after confirming', async ({
  page,
}) => {
  await openApp(page);
  // A promise that fails with nobody waiting for it: the classic bug that used to vanish silently.
  await page.evaluate(() => {
    void Promise.reject(new Error('Fallo de prueba sin capturar'));
  });
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const log = page.getByTestId('error-log-card');
  await log.getByText(/Errores recientes \(1\)/).click();
  await expect(log.getByText(/Fallo de prueba sin capturar/)).toBeVisible();
  await log.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/reliability-03-error-log.png` });
  page.once('dialog', (confirm) => void confirm.accept());
  await log.getByRole('button', { name: 'Vaciar la lista' }).click();
  await expect(log.getByText('No se ha registrado ningún error.', { exact: false })).toBeVisible();
});

test('a screen that breaks on damaged data shows what happened, and the rest of the app keeps working', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Hoy' })).toBeVisible();
  // A record no version of the app would write (a NIF that is not text), put straight into IndexedDB.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cuentas-claras');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const transaction = open.result.transaction('clients', 'readwrite');
          transaction.objectStore('clients').put({
            id: 'damaged',
            name: 'Cliente dañado',
            taxId: { roto: true },
            createdAt: '2026-11-23T09:00:00.000Z',
            updatedAt: '2026-11-23T09:00:00.000Z',
          });
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(new Error('write failed'));
        };
      }),
  );
  // Dexie does not see writes made behind its back until the app starts again.
  await page.reload();
  await page.getByRole('link', { name: 'Clientes' }).click();
  await expect(page.getByRole('heading', { name: 'Esta pantalla ha fallado' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copiar detalles' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/reliability-04-screen-failed.png` });

  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facturas' })).toBeVisible();
});
