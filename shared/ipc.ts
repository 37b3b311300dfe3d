// The one IPC contract: each channel's request schema (zod) and response type, the result envelope and the bridge type.
import { z } from 'zod';
import type { CheckReason, IpcChannel, NotificationTarget } from './ipc-channels';
import { logWriteRequest, type LogOpenResult, type LogWriteResult } from './log-entry';

export {
  BRIDGE_GLOBAL,
  IPC_CHANNEL_NAMES,
  IPC_EVENTS,
  isIpcChannel,
  type IpcChannel,
  type NotificationTarget,
  type CheckReason,
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
/** Collections: a reminder handed to the default mail client. */
export interface ComposeResult {
  opened: boolean;
}
/** Long mailto: URLs are cut by some mail clients; longer reminders go out as a saved .eml. */
export const MAX_MAIL_BODY = 8000;
export interface NotifyResult {
  shown: boolean;
}
/** Signing fails as data: the renderer words each problem; `bytes` is null unless signed. */
export interface SignPdfResult {
  bytes: Uint8Array | null;
  problem: 'bad_password' | 'bad_certificate' | 'bad_pdf' | 'failed' | null;
}

function bytesUpTo(maxBytes: number) {
  return z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes')
    .refine((bytes) => bytes.byteLength <= maxBytes, `at most ${maxBytes} bytes`);
}
export interface AppliedResult {
  applied: boolean;
}

/** Automatic backup files: cuentas-claras-2026-03-01T10-00-00-000Z-daily.json. */
export const AUTO_BACKUP_NAME =
  /^cuentas-claras-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(daily|before_restore|before_upgrade|manual)\.json$/;
export interface AutoBackupEntry {
  name: string;
  size: number;
}
export interface AutoBackupStatus {
  folder: string;
  keep: number;
  /** Newest first. */
  entries: AutoBackupEntry[];
}

/** A .ccbackup the person opened from the OS; `content` is null when main refused it (`problem`). */
export interface OpenedBackupFile {
  name: string;
  content: string | null;
  problem: 'too_large' | 'not_backup' | 'unreadable' | null;
}

/** Sync (issue 15): the main process talks to the CouchDB server; the answer crosses as text. */
export interface SyncHttpResponse {
  status: number;
  body: string;
}
/** The largest answer sync reads from the server (a `_changes` batch of 500 documents). */
export const MAX_SYNC_RESPONSE = 64 * 1024 * 1024;

/** HTTPS, or plain HTTP to this computer only: the same rule as the renderer's settings. */
export function isAllowedSyncUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && local);
}

const secretName = z.string().regex(/^sync:[A-Za-z0-9._-]{1,100}$/, 'a sync secret name');

/** Adding a channel: its name in `ipc-channels.ts`, one entry here, one handler in `electron/`. */
export const IPC_CHANNELS = {
  'app:get-version': channel<AppVersion>()(z.strictObject({})),
  // Collections: the main process builds the mailto: URL itself; only these three fields cross.
  'mail:compose': channel<ComposeResult>()(
    z.strictObject({
      to: z.union([z.literal(''), z.email().max(254)]),
      subject: z.string().max(300),
      body: z.string().max(MAX_MAIL_BODY),
    }),
  ),
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
  'notify:set-tray-status': channel<AppliedResult>()(
    z.strictObject({
      overdueCount: z.number().int().min(0).max(10_000_000),
      tooltip: z.string().max(200),
      labels: z.strictObject({
        open: z.string().min(1).max(60),
        checkNow: z.string().min(1).max(60),
        quit: z.string().min(1).max(60),
      }),
    }),
  ),
  'notify:set-background': channel<AppliedResult>()(
    z.strictObject({
      keepInTray: z.boolean(),
      startAtLogin: z.boolean(),
      dailyCheckHour: z.number().int().min(0).max(23),
    }),
  ),
  // The renderer's errors go to the local log file; `log:open` opens it in the user's text viewer.
  'log:write': channel<LogWriteResult>()(logWriteRequest),
  'log:open': channel<LogOpenResult>()(z.strictObject({})),
  // Plans: sign a PDF with the user's .p12/.pfx in the main process; the password is never kept.
  'pdf:sign': channel<SignPdfResult>()(
    z.strictObject({
      pdf: bytesUpTo(MAX_FILE_BYTES),
      p12: bytesUpTo(1024 * 1024),
      password: z.string().max(1000),
      reason: z.string().max(200),
      location: z.string().max(200),
      signerName: z.string().min(1).max(200),
    }),
  ),
  // Automatic backups: the renderer hands over the content; the main process owns folder and rotation.
  'backup:status': channel<AutoBackupStatus>()(z.strictObject({})),
  'backup:write': channel<AutoBackupEntry>()(
    z.strictObject({
      content: z.string().min(2).max(MAX_FILE_BYTES),
      reason: z.enum(['daily', 'before_restore', 'before_upgrade', 'manual']),
    }),
  ),
  // Only a file name of the app's own pattern, read from the backup folder; never a path.
  'backup:read': channel<string>()(
    z.strictObject({ name: z.string().regex(AUTO_BACKUP_NAME, 'a backup file name') }),
  ),
  'backup:choose-folder': channel<AutoBackupStatus | null>()(z.strictObject({})),
  // A backup file opened from the OS: main checked it and hands it over once (null when none waits).
  'backup:take-opened': channel<OpenedBackupFile | null>()(z.strictObject({})),
  // Sync: only CouchDB's JSON API, to an https:// server (or localhost), never a redirect.
  'sync:request': channel<SyncHttpResponse>()(
    z.strictObject({
      url: z.string().max(4000).refine(isAllowedSyncUrl, 'https://, or http://localhost'),
      method: z.enum(['GET', 'POST', 'PUT']),
      authorization: z.string().max(2000),
      body: z.string().max(MAX_FILE_BYTES).optional(),
    }),
  ),
  // The sync password, encrypted with the OS's key (safeStorage) in the user-data folder.
  'sync:save-secret': channel<AppliedResult>()(
    z.strictObject({ name: secretName, value: z.string().max(1000) }),
  ),
  'sync:load-secret': channel<string | null>()(z.strictObject({ name: secretName })),
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
  onCheckRequested(callback: (reason: CheckReason) => void): () => void;
  onBackupDue(callback: () => void): () => void;
  /** Main has a backup file opened from the OS waiting; fetch it with `backup:take-opened`. */
  onBackupFileOpened(callback: () => void): () => void;
}

/** Exactly what `window[BRIDGE_GLOBAL]` holds inside Electron (absent in web mode). */
export type WindowBridge = Bridge & BridgeEvents;
