// Builds and saves the hand-off dossier PDF for a client (invoices, contacts, demands sent).
import { getDb } from '../../db/database';
import { getClientCollections } from '../../db/collections-queries';
import { getCompanyProfile } from '../../db/settings-repo';
import { getPlatform } from '../../platform';
import { renderPdf } from '../../pdf/render-pdf';
import { translate } from '../../i18n';
import { buildCollectionDossier } from '../../../../shared/pdf/collection-dossier';
import { buildClaim } from '../../../../shared/domain/claim-amounts';

/** Every overdue invoice with interest to today, whatever the dunning state. */
export async function exportDossier(clientId: string, today: string): Promise<boolean> {
  const db = getDb();
  const [data, company] = await Promise.all([
    getClientCollections(db, clientId, today),
    getCompanyProfile(db),
  ]);
  if (!data) return false;
  // Interest per due and per payment; invoices in a plan are claimed through the plan instead.
  // Only dues past their date, nothing prescribed, under the client's law (business or consumer).
  const { lines, principalCents, interestCents, compensationCents, law } = buildClaim(
    data.claimInvoices,
    today,
    data.claimOptions,
  );
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
    totalCents: principalCents,
    interestCents,
    compensationCents,
    law,
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
    // The letters of the ladder and the steps recorded on the legal path (requerimientos, MASC…).
    demands: [
      ...data.dunningEvents.map((event) => ({
        date: event.date,
        level: levelOf(event.level),
        channel: es(`coll.channel.${event.channel}`),
        amountCents: event.amountCents,
      })),
      ...data.timeline.flatMap((entry) =>
        entry.kind === 'legal'
          ? [
              {
                date: entry.legal.date,
                level: es(`legal.kind.${entry.legal.kind}`),
                channel: [entry.legal.channel, entry.legal.answer].filter(Boolean).join(' — '),
                amountCents: null,
              },
            ]
          : [],
      ),
    ].sort((a, b) => b.date.localeCompare(a.date)),
  });
  const bytes = await renderPdf(definition);
  const slug = data.client.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
  return getPlatform().saveFile({
    suggestedName: `expediente-${slug}-${today}.pdf`,
    content: bytes,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}
