// Words for a failed write: a full disk, a read-only or closed database, an interrupted save.
import type { Language } from '../../../shared/domain/records';
import { classifyWriteError, type WriteErrorKind } from '../db/write-errors';
import { translate, type MessageKey } from '../i18n';

const MESSAGE = {
  quota: 'reliability.write.quota',
  readonly: 'reliability.write.readonly',
  blocked: 'reliability.write.blocked',
  closed: 'reliability.write.closed',
  aborted: 'reliability.write.aborted',
} as const satisfies Record<Exclude<WriteErrorKind, 'unknown'>, MessageKey>;

/** A clear message for a storage failure, or null when `error` is not one (the caller words it). */
export function writeErrorMessage(language: Language, error: unknown): string | null {
  const kind = classifyWriteError(error);
  return kind === 'unknown' ? null : translate(language, MESSAGE[kind]);
}
