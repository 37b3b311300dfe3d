// What an edit of a paid, credited or planned invoice changes, in words, before it is saved.
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { InvoiceEditEffect } from '../../../../shared/domain/invoice-life';

export function EditEffects({ effects }: { effects: readonly InvoiceEditEffect[] }) {
  const t = useT();
  const { money, date } = useFormat();
  const sentence = (effect: InvoiceEditEffect): string => {
    switch (effect.code) {
      case 'outstanding_changes':
        return t('life.effect.outstanding_changes', {
          from: money(effect.fromCents),
          to: money(effect.toCents),
        });
      case 'becomes_settled':
        return t('life.effect.becomes_settled');
      case 'reopens_settled':
        return t('life.effect.reopens_settled', { amount: money(effect.outstandingCents) });
      case 'payments_stay':
        return t('life.effect.payments_stay', { amount: money(effect.paidCents) });
      case 'credits_stay':
        return t('life.effect.credits_stay', { amount: money(effect.creditedCents) });
      case 'next_due_changes':
        return t('life.effect.next_due_changes', { from: date(effect.from), to: date(effect.to) });
      case 'plan_unchanged':
        return t('life.effect.plan_unchanged');
    }
  };
  return (
    <div className="alert alert--warning" role="alert" data-testid="edit-effects">
      <p>{t('life.edit.warning')}</p>
      <ul>
        {effects.map((effect) => (
          <li key={effect.code}>{sentence(effect)}</li>
        ))}
      </ul>
    </div>
  );
}
