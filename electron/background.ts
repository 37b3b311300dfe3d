// The app in the background: stay in the tray on close, start at login hidden, daily and on-resume checks.
import type { App, BrowserWindow, PowerMonitor } from 'electron';
import type { CheckReason } from '../shared/ipc-channels';

export interface BackgroundOptions {
  keepInTray: boolean;
  startAtLogin: boolean;
  dailyCheckHour: number;
}

/** The argument the login item passes, so the app knows to start with its window hidden. */
export const HIDDEN_ARG = '--hidden';

export interface BackgroundDeps {
  app: Pick<App, 'setLoginItemSettings' | 'on'>;
  powerMonitor: Pick<PowerMonitor, 'on'>;
  /** Asks the renderer to run the notification check (the data lives in its IndexedDB). */
  requestCheck: (reason: CheckReason) => void;
  /** Start at login per OS (electron/login-item.ts); without it, Electron's login item alone. */
  setStartAtLogin?: (enabled: boolean) => void;
  now?: () => Date;
}

export interface Background {
  apply(options: BackgroundOptions): void;
  /** Closing the window hides it instead when the app is kept in the tray (and not quitting). */
  attachWindow(window: BrowserWindow): void;
  keepsRunning(): boolean;
  /** Set before quitting from the tray, so the close handler lets the window go. */
  markQuitting(): void;
  dispose(): void;
}

/** Milliseconds from `now` to the next local `hour`:00 (tomorrow's when today's has passed). */
export function msUntilHour(now: Date, hour: number): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

export function startedHidden(argv: readonly string[]): boolean {
  return argv.includes(HIDDEN_ARG);
}

export function createBackground(deps: BackgroundDeps): Background {
  const now = deps.now ?? (() => new Date());
  let options: BackgroundOptions = { keepInTray: false, startAtLogin: false, dailyCheckHour: 9 };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let quitting = false;

  function scheduleDaily(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        deps.requestCheck('daily');
        scheduleDaily();
      },
      msUntilHour(now(), options.dailyCheckHour),
    );
  }

  deps.powerMonitor.on('resume', () => {
    deps.requestCheck('resume');
    // Timers do not count time asleep: aim again at the next check hour.
    scheduleDaily();
  });
  deps.app.on('before-quit', () => {
    quitting = true;
  });
  scheduleDaily();

  return {
    apply(next) {
      options = next;
      if (deps.setStartAtLogin) deps.setStartAtLogin(next.startAtLogin);
      else deps.app.setLoginItemSettings({ openAtLogin: next.startAtLogin, args: [HIDDEN_ARG] });
      scheduleDaily();
    },
    attachWindow(window) {
      window.on('close', (event) => {
        if (!options.keepInTray || quitting) return;
        event.preventDefault();
        window.hide();
      });
    },
    keepsRunning: () => options.keepInTray,
    markQuitting() {
      quitting = true;
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
