import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = () => void;

const electron = vi.hoisted(() => {
  const notifications: Array<{
    options: unknown;
    listeners: Map<string, Listener>;
    show: () => void;
  }> = [];
  class FakeNotification {
    static isSupported = vi.fn(() => true);
    listeners = new Map<string, Listener>();
    show = vi.fn();
    constructor(readonly options: unknown) {
      notifications.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
  }
  return {
    notifications,
    app: { getVersion: () => '0.1.0' },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    Notification: FakeNotification,
  };
});
vi.mock('electron', () => ({
  app: electron.app,
  dialog: electron.dialog,
  Notification: electron.Notification,
  BrowserWindow: class {},
}));

const { createHandlers } = await import('../../../electron/ipc-handlers');

const event = {} as IpcMainInvokeEvent;
const fakeWindow = {
  isMinimized: () => false,
  restore: vi.fn(),
  show: vi.fn(),
  focus: vi.fn(),
  webContents: { send: vi.fn() },
};
// The handlers use only these members of the window.
const handlers = createHandlers({ getWindow: () => fakeWindow as unknown as BrowserWindow });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cc-handlers-'));
  vi.clearAllMocks();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ipc handlers', () => {
  it('reports the app version and platform', async () => {
    await expect(Promise.resolve(handlers['app:get-version']({}, event))).resolves.toEqual({
      version: '0.1.0',
      platform: process.platform,
    });
  });

  it('writes text as UTF-8 where the user chose to save it', async () => {
    const filePath = path.join(dir, 'extracto.csv');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath });
    const result = await handlers['file:save'](
      { suggestedName: 'extracto.csv', content: 'Señor;1.234,56 €' },
      event,
    );
    expect(result).toEqual({ saved: true, filePath });
    expect(readFileSync(filePath, 'utf8')).toBe('Señor;1.234,56 €');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      fakeWindow,
      expect.objectContaining({ defaultPath: 'extracto.csv' }),
    );
  });

  it('saves nothing when the dialog is cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(
      handlers['file:save']({ suggestedName: 'a.pdf', content: new Uint8Array([1]) }, event),
    ).resolves.toEqual({
      saved: false,
      filePath: null,
    });
  });

  it('reads the chosen file as bytes, and refuses one over maxBytes', async () => {
    const filePath = path.join(dir, 'banco.n43');
    writeFileSync(filePath, Uint8Array.from([0x31, 0x31, 0x80]));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [filePath] });
    const opened = await handlers['file:open']({}, event);
    expect(opened?.name).toBe('banco.n43');
    expect([...(opened?.content ?? [])]).toEqual([0x31, 0x31, 0x80]);
    await expect(handlers['file:open']({ maxBytes: 2 }, event)).rejects.toMatchObject({
      code: 'too_large',
    });
  });

  it('returns null when no file is chosen', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(handlers['file:open']({}, event)).resolves.toBeNull();
  });

  it('shows a notification whose click focuses the window and sends its target', async () => {
    const target = { kind: 'invoice', id: 'inv-9' } as const;
    await expect(
      Promise.resolve(handlers['notify:show']({ title: 'Vence hoy', body: 'F-9', target }, event)),
    ).resolves.toEqual({
      shown: true,
    });
    const notification = electron.notifications.at(-1);
    expect(notification?.options).toEqual({ title: 'Vence hoy', body: 'F-9' });
    expect(notification?.show).toHaveBeenCalled();
    notification?.listeners.get('click')?.();
    expect(fakeWindow.focus).toHaveBeenCalled();
    expect(fakeWindow.webContents.send).toHaveBeenCalledWith('notify:clicked', target);
  });

  it('reports shown: false where the OS has no notifications', async () => {
    electron.Notification.isSupported.mockReturnValueOnce(false);
    await expect(
      Promise.resolve(handlers['notify:show']({ title: 'x', body: '' }, event)),
    ).resolves.toEqual({ shown: false });
  });
});
