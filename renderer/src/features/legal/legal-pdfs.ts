// Builds and saves the legal documents: the requerimiento for a burofax, the monitorio bundle, originals.
import { getDb } from '../../db/database';
import { getClientCollections } from '../../db/collections-queries';
import { getClientLegal, signedPlansOf } from '../../db/legal-queries';
import { getCompanyProfile } from '../../db/settings-repo';
import { getPlatform } from '../../platform';
import { renderPdf } from '../../pdf/render-pdf';
import { translate, type MessageKey } from '../../i18n';
import { buildDunningLetter } from '../../../../shared/pdf/dunning-letter';
import { buildMonitorioBundle } from '../../../../shared/pdf/monitorio-bundle';
import { senderGaps } from '../../../../shared/pdf/letter-frame';
import { buildClaim, type ClaimResult } from '../../../../shared/domain/claim-amounts';
import { legalRateOn } from '../../../../shared/domain/legal-interest-rates';
import { LEGAL_MONEY_RATES } from '../../../../shared/domain/legal-money-rates';
import { addDays, formatDate } from '../../../../shared/domain/dates';
import { formatEuros } from '../../../../shared/domain/money';
import type { Language } from '../../../../shared/domain/records';

/** Days the requerimiento gives to pay before going to court. */
export const DEMAND_DEADLINE_DAYS = 10;

const slugOf = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
const pdfFilter = [{ name: 'PDF', extensions: ['pdf'] }];

/** What the person chose to add to a claim: invoices paid late, prescribed invoices. */
export interface ClaimChoice {
  /** Invoices paid late: their interest and 40 €. */
  paidLate: readonly string[];
  /** Prescribed invoices, claimed anyway by an explicit choice: principal only. */
  prescribed: readonly string[];
}

export const NO_CHOICE: ClaimChoice = { paidLate: [], prescribed: [] };

async function loadClaim(clientId: string, today: string, choice: ClaimChoice) {
  const db = getDb();
  const [data, company, legal] = await Promise.all([
    getClientCollections(db, clientId, today),
    getCompanyProfile(db),
    getClientLegal(db, clientId, today),
  ]);
  if (!data || !legal) return null;
  const claim = buildClaim(data.claimInvoices, today, {
    ...data.claimOptions,
    includePaidLate: choice.paidLate,
    includePrescribed: choice.prescribed,
  });
  return { data, company, legal, claim };
}

/**
 * The demand's text: the law that sets the interest (Ley 3/2004, a contract rate, or the Código
 * Civil for a consumer), the deadline, what follows, and the interruption of prescription only for
 * what has not prescribed.
 */
function demandBody(
  claim: ClaimResult,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  values: { total: string; deadline: string; days: number; iban: string; today: string },
  moneyRates: Parameters<typeof legalRateOn>[1],
  locale: string,
): string {
  const rate = legalRateOn(values.today, moneyRates).ratePercent.toLocaleString(locale, {
    maximumFractionDigits: 2,
  });
  const intro = t(`legal.demand.intro.${claim.law}`, { total: values.total, rate });
  const stale = claim.lines.some((line) => line.prescribed);
  return [
    intro,
    t('legal.demand.deadline', values),
    t('legal.demand.next'),
    t(stale ? 'legal.demand.interruptsLive' : 'legal.demand.interrupts'),
  ].join('\n\n');
}

/** The formal demand: amounts, interest, 40 € per invoice, the deadline and what follows. */
export async function exportDemand(
  clientId: string,
  today: string,
  language: Language,
  /** Invoices paid late or prescribed the person chose to claim too. */
  choice: ClaimChoice = NO_CHOICE,
): Promise<boolean> {
  const loaded = await loadClaim(clientId, today, choice);
  if (!loaded) return false;
  const { data, company, claim } = loaded;
  const gaps = senderGaps(company);
  // The screen leads to the profile first; a demand with no sender is never written.
  if (gaps.length > 0) throw new Error(`Faltan datos de tu empresa: ${gaps.join(', ')}`);
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const total = claim.principalCents + claim.interestCents + claim.compensationCents;
  const definition = buildDunningLetter({
    language,
    company,
    client: data.client,
    date: today,
    subject: t('legal.demand.subject'),
    body: demandBody(
      claim,
      t,
      {
        total: formatEuros(total, locale),
        deadline: formatDate(addDays(today, DEMAND_DEADLINE_DAYS), locale),
        days: DEMAND_DEADLINE_DAYS,
        iban: company.iban || '—',
        today,
      },
      data.claimOptions.moneyRates ?? LEGAL_MONEY_RATES,
      locale,
    ),
    lines: claim.lines,
    claimInterest: true,
    totalCents: claim.principalCents,
    interestCents: claim.interestCents,
    compensationCents: claim.compensationCents,
    law: claim.law,
  });
  const bytes = await renderPdf(definition);
  return getPlatform().saveFile({
    suggestedName: `${t('legal.demand.file')}-${slugOf(data.client.name)}-${today}.pdf`,
    content: bytes,
    filters: pdfFilter,
  });
}

