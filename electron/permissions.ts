// Web permissions: the renderer may ask for notifications and nothing else.
import type { Session } from 'electron';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function allowOnlyNotifications(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  session.setPermissionCheckHandler((_webContents, permission) =>
    ALLOWED_PERMISSIONS.has(permission),
  );
}
