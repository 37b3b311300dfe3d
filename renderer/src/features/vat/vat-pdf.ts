// Builds and saves the AEAT bundle of one invoice's VAT recovery.
import { getDb } from '../../db/database';
import { getCompanyProfile } from '../../db/settings-repo';
import { getVatInvoice } from '../../db/vat-recovery-repo';
import { getPlatform } from '../../platform';
import { renderPdf } from '../../pdf/render-pdf';
import { translate } from '../../i18n';
import {
  correctiveAmounts,
  isQualifyingClaim,
} from '../../../../shared/domain/vat-recovery-status';
import { aeatNoticeBy } from '../../../../shared/domain/vatRecovery';
import { buildVatRecoveryBundle } from '../../../../shared/pdf/vat-recovery-bundle';
import type { Language } from '../../../../shared/domain/records';

const slugOf = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);

/** Spanish document (the AEAT reads Spanish); `language` only names the file. */
export async function exportVatBundle(
  invoiceId: string,
  today: string,
  language: Language,
): Promise<boolean> {
  const db = getDb();
  const [found, company] = await Promise.all([
    getVatInvoice(db, invoiceId, today),
    getCompanyProfile(db),
  ]);
  if (!found) return false;
  const { events } = found;
  const { status, client, invoice } = found.row;
  const record = invoice.vatRecovery ?? null;
  const amounts = correctiveAmounts(invoice, record?.vatCents ?? status.recoverableCents);
  const definition = buildVatRecoveryBundle({
    company,
    client: {
      ...client,
      debtorKind: client.debtorKind ?? 'business',
      relatedParty: client.relatedParty ?? false,
      establishedInSpain: client.establishedInSpain ?? true,
      insolvencyDate: client.insolvencyDate ?? null,
    },
    date: today,
    invoice: {
      number: invoice.number,
      issueDate: invoice.issueDate,
      taxableBaseCents: invoice.taxableBaseCents,
      vatRatePercent: invoice.vatRatePercent,
      vatCents: invoice.vatCents,
      totalCents: invoice.totalCents,
      paidCents: invoice.paidCents,
      securedCents: invoice.securedCents ?? 0,
    },
    dues: status.dues.map((due) => ({
      dueDate: due.dueDate,
      outstandingCents: due.outstandingCents,
      vatAtStakeCents: due.vatAtStakeCents,
      eligibleFrom: due.eligibleFrom,
      rectifyBy: due.rectifyBy,
      state: translate('es', `vat.state.${due.state}`),
    })),
    corrective: {
      number: record?.correctiveInvoiceNumber ?? null,
      date: record?.correctiveInvoiceDate ?? null,
      baseCents: amounts.baseCents,
      vatCents: amounts.vatCents,
      aeatNoticeBy: record ? aeatNoticeBy(record.correctiveInvoiceDate) : null,
    },
    claims: events
      .filter((event) => event.invoiceIds.length === 0 || event.invoiceIds.includes(invoiceId))
      .filter((event) => event.kind === 'demand' || event.kind === 'monitorio')
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((event) => ({
        date: event.date,
        kind: translate('es', `legal.kind.${event.kind}`),
        channel: event.channel,
        qualifies: isQualifyingClaim(event),
      })),
  });
  const bytes = await renderPdf(definition);
  const prefix = language === 'es' ? 'IVA-recuperable' : 'VAT-recovery';
  return getPlatform().saveFile({
    suggestedName: `${prefix}-${slugOf(invoice.number)}-${today}.pdf`,
    content: bytes,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}
