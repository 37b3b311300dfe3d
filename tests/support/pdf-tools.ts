// Poppler's command-line tools for tests: the text of a PDF, its pages as PNGs, its signatures.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const popplerAvailable = spawnSync('pdftotext', ['-v']).status === 0;
/** Ends the name of a test or suite that skips without poppler, for the run's summary line. */
export const NEEDS_POPPLER = '(needs poppler-utils)';

/** Says in the run's output which checks a test left out because poppler is missing. */
export function reportPopplerSkip(what: string): void {
  console.log(`${what} skipped ${NEEDS_POPPLER}: poppler-utils is not installed here.`);
}

function writeTemp(bytes: Uint8Array, name = 'document.pdf'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-pdf-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** The PDF's text, laid out as on the page. */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', writeTemp(bytes), '-'], { encoding: 'utf8' });
}

export function pdfPageCount(bytes: Uint8Array): number {
  const info = execFileSync('pdfinfo', [writeTemp(bytes)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Writes page PNGs (prefix-1.png, …) to look at by hand; returns the prefix. */
export function pdfToPngs(bytes: Uint8Array, outPrefix: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '80', writeTemp(bytes), outPrefix]);
  return outPrefix;
}
