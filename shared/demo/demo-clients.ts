// One demo client: a company (S.L./S.A., CIF) or an autónomo (NIF), with a payer habit.
import type { ClientRecord } from '../domain/records';
import { makeCif, makeNif } from './demo-tax-ids';
import { BRANDS, CITIES, FIRST_NAMES, STREETS, SURNAMES, TRADES } from './demo-names';
import type { Rng } from './prng';

export type PayerHabit = 'good' | 'slow' | 'bad';

export interface DemoClient {
  client: ClientRecord;
  habit: PayerHabit;
  /** Restaurants and hostels: invoices at the reduced 10% VAT. */
  hospitality: boolean;
  /** A business client that retains IRPF on the user's professional services. */
  withholds: boolean;
}

const TERMS = [0, 30, 30, 30, 45, 60, 60] as const;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24);
}

function phone(rng: Rng, first: '6' | '9'): string {
  const digits = `${first}${rng.int(10_000_000, 99_999_999)}`;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

function habitOf(rng: Rng): PayerHabit {
  const roll = rng.next();
  return roll < 0.6 ? 'good' : roll < 0.88 ? 'slow' : 'bad';
}

export function makeDemoClient(
  rng: Rng,
  id: string,
  createdAt: string,
  usedNames: Set<string>,
): DemoClient {
  const [city, province, provinceCode] = rng.pick(CITIES);
  const person = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
  const isCompany = rng.chance(0.7);
  let name: string;
  let taxId: string;
  let hospitality = false;
  if (isCompany) {
    const trade = rng.pick(TRADES);
    const form = rng.chance(0.8) ? 'S.L.' : 'S.A.';
    name = `${trade} ${rng.pick(BRANDS)} ${form}`;
    if (usedNames.has(name)) name = `${trade} ${rng.pick(BRANDS)} ${city} ${form}`;
    taxId = makeCif(rng, form === 'S.A.' ? 'A' : 'B', provinceCode);
    hospitality = trade === 'Restaurante' || trade === 'Hostal';
  } else {
    name = `${person} ${rng.pick(SURNAMES)}`;
    taxId = makeNif(rng);
  }
  usedNames.add(name);
  const client: ClientRecord = {
    id,
    name,
    taxId,
    email: isCompany ? `administracion@${slug(name)}.es` : `${slug(person)}@correo.es`,
    phone: phone(rng, isCompany ? '9' : '6'),
    contactPerson: isCompany ? person : name,
    address: `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
    postalCode: `${provinceCode}${String(rng.int(1, 999)).padStart(3, '0')}`,
    city,
    province,
    paymentTermDays: rng.pick(TERMS),
    creditLimitCents: rng.chance(0.3) ? rng.int(20, 300) * 100_00 : null,
    onHold: false,
    notes: '',
    createdAt,
    updatedAt: createdAt,
  };
  const habit = habitOf(rng);
  if (habit === 'bad' && rng.chance(0.3)) client.onHold = true;
  return { client, habit, hospitality, withholds: isCompany && !hospitality };
}
