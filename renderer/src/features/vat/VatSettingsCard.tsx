// Ajustes › the previous year's turnover band and the chosen wait before the VAT can be recovered.
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../components/Field';
import { getDb } from '../../db/database';
import { getVatRecoverySettings, saveVatRecoverySettings } from '../../db/vat-recovery-repo';
import type { VatRecoverySettings } from '../../../../shared/domain/vat-recovery-status';

export function VatSettingsCard() {
  const t = useT();
  const showToast = useUiStore((state) => state.showToast);
  const settings = useLiveQuery(() => getVatRecoverySettings(getDb()), []);
  if (!settings) return null;

  async function save(next: VatRecoverySettings) {
    try {
      await saveVatRecoverySettings(getDb(), next);
      showToast({ tone: 'success', message: t('vat.settings.saved') });
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    }
  }

  const over = settings.turnover === 'over_limit';
  return (
    <div className="card" data-testid="vat-settings">
      <h2>{t('vat.settings.title')}</h2>
      <p className="screen__lead">{t('vat.settings.intro')}</p>
      <div className="form-grid">
        <Field label={t('vat.settings.turnover')}>
          <select
            value={settings.turnover}
            onChange={(event) =>
              void save({
                ...settings,
                turnover: event.target.value === 'over_limit' ? 'over_limit' : 'up_to_limit',
              })
            }
          >
            <option value="up_to_limit">{t('vat.settings.upTo')}</option>
            <option value="over_limit">{t('vat.settings.over')}</option>
          </select>
        </Field>
        <Field label={t('vat.settings.wait')}>
          <select
            value={over ? 12 : settings.waitMonths}
            disabled={over}
            onChange={(event) =>
              void save({ ...settings, waitMonths: event.target.value === '6' ? 6 : 12 })
            }
          >
            <option value="6">{t('vat.settings.six')}</option>
            <option value="12">{t('vat.settings.year')}</option>
          </select>
        </Field>
      </div>
    </div>
  );
}
