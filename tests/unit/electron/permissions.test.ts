import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { allowOnlyAppPermissions } = await import('../../../electron/permissions');

type RequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (wc: unknown, permission: string, requestingOrigin: string) => boolean;

const APP = 'app://cuentas-claras/index.html';

describe('allowOnlyAppPermissions', () => {
  it('grants notifications, clipboard writes and persistent storage, and refuses the rest', () => {
    let onRequest: RequestHandler | undefined;
    let onCheck: CheckHandler | undefined;
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (onRequest = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (onCheck = handler),
    };
    // Only the two permission setters are used; a whole Session is not needed.
    allowOnlyAppPermissions(session as unknown as Session);

    for (const [permission, expected] of [
      ['notifications', true],
      ['clipboard-sanitized-write', true],
      ['persistent-storage', true],
      ['media', false],
      ['geolocation', false],
      ['openExternal', false],
      ['clipboard-read', false],
    ] as const) {
      const callback = vi.fn();
      onRequest?.(null, permission, callback, { requestingUrl: APP });
      expect(callback).toHaveBeenCalledWith(expected);
      expect(onCheck?.(null, permission, 'app://cuentas-claras')).toBe(expected);
    }
  });

  it('refuses even notifications to a page that is not the app', () => {
    let onRequest: RequestHandler | undefined;
    let onCheck: CheckHandler | undefined;
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (onRequest = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (onCheck = handler),
    };
    const isAppPage = (url: string) => url.startsWith('app://cuentas-claras');
    allowOnlyAppPermissions(session as unknown as Session, isAppPage);
    const ours = vi.fn();
    const theirs = vi.fn();
    onRequest?.(null, 'notifications', ours, { requestingUrl: APP });
    onRequest?.(null, 'notifications', theirs, { requestingUrl: 'https://evil.example/' });
    expect(ours).toHaveBeenCalledWith(true);
    expect(theirs).toHaveBeenCalledWith(false);
    expect(onCheck?.(null, 'notifications', 'https://evil.example')).toBe(false);
  });
});
