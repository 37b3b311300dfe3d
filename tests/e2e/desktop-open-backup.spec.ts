// The desktop renderer with a stand-in bridge (no Electron binary here): a .ccbackup opened from the OS.
import { test, expect, type Page } from '@playwright/test';

const SCREENSHOTS = 'tests/e2e/screenshots';

/**
 * Installs `window.cuentasClaras` before the app loads, answering like the main process would.
 * `window.__desktop` lets the test hand over a file as the OS would and read what was saved.
 */
async function openAsDesktop(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Listener = () => void;
    const state = {
      saved: null as unknown,
      opened: null as unknown,
      openedListeners: new Set<Listener>(),
      openFromOs(file: unknown) {
        state.opened = file;
        state.openedListeners.forEach((listener) => listener());
      },
    };
    const answers: Record<string, (request: Record<string, unknown>) => unknown> = {
      'app:get-version': () => ({ version: '0.1.0', platform: 'linux' }),
      'file:save': (request) => {
        state.saved = request.content;
        return { saved: true, filePath: '/home/ana/copia.json' };
      },
      'notify:set-tray-status': () => ({ applied: true }),
      'notify:set-background': () => ({ applied: true }),
      'notify:show': () => ({ shown: true }),
      'log:write': () => ({ written: true }),
      'backup:status': () => ({ folder: '/home/ana/Documentos/Copias', keep: 30, entries: [] }),
      'backup:write': () => ({ name: 'x.json', size: 2 }),
      'backup:take-opened': () => {
        const file = state.opened;
        state.opened = null;
        return file;
      },
    };
    const subscribe = (set?: Set<Listener>) => (listener: Listener) => {
      set?.add(listener);
      return () => set?.delete(listener);
    };
    const events: Record<string, unknown> = {
      onNotificationClick: subscribe(),
      onCheckRequested: subscribe(),
      onBackupDue: subscribe(),
      onBackupFileOpened: subscribe(state.openedListeners),
    };
    const bridge = new Proxy(events, {
      get(target, name: string) {
        if (name in target) return target[name];
        return (request: Record<string, unknown>) =>
          Promise.resolve({ ok: true, data: answers[name]?.(request) ?? null });
      },
    });
    Object.assign(window, { cuentasClaras: bridge, __desktop: state });
  });
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+01:00'));
  await page.goto('/');
}

const openFromOs = (page: Page, file: unknown) =>
  page.evaluate((f) => {
    (window as unknown as { __desktop: { openFromOs(file: unknown): void } }).__desktop.openFromOs(
      f,
    );
  }, file);

test('a backup double-clicked in the file manager opens the restore preview and restores after confirming', async ({
  page,
}) => {
  await openAsDesktop(page);
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Cargar datos de ejemplo' }).click();
  await expect(page.getByText(/Datos de ejemplo cargados/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Descargar copia completa' }).click();
  await expect(page.getByText('Copia guardada.')).toBeVisible();
  const saved = await page.evaluate(
    () => (window as unknown as { __desktop: { saved: string } }).__desktop.saved,
  );
  expect(saved).toContain('cuentas-claras-backup');

  // The person is elsewhere in the app when they double-click the file.
  await page.getByRole('link', { name: 'Hoy' }).click();
  await openFromOs(page, { name: 'copia-noviembre.ccbackup', content: saved, problem: null });
  const dialog = page.getByTestId('backup-preview');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/#\/ajustes$/);
  await expect(dialog).toContainText('Fichero: copia-noviembre.ccbackup');
  await expect(dialog).toContainText('Se borrarán TODOS los datos actuales');
  await page.screenshot({ path: `${SCREENSHOTS}/desktop-01-open-backup-preview.png` });

  // Nothing happens without the confirmation; with it, the copy is restored.
  await dialog.getByRole('button', { name: 'Borrar y restaurar' }).click();
  // 1.000 sample invoices (the demonstration's database) are written back: allow a busy machine.
  await expect(page.getByText('Copia restaurada.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toBeHidden();
});

test('a file that is not a backup, or too large, is refused with its name and nothing changes', async ({
  page,
}) => {
  await openAsDesktop(page);
  await openFromOs(page, { name: 'factura.ccbackup', content: null, problem: 'not_backup' });
  await expect(
    page.getByText('factura.ccbackup no es una copia de seguridad de Cuentas Claras.'),
  ).toBeVisible();
  await expect(page.getByTestId('backup-preview')).toBeHidden();
  await openFromOs(page, { name: 'enorme.ccbackup', content: null, problem: 'too_large' });
  await expect(
    page.getByText(/No se ha abierto enorme\.ccbackup: ocupa más de 200 MB/),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/desktop-02-refused-file.png` });
});

test('Ajustes says what starting at login does on this computer', async ({ page }) => {
  await openAsDesktop(page);
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const hint = page.getByText(/En Linux se crea un inicio automático/);
  await expect(hint).toBeVisible();
  await hint.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/desktop-03-start-at-login.png` });
});
