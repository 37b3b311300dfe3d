// Create or edit a client; the tax id is checked as it is typed and again on save.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { createClient, getClient, updateClient, type ClientInput } from '../../db/clients-repo';
import { validateSpanishTaxId } from '../../../../shared/domain/taxId';
import { formatCentsInput, parseEuros } from '../../../../shared/domain/money';
import type { ClientRecord } from '../../../../shared/domain/records';
import { navigate } from '../../app/router';
import { exceedsLegalPaymentTerm } from '../../../../shared/domain/payment-term';
import { greetingFor } from '../../../../shared/pdf/letter-frame';
import { ClientVatFields } from '../vat/ClientVatFields';

export interface ClientDraft {
  name: string;
  taxId: string;
  email: string;
  phone: string;
  contactPerson: string;
  contactTitle: '' | 'sra' | 'sr';
  address: string;
  postalCode: string;
  city: string;
  province: string;
  paymentTermDays: string;
  creditLimit: string;
  notes: string;
  debtorKind: 'business' | 'consumer';
  relatedParty: boolean;
  establishedInSpain: boolean;
  insolvencyDate: string;
}

function draftFrom(client: ClientRecord | undefined): ClientDraft {
  return {
    name: client?.name ?? '',
    taxId: client?.taxId ?? '',
    email: client?.email ?? '',
    phone: client?.phone ?? '',
    contactPerson: client?.contactPerson ?? '',
    contactTitle: client?.contactTitle ?? '',
    address: client?.address ?? '',
    postalCode: client?.postalCode ?? '',
    city: client?.city ?? '',
    province: client?.province ?? '',
    paymentTermDays: String(client?.paymentTermDays ?? 30),
    creditLimit: client?.creditLimitCents == null ? '' : formatCentsInput(client.creditLimitCents),
    notes: client?.notes ?? '',
    debtorKind: client?.debtorKind ?? 'business',
    relatedParty: client?.relatedParty ?? false,
    establishedInSpain: client?.establishedInSpain ?? true,
    insolvencyDate: client?.insolvencyDate ?? '',
  };
}

