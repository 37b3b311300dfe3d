// The frame every letter-type PDF shares: letterhead, recipient, place and date, reference,
// greeting, closing, signature block and "Página 1 de 2" footers, in Spanish and English.
import type { Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Language } from '../domain/records';
import { parts, type CalendarDate } from '../domain/dates';
import { formatEuros, type Cents } from '../domain/money';

export type ContactTitle = 'sra' | 'sr';

/** Who writes: the company profile, with who signs for it when that is saved. */
export interface LetterSender {
  name: string;
  taxId: string;
  address: string;
  postalCode: string;
  city: string;
  province?: string;
  email?: string;
  phone?: string;
  logoDataUrl?: string | null;
  /** The person who signs, e.g. "María López Ruiz"; absent: the company name signs. */
  signatoryName?: string;
  /** Their capacity, e.g. "Administradora única"; absent for a self-employed sender. */
  signatoryRole?: string;
  /** A saved signature (PNG/JPEG data URL) printed above the name. */
  signatureDataUrl?: string | null;
}

/** Who receives: the client, with the person to address when there is one. */
export interface LetterRecipient {
  name: string;
  taxId: string;
  address: string;
  postalCode: string;
  city: string;
  province?: string;
  /** "A/A" line and the greeting's surname. */
  contactPerson?: string;
  /** Sra./Sr. of the contact person, or of the client itself when it has no contact person. */
  contactTitle?: ContactTitle | null;
  debtorKind?: 'business' | 'consumer';
}

const WORDS = {
  es: {
    taxId: 'NIF',
    attention: 'A/A',
    subject: 'Asunto',
    reference: 'Ref.',
    invoice: 'factura',
    invoices: 'facturas',
    total: 'total',
    more: (count: number) => `y ${count} más`,
    closing: { named: 'Atentamente,', unnamed: 'Atentamente,' },
    page: (current: number, count: number) => `Página ${current} de ${count}`,
    title: { sra: 'Estimada Sra.', sr: 'Estimado Sr.' },
    company: 'Estimados señores:',
    person: 'Estimado cliente:',
    greetingEnd: ':',
    months: [
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre',
    ],
    longDate: (day: number, month: string, year: number) => `${day} de ${month} de ${year}`,
  },
  en: {
    taxId: 'Tax ID (NIF)',
    attention: 'FAO',
    subject: 'Subject',
    reference: 'Ref.',
    invoice: 'invoice',
    invoices: 'invoices',
    total: 'total',
    more: (count: number) => `and ${count} more`,
    // British usage: "Dear Ms Ruiz" closes "Yours sincerely", "Dear Sir or Madam" "Yours faithfully".
    closing: { named: 'Yours sincerely,', unnamed: 'Yours faithfully,' },
    page: (current: number, count: number) => `Page ${current} of ${count}`,
    title: { sra: 'Dear Ms', sr: 'Dear Mr' },
    company: 'Dear Sir or Madam,',
    person: 'Dear Sir or Madam,',
    greetingEnd: ',',
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    longDate: (day: number, month: string, year: number) => `${day} ${month} ${year}`,
  },
} as const;

export function frameWords(language: Language) {
  return WORDS[language];
}

const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'i', 'da', 'das', 'do', 'dos']);

/**
 * The surname a Spanish letter greets by: the first of the two surnames ("Marta Ruiz Soler" →
 * "Ruiz"), keeping its particles ("Juan de la Cruz Pérez" → "de la Cruz"); one given name and
 * one surname → that surname.
 */
export function surnameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  // Group lowercase particles with the word after them: "de la Cruz" is one surname.
  const units: string[] = [];
  let pending: string[] = [];
  for (const word of words) {
    if (PARTICLES.has(word.toLowerCase()) && word === word.toLowerCase()) {
      pending.push(word);
      continue;
    }
    units.push([...pending, word].join(' '));
    pending = [];
  }
  if (pending.length > 0) units.push(pending.join(' '));
  if (units.length >= 3) return units[units.length - 2] ?? '';
  return units[units.length - 1] ?? '';
}

