// Sync (issue 15): the main process does the HTTP to the CouchDB server, so the window's CSP keeps
// connect-src 'self', and keeps the password encrypted with the OS's key (safeStorage).
import { readFile, writeFile } from 'node:fs/promises';
import { IpcError, MAX_SYNC_RESPONSE } from '../shared/ipc';
import type { IpcHandler } from './register-handler';

export interface SyncHandlers {
  'sync:request': IpcHandler<'sync:request'>;
  'sync:save-secret': IpcHandler<'sync:save-secret'>;
  'sync:load-secret': IpcHandler<'sync:load-secret'>;
}

/** Electron's safeStorage, or a stand-in in tests. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface SyncHandlerOptions {
  /** The JSON file holding the encrypted secrets (in the user-data folder). */
  secretsFile: string;
  cipher: SecretCipher;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

async function readSecrets(file: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function createSyncHandlers({
  secretsFile,
  cipher,
  fetchImpl = fetch,
  timeoutMs = 30_000,
}: SyncHandlerOptions): SyncHandlers {
  return {
    'sync:request': async ({ url, method, authorization, body }) => {
      const response = await fetchImpl(url, {
        method,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          Authorization: authorization,
        },
        ...(body === undefined ? {} : { body }),
      });
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > MAX_SYNC_RESPONSE)
        throw new IpcError('too_large', 'The server answer is too large');
      const text = await response.text();
      if (text.length > MAX_SYNC_RESPONSE)
        throw new IpcError('too_large', 'The server answer is too large');
      return { status: response.status, body: text };
    },
    // Without an OS key (some Linux desktops) nothing is written: the password is asked per session.
    'sync:save-secret': async ({ name, value }) => {
      if (!cipher.isEncryptionAvailable()) return { applied: false };
      const secrets = await readSecrets(secretsFile);
      secrets[name] = cipher.encryptString(value).toString('base64');
      await writeFile(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
      return { applied: true };
    },
    'sync:load-secret': async ({ name }) => {
      const stored = (await readSecrets(secretsFile))[name];
      if (!stored || !cipher.isEncryptionAvailable()) return null;
      try {
        return cipher.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null;
      }
    },
  };
}
