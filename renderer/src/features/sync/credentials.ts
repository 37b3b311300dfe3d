// Where the sync password lives: in web mode only for the browser session (sessionStorage);
// in the desktop app encrypted by the OS through Electron's safeStorage (the platform's secrets).
import { getPlatform } from '../../platform';

const SESSION_KEY = 'cuentas-claras:sync-password:';

function session(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export async function loadSyncPassword(dbName: string): Promise<string | null> {
  const secrets = getPlatform().secrets;
  const kept = secrets ? await secrets.load(`sync:${dbName}`) : null;
  return kept ?? session()?.getItem(SESSION_KEY + dbName) ?? null;
}

export async function saveSyncPassword(dbName: string, password: string): Promise<void> {
  const secrets = getPlatform().secrets;
  // Without an OS key (some Linux desktops) the desktop app too keeps it for the session only.
  if (secrets && (await secrets.save(`sync:${dbName}`, password))) return;
  session()?.setItem(SESSION_KEY + dbName, password);
}

/** True when the password survives a restart (desktop), false when it is asked once per session. */
export function passwordIsRemembered(): boolean {
  return Boolean(getPlatform().secrets);
}
