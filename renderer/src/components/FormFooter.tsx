// The end of every form: the message of a failed save beside the buttons, then Cancel and Save.
import { useT } from '../i18n';

interface FormFooterProps {
  error: string | null;
  saving: boolean;
  onCancel: () => void;
  /** Instead of «Guardar», e.g. «Guardar igualmente» after a warning. */
  saveLabel?: string;
}

export function FormFooter({ error, saving, onCancel, saveLabel }: FormFooterProps) {
  const t = useT();
  return (
    <>
      {error && (
        <p className="alert alert--error" role="alert" style={{ marginTop: 'var(--space-4)' }}>
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saveLabel ?? t('common.save')}
        </button>
      </div>
    </>
  );
}
