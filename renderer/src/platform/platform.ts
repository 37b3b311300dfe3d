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

export interface AppInfo {
  version: string;
  platform: string;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  /** Resolves false when the person cancels the dialog. */
  saveFile(request: SaveFileRequest): Promise<boolean>;
  /** Resolves null when the person cancels the dialog. */
  openFile(filters?: FileFilter[]): Promise<OpenedFile | null>;
  /** Resolves false when notifications are not allowed or not supported. */
  notify(request: NotifyRequest): Promise<boolean>;
  /** Subscribes to clicks on notifications; returns the unsubscribe function. */
  onNotificationClick(listener: (target: NotificationTarget) => void): () => void;
}

export class PlatformError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'PlatformError';
    this.code = code;
  }
}
