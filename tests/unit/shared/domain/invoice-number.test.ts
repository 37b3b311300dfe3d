import { describe, expect, it } from 'vitest';
import {
  nextInvoiceNumber,
  parseInvoiceNumber,
  seriesForNext,
} from '../../../../shared/domain/invoice-number';

const today = '2026-11-30';

describe('parseInvoiceNumber', () => {
  it('splits the series from the last run of digits, keeping the zeros it was written with', () => {
    expect(parseInvoiceNumber('2026-077')).toEqual({
      series: '2026-',
      seq: 77,
      width: 3,
      suffix: '',
    });
    expect(parseInvoiceNumber('F/0012-R')).toEqual({
      series: 'F/',
      seq: 12,
      width: 4,
      suffix: '-R',
    });
    expect(parseInvoiceNumber('sin número')).toBeNull();
  });
});

describe('nextInvoiceNumber', () => {
  it('proposes one more than the highest number of the latest invoice’s series', () => {
    expect(
      nextInvoiceNumber({
        latest: '2026-077',
        taken: ['2026-077', '2026-079', 'A-500', '2025-120', '2026-078'],
        today,
      }),
    ).toBe('2026-080');
  });

  it('starts the year at 001 without invoices, and keeps the width as numbers grow', () => {
    expect(nextInvoiceNumber({ latest: null, taken: [], today })).toBe('2026-001');
    expect(nextInvoiceNumber({ latest: '2026-999', taken: ['2026-999'], today })).toBe('2026-1000');
    expect(nextInvoiceNumber({ latest: 'F0009', taken: ['F0009'], today })).toBe('F0010');
  });

  it('rolls a series that names last year over to this year', () => {
    expect(seriesForNext('FAC-2025/0140', '2026-01-02')).toEqual({
      series: 'FAC-2026/',
      width: 4,
      suffix: '',
    });
    expect(nextInvoiceNumber({ latest: '2025-140', taken: ['2025-140', '2025-139'], today })).toBe(
      '2026-001',
    );
    // A year already in the new series counts on from there.
    expect(nextInvoiceNumber({ latest: '2025-140', taken: ['2025-140', '2026-004'], today })).toBe(
      '2026-005',
    );
  });

  it('never proposes a number already taken in the series', () => {
    const taken = ['2026-001', '2026-002', '2026-010'];
    const next = nextInvoiceNumber({ latest: '2026-002', taken, today });
    expect(taken).not.toContain(next);
    expect(next).toBe('2026-011');
  });
});
