// Whether two names on invoices are the same party: a file's buyer against a stored client.
import { LEGAL_FORMS, normalize } from './reconciliation';

/** The name's significant words: accents, punctuation and legal forms (S.L., S.A.…) left out. */
function significantWords(name: string): string[] {
  // "S.L." and "S. L." normalise to "S L": join single letters so the legal form is recognised.
  const joined = normalize(name).replace(/\b([A-Z]) (?=[A-Z]\b)/g, '$1');
  return joined.split(' ').filter((word) => word !== '' && !LEGAL_FORMS.has(word));
}

/**
 * The same party when one name's significant words are all in the other ("Talleres García" and
 * "TALLERES GARCIA, S.L." are; "Bodegas Somontano S.L." and "Talleres García S.L." are not). An
 * empty name says nothing, so it never contradicts a stored one.
 */
export function sameParty(a: string, b: string): boolean {
  const left = significantWords(a);
  const right = significantWords(b);
  if (left.length === 0 || right.length === 0) return true;
  const [fewer, more] = left.length <= right.length ? [left, right] : [right, left];
  const pool = new Set(more);
  return fewer.every((word) => pool.has(word));
}
