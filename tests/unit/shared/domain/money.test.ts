import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MoneyParseError,
  formatCentsInput,
  formatEuros,
  isCents,
  parseEuros,
  percentOfCents,
  splitCentsEvenly,
  sumCents,
} from '../../../../shared/domain/money';

const NBSP = '\u00A0';

describe('isCents', () => {
  it('accepts safe integers and rejects fractions, NaN and non-numbers', () => {
    expect(isCents(0)).toBe(true);
    expect(isCents(-125)).toBe(true);
    expect(isCents(1.5)).toBe(false);
    expect(isCents(Number.NaN)).toBe(false);
    expect(isCents(2 ** 53)).toBe(false);
    expect(isCents('12')).toBe(false);
  });
});

describe('parseEuros', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['-12,5', -1250],
    ['12', 1200],
    ['1.234', 123400],
    ['1.210', 121000],
    ['1.210,00', 121000],
    ['1.234.567', 123456700],
    ['1.234.567,89', 123456789],
    ['1,234.56', 123456],
    ['1,5', 150],
    ['12.5', 1250],
    ['0,05', 5],
    ['+7', 700],
    ['  42,10  ', 4210],
    ['1.234,56 €', 123456],
    ['1.234,56€', 123456],
    [`1.234,56${NBSP}€`, 123456],
    ['€1,234.56', 123456],
    ['€ 12', 1200],
    ['-€1,234.56', -123456],
    ['€-5', -500],
    ['- 3,00 €', -300],
    ['-0', 0],
  ])('reads "%s" as %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each([
    '',
    '   ',
    '€',
    'abc',
    '12a',
    '--5',
    '+-5',
    '€5€',
    '1,234',
    '1,2,3',
    '1.23.45',
    '12.345,6.7',
    '1.2345',
    '12,',
    ',5',
    '1,234,567',
    '12,345',
    '1 234,56',
    '99999999999999999999',
  ])('rejects "%s" with a MoneyParseError', (text) => {
    expect(() => parseEuros(text)).toThrow(MoneyParseError);
  });

  it('names the rejected text in the error message', () => {
    expect(() => parseEuros('doce')).toThrow(/"doce"/);
  });

  it('treats more than two decimals as an error rather than rounding', () => {
    expect(() => parseEuros('1,234')).toThrow(/more than two decimals/);
  });
});

describe('formatEuros', () => {
  it('groups thousands in Spanish even for four-digit amounts', () => {
    expect(formatEuros(123456)).toBe(`1.234,56${NBSP}€`);
    expect(formatEuros(123456789)).toBe(`1.234.567,89${NBSP}€`);
    expect(formatEuros(99999)).toBe(`999,99${NBSP}€`);
  });

  it('puts the minus sign before the number and pads the cents', () => {
    expect(formatEuros(-123456)).toBe(`-1.234,56${NBSP}€`);
    expect(formatEuros(5)).toBe(`0,05${NBSP}€`);
    expect(formatEuros(0)).toBe(`0,00${NBSP}€`);
  });

  it('uses the English form for any en locale', () => {
    expect(formatEuros(123456, 'en-GB')).toBe('€1,234.56');
    expect(formatEuros(-123456, 'en')).toBe('-€1,234.56');
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => formatEuros(1.5)).toThrow(RangeError);
    expect(() => formatEuros(Number.NaN)).toThrow(RangeError);
  });

  it('reads back exactly what it prints, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(1e13 - 1), max: 1e13 - 1 }),
        fc.constantFrom('es-ES', 'en-GB'),
        (cents, locale) => parseEuros(formatEuros(cents, locale)) === cents,
      ),
    );
  });
});

describe('formatCentsInput', () => {
  it('prints a plain Spanish decimal for form fields', () => {
    expect(formatCentsInput(123456)).toBe('1234,56');
    expect(formatCentsInput(-5)).toBe('-0,05');
    expect(parseEuros(formatCentsInput(123456))).toBe(123456);
  });
});

describe('sumCents', () => {
  it('adds whole cents and refuses fractions', () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([100, 250, -50])).toBe(300);
    expect(() => sumCents([1, 0.5])).toThrow(RangeError);
  });
});

describe('percentOfCents', () => {
  it('computes VAT and IRPF to the cent', () => {
    expect(percentOfCents(100000, 21)).toBe(21000);
    expect(percentOfCents(100000, 15)).toBe(15000);
    expect(percentOfCents(1, 21)).toBe(0);
  });

  it('rounds halves away from zero', () => {
    expect(percentOfCents(50, 1)).toBe(1); // 0.5 cent
    expect(percentOfCents(-50, 1)).toBe(-1);
    expect(percentOfCents(250, 21)).toBe(53); // 52.5
    expect(percentOfCents(249, 21)).toBe(52); // 52.29
  });

  it('handles decimal percents without float error', () => {
    expect(percentOfCents(10000, 5.2)).toBe(520);
    expect(percentOfCents(1000, 1.15)).toBe(12); // 11.5 → 12, where 1000*1.15/100 floats to 11.499…
    expect(percentOfCents(123457, 0)).toBe(0);
  });
});

describe('splitCentsEvenly', () => {
  it('gives the extra cents to the first parts', () => {
    expect(splitCentsEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitCentsEvenly(101, 3)).toEqual([34, 34, 33]);
    expect(splitCentsEvenly(-5, 2)).toEqual([-2, -3]);
    expect(splitCentsEvenly(0, 2)).toEqual([0, 0]);
  });

  it('rejects a non-positive or fractional number of parts', () => {
    expect(() => splitCentsEvenly(100, 0)).toThrow(RangeError);
    expect(() => splitCentsEvenly(100, 1.5)).toThrow(RangeError);
  });

  it('always sums exactly with at most one cent between parts, larger first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 60 }),
        (total, count) => {
          const split = splitCentsEvenly(total, count);
          const max = Math.max(...split);
          const min = Math.min(...split);
          const sorted = [...split].sort((a, b) => b - a);
          return (
            split.length === count &&
            sumCents(split) === total &&
            max - min <= 1 &&
            split.every((value, index) => value === sorted[index])
          );
        },
      ),
    );
  });
});
