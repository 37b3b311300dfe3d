import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { allowOnlyNotifications } = await import('../../../electron/permissions');

type RequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type CheckHandler = (wc: unknown, permission: string) => boolean;

describe('allowOnlyNotifications', () => {
  it('grants notifications and refuses every other permission', () => {
    let onRequest: RequestHandler | undefined;
    let onCheck: CheckHandler | undefined;
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (onRequest = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (onCheck = handler),
    };
    // Only the two permission setters are used; a whole Session is not needed.
    allowOnlyNotifications(session as unknown as Session);

    for (const [permission, expected] of [
      ['notifications', true],
      ['media', false],
      ['geolocation', false],
      ['openExternal', false],
      ['clipboard-read', false],
    ] as const) {
      const callback = vi.fn();
      onRequest?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(expected);
      expect(onCheck?.(null, permission)).toBe(expected);
    }
  });
});
