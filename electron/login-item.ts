// Start at login, hidden, on each OS: Windows passes --hidden, macOS says it opened us at login, Linux uses XDG autostart.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { App } from 'electron';
import { HIDDEN_ARG } from './background';

export const AUTOSTART_FILE = 'cuentas-claras.desktop';

/** Quotes one Exec argument as the Desktop Entry spec asks (quoting, then the string escape). */
function execArgument(arg: string): string {
  const quoted = arg.replace(/[\\"`$]/g, (char) => `\\${char}`).replace(/\\/g, '\\\\');
  return `"${quoted.replace(/%/g, '%%')}"`;
}

/** The XDG autostart entry (~/.config/autostart) that starts the app hidden; null for an unusable path. */
export function linuxAutostartEntry(executable: string): string | null {
  if (!path.isAbsolute(executable) || /[\n\r\0]/.test(executable)) return null;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Cuentas Claras',
    'Comment=Comprueba los vencimientos al iniciar sesión',
    `Exec=${execArgument(executable)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings'>;
  /** `$XDG_CONFIG_HOME/autostart` (or ~/.config/autostart) on Linux. */
  autostartDir: string;
  /** What the login starts: an AppImage's own file (env APPIMAGE) or the installed executable. */
  executable: string;
  files?: {
    mkdir: (dir: string, options: { recursive: true }) => Promise<unknown>;
    writeFile: (file: string, content: string, encoding: 'utf8') => Promise<void>;
    rm: (file: string, options: { force: true }) => Promise<void>;
  };
}

const nodeFiles = { mkdir, writeFile, rm };

/**
 * Turns start-at-login on or off. Electron's login items exist only on Windows and macOS; on
 * Linux the desktop's autostart folder does the same job. Resolves false where it cannot.
 */
export async function setStartAtLogin(enabled: boolean, deps: LoginItemDeps): Promise<boolean> {
  if (deps.platform === 'win32') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
    return true;
  }
  if (deps.platform === 'darwin') {
    // macOS passes no arguments; startsHidden() asks getLoginItemSettings().wasOpenedAtLogin.
    deps.app.setLoginItemSettings({ openAtLogin: enabled });
    return true;
  }
  if (deps.platform !== 'linux') return false;
  const files = deps.files ?? nodeFiles;
  const file = path.join(deps.autostartDir, AUTOSTART_FILE);
  if (!enabled) {
    await files.rm(file, { force: true });
    return true;
  }
  const entry = linuxAutostartEntry(deps.executable);
  if (entry === null) return false;
  await files.mkdir(deps.autostartDir, { recursive: true });
  await files.writeFile(file, entry, 'utf8');
  return true;
}

/** Whether this launch came from the login item, so the window stays in the tray. */
export function startsHidden(
  argv: readonly string[],
  platform: NodeJS.Platform,
  app: Pick<App, 'getLoginItemSettings'>,
): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}

/** Where Linux desktops look for autostart entries. */
export function autostartDirectory(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME;
  return path.join(
    config && path.isAbsolute(config) ? config : path.join(home, '.config'),
    'autostart',
  );
}
