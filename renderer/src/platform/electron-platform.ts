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
    secrets: {
      save: async (name, value) =>
        unwrap(await bridge['sync:save-secret']({ name, value })).applied,
      load: async (name) => unwrap(await bridge['sync:load-secret']({ name })),
    },
    // The main process does sync's HTTP: the window's CSP keeps connect-src 'self'.
    syncFetch: async (url, init) => {
      const headers = new Headers(init.headers);
      const method = init.method === 'POST' || init.method === 'PUT' ? init.method : 'GET';
      const answer = unwrap(
        await bridge['sync:request']({
          url,
          method,
          authorization: headers.get('Authorization') ?? '',
          ...(typeof init.body === 'string' ? { body: init.body } : {}),
        }),
      );
      return new Response(answer.body, { status: answer.status });
    },
    appInfo: async () => unwrap(await bridge['app:get-version']({})),
    saveFile: async ({ suggestedName, content, filters }) =>
      unwrap(await bridge['file:save']({ suggestedName, content, ...(filters ? { filters } : {}) }))
        .saved,
    openFile: async (filters) => unwrap(await bridge['file:open'](filters ? { filters } : {})),
    notify: async (request) => unwrap(await bridge['notify:show'](request)).shown,
    onNotificationClick: (listener) => bridge.onNotificationClick(listener),
    composeEmail: async (request) => unwrap(await bridge['mail:compose'](request)).opened,
    writeLog: async (record) => unwrap(await bridge['log:write'](record)).written,
    openLog: async () => unwrap(await bridge['log:open']({})),
    // Electron shows OS notifications without a permission prompt.
    requestNotificationPermission: () => Promise.resolve('granted'),
    onCheckRequested: (listener) => bridge.onCheckRequested(listener),
    setTrayStatus: async (status) => unwrap(await bridge['notify:set-tray-status'](status)).applied,
    setBackgroundOptions: async (options) =>
      unwrap(await bridge['notify:set-background'](options)).applied,
    signPdf: async (request) => {
      const result = unwrap(await bridge['pdf:sign'](request));
      if (result.bytes) return result.bytes;
      throw new PlatformError(result.problem ?? 'failed', 'The PDF could not be signed.');
    },
    autoBackupStatus: async () => unwrap(await bridge['backup:status']({})),
    writeAutoBackup: async (content, reason) => {
      unwrap(await bridge['backup:write']({ content, reason }));
      return true;
    },
    readAutoBackup: async (name) => unwrap(await bridge['backup:read']({ name })),
    chooseBackupFolder: async () => unwrap(await bridge['backup:choose-folder']({})),
    onBackupDue: (listener) => bridge.onBackupDue(listener),
    onBackupFileOpened: (listener) => {
      // Main keeps the file until asked: ask now (it may have started the app) and on each event.
      const take = () => {
        bridge['backup:take-opened']({})
          .then((result) => {
            const file = unwrap(result);
            if (file) listener(file);
          })
          .catch(() => undefined);
      };
      const unsubscribe = bridge.onBackupFileOpened(take);
      take();
      return unsubscribe;
    },
  };
}