/** The person a letter greets by title and surname, or null when the title is not known. */
function addressee(recipient: LetterRecipient): { title: ContactTitle; name: string } | null {
  const title = recipient.contactTitle;
  if (!title) return null;
  const name = recipient.contactPerson?.trim() || recipient.name.trim();
  return name ? { title, name } : null;
}

/**
 * The greeting of a Spanish business letter: "Estimada Sra. Ruiz:" / "Estimado Sr. Pérez:" when
 * the title of the person is known; otherwise "Estimados señores:" to a company (the A/A line
 * still names the person) and "Estimado cliente:" to a consumer — never a guessed gender, never
 * "Sr./Sra." with slashes. English: "Dear Ms Ruiz," / "Dear Mr Pérez," / "Dear Sir or Madam,".
 */
export function greetingFor(recipient: LetterRecipient, language: Language): string {
  const words = WORDS[language];
  const person = addressee(recipient);
  if (person) return `${words.title[person.title]} ${surnameOf(person.name)}${words.greetingEnd}`;
  return recipient.debtorKind === 'consumer' ? words.person : words.company;
}

/** "Atentamente," in Spanish; in English it follows the greeting (sincerely / faithfully). */
export function closingFor(recipient: LetterRecipient, language: Language): string {
  const closing = WORDS[language].closing;
  return addressee(recipient) ? closing.named : closing.unnamed;
}

/** "Zaragoza, 23 de noviembre de 2026" / "Zaragoza, 23 November 2026" (the city when known). */
export function placeAndDate(city: string, date: CalendarDate, language: Language): string {
  const words = WORDS[language];
  const { year, month, day } = parts(date);
  const long = words.longDate(day, words.months[month - 1] ?? '', year);
  return city.trim() ? `${city.trim()}, ${long}` : long;
}

export function addressLines(party: {
  address: string;
  postalCode: string;
  city: string;
  province?: string;
}): string[] {
  const place = [party.postalCode, party.city].filter(Boolean).join(' ');
  const province = party.province && party.province !== party.city ? ` (${party.province})` : '';
  return [party.address, place + province].filter((line) => line.trim() !== '');
}

/** The recipient block: name, A/A contact, NIF and address, one line each. */
export function recipientLines(recipient: LetterRecipient, language: Language): string[] {
  const words = WORDS[language];
  const contact = recipient.contactPerson?.trim();
  return [
    recipient.name,
    ...(contact && contact !== recipient.name.trim() ? [`${words.attention} ${contact}`] : []),
    ...(recipient.taxId ? [`${words.taxId} ${recipient.taxId}`] : []),
    ...addressLines(recipient),
  ];
}

/**
 * "Ref.: facturas 2026-001 (1.000,00 €) y 2026-002 (234,56 €) · total 1.234,56 €": what the letter
 * is about, at most `limit` invoices named, the rest counted.
 */
export function referenceLine(
  items: readonly { number: string; amountCents: Cents }[],
  totalCents: Cents,
  language: Language,
  limit = 6,
): string {
  const words = WORDS[language];
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const money = (cents: Cents) => formatEuros(cents, locale);
  if (items.length === 0) return '';
  const named = items.slice(0, limit).map((item) => `${item.number} (${money(item.amountCents)})`);
  const rest = items.length - named.length;
  const and = language === 'es' ? 'y' : 'and';
  const joined =
    rest > 0
      ? `${named.join(', ')} ${words.more(rest)}`
      : named.length === 1
        ? (named[0] ?? '')
        : `${named.slice(0, -1).join(', ')} ${and} ${named[named.length - 1] ?? ''}`;
  const noun = items.length === 1 ? words.invoice : words.invoices;
  const total = items.length > 1 ? ` · ${words.total} ${money(totalCents)}` : '';
  return `${words.reference}: ${noun} ${joined}${total}`;
}

const CLOSINGS = [
  'atentamente',
  'un saludo',
  'saludos',
  'saludos cordiales',
  'cordialmente',
  'muchas gracias',
  'gracias',
  'kind regards',
  'best regards',
  'regards',
  'yours sincerely',
  'yours faithfully',
  'many thanks',
  'thank you',
];

