// "Cancelar promesa": withdraws a promise still pending (after confirmation); kept or broken ones stay.
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { cancelPromise } from '../../db/promises-repo';
import { useFormat } from '../../app/use-format';
import type { EvaluatedPromise } from '../../db/collections-queries';

export function CancelPromiseButton({ promise }: { promise: EvaluatedPromise }) {
  const t = useT();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  // A broken promise is history the risk grade relies on: only pending ones can be withdrawn.
  if (promise.evaluation.state !== 'open' && promise.evaluation.state !== 'due') return null;
  const { amountCents, promisedDate } = promise.promise;
  function cancel() {
    const params = { amount: money(amountCents), date: date(promisedDate) };
    if (!window.confirm(t('coll.promise.cancelConfirm', params))) return;
    cancelPromise(getDb(), promise.promise.id)
      .then(() => showToast({ tone: 'success', message: t('coll.promise.cancelDone') }))
      .catch((error: unknown) =>
        showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) }),
      );
  }
  return (
    <button
      type="button"
      className="button button--link"
      onClick={cancel}
      aria-label={t('coll.promise.cancelLabel', {
        amount: money(amountCents),
        date: date(promisedDate),
      })}
      data-testid="cancel-promise"
    >
      {t('coll.promise.cancel')}
    </button>
  );
}
