import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  app: { getVersion: () => '0.1.0' },
  dialog: {},
  Notification: class {},
  BrowserWindow: class {},
}));

const { createHandlers } = await import('../../../electron/ipc-handlers');
const { IPC_CHANNELS } = await import('../../../shared/ipc');

const event = {} as IpcMainInvokeEvent;
const status = {
  overdueCount: 3,
  tooltip: 'Cuentas Claras · 3 facturas vencidas',
  labels: { open: 'Abrir', checkNow: 'Comprobar ahora', quit: 'Salir' },
};

describe('tray and background channels', () => {
  it('hand the tray status and the background options to the main-process parts', async () => {
    const tray = { update: vi.fn() };
    const background = { apply: vi.fn() };
    const handlers = createHandlers({ getWindow: () => null, tray, background });
    await expect(
      Promise.resolve(handlers['notify:set-tray-status'](status, event)),
    ).resolves.toEqual({ applied: true });
    expect(tray.update).toHaveBeenCalledWith(status);
    const options = { keepInTray: true, startAtLogin: false, dailyCheckHour: 8 };
    await expect(
      Promise.resolve(handlers['notify:set-background'](options, event)),
    ).resolves.toEqual({ applied: true });
    expect(background.apply).toHaveBeenCalledWith(options);
  });

  it('report not applied where there is no tray or background', async () => {
    const handlers = createHandlers({ getWindow: () => null });
    await expect(
      Promise.resolve(handlers['notify:set-tray-status'](status, event)),
    ).resolves.toEqual({ applied: false });
  });

  it('refuse a check hour or a count out of range', () => {
    const background = IPC_CHANNELS['notify:set-background'].request;
    expect(
      background.safeParse({ keepInTray: true, startAtLogin: true, dailyCheckHour: 24 }).success,
    ).toBe(false);
    expect(
      background.safeParse({ keepInTray: true, startAtLogin: true, dailyCheckHour: 23 }).success,
    ).toBe(true);
    const tray = IPC_CHANNELS['notify:set-tray-status'].request;
    expect(tray.safeParse({ ...status, overdueCount: -1 }).success).toBe(false);
    expect(tray.safeParse({ ...status, extra: 1 }).success).toBe(false);
  });
});
