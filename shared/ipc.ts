// The one IPC contract: each channel's request schema (zod) and response type, the result envelope and the bridge type.
import { z } from 'zod';
import type { IpcChannel, NotificationTarget } from './ipc-channels';

export {
  BRIDGE_GLOBAL,
  IPC_CHANNEL_NAMES,
  IPC_EVENTS,
  isIpcChannel,
  type IpcChannel,
  type NotificationTarget,
} from './ipc-channels';

/** The largest file the app writes or reads through the bridge. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** A channel's request schema; the response type rides along as a type-only (never set) field. */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  readonly request: Req;
  readonly response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request });
}

const fileFilters = z
  .array(
    z.strictObject({
      name: z.string().min(1).max(100),
      extensions: z
        .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'extension without dot, e.g. "csv"'))
        .min(1)
        .max(20),
    }),
  )
  .max(20);

const fileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+$/, 'a file name, without path separators')
  .refine((name) => name !== '.' && name !== '..', 'a file name, not "." or ".."');

// Strings are measured in UTF-16 units: cheap, and close enough for a size guard.
const fileContent = z.union([
  z.string().max(MAX_FILE_BYTES),
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'text or bytes')
    .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, 'at most 200 MB'),
]);

const notificationTarget = z.strictObject({
  kind: z.enum(['invoice', 'client', 'plan']),
  id: z.string().min(1).max(100),
}) satisfies z.ZodType<NotificationTarget>;

export interface AppVersion {
  version: string;
  platform: string;
}
export interface SaveResult {
  saved: boolean;
  filePath: string | null;
}
export interface OpenedFile {
  name: string;
  content: Uint8Array;
}
export interface NotifyResult {
  shown: boolean;
}

/** Adding a channel: its name in `ipc-channels.ts`, one entry here, one handler in `electron/`. */
export const IPC_CHANNELS = {
  'app:get-version': channel<AppVersion>()(z.strictObject({})),
  'file:save': channel<SaveResult>()(
    z.strictObject({
      suggestedName: fileName,
      filters: fileFilters.optional(),
      content: fileContent,
    }),
  ),
  'file:open': channel<OpenedFile | null>()(
    z.strictObject({
      filters: fileFilters.optional(),
      maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(),
    }),
  ),
  'notify:show': channel<NotifyResult>()(
    z.strictObject({
      title: z.string().min(1).max(200),
      body: z.string().max(1000),
      target: notificationTarget.optional(),
    }),
  ),
} satisfies { [C in IpcChannel]: ChannelSpec<z.ZodType, unknown> };

type Channels = typeof IPC_CHANNELS;

/** What the renderer sends. */
export type IpcRequest<C extends IpcChannel> = z.input<Channels[C]['request']>;
/** What a handler receives once the schema has parsed it. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<Channels[C]['request']>;
export type IpcResponse<C extends IpcChannel> =
  Channels[C] extends ChannelSpec<z.ZodType, infer Res> ? Res : never;

export type IpcErrorCode = 'invalid_request' | 'untrusted_sender' | 'failed' | 'too_large';

export type IpcResult<T> =
  { ok: true; data: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** A failure with a code that crosses IPC as data; the renderer may rebuild it from the envelope. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

/** The request/response half of what the preload puts on `window[BRIDGE_GLOBAL]`. */
export type Bridge = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
};

/** The event half: each subscription returns its unsubscribe function. */
export interface BridgeEvents {
  onNotificationClick(callback: (target: NotificationTarget) => void): () => void;
}

/** Exactly what `window[BRIDGE_GLOBAL]` holds inside Electron (absent in web mode). */
export type WindowBridge = Bridge & BridgeEvents;
