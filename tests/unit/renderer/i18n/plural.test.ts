import { describe, expect, it } from 'vitest';
import { fillTemplate, formatCount } from '../../../../renderer/src/i18n/plural';
import { en, es } from '../../../../renderer/src/i18n/catalog';
import { translate, type Params } from '../../../../renderer/src/i18n';

const PLURAL_AFTER_ONE =
  /(?<![\d.,])1 (facturas|clientes|tareas|días|plazos|cobros|filas|avisos|promesas|recibos|ficheros|movimientos|registros|invoices|clients|tasks|days|installments|instalments|payments|rows|notifications|promises|debits|files|movements|records)\b/;
const FACTURAS = '{count, plural, one {# factura abierta} other {# facturas abiertas}}';

describe('plural messages', () => {
  it('picks the Spanish and English forms with Intl.PluralRules', () => {
    expect(fillTemplate(FACTURAS, 'es', 'es-ES', { count: 1 })).toBe('1 factura abierta');
    expect(fillTemplate(FACTURAS, 'es', 'es-ES', { count: 0 })).toBe('0 facturas abiertas');
    expect(fillTemplate(FACTURAS, 'es', 'es-ES', { count: 23833 })).toBe(
      '23.833 facturas abiertas',
    );
    const invoices = '{count, plural, one {# invoice} other {# invoices}}';
    expect(fillTemplate(invoices, 'en', 'en-GB', { count: 1 })).toBe('1 invoice');
    expect(fillTemplate(invoices, 'en', 'en-GB', { count: 5000 })).toBe('5,000 invoices');
  });

  it('reads counts already formatted, exact matches and placeholders inside a form', () => {
    const template =
      '{count, plural, =0 {Ninguna} one {# tarea para {who}} other {# tareas para {who}}} hoy';
    expect(fillTemplate(template, 'es', 'es-ES', { count: '1', who: 'ti' })).toBe(
      '1 tarea para ti hoy',
    );
    expect(fillTemplate(template, 'es', 'es-ES', { count: '1.000', who: 'ti' })).toBe(
      '1.000 tareas para ti hoy',
    );
    expect(fillTemplate(template, 'es', 'es-ES', { count: 0, who: 'ti' })).toBe('Ninguna hoy');
    expect(
      fillTemplate('{days, plural, one {# día} other {# días}}', 'es', 'es-ES', { days: '125,7' }),
    ).toBe('125,7 días');
  });

  it('groups every whole number, even at four digits, and leaves text as it is', () => {
    expect(formatCount(1000, 'es-ES')).toBe('1.000');
    expect(fillTemplate('{done} de {total}', 'es', 'es-ES', { done: 500, total: 5000 })).toBe(
      '500 de 5.000',
    );
    expect(fillTemplate('Factura {number}', 'es', 'es-ES', { number: '2026-001' })).toBe(
      'Factura 2026-001',
    );
  });

  it('no message in either language says "1 facturas" or leaves a count bare', () => {
    const wrong: string[] = [];
    for (const [language, catalog] of [
      ['es', es],
      ['en', en],
    ] as const) {
      for (const key of Object.keys(catalog) as (keyof typeof catalog)[]) {
        // Every placeholder reads 1, so each message is seen with a count of one.
        const ones: Params = new Proxy({}, { get: () => 1 });
        const one = translate(language, key, ones);
        if (PLURAL_AFTER_ONE.test(one)) wrong.push(`${language} ${key}: ${one}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
