// What the renderer may write to the local error log through IPC: a zod schema with hard size limits.
import { z } from 'zod';

/** Limits per entry: enough for a message and a React component stack, not for a flood. */
export const LOG_LIMITS = { message: 2_000, detail: 16_000, source: 100 } as const;

export const logWriteRequest = z.strictObject({
  level: z.enum(['error', 'warn', 'info']),
  source: z.string().min(1).max(LOG_LIMITS.source),
  message: z.string().min(1).max(LOG_LIMITS.message),
  detail: z.string().max(LOG_LIMITS.detail).optional(),
});

export type LogWriteRequest = z.infer<typeof logWriteRequest>;

export interface LogWriteResult {
  written: boolean;
}
export interface LogOpenResult {
  opened: boolean;
  /** Where the log is, so the UI can say it even when no program could open it. */
  filePath: string;
}