/**
 * One PDF with the summary and every record, then each signed plan's original PDF and a JSON index,
 * saved one by one: without a zip library the "folder" is the files saved side by side.
 */
export async function exportMonitorioBundle(
  clientId: string,
  today: string,
  withOriginals: boolean,
  choice: ClaimChoice = NO_CHOICE,
): Promise<{ saved: number }> {
  const loaded = await loadClaim(clientId, today, choice);
  if (!loaded) return { saved: 0 };
  const { data, company, legal, claim } = loaded;
  const es = (key: MessageKey) => translate('es', key);
  const plans = await signedPlansOf(getDb(), clientId);
  const slug = slugOf(data.client.name);
  const originals = withOriginals
    ? plans.flatMap(({ documents }) => documents.map((doc) => doc.fileName))
    : [];
  const levelOf = (level: number) => {
    const kind = data.settings.levels[level]?.kind;
    return kind ? es(`coll.level.${kind}`) : String(level + 1);
  };
  const definition = buildMonitorioBundle({
    company,
    client: data.client,
    date: today,
    lines: claim.lines,
    principalCents: claim.principalCents,
    interestCents: claim.interestCents,
    compensationCents: claim.compensationCents,
    law: claim.law,
    acknowledgments: [
      ...plans.map(({ plan }) => ({
        date: plan.signedDate ?? '',
        text: `Plan de pagos firmado ${plan.terms?.reference ?? ''} por ${formatEuros(plan.totalCents, 'es-ES')}`,
      })),
      ...legal.events
        .filter((event) => event.kind === 'acknowledgment')
        .map((event) => ({ date: event.date, text: `Reconocimiento de deuda (${event.channel})` })),
    ].sort((a, b) => b.date.localeCompare(a.date)),
    demands: [
      ...legal.events
        .filter((event) => event.kind !== 'acknowledgment')
        .map((event) => ({
          date: event.date,
          kind: es(`legal.kind.${event.kind}`),
          channel: event.channel,
          answer: event.answer,
        })),
      ...data.dunningEvents.map((event) => ({
        date: event.date,
        kind: levelOf(event.level),
        channel: es(`coll.channel.${event.channel}`),
        answer: '',
      })),
    ].sort((a, b) => b.date.localeCompare(a.date)),
    contacts: data.timeline.flatMap((entry) =>
      entry.kind === 'activity' && entry.event === null
        ? [
            {
              date: entry.date,
              kind: es(`coll.activity.kind.${entry.activity.kind}`),
              text: [entry.activity.outcome, entry.activity.text].filter(Boolean).join(' — '),
            },
          ]
        : [],
    ),
    originals,
  });
  const platform = getPlatform();
  let saved = 0;
  const bundleName = `monitorio-${slug}-${today}.pdf`;
  if (
    await platform.saveFile({
      suggestedName: bundleName,
      content: await renderPdf(definition),
      filters: pdfFilter,
    })
  )
    saved += 1;
  if (!withOriginals) return { saved };
  for (const { documents } of plans) {
    for (const doc of documents) {
      const ok = await platform.saveFile({
        suggestedName: doc.fileName,
        content: doc.bytes,
        filters: pdfFilter,
      });
      if (ok) saved += 1;
    }
  }
  const index = {
    bundle: bundleName,
    client: { name: data.client.name, taxId: data.client.taxId },
    date: today,
    originals: plans.flatMap(({ plan, documents }) =>
      documents.map((doc) => ({ file: doc.fileName, sha256: doc.sha256, planId: plan.id })),
    ),
  };
  if (
    await platform.saveFile({
      suggestedName: `monitorio-${slug}-${today}-indice.json`,
      content: JSON.stringify(index, null, 2),
      filters: [{ name: 'JSON', extensions: ['json'] }],
    })
  )
    saved += 1;
  return { saved };
}
