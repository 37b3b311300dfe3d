// The first-run guide on Hoy: company profile → first client → first invoice or an import.
// It leaves once the three are done or the user closes it; the demonstration never shows it.
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { dismissFirstRunGuide, type FirstRunProgress } from '../../db/first-run';
import { hrefOf } from '../../app/router';

/** Shown by Hoy when `guideVisible(progress)` and not in the demonstration. */
export function FirstRunGuide({ progress }: { progress: FirstRunProgress }) {
  const t = useT();
  const openDialog = useUiStore((state) => state.openDialog);
  const showToast = useUiStore((state) => state.showToast);
  const steps = [
    {
      key: 'company',
      done: progress.company,
      action: (
        <a className="button button--primary" href={hrefOf({ screen: 'settings' })}>
          {t('guide.company.action')}
        </a>
      ),
    },
    {
      key: 'client',
      done: progress.client,
      action: (
        <button
          type="button"
          className="button button--primary"
          onClick={() => openDialog({ kind: 'client', clientId: null })}
        >
          {t('guide.client.action')}
        </button>
      ),
    },
    {
      key: 'invoice',
      done: progress.invoice,
      action: (
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={() => openDialog({ kind: 'invoice', clientId: null })}
          >
            {t('guide.invoice.action')}
          </button>
          <a className="button" href={hrefOf({ screen: 'import' })}>
            {t('guide.invoice.import')}
          </a>
        </>
      ),
    },
  ] as const;
  // The first step left is the one to do now; the invoice needs a client first.
  const current = steps.find((step) => !step.done)?.key;
  const dismiss = () => {
    dismissFirstRunGuide(getDb()).catch((error: unknown) =>
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) }),
    );
  };
  return (
    <section className="card first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <div className="first-run__head">
        <h2 id="first-run-title">{t('guide.title')}</h2>
        <button type="button" className="button button--link" onClick={dismiss}>
          {t('guide.dismiss')}
        </button>
      </div>
      <p className="screen__lead">
        {t('guide.lead')}{' '}
        {!progress.client && (
          // The demonstration opens its own sample database; the guide waits here meanwhile.
          <a href={hrefOf({ screen: 'settings' })}>{t('guide.demo')}</a>
        )}
      </p>
      <ol className="first-run__steps">
        {steps.map((step, index) => (
          <li
            key={step.key}
            data-testid={`first-run-${step.key}`}
            data-done={step.done}
            className={step.done ? 'first-run__step first-run__step--done' : 'first-run__step'}
          >
            <span className="first-run__mark" aria-hidden="true">
              {step.done ? '✓' : index + 1}
            </span>
            <div>
              <strong>{t(`guide.${step.key}.title`)}</strong>
              <span className="visually-hidden">
                {' '}
                ({step.done ? t('guide.done') : t('guide.todo')})
              </span>
              <p className="stat__hint">{t(`guide.${step.key}.body`)}</p>
              {step.key === current && <div className="toolbar">{step.action}</div>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
