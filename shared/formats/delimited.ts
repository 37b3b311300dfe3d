// Delimited text files (CSV/TSV): encoding and delimiter detection, quotes, embedded newlines.
import { decodeText } from './windows-1252';
import type { TextEncodingName } from './windows-1252';
import { checkFileSize } from './file-limits';

export class DelimitedParseError extends Error {
  /** 1-based line of the file where the problem starts. */
  readonly line: number;

  constructor(line: number, reason: string) {
    super(`Línea ${line}: ${reason}`);
    this.name = 'DelimitedParseError';
    this.line = line;
  }
}

export interface DelimitedFile {
  encoding: TextEncodingName;
  delimiter: string;
  header: string[];
  rows: string[][];
}

export const DELIMITERS = [';', ',', '\t'] as const;

/** Counts each candidate outside quotes, line by line, over the first non-empty lines. */
export function detectDelimiter(text: string, sampleLines = 20): string {
  const perLine: Record<string, number>[] = [];
  let current: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let hasContent = false;
  let inQuotes = false;
  const flush = () => {
    if (hasContent) perLine.push(current);
    current = { ';': 0, ',': 0, '\t': 0 };
    hasContent = false;
  };
  for (let index = 0; index < text.length && perLine.length < sampleLines; index += 1) {
    const char = text[index] ?? '';
    if (char === '"') inQuotes = !inQuotes;
    if (!inQuotes && (char === '\n' || char === '\r')) {
      flush();
      continue;
    }
    if (char.trim() !== '') hasContent = true;
    if (!inQuotes && char in current) current[char] = (current[char] ?? 0) + 1;
  }
  flush();
  let best = ';';
  let bestScore = 0;
  for (const key of DELIMITERS) {
    const first = perLine[0]?.[key] ?? 0;
    if (first === 0) continue;
    // A real delimiter appears as often on every line as in the header; decimal commas do not.
    const consistent = perLine.filter((counts) => counts[key] === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Splits text into records; quotes may hold delimiters, newlines and doubled quotes. Linear: a
 * field is tested for blankness with a flag, never by trimming what it holds so far.
 */
export function splitDelimited(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  // True while the field holds only blanks (a quote may still open it).
  let blank = true;
  let inQuotes = false;
  let line = 1;
  let quoteStartLine = 1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text[index];
    if (inQuotes) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === '"' && blank) {
      inQuotes = true;
      quoteStartLine = line;
      field = '';
      blank = false;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
      blank = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      blank = true;
      line += 1;
    } else {
      field += char;
      if (blank && (char ?? '').trim() !== '') blank = false;
    }
    index += 1;
  }
  if (inQuotes)
    throw new DelimitedParseError(quoteStartLine, 'unas comillas abiertas no se cierran');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  // A trailing newline leaves nothing behind; blank lines at the end are dropped too.
  while (records.length > 0 && isBlank(records[records.length - 1] ?? [])) records.pop();
  return records;
}

function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && (record[0] ?? '').trim() === '';
}

export function readDelimited(bytes: Uint8Array): DelimitedFile {
  checkFileSize('delimited', bytes.length);
  const { encoding, text } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const records = splitDelimited(text, delimiter);
  const [header = [], ...rows] = records;
  return { encoding, delimiter, header: header.map((cell) => cell.trim()), rows };
}
