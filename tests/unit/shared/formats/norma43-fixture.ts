// Builds Norma 43 lines from the AEB layout (norma43/LAYOUT.md), for the tests' own fixtures.

const pad = (text: string, size: number) => text.padEnd(size, ' ').slice(0, size);
const num = (value: number, size: number) => String(value).padStart(size, '0');

export interface FixtureMovement {
  date: string; // YYMMDD
  amountCents: number; // signed
  concept: string;
  ref1?: string;
  ref2?: string;
  common?: string;
}

export function account11(start: string, end: string, initialCents: number): string {
  return `11${'2100'}${'0418'}${'0200051332'}${start}${end}${initialCents < 0 ? '1' : '2'}${num(Math.abs(initialCents), 14)}9783${pad('MI EMPRESA SL', 26)}   `;
}

export function movement22(m: FixtureMovement): string {
  return `22    0418${m.date}${m.date}${m.common ?? '04'}000${m.amountCents < 0 ? '1' : '2'}${num(Math.abs(m.amountCents), 14)}${num(0, 10)}${pad(m.ref1 ?? '', 12)}${pad(m.ref2 ?? '', 16)}`;
}

export function concept23(text: string, second = ''): string {
  return `2301${pad(text, 38)}${pad(second, 38)}`;
}

export function end33(movements: readonly FixtureMovement[], initialCents: number): string {
  const debits = movements.filter((m) => m.amountCents < 0);
  const credits = movements.filter((m) => m.amountCents >= 0);
  const sum = (list: FixtureMovement[]) => list.reduce((s, m) => s + Math.abs(m.amountCents), 0);
  const final = initialCents + sum(credits) - sum(debits);
  return `33${'2100'}${'0418'}${'0200051332'}${num(debits.length, 5)}${num(sum(debits), 14)}${num(credits.length, 5)}${num(sum(credits), 14)}${final < 0 ? '1' : '2'}${num(Math.abs(final), 14)}978    `;
}

export function norma43File(movements: readonly FixtureMovement[], initialCents = 100_000): string {
  const lines = [account11('260301', '260331', initialCents)];
  for (const m of movements) lines.push(movement22(m), concept23(m.concept));
  lines.push(end33(movements, initialCents));
  lines.push(`88${'9'.repeat(18)}${num(lines.length, 6)}`);
  return lines.join('\r\n') + '\r\n';
}
