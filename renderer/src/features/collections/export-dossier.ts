// Builds and saves the hand-off dossier PDF for a client (invoices, contacts, demands sent).
import { getDb } from '../../db/database';
import { getClientCollections } from '../../db/collections-queries';
import { getCompanyProfile } from '../../db/settings-repo';
import { getPlatform } from '../../platform';
import { renderPdf } from '../../pdf/render-pdf';
import { translate } from '../../i18n';
import { buildCollectionDossier } from '../../../../shared/pdf/collection-dossier';
import { lateInterest } from '../../../../shared/domain/lateInterest';
import { daysBetween } from '../../../../shared/domain/dates';

/** Every open overdue invoice with interest to today, whatever the dunning state. */
export async function exportDossier(clientId: string, today: string): Promise<boolean> {
  const db = getDb();
  const [data, company] = await Promise.all([
    getClientCollections(db, clientId, today),
    getCompanyProfile(db),
  ]);
  if (!data) return false;
  const rate = data.client.contractInterestPercent ?? undefined;
  const lines = data.invoices
    .filter(
      (invoice) =>
        invoice.lifecycle === 'issued' &&
        invoice.outstandingCents > 0 &&
        invoice.nextDueDate !== null &&
        invoice.nextDueDate < today,
    )
    .map((invoice) => {
      const dueDate = invoice.nextDueDate ?? today;
      const claimCents = invoice.outstandingCents - invoice.disputedCents;
      const interest = lateInterest(
        {
          amountCents: Math.max(0, claimCents),
          dueDate,
          paidDate: today,
          ...(rate !== undefined && rate !== null ? { annualRatePercent: rate } : {}),
        },
        data.legalRates,
      );
      return {
        number: invoice.number,
        dueDate,
        daysFromDue: daysBetween(dueDate, today),
        claimCents,
        interestCents: interest.interestCents,
      };
    });
  const es = (key: Parameters<typeof translate>[1]) => translate('es', key);
  const levelOf = (level: number) => {
    const kind = data.settings.levels[level]?.kind;
    return kind ? es(`coll.level.${kind}`) : String(level + 1);
  };
  const definition = buildCollectionDossier({
    company,
    client: data.client,
    date: today,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.claimCents, 0),
    interestCents: lines.reduce((sum, line) => sum + line.interestCents, 0),
    compensationCents: 4000 * lines.length,
    contacts: data.timeline.flatMap((entry) =>
      entry.kind === 'activity'
        ? [
            {
              date: entry.date,
              kind: es(`coll.activity.kind.${entry.activity.kind}`),
              text: [
                entry.activity.outcome.startsWith('dunning:') ? '' : entry.activity.outcome,
                entry.activity.text,
              ]
                .filter(Boolean)
                .join(' — '),
            },
          ]
        : [],
    ),
    demands: data.dunningEvents.map((event) => ({
      date: event.date,
      level: levelOf(event.level),
      channel: es(`coll.channel.${event.channel}`),
      amountCents: event.amountCents,
    })),
  });
  const bytes = await renderPdf(definition);
  const slug = data.client.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
  return getPlatform().saveFile({
    suggestedName: `expediente-${slug}-${today}.pdf`,
    content: bytes,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}
