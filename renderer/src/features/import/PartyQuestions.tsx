// A tax id the file gives to a party of another name: asked, never merged in silence.
import { useT } from '../../i18n';
import type { PartyConflict } from '../../db/import-repo';

export function PartyQuestions(props: {
  conflicts: readonly PartyConflict[];
  confirmed: ReadonlySet<string>;
  onConfirm: (taxId: string) => void;
}) {
  const t = useT();
  if (props.conflicts.length === 0) return null;
  return (
    <div className="alert alert--warning" role="status" data-testid="party-questions">
      <p>
        <strong>{t('import.party.title')}</strong>
      </p>
      <ul>
        {props.conflicts.map((conflict) => (
          <li key={`${conflict.taxId}-${conflict.nameInFile}`} data-testid="party-question">
            {t('import.party.question', {
              name: conflict.nameInFile,
              taxId: conflict.taxId,
              known: conflict.knownName,
              rows: conflict.rows.join(', '),
            })}{' '}
            {props.confirmed.has(conflict.taxId) ? (
              <span className="badge badge--paid">
                {t('import.party.confirmed', { known: conflict.knownName })}
              </span>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => props.onConfirm(conflict.taxId)}
              >
                {t('import.party.same')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p>{t('import.party.hint')}</p>
    </div>
  );
}
