// The IPC channel and event names, free of zod, so the sandboxed preload can bundle them alone.

/** Every request/response channel, named `domain:verb-noun`; `shared/ipc.ts` gives each its schema. */
export const IPC_CHANNEL_NAMES = [
  'app:get-version',
  'file:save',
  'file:open',
  'notify:show',
] as const;

export type IpcChannel = (typeof IPC_CHANNEL_NAMES)[number];

/** Main → renderer events (one-way; the preload turns each into a subscription). */
export const IPC_EVENTS = { notificationClicked: 'notify:clicked' } as const;

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
