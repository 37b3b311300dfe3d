import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const dir = mkdtempSync(path.join(tmpdir(), 'cc-main-'));
const launchFile = path.join(dir, 'al-arrancar.ccbackup');
const BACKUP = JSON.stringify({
  format: 'cuentas-claras-backup',
  formatVersion: 1,
  schemaVersion: 2,
  createdAt: '2026-11-20T10:00:00.000Z',
  tables: { clients: [], invoices: [] },
});
writeFileSync(launchFile, BACKUP);

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const ipc = new Map<string, Listener>();
  const window = {
    on: vi.fn(),
    isMinimized: () => false,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    webContents: { send: vi.fn() },
  };
  let ready = false;
  const app = {
    isPackaged: false,
    isReady: () => ready,
    getPath: (name: string) => `/tmp/cc-main-test/${name}`,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
    whenReady: () => {
      ready = true;
      return Promise.resolve();
    },
    quit: vi.fn(),
    setLoginItemSettings: vi.fn(),
    getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: false })),
  };
  return { app, appListeners, ipc, window, createMainWindow: vi.fn(() => window) };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: { getAllWindows: () => [] },
  ipcMain: { handle: (channel: string, listener: Listener) => fake.ipc.set(channel, listener) },
  powerMonitor: { on: vi.fn() },
  session: {
    defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
  },
  shell: { openPath: vi.fn(), openExternal: vi.fn() },
  safeStorage: { isEncryptionAvailable: () => false },
  dialog: {},
  Notification: class {},
}));
vi.mock('../../../electron/window', () => ({ createMainWindow: fake.createMainWindow }));
vi.mock('../../../electron/serve-app-protocol', () => ({
  registerAppScheme: vi.fn(),
  serveAppProtocol: vi.fn(),
}));
vi.mock('../../../electron/tray', () => ({
  createTray: () => ({ update: vi.fn(), destroy: vi.fn() }),
}));
vi.mock('../../../electron/error-log', () => ({
  createErrorLog: () => ({ filePath: '/tmp/cc.log', write: vi.fn() }),
  logUncaughtErrors: vi.fn(),
  logProcessCrashes: vi.fn(),
}));

const { isUserChosenPath } = await import('../../../electron/chosen-paths');

const APP_EVENT = { senderFrame: { url: 'app://cuentas-claras/index.html' } };
const take = (): Promise<unknown> =>
  Promise.resolve(fake.ipc.get('backup:take-opened')?.(APP_EVENT, {}));

/** Lets the file checks (real reads of the temporary folder) finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

const savedArgv = process.argv;
beforeAll(async () => {
  process.argv = ['/opt/cc/cuentas-claras', launchFile];
  // The hourly backup reminder is not under test; the 30 s first one fires after the run.
  vi.spyOn(globalThis, 'setInterval').mockImplementation(() => 0 as never);
  await import('../../../electron/main');
  await settle();
});
afterAll(() => {
  process.argv = savedArgv;
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('main: backup files opened from the OS', () => {
  it('opens the window shown (not hidden) when launched with a backup, and hands it over once', async () => {
    expect(fake.createMainWindow).toHaveBeenCalledWith(
      expect.not.objectContaining({ startHidden: true }),
    );
    expect(isUserChosenPath(launchFile)).toBe(true);
    await expect(take()).resolves.toEqual({
      ok: true,
      data: { name: 'al-arrancar.ccbackup', content: BACKUP, problem: null },
    });
    await expect(take()).resolves.toEqual({ ok: true, data: null });
  });

  it("takes the file from a second instance's argv, resolved against its folder", async () => {
    writeFileSync(path.join(dir, 'segunda.ccbackup'), BACKUP);
    fake.window.webContents.send.mockClear();
    fake.appListeners.get('second-instance')?.(
      {},
      ['/opt/cc/cuentas-claras', 'segunda.ccbackup'],
      dir,
    );
    await settle();
    expect(fake.window.show).toHaveBeenCalled();
    expect(fake.window.webContents.send).toHaveBeenCalledWith('backup:file-opened');
    await expect(take()).resolves.toMatchObject({ data: { name: 'segunda.ccbackup' } });
  });

  it("handles macOS's open-file event and keeps the OS from handling it", async () => {
    writeFileSync(path.join(dir, 'mac.ccbackup'), 'no soy una copia');
    const event = { preventDefault: vi.fn() };
    fake.appListeners.get('open-file')?.(event, path.join(dir, 'mac.ccbackup'));
    await settle();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(isUserChosenPath(path.join(dir, 'mac.ccbackup'))).toBe(false);
    await expect(take()).resolves.toMatchObject({
      data: { name: 'mac.ccbackup', content: null, problem: 'not_backup' },
    });
  });

  it('refuses to hand a file to a frame that is not the app', async () => {
    const answer = await fake.ipc.get('backup:take-opened')?.(
      { senderFrame: { url: 'https://evil.example/' } },
      {},
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  });
});