/** A line that only greets: short, one line, ending in ":" or ",". */
function isGreeting(paragraph: string): boolean {
  const text = paragraph.trim();
  return !text.includes('\n') && text.length <= 80 && /[:,]$/.test(text);
}

/**
 * An email-style body (greeting, text, sign-off with the company name) as the frame needs it:
 * the greeting the person wrote (kept, so an edited greeting wins), the paragraphs, and no
 * sign-off — the frame prints its own closing and signature block.
 */
export function splitLetterBody(
  body: string,
  senderName: string,
): { greeting: string | null; paragraphs: string[] } {
  const paragraphs = body
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter((text) => text !== '');
  let greeting: string | null = null;
  if (paragraphs.length > 1 && isGreeting(paragraphs[0] ?? '')) {
    greeting = paragraphs.shift() ?? null;
  }
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined) {
    const lines = last.split('\n').map((line) => line.trim());
    const name = senderName.trim().toLowerCase();
    if (name && lines[lines.length - 1]?.toLowerCase() === name) lines.pop();
    const closing = lines[lines.length - 1]
      ?.toLowerCase()
      .replace(/[.,!]+$/, '')
      .trim();
    if (closing !== undefined && CLOSINGS.includes(closing)) lines.pop();
    const rest = lines.join('\n').trim();
    paragraphs.pop();
    if (rest) paragraphs.push(rest);
  }
  return { greeting, paragraphs };
}

const MUTED = '#52606d';

/** The sender's letterhead: logo, name, NIF, address and contact, with a rule beneath. */
export function letterhead(sender: LetterSender, language: Language): Content {
  const words = WORDS[language];
  const contact = [sender.email, sender.phone].filter(Boolean).join(' · ');
  const details = [
    ...(sender.taxId ? [`${words.taxId} ${sender.taxId}`] : []),
    addressLines(sender).join(', '),
    contact,
  ].filter((line) => line.trim() !== '');
  const logo: Column[] = sender.logoDataUrl
    ? [{ width: 'auto', stack: [{ image: sender.logoDataUrl, fit: [110, 44] }] }]
    : [];
  const columns: Column[] = [
    ...logo,
    {
      width: '*',
      stack: [
        { text: sender.name || ' ', fontSize: 13, bold: true },
        ...details.map((text) => ({ text, fontSize: 8.5, color: MUTED })),
      ],
    },
  ];
  return {
    stack: [
      { columns, columnGap: 12 },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 0.6, lineColor: '#9aa5b1' },
        ],
        margin: [0, 6, 0, 0],
      },
    ],
  };
}

/** The recipient block, where a window envelope shows it: right half of the page. */
export function recipientBlock(recipient: LetterRecipient, language: Language): Content {
  const [name, ...rest] = recipientLines(recipient, language);
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 230,
        stack: [{ text: name ?? '', bold: true }, ...rest.map((text) => ({ text }))],
      },
    ],
    margin: [0, 18, 0, 0],
  };
}

/**
 * The signature block: optional closing ("Atentamente,"), the saved signature image or room to
 * sign by hand, the signatory's name, capacity and company, and the NIF.
 */
export function signatureBlock(
  sender: LetterSender,
  language: Language,
  /** The closing words above the signature ("Atentamente,"), or none. */
  closing: string | null,
): Content {
  const words = WORDS[language];
  const signatory = sender.signatoryName?.trim() ?? '';
  const role = sender.signatoryRole?.trim() ?? '';
  const name = signatory || sender.name;
  // Signing for a company: "Administradora única · Reformas Levante SL"; a self-employed sender
  // signs with their own name and NIF only.
  const forCompany = signatory !== '' && signatory !== sender.name.trim();
  const capacity = [role, forCompany ? sender.name : ''].filter(Boolean).join(' · ');
  const stack: Content[] = [
    ...(closing ? [{ text: closing, margin: [0, 8, 0, 0] } satisfies Content] : []),
    sender.signatureDataUrl
      ? { image: sender.signatureDataUrl, fit: [150, 44], margin: [0, 2, 0, 2] }
      : { text: ' ', margin: [0, 0, 0, 32] },
    { text: name || ' ', bold: true },
    ...(capacity ? [{ text: capacity }] : []),
    ...(sender.taxId ? [{ text: `${words.taxId} ${sender.taxId}`, color: MUTED }] : []),
  ];
  return { stack, unbreakable: true };
}

