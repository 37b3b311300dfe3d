// Small helpers shared by the repositories: ids, timestamps and throwing a single issue.
import type { FieldIssue, IssueCode } from '../../../shared/domain/validation';
import { ValidationError } from '../../../shared/domain/validation';
import type { Instant } from '../../../shared/domain/records';

export function newId(): string {
  return crypto.randomUUID();
}

export function nowInstant(): Instant {
  return new Date().toISOString();
}

export function fail(field: string, code: IssueCode, params?: FieldIssue['params']): never {
  throw new ValidationError([params ? { field, code, params } : { field, code }]);
}

export function throwIfIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}

/** Keeps the first issue per field+code (two validators may report the same problem). */
export function uniqueIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.field}|${issue.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
