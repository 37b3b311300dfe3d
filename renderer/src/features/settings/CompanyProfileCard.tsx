// The user's own business: shown on every document the app generates.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { getCompanyProfile, saveCompanyProfile } from '../../db/settings-repo';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { getPlatform } from '../../platform';
import { formatIban, validateIban } from '../../../../shared/domain/iban';
import type { CompanyProfile } from '../../../../shared/domain/records';
import { SepaCreditorField } from '../legal/SepaCreditorField';

const MAX_LOGO_BYTES = 500 * 1024;

function logoDataUrl(name: string, content: Uint8Array): string {
  const type = name.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg';
  let binary = '';
  content.forEach((byte) => (binary += String.fromCharCode(byte)));
  return `data:${type};base64,${btoa(binary)}`;
}

function CompanyForm({ initial }: { initial: CompanyProfile }) {
  const t = useT();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showIssues, showError, clear } = useFormErrors();
  const [profile, setProfile] = useState(initial);
  const set = (field: keyof CompanyProfile) => (value: string) =>
    setProfile((p) => ({ ...p, [field]: value }));

  /** The logo or the scanned signature: a small PNG/JPEG kept as a data URL. */
  async function chooseImage(field: 'logoDataUrl' | 'signatureDataUrl') {
    const file = await getPlatform().openFile([
      { name: 'Imagen', extensions: ['png', 'jpg', 'jpeg'] },
    ]);
    if (!file) return;
    if (file.content.byteLength > MAX_LOGO_BYTES) {
      showToast({ tone: 'error', message: t('settings.company.logoTooLarge') });
      return;
    }
    setProfile((p) => ({ ...p, [field]: logoDataUrl(file.name, file.content) }));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    let iban = profile.iban.trim();
    if (iban) {
      const check = validateIban(iban);
      if (!check.valid) {
        showIssues([{ field: 'iban', code: 'iban_invalid' }]);
        return;
      }
      iban = formatIban(check.normalized);
    }
    try {
      const saved = await saveCompanyProfile(getDb(), { ...profile, iban });
      setProfile(saved);
      clear();
      showToast({ tone: 'success', message: t('common.saved') });
    } catch (error) {
      showError(error);
    }
  }

  const e = errors.byField;
  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      {errors.general && <p className="alert alert--error">{errors.general}</p>}
      <div className="form-grid">
        <Field label={t('settings.company.name')} wide>
          <input value={profile.name} onChange={(ev) => set('name')(ev.target.value)} />
        </Field>
        <Field label={t('settings.company.taxId')} error={e.taxId}>
          <input value={profile.taxId} onChange={(ev) => set('taxId')(ev.target.value)} />
        </Field>
        <Field label={t('settings.company.iban')} error={e.iban} double>
          <input value={profile.iban} onChange={(ev) => set('iban')(ev.target.value)} />
        </Field>
        <SepaCreditorField profile={profile} onChange={set('sepaBusinessCode')} />
        <Field label={t('settings.company.address')} wide>
          <input value={profile.address} onChange={(ev) => set('address')(ev.target.value)} />
        </Field>
        <Field label={t('settings.company.postalCode')}>
          <input value={profile.postalCode} onChange={(ev) => set('postalCode')(ev.target.value)} />
        </Field>
        <Field label={t('settings.company.city')}>
          <input value={profile.city} onChange={(ev) => set('city')(ev.target.value)} />
        </Field>
        <Field label={t('settings.company.province')}>
          <input value={profile.province} onChange={(ev) => set('province')(ev.target.value)} />
        </Field>
        <Field label={t('settings.company.email')}>
          <input
            type="email"
            value={profile.email}
            onChange={(ev) => set('email')(ev.target.value)}
          />
        </Field>
        <Field label={t('settings.company.phone')}>
          <input
            type="tel"
            value={profile.phone}
            onChange={(ev) => set('phone')(ev.target.value)}
          />
        </Field>
        <Field
          label={t('settings.company.signatoryName')}
          hint={t('settings.company.signatoryNameHint')}
        >
          <input
            value={profile.signatoryName ?? ''}
            onChange={(ev) => set('signatoryName')(ev.target.value)}
          />
        </Field>
        <Field
          label={t('settings.company.signatoryRole')}
          hint={t('settings.company.signatoryRoleHint')}
        >
          <input
            value={profile.signatoryRole ?? ''}
            onChange={(ev) => set('signatoryRole')(ev.target.value)}
          />
        </Field>
      </div>
      <div className="toolbar" style={{ marginTop: 'var(--space-3)', alignItems: 'center' }}>
        <span className="field__label">{t('settings.company.logo')}</span>
        {profile.logoDataUrl && (
          <img
            src={profile.logoDataUrl}
            alt={t('settings.company.logo')}
            style={{ maxHeight: 48 }}
          />
        )}
        <button type="button" className="button" onClick={() => void chooseImage('logoDataUrl')}>
          {t('settings.company.logoChoose')}
        </button>
        {profile.logoDataUrl && (
          <button
            type="button"
            className="button button--link"
            onClick={() => setProfile((p) => ({ ...p, logoDataUrl: null }))}
          >
            {t('settings.company.logoRemove')}
          </button>
        )}
      </div>
      <div className="toolbar" style={{ marginTop: 'var(--space-3)', alignItems: 'center' }}>
        <span className="field__label">{t('settings.company.signature')}</span>
        {profile.signatureDataUrl && (
          <img
            src={profile.signatureDataUrl}
            alt={t('settings.company.signature')}
            style={{ maxHeight: 48 }}
          />
        )}
        <button
          type="button"
          className="button"
          onClick={() => void chooseImage('signatureDataUrl')}
        >
          {t('settings.company.signatureChoose')}
        </button>
        {profile.signatureDataUrl && (
          <button
            type="button"
            className="button button--link"
            onClick={() => setProfile((p) => ({ ...p, signatureDataUrl: null }))}
          >
            {t('settings.company.signatureRemove')}
          </button>
        )}
      </div>
      <p className="stat__hint">{t('settings.company.signatureHint')}</p>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

export function CompanyProfileCard() {
  const t = useT();
  const profile = useLiveQuery(() => getCompanyProfile(getDb()), []);
  return (
    <div className="card">
      <h2>{t('settings.company')}</h2>
      <p className="screen__lead">{t('settings.company.intro')}</p>
      {profile === undefined ? <p>{t('common.loading')}</p> : <CompanyForm initial={profile} />}
    </div>
  );
}
