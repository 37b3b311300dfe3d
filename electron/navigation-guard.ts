// Decides which URLs the window may show: our app:// origin, or the dev server's exact origin in dev.
import { isAppOrigin } from './app-protocol';

/** True only for our own origin; everything unparsable, spoofed or foreign is false. */
export function isAppUrl(url: string, devUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (isAppOrigin(parsed)) return true;
  if (devUrl === undefined || devUrl === '') return false;
  let dev: URL;
  try {
    dev = new URL(devUrl);
  } catch {
    return false;
  }
  return (
    (dev.protocol === 'http:' || dev.protocol === 'https:') &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.origin === dev.origin
  );
}
