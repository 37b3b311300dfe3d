// The Electron adapter: every call goes through the preload's typed bridge; failures come back as data.
import { BRIDGE_GLOBAL } from '../../../shared/ipc-channels';
import type { IpcResult, WindowBridge } from '../../../shared/ipc';
import { PlatformError, type Platform } from './platform';

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.data;
  throw new PlatformError(result.error.code, result.error.message);
}

export function findBridge(scope: object = window): WindowBridge | null {
  const candidate = (scope as Record<string, unknown>)[BRIDGE_GLOBAL];
  return candidate && typeof candidate === 'object' ? (candidate as WindowBridge) : null;
}

export function createElectronPlatform(bridge: WindowBridge): Platform {
  return {
    kind: 'electron',
    appInfo: async () => unwrap(await bridge['app:get-version']({})),
    saveFile: async ({ suggestedName, content, filters }) =>
      unwrap(await bridge['file:save']({ suggestedName, content, ...(filters ? { filters } : {}) }))
        .saved,
    openFile: async (filters) => unwrap(await bridge['file:open'](filters ? { filters } : {})),
    notify: async (request) => unwrap(await bridge['notify:show'](request)).shown,
    onNotificationClick: (listener) => bridge.onNotificationClick(listener),
  };
}
