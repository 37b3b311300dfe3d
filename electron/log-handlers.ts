// The log channels: the renderer appends its errors to the local log, and asks to open it.
import { existsSync } from 'node:fs';
import type { IpcHandler } from './register-handler';
import type { ErrorLog } from './error-log';

export interface LogHandlers {
  'log:write': IpcHandler<'log:write'>;
  'log:open': IpcHandler<'log:open'>;
}

/**
 * `openPath` is Electron's shell.openPath (resolves '' on success). It only ever receives the
 * log file's own path, never one from the renderer.
 */
export function createLogHandlers(
  log: ErrorLog | undefined,
  openPath: ((filePath: string) => Promise<string>) | undefined,
): LogHandlers {
  return {
    'log:write': ({ level, source, message, detail }) => {
      if (!log) return { written: false };
      // The renderer's source is prefixed so a line from it can never pass for the main process's.
      log.write({ level, source: `renderer: ${source}`, message, ...(detail ? { detail } : {}) });
      return { written: true };
    },
    'log:open': async () => {
      if (!log || !openPath) return { opened: false, filePath: '' };
      if (!existsSync(log.filePath)) {
        log.write({ level: 'info', source: 'main', message: 'Registro creado: no hay errores.' });
      }
      const failure = await openPath(log.filePath);
      return { opened: failure === '', filePath: log.filePath };
    },
  };
}
