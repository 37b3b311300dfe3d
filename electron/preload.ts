// Sandboxed preload: exposes exactly the IPC contract's channels plus event subscriptions, nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC_CHANNEL_NAMES,
  IPC_EVENTS,
  type IpcChannel,
  type NotificationTarget,
  type CheckReason,
} from '../shared/ipc-channels';
// Type-only: the zod schemas stay in the main process, the preload bundles just the names.
import type { Bridge, BridgeEvents, WindowBridge } from '../shared/ipc';

function invoker(channel: IpcChannel) {
  return (request: unknown): Promise<unknown> => ipcRenderer.invoke(channel, request);
}

// Object.fromEntries cannot pair each name with its own request type; the main process checks them.
const channels = Object.fromEntries(
  IPC_CHANNEL_NAMES.map((channel) => [channel, invoker(channel)]),
) as Bridge;

const events: BridgeEvents = {
  onNotificationClick(callback) {
    // The IPC event never reaches the page: it carries a handle to ipcRenderer.
    const listener = (_event: IpcRendererEvent, target: NotificationTarget) => callback(target);
    ipcRenderer.on(IPC_EVENTS.notificationClicked, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.notificationClicked, listener);
    };
  },
  onCheckRequested(callback) {
    const listener = (_event: IpcRendererEvent, reason: CheckReason) => callback(reason);
    ipcRenderer.on(IPC_EVENTS.checkRequested, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.checkRequested, listener);
    };
  },
  onBackupDue(callback) {
    const listener = () => callback();
    ipcRenderer.on(IPC_EVENTS.backupDue, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.backupDue, listener);
    };
  },
  onBackupFileOpened(callback) {
    // No payload crosses: the renderer pulls the file through the checked `backup:take-opened`.
    const listener = () => callback();
    ipcRenderer.on(IPC_EVENTS.backupFileOpened, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.backupFileOpened, listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, { ...channels, ...events } satisfies WindowBridge);
