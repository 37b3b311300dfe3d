// The IPC channel and event names, free of zod, so the sandboxed preload can bundle them alone.

/** Every request/response channel, named `domain:verb-noun`; `shared/ipc.ts` gives each its schema. */
export const IPC_CHANNEL_NAMES = [
  'app:get-version',
  'file:save',
  'file:open',
  'notify:show',
  'mail:compose',
  'notify:set-tray-status',
  'notify:set-background',
  'log:write',
  'log:open',
  'pdf:sign',
  'backup:status',
  'backup:write',
  'backup:read',
  'backup:choose-folder',
  'backup:take-opened',
  'sync:request',
  'sync:save-secret',
  'sync:load-secret',
] as const;

export type IpcChannel = (typeof IPC_CHANNEL_NAMES)[number];

/** Main → renderer events (one-way; the preload turns each into a subscription). */
export const IPC_EVENTS = {
  notificationClicked: 'notify:clicked',
  /** The main process asks the renderer to run the notification check (the data lives there). */
  checkRequested: 'notify:check-requested',
  /** Automatic backups: the main process asks the renderer for today's copy (the data lives there). */
  backupDue: 'backup:due',
  /** A .ccbackup was opened from the OS (double-click, "Abrir con"): the renderer asks for it. */
  backupFileOpened: 'backup:file-opened',
} as const;

/** Why the main process asks for a check. */
export type CheckReason = 'start' | 'daily' | 'resume' | 'tray';

/** The window property under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'cuentasClaras';

/** What a notification points at; clicking it sends this back to the renderer. */
export interface NotificationTarget {
  kind: 'invoice' | 'client' | 'plan';
  id: string;
}

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (IPC_CHANNEL_NAMES as readonly string[]).includes(value);
}