function ClientForm({ client }: { client: ClientRecord | undefined }) {
  const t = useT();
  const closeDialog = useUiStore((state) => state.closeDialog);
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showError, showIssues } = useFormErrors();
  const [draft, setDraft] = useState<ClientDraft>(() => draftFrom(client));
  const [saving, setSaving] = useState(false);

  const set = (field: keyof ClientDraft) => (value: string | boolean) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const taxCheck = draft.taxId.trim() ? validateSpanishTaxId(draft.taxId) : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    let creditLimitCents: number | null = null;
    if (draft.creditLimit.trim()) {
      try {
        creditLimitCents = parseEuros(draft.creditLimit);
      } catch {
        showIssues([{ field: 'creditLimitCents', code: 'amount_invalid' }]);
        return;
      }
    }
    const term = Number(draft.paymentTermDays);
    const input: ClientInput = {
      name: draft.name.trim(),
      taxId: draft.taxId,
      email: draft.email.trim(),
      phone: draft.phone.trim(),
      contactPerson: draft.contactPerson.trim(),
      contactTitle: draft.contactTitle === '' ? null : draft.contactTitle,
      address: draft.address.trim(),
      postalCode: draft.postalCode.trim(),
      city: draft.city.trim(),
      province: draft.province.trim(),
      paymentTermDays: Number.isInteger(term) ? term : Number.NaN,
      creditLimitCents,
      onHold: client?.onHold ?? false,
      notes: draft.notes,
      debtorKind: draft.debtorKind,
      relatedParty: draft.relatedParty,
      establishedInSpain: draft.establishedInSpain,
      insolvencyDate: draft.insolvencyDate === '' ? null : draft.insolvencyDate,
    };
    setSaving(true);
    try {
      const saved = client
        ? await updateClient(getDb(), client.id, input)
        : await createClient(getDb(), input);
      closeDialog();
      showToast({ tone: 'success', message: t('clients.created', { name: saved.name }) });
      if (!client) navigate({ screen: 'client', clientId: saved.id });
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  }

  const e = errors.byField;
  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <div className="form-grid">
        <Field label={t('clients.field.name')} error={e.name} wide>
          <input value={draft.name} onChange={(ev) => set('name')(ev.target.value)} autoFocus />
        </Field>
        <Field
          label={t('clients.field.taxId')}
          error={e.taxId}
          hint={taxCheck?.valid ? t('clients.taxIdKind', { kind: taxCheck.kind ?? '' }) : undefined}
          hintTone="ok"
        >
          <input
            value={draft.taxId}
            onChange={(ev) => set('taxId')(ev.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field
          label={t('clients.field.paymentTermDays')}
          error={e.paymentTermDays}
          hint={
            exceedsLegalPaymentTerm(Number(draft.paymentTermDays))
              ? t('legal.term.over60')
              : undefined
          }
        >
          <input
            value={draft.paymentTermDays}
            inputMode="numeric"
            onChange={(ev) => set('paymentTermDays')(ev.target.value)}
          />
        </Field>
        <Field label={t('clients.field.creditLimit')} error={e.creditLimitCents} optional>
          <input
            value={draft.creditLimit}
            inputMode="decimal"
            onChange={(ev) => set('creditLimit')(ev.target.value)}
          />
        </Field>
        <Field label={t('clients.field.email')} error={e.email} optional>
          <input
            type="email"
            value={draft.email}
            onChange={(ev) => set('email')(ev.target.value)}
          />
        </Field>
        <Field label={t('clients.field.phone')} optional>
          <input type="tel" value={draft.phone} onChange={(ev) => set('phone')(ev.target.value)} />
        </Field>
        <Field label={t('clients.field.contactPerson')} optional>
          <input
            value={draft.contactPerson}
            onChange={(ev) => set('contactPerson')(ev.target.value)}
          />
        </Field>
        <Field
          label={t('clients.field.contactTitle')}
          hint={t(
            draft.contactTitle === ''
              ? 'clients.field.contactTitle.none'
              : 'clients.field.contactTitle.greeting',
            {
              greeting: greetingFor(
                {
                  name: draft.name,
                  taxId: '',
                  address: '',
                  postalCode: '',
                  city: '',
                  contactPerson: draft.contactPerson,
                  contactTitle: draft.contactTitle === '' ? null : draft.contactTitle,
                  debtorKind: draft.debtorKind,
                },
                'es',
              ),
            },
          )}
          optional
        >
          <select
            value={draft.contactTitle}
            onChange={(ev) => set('contactTitle')(ev.target.value)}
            data-testid="client-contact-title"
          >
            <option value="">{t('clients.field.contactTitle.unknown')}</option>
            <option value="sra">{t('clients.field.contactTitle.sra')}</option>
            <option value="sr">{t('clients.field.contactTitle.sr')}</option>
          </select>
        </Field>
        <Field label={t('clients.field.address')} optional wide>
          <input value={draft.address} onChange={(ev) => set('address')(ev.target.value)} />
        </Field>
        <Field label={t('clients.field.postalCode')} optional>
          <input value={draft.postalCode} onChange={(ev) => set('postalCode')(ev.target.value)} />
        </Field>
        <Field label={t('clients.field.city')} optional>
          <input value={draft.city} onChange={(ev) => set('city')(ev.target.value)} />
        </Field>
        <Field label={t('clients.field.province')} optional>
          <input value={draft.province} onChange={(ev) => set('province')(ev.target.value)} />
        </Field>
        <Field label={t('clients.field.notes')} optional wide>
          <textarea rows={2} value={draft.notes} onChange={(ev) => set('notes')(ev.target.value)} />
        </Field>
      </div>
      <ClientVatFields draft={draft} set={set} error={e.insolvencyDate} />
      <FormFooter error={errors.general} saving={saving} onCancel={closeDialog} />
    </form>
  );
}

export function ClientFormDialog({ clientId }: { clientId: string | null }) {
  const t = useT();
  const closeDialog = useUiStore((state) => state.closeDialog);
  const client = useLiveQuery(
    () =>
      clientId
        ? getClient(getDb(), clientId).then((found) => found ?? null)
        : Promise.resolve(null),
    [clientId],
  );
  const loading = client === undefined;
  return (
    <Dialog
      title={clientId ? t('clients.edit') : t('clients.new')}
      onClose={closeDialog}
      testId="client-dialog"
    >
      {loading ? <p>{t('common.loading')}</p> : <ClientForm client={client ?? undefined} />}
    </Dialog>
  );
}
