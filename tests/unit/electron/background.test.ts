import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { createBackground, msUntilHour, startedHidden, HIDDEN_ARG } =
  await import('../../../electron/background');

type Handler = (...args: unknown[]) => void;

function setup(start = new Date(2026, 10, 23, 8, 30)) {
  const appHandlers = new Map<string, Handler>();
  const powerHandlers = new Map<string, Handler>();
  const app = {
    setLoginItemSettings: vi.fn(),
    on: vi.fn((event: string, handler: Handler) => appHandlers.set(event, handler)),
  };
  const powerMonitor = {
    on: vi.fn((event: string, handler: Handler) => powerHandlers.set(event, handler)),
  };
  const requestCheck = vi.fn();
  vi.setSystemTime(start);
  // Only the members used by the background module are provided.
  const background = createBackground({
    app: app as never,
    powerMonitor: powerMonitor as never,
    requestCheck,
  });
  return { app, appHandlers, powerHandlers, requestCheck, background };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('background', () => {
  it('asks the renderer for a check when the computer wakes from sleep', () => {
    const { powerHandlers, requestCheck } = setup();
    powerHandlers.get('resume')?.();
    expect(requestCheck).toHaveBeenCalledWith('resume');
  });

  it('checks every day at the configured hour', () => {
    const { background, requestCheck } = setup(new Date(2026, 10, 23, 8, 30));
    background.apply({ keepInTray: false, startAtLogin: false, dailyCheckHour: 9 });
    vi.advanceTimersByTime(29 * 60_000);
    expect(requestCheck).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(requestCheck).toHaveBeenCalledWith('daily');
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(requestCheck).toHaveBeenCalledTimes(2);
    background.dispose();
  });

  it('moves the daily check when the hour changes', () => {
    const { background, requestCheck } = setup(new Date(2026, 10, 23, 8, 30));
    background.apply({ keepInTray: false, startAtLogin: false, dailyCheckHour: 18 });
    vi.advanceTimersByTime(60 * 60_000);
    expect(requestCheck).not.toHaveBeenCalled();
    vi.advanceTimersByTime(9 * 60 * 60_000);
    expect(requestCheck).toHaveBeenCalledWith('daily');
  });

  it('registers the login item, started hidden, only when asked', () => {
    const { app, background } = setup();
    background.apply({ keepInTray: true, startAtLogin: true, dailyCheckHour: 9 });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: true,
      args: [HIDDEN_ARG],
    });
    background.apply({ keepInTray: true, startAtLogin: false, dailyCheckHour: 9 });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: false,
      args: [HIDDEN_ARG],
    });
    expect(startedHidden(['electron', '.', HIDDEN_ARG])).toBe(true);
    expect(startedHidden(['electron', '.'])).toBe(false);
  });

  it('hides the window on close when kept in the tray, and lets it close when quitting', () => {
    const { appHandlers, background } = setup();
    const closeHandlers: Handler[] = [];
    const window = {
      on: vi.fn((event: string, handler: Handler) => {
        if (event === 'close') closeHandlers.push(handler);
      }),
      hide: vi.fn(),
    };
    background.attachWindow(window as unknown as BrowserWindow);
    const closeEvent = () => ({ preventDefault: vi.fn() });

    const first = closeEvent();
    closeHandlers[0]?.(first);
    expect(first.preventDefault).not.toHaveBeenCalled();

    background.apply({ keepInTray: true, startAtLogin: false, dailyCheckHour: 9 });
    expect(background.keepsRunning()).toBe(true);
    const second = closeEvent();
    closeHandlers[0]?.(second);
    expect(second.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();

    appHandlers.get('before-quit')?.();
    const third = closeEvent();
    closeHandlers[0]?.(third);
    expect(third.preventDefault).not.toHaveBeenCalled();
  });

  it('hands start-at-login to the per-OS login item when one is given', () => {
    const setStartAtLogin = vi.fn();
    const app = { setLoginItemSettings: vi.fn(), on: vi.fn() };
    const background = createBackground({
      app,
      powerMonitor: { on: vi.fn() },
      requestCheck: vi.fn(),
      setStartAtLogin,
    });
    background.apply({ keepInTray: true, startAtLogin: true, dailyCheckHour: 9 });
    expect(setStartAtLogin).toHaveBeenCalledWith(true);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    background.dispose();
  });

  it('computes the wait until the next check hour, tomorrow when it has passed', () => {
    expect(msUntilHour(new Date(2026, 10, 23, 8, 30), 9)).toBe(30 * 60_000);
    expect(msUntilHour(new Date(2026, 10, 23, 9, 0), 9)).toBe(24 * 60 * 60_000);
    expect(msUntilHour(new Date(2026, 10, 23, 23, 0), 0)).toBe(60 * 60_000);
  });
});
