// All messages: the core set plus each feature's own file (features/<name>/messages.ts).
import { coreEs } from './es';
import { coreEn } from './en';
import type { FeatureMessages } from './define';
import { messages as settings } from '../features/settings/messages';
import { messages as plans } from '../features/plans/messages';
import { messages as collections } from '../features/collections/messages';
import { messages as notifications } from '../features/notifications/messages';
import { messages as ledger } from '../features/ledger/messages';
import { messages as dashboard } from '../features/dashboard/messages';
import { messages as reliability } from '../features/settings/reliability-messages';
import { messages as importing } from '../features/import/messages';
import { messages as legal } from '../features/legal/messages';
import { messages as desktop } from '../features/settings/desktop-messages';
import { messages as vat } from '../features/vat/messages';
import { messages as life } from '../features/ledger/life-messages';
import { messages as today } from '../features/today/messages';
import { messages as numbering } from '../features/ledger/numbering-messages';
import { messages as sync } from '../features/sync/messages';

/** Add a feature's messages here: one import and one entry. */
const FEATURES = {
  settings,
  collections,
  notifications,
  ledger,
  dashboard,
  reliability,
  importing,
  plans,
  legal,
  desktop,
  vat,
  life,
  today,
  numbering,
  sync,
} satisfies Record<string, FeatureMessages<string>>;

type Features = typeof FEATURES;
type FeatureKeys = { [F in keyof Features]: keyof Features[F]['es'] }[keyof Features];

export type MessageKey = keyof typeof coreEs | FeatureKeys;

const features: FeatureMessages<string>[] = Object.values(FEATURES);

export const es = Object.assign({}, coreEs, ...features.map((f) => f.es)) as Record<
  MessageKey,
  string
>;
export const en = Object.assign({}, coreEn, ...features.map((f) => f.en)) as Record<
  MessageKey,
  string
>;
