// Web permissions: the app's own pages get the three the app uses and nothing else; other origins get nothing.
import type { Session } from 'electron';

/**
 * Notifications; "Copiar detalles" writing to the clipboard (never reading it); and persistent
 * storage, without which Ajustes → Espacio could never keep IndexedDB safe from eviction.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
  'persistent-storage',
]);

/**
 * `isAppPage` decides from the requesting URL (or origin) whether it is ours; without it only the
 * permission is checked. Device requests (HID, serial, USB) also go through the check handler.
 */
export function allowOnlyAppPermissions(
  session: Session,
  isAppPage: (url: string) => boolean = () => true,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppPage(details.requestingUrl));
  });
  session.setPermissionCheckHandler(
    (_webContents, permission, requestingOrigin) =>
      ALLOWED_PERMISSIONS.has(permission) && isAppPage(requestingOrigin),
  );
}
