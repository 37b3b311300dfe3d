import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = () => void;

const electron = vi.hoisted(() => {
  const created: Array<{ options: unknown; listeners: Map<string, Listener>; show: () => void }> =
    [];
  class FakeNotification {
    static isSupported = vi.fn(() => true);
    listeners = new Map<string, Listener>();
    show = vi.fn();
    constructor(readonly options: unknown) {
      created.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
  }
  return { created, Notification: FakeNotification };
});
vi.mock('electron', () => ({ Notification: electron.Notification }));

const { showNotification } = await import('../../../electron/notifications');
const { IPC_EVENTS } = await import('../../../shared/ipc-channels');

function fakeWindow(minimized: boolean) {
  return {
    isMinimized: vi.fn(() => minimized),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    webContents: { send: vi.fn() },
  };
}

beforeEach(() => {
  electron.created.length = 0;
  electron.Notification.isSupported.mockReturnValue(true);
});

describe('OS notifications', () => {
  it('shows an Electron notification with the title and body', () => {
    const result = showNotification(() => null, {
      title: 'La factura 2026-001 vence hoy',
      body: 'Talleres',
    });
    expect(result).toEqual({ shown: true });
    expect(electron.created[0]?.options).toEqual({
      title: 'La factura 2026-001 vence hoy',
      body: 'Talleres',
    });
    expect(electron.created[0]?.show).toHaveBeenCalledTimes(1);
  });

  it('a click restores a minimized window, focuses it and sends the target to the renderer', () => {
    const window = fakeWindow(true);
    // Only these members of the window are used.
    showNotification(() => window as unknown as BrowserWindow, {
      title: 't',
      body: 'b',
      target: { kind: 'plan', id: 'p1' },
    });
    electron.created[0]?.listeners.get('click')?.();
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.notificationClicked, {
      kind: 'plan',
      id: 'p1',
    });
  });

  it('a click without a target only brings the window forward', () => {
    const window = fakeWindow(false);
    showNotification(() => window as unknown as BrowserWindow, { title: 't', body: 'b' });
    electron.created[0]?.listeners.get('click')?.();
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('reports not shown where the system has no notifications', () => {
    electron.Notification.isSupported.mockReturnValue(false);
    expect(showNotification(() => null, { title: 't', body: 'b' })).toEqual({ shown: false });
    expect(electron.created).toHaveLength(0);
  });
});
