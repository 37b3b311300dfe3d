import { describe, expect, it } from 'vitest';
import { skippedForMissingTools, skipSummaryLines } from '../../support/skip-reasons-reporter';

describe('the skip-reasons summary', () => {
  it('counts skipped tests by the tool their name says they need, and ignores other skips', () => {
    const byTool = skippedForMissingTools([
      'aging report (needs poppler-utils) > a page per client',
      'aging report (needs poppler-utils) > totals',
      'signPdfWithP12 (needs openssl and poppler-utils) > signs',
      'reads the bank statement from shared data',
    ]);
    expect([...byTool]).toEqual([
      ['poppler-utils', 2],
      ['openssl and poppler-utils', 1],
    ]);
  });

  it('prints one line per missing tool with how to install it', () => {
    expect(
      skipSummaryLines(
        new Map([
          ['poppler-utils', 14],
          ['openssl and poppler-utils', 1],
        ]),
      ),
    ).toEqual([
      '14 tests skipped: they need poppler-utils, not installed here (apt-get install poppler-utils, or brew install poppler)',
      '1 test skipped: it needs openssl and poppler-utils, not installed here (apt-get install openssl; apt-get install poppler-utils, or brew install poppler)',
    ]);
  });

  it('names only the tools really missing, and nothing when all are installed', () => {
    const byTool = new Map([
      ['poppler-utils', 3],
      ['openssl and poppler-utils', 1],
    ]);
    expect(skipSummaryLines(byTool, (tool) => tool === 'poppler-utils')).toEqual([
      '1 test skipped: it needs openssl, not installed here (apt-get install openssl)',
    ]);
    expect(skipSummaryLines(byTool, () => true)).toEqual([]);
  });

  it('prints nothing when no test was skipped for a tool', () => {
    expect(skipSummaryLines(skippedForMissingTools(['reads shared data']))).toEqual([]);
  });
});
