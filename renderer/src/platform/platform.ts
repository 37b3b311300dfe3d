// What the renderer may ask of the operating system; features use only this interface.
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  content: string | Uint8Array;
  filters?: FileFilter[];
}

export interface OpenedFile {
  name: string;
  content: Uint8Array;
}

export interface NotificationTarget {
  kind: 'invoice' | 'client' | 'plan';
  id: string;
}

export interface NotifyRequest {
  title: string;
  body: string;
  target?: NotificationTarget;
}

/** Why the platform asks for a notification check. */
export type CheckReason = 'start' | 'daily' | 'resume' | 'tray';

export interface TrayStatus {
  overdueCount: number;
  tooltip: string;
  labels: { open: string; checkNow: string; quit: string };
}

export interface BackgroundOptions {
  keepInTray: boolean;
  startAtLogin: boolean;
  dailyCheckHour: number;
}

export type PermissionState = 'granted' | 'denied' | 'unsupported';

/** One line for the local error log (see electron/error-log.ts); never sent anywhere. */
export interface LogRecord {
  level: 'error' | 'warn' | 'info';
  source: string;
  message: string;
  detail?: string;
}

export interface LogLocation {
  opened: boolean;
  filePath: string;
}

/** Collections: a reminder opened in the default mail client. */
export interface ComposeEmailRequest {
  to: string;
  subject: string;
  body: string;
}

export interface AppInfo {
  version: string;
  platform: string;
}

/** Secrets the OS encrypts for this user (Electron's safeStorage); absent in web mode. */
export interface PlatformSecrets {
  /** False when the OS offers no key (the caller then keeps it for the session only). */
  save(name: string, value: string): Promise<boolean>;
  load(name: string): Promise<string | null>;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Sync's password store (desktop only: web mode keeps it for the session). */
  readonly secrets?: PlatformSecrets;
  /** Sync's HTTP in the desktop app (the main process talks to the server); absent: window.fetch. */
  readonly syncFetch?: (url: string, init: RequestInit) => Promise<Response>;
  appInfo(): Promise<AppInfo>;
  /** Resolves false when the person cancels the dialog. */
  saveFile(request: SaveFileRequest): Promise<boolean>;
  /** Resolves null when the person cancels the dialog. */
  openFile(filters?: FileFilter[]): Promise<OpenedFile | null>;
  /** Resolves false when notifications are not allowed or not supported. */
  notify(request: NotifyRequest): Promise<boolean>;
  /** Subscribes to clicks on notifications; returns the unsubscribe function. */
  onNotificationClick(listener: (target: NotificationTarget) => void): () => void;
  /** Opens the default mail client with a new message (a mailto: link); false if it could not. */
  composeEmail(request: ComposeEmailRequest): Promise<boolean>;
  /** Appends to the log file; resolves false where there is no file (web mode keeps its own list). */
  writeLog(record: LogRecord): Promise<boolean>;
  /** Opens the log file in the system's viewer; null where there is no file (web mode). */
  openLog(): Promise<LogLocation | null>;
  /** Asks the person to allow notifications; call it only from their own action. */
  requestNotificationPermission(): Promise<PermissionState>;
  /** Subscribes to the platform asking for a notification check; returns the unsubscribe. */
  onCheckRequested(listener: (reason: CheckReason) => void): () => void;
  /** Desktop: the tray's count and menu labels. Resolves false where there is no tray. */
  setTrayStatus(status: TrayStatus): Promise<boolean>;
  /** Desktop: tray on close, start at login, daily check hour. Resolves false in web mode. */
  setBackgroundOptions(options: BackgroundOptions): Promise<boolean>;
  /**
   * Signs a PDF with a .p12/.pfx certificate (desktop only). Rejects with a PlatformError whose
   * code is 'needs_desktop', 'bad_password', 'bad_certificate', 'bad_pdf' or 'failed'.
   */
  signPdf(request: SignPdfRequest): Promise<Uint8Array>;
  /** Desktop automatic backups: folder, rotation and files; null in web mode (none there). */
  autoBackupStatus(): Promise<AutoBackupStatus | null>;
  /** Hands a full backup to the desktop's backup folder; resolves false in web mode. */
  writeAutoBackup(content: string, reason: AutoBackupReason): Promise<boolean>;
  /** The content of one automatic backup, by file name (desktop only). */
  readAutoBackup(name: string): Promise<string>;
  /** Lets the person pick another backup folder; null if cancelled or in web mode. */
  chooseBackupFolder(): Promise<AutoBackupStatus | null>;
  /** Desktop: the main process says a daily backup is due; returns the unsubscribe. */
  onBackupDue(listener: () => void): () => void;
  /**
   * Desktop: a .ccbackup the person opened from the OS (double-click, "Abrir con"), including one
   * that started the app; each file reaches the listener once. Never fires in web mode.
   */
  onBackupFileOpened(listener: (file: BackupFileFromOs) => void): () => void;
}

/** A backup file handed over by the OS; `content` is null when the app refused it (`problem`). */
export interface BackupFileFromOs {
  name: string;
  content: string | null;
  problem: 'too_large' | 'not_backup' | 'unreadable' | null;
}

export type AutoBackupReason = 'daily' | 'before_restore' | 'before_upgrade' | 'manual';

export interface AutoBackupStatus {
  folder: string;
  keep: number;
  entries: { name: string; size: number }[];
}

export interface SignPdfRequest {
  pdf: Uint8Array;
  p12: Uint8Array;
  /** Passed through once; never stored. */
  password: string;
  reason: string;
  location: string;
  signerName: string;
}

export class PlatformError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'PlatformError';
    this.code = code;
  }
}
