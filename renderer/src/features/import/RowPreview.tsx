// The first rows as read, each with its problems, the full error list, and the import button.
import { useMemo, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { RowIssue } from '../../../../shared/formats/row-validation';
import { FIRST_DATA_ROW } from '../../../../shared/formats/row-validation';
import type { TableFile } from './read-table';
import { useRowIssueText } from './row-issue-text';

const PREVIEW_ROWS = 20;
const LISTED_ISSUES = 50;

interface RowPreviewProps {
  table: TableFile;
  /** Non-blocking remarks per row (e.g. an invoice that may have prescribed). */
  notes?: ReadonlyMap<number, string>;
  /** Questions to answer before importing, shown above the rows. */
  questions?: ReactNode;
  issues: readonly RowIssue[];
  validCount: number;
  progress: { done: number; total: number } | null;
  onCommit: () => void;
}

export function RowPreview({
  table,
  notes,
  questions,
  issues,
  validCount,
  progress,
  onCommit,
}: RowPreviewProps) {
  const t = useT();
  const { count } = useFormat();
  const describe = useRowIssueText();
  const byRow = useMemo(() => {
    const map = new Map<number, RowIssue[]>();
    for (const issue of issues) map.set(issue.row, [...(map.get(issue.row) ?? []), issue]);
    return map;
  }, [issues]);
  const shown = table.rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="card">
      <h2 id="import-preview-title">{t('import.preview', { count: shown.length })}</h2>
      {questions}
      {/* Scrolls sideways with wide files: focusable so a keyboard can scroll it too. */}
      <div
        className="import-preview"
        tabIndex={0}
        role="region"
        aria-labelledby="import-preview-title"
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('import.preview.row')}</th>
              <th scope="col">{t('import.preview.status')}</th>
              {table.header.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => {
              const number = index + FIRST_DATA_ROW;
              const problems = byRow.get(number) ?? [];
              return (
                <tr key={number} className={problems.length > 0 ? 'import-row--error' : undefined}>
                  <td>{number}</td>
                  <td>
                    {notes?.get(number) && (
                      <div className="badge" data-testid="import-prescribed">
                        {notes.get(number)}
                      </div>
                    )}
                    {problems.length === 0 ? (
                      <span className="badge badge--paid">{t('import.preview.ok')}</span>
                    ) : (
                      problems.map((problem) => (
                        <div key={`${problem.field}-${problem.code}`}>{describe(problem)}</div>
                      ))
                    )}
                  </td>
                  {table.header.map((column, k) => (
                    <td key={column}>{row[k] ?? ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {issues.length === 0 ? (
        <p className="alert alert--info" role="status">
          {t('import.check.ok', { count: count(validCount) })}
        </p>
      ) : (
        <div className="alert alert--error" role="alert">
          <p>{t('import.check.errors', { count: count(issues.length) })}</p>
          <ul className="import-issues">
            {issues.slice(0, LISTED_ISSUES).map((issue) => (
              <li key={`${issue.row}-${issue.field}-${issue.code}`}>{describe(issue)}</li>
            ))}
          </ul>
          {issues.length > LISTED_ISSUES && (
            <p>{t('import.check.more', { count: count(issues.length - LISTED_ISSUES) })}</p>
          )}
        </div>
      )}
      <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
        <button
          type="button"
          className="button button--primary"
          disabled={issues.length > 0 || validCount === 0 || progress !== null}
          onClick={onCommit}
        >
          {t('import.commit', { count: count(validCount) })}
        </button>
      </div>
      {progress && (
        <div role="status" style={{ marginTop: 'var(--space-3)' }}>
          <progress className="progress" max={progress.total} value={progress.done} />
          {t('import.progress', { done: count(progress.done), total: count(progress.total) })}
        </div>
      )}
    </div>
  );
}
