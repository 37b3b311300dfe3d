// Ajustes › Reclamaciones: when each notice goes out, promise grace and pause days, and the texts.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { getDb } from '../../db/database';
import { getDunningSettings, saveDunningSettings } from '../../db/dunning-repo';
import { warningMonthsOf } from '../../db/legal-repo';
import type { DunningKind, DunningSettings } from '../../../../shared/domain/dunning';
import { DEFAULT_DUNNING_TEMPLATES } from '../../../../shared/domain/dunning-templates';
import type { Language } from '../../../../shared/domain/records';
import { LegalRatesSection } from './LegalRatesSection';

function DunningForm({ initial }: { initial: DunningSettings }) {
  const t = useT();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showError, clear } = useFormErrors();
  const [settings, setSettings] = useState(initial);
  const [language, setLanguage] = useState<Language>('es');
  const [kind, setKind] = useState<DunningKind>(initial.levels[0]?.kind ?? 'friendly');
  const template = settings.templates[language][kind];
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

  function setTemplate(change: Partial<typeof template>) {
    setSettings({
      ...settings,
      templates: {
        ...settings.templates,
        [language]: { ...settings.templates[language], [kind]: { ...template, ...change } },
      },
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      await saveDunningSettings(getDb(), settings);
      showToast({ tone: 'success', message: t('coll.settings.saved') });
    } catch (error) {
      showError(error);
    }
  }

  return (
    <form
      className="card"
      onSubmit={(event) => void save(event)}
      noValidate
      data-testid="dunning-settings"
    >
      <h2>{t('coll.settings.title')}</h2>
      <p className="screen__lead">{t('coll.settings.intro')}</p>
      <div className="form-grid">
        {settings.levels.map((level, index) => (
          <Field
            key={level.kind}
            label={t('coll.settings.offset', { level: t(`coll.level.${level.kind}`) })}
            error={errors.byField[`levels.${index}.offsetDays`]}
          >
            <input
              type="number"
              value={Number.isNaN(level.offsetDays) ? '' : level.offsetDays}
              onChange={(e) =>
                setSettings({
                  ...settings,
                  levels: settings.levels.map((row, i) =>
                    i === index ? { ...row, offsetDays: number(e.target.value) } : row,
                  ),
                })
              }
            />
          </Field>
        ))}
        <Field label={t('coll.settings.grace')} error={errors.byField.promiseGraceDays}>
          <input
            type="number"
            min={0}
            value={Number.isNaN(settings.promiseGraceDays) ? '' : settings.promiseGraceDays}
            onChange={(e) => setSettings({ ...settings, promiseGraceDays: number(e.target.value) })}
          />
        </Field>
        <Field label={t('coll.settings.pause')} error={errors.byField.defaultPauseDays}>
          <input
            type="number"
            min={1}
            value={Number.isNaN(settings.defaultPauseDays) ? '' : settings.defaultPauseDays}
            onChange={(e) => setSettings({ ...settings, defaultPauseDays: number(e.target.value) })}
          />
        </Field>
        <Field
          label={t('legal.settings.warningMonths')}
          error={errors.byField.prescriptionWarningMonths}
        >
          <input
            type="number"
            min={1}
            max={24}
            value={Number.isNaN(warningMonthsOf(settings)) ? '' : warningMonthsOf(settings)}
            onChange={(e) =>
              setSettings({ ...settings, prescriptionWarningMonths: number(e.target.value) })
            }
          />
        </Field>
        <Field label={t('coll.settings.paymentLink')} optional wide>
          <input
            value={settings.paymentLinkText}
            onChange={(e) => setSettings({ ...settings, paymentLinkText: e.target.value })}
          />
        </Field>
      </div>
      <h3>{t('coll.settings.template')}</h3>
      <div className="form-grid">
        <Field label={t('coll.reminder.language')}>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
        </Field>
        <Field label={t('coll.settings.template')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as DunningKind)}>
            {settings.levels.map((level) => (
              <option key={level.kind} value={level.kind}>
                {t(`coll.level.${level.kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coll.reminder.subject')} wide>
          <input
            value={template.subject}
            onChange={(e) => setTemplate({ subject: e.target.value })}
          />
        </Field>
        <Field label={t('coll.reminder.body')} wide hint={t('coll.settings.placeholders')}>
          <textarea
            rows={10}
            value={template.body}
            onChange={(e) => setTemplate({ body: e.target.value })}
          />
        </Field>
      </div>
      {errors.general && (
        <p className="alert alert--error" role="alert">
          {errors.general}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => setSettings({ ...settings, templates: DEFAULT_DUNNING_TEMPLATES })}
        >
          {t('coll.settings.reset')}
        </button>
        <button type="submit" className="button button--primary">
          {t('common.save')}
        </button>
      </div>
      <LegalRatesSection />
    </form>
  );
}

export function DunningSettingsCard() {
  const settings = useLiveQuery(() => getDunningSettings(getDb()), []);
  // The form starts from what is stored once; saving writes it back (no live overwrite while typing).
  return settings ? <DunningForm initial={settings} /> : null;
}