/** "Página 1 de 2" at the foot of each page: centred, or on the right after a note. */
export function pageFooter(language: Language, note = '', sideMargin = 56) {
  const words = WORDS[language];
  return (current: number, count: number): Content => ({
    columns: note
      ? [
          { text: note, width: '*' },
          { text: words.page(current, count), width: 'auto', alignment: 'right' },
        ]
      : [{ text: words.page(current, count), alignment: 'center' }],
    columnGap: 12,
    fontSize: 7.5,
    color: '#666666',
    margin: [sideMargin, 20, sideMargin, 0],
  });
}

export interface LetterInput {
  language: Language;
  sender: LetterSender;
  recipient: LetterRecipient;
  date: CalendarDate;
  subject: string;
  /** A reference line ("Ref.: facturas …"), empty for none. */
  reference?: string;
  /** Absent: the greeting that fits the recipient (greetingFor). */
  greeting?: string | null;
  /** The letter's own content between the greeting and the closing. */
  body: Content[];
  title?: string;
}

/** A whole letter as a pdfmake document, A4, with the house margins and footers. */
export function letterDocument(input: LetterInput): TDocumentDefinitions {
  const words = WORDS[input.language];
  const greeting = input.greeting ?? greetingFor(input.recipient, input.language);
  return {
    info: {
      title: input.title ?? input.subject,
      author: input.sender.name,
      subject: input.subject,
    },
    pageSize: 'A4',
    pageMargins: [56, 44, 56, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25, color: '#1f2933' },
    styles: { subject: { fontSize: 10.5, bold: true } },
    footer: pageFooter(input.language),
    content: [
      letterhead(input.sender, input.language),
      recipientBlock(input.recipient, input.language),
      {
        text: placeAndDate(input.sender.city, input.date, input.language),
        alignment: 'right',
        margin: [0, 16, 0, 10],
      },
      { text: `${words.subject}: ${input.subject}`, style: 'subject' },
      ...(input.reference
        ? [{ text: input.reference, margin: [0, 2, 0, 0] } satisfies Content]
        : []),
      { text: greeting, margin: [0, 12, 0, 8] },
      ...input.body.slice(0, -1),
      // The signature never starts a page alone: the last part of the body goes with it.
      {
        stack: [
          ...input.body.slice(-1),
          signatureBlock(input.sender, input.language, closingFor(input.recipient, input.language)),
        ],
        unbreakable: true,
      },
    ],
  };
}

/**
 * Body paragraphs as pdfmake text, spaced like a letter: indented lines keep their indent, and
 * an arrow the embedded Roboto cannot draw (it would print as a box) reads as "=".
 */
export function paragraphsOf(paragraphs: readonly string[]): Content[] {
  return paragraphs.map((text): Content => ({
    text: text.replace(/\s*→\s*/g, ' = '),
    preserveLeadingSpaces: true,
    margin: [0, 0, 0, 8],
  }));
}

export type SenderField = 'name' | 'taxId' | 'address' | 'iban';

/**
 * What a demand cannot go without: who sends it (name, NIF, address) and where to pay (IBAN).
 * A requerimiento with no sender or "la cuenta —" is not produced; the app asks for these first.
 */
export function senderGaps(
  sender: Pick<LetterSender, 'name' | 'taxId' | 'address' | 'city'> & { iban: string },
): SenderField[] {
  const gaps: SenderField[] = [];
  if (!sender.name.trim()) gaps.push('name');
  if (!sender.taxId.trim()) gaps.push('taxId');
  if (!sender.address.trim() || !sender.city.trim()) gaps.push('address');
  if (!sender.iban.trim()) gaps.push('iban');
  return gaps;
}
