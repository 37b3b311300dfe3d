// How sync reaches the server: in web mode the browser's fetch (the meta CSP's connect-src allows
// https: and localhost); in the desktop app the main process does the HTTP (see electron/sync-http.ts),
// so the window's CSP stays connect-src 'self'.
import { getPlatform } from '../../platform';
import type { FetchLike } from '../../db/sync/couch-client';

export function syncFetch(): FetchLike | undefined {
  return getPlatform().syncFetch;
}
