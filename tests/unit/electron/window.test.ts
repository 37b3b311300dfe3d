import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; window: FakeWindow }> = [];
  class FakeWebContents {
    listeners = new Map<string, Listener>();
    openHandler: (() => unknown) | null = null;
    setWindowOpenHandler(handler: () => unknown) {
      this.openHandler = handler;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
  }
  class FakeWindow {
    webContents = new FakeWebContents();
    onceListeners = new Map<string, Listener>();
    show = vi.fn();
    loadURL = vi.fn(() => Promise.resolve());
    constructor(options: Record<string, unknown>) {
      created.push({ options, window: this });
    }
    once(event: string, listener: Listener) {
      this.onceListeners.set(event, listener);
      return this;
    }
  }
  return { created, BrowserWindow: FakeWindow };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { createMainWindow } = await import('../../../electron/window');

function open(devUrl?: string) {
  createMainWindow({
    preloadPath: '/app/out/preload/preload.cjs',
    startUrl: devUrl ?? 'app://cuentas-claras/index.html',
    ...(devUrl ? { devUrl } : {}),
  });
  const last = electron.created[electron.created.length - 1];
  if (!last) throw new Error('no window was created');
  return last;
}

function navigate(window: (typeof electron.created)[number]['window'], event: string, url: string) {
  const preventDefault = vi.fn();
  window.webContents.listeners.get(event)?.({ url, preventDefault });
  return preventDefault;
}

beforeEach(() => {
  electron.created.length = 0;
});

describe('createMainWindow', () => {
  it('locks down the web preferences and uses the CommonJS preload', () => {
    const { options } = open();
    expect(options).toMatchObject({ title: 'Cuentas Claras', show: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('loads the start URL and shows the window once it is ready', () => {
    const { window } = open();
    expect(window.loadURL).toHaveBeenCalledWith('app://cuentas-claras/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.onceListeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalled();
  });

  it('denies window.open', () => {
    const { window } = open();
    expect(window.webContents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'])('%s away from the app is prevented', (event) => {
    const { window } = open();
    for (const url of [
      'https://evil.example/',
      'app://cuentas-claras.evil.com/',
      'http://127.0.0.1:5173@evil.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(navigate(window, event, url)).toHaveBeenCalled();
    }
    expect(navigate(window, event, 'app://cuentas-claras/index.html')).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when it was given', () => {
    const dev = open('http://127.0.0.1:5173');
    expect(navigate(dev.window, 'will-navigate', 'http://127.0.0.1:5173/')).not.toHaveBeenCalled();
    const prod = open();
    expect(navigate(prod.window, 'will-navigate', 'http://127.0.0.1:5173/')).toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const { window } = open();
    const preventDefault = vi.fn();
    window.webContents.listeners.get('will-attach-webview')?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });
});
