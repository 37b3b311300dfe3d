// Holds reconciliation quality fixed: the suggestions for a fixed statement against a fixed ledger
// (tests/unit/shared/domain/reconciliation-fixture.ts), as the per-movement algorithm gave them
// before the index (generated once from that code and kept here as literals).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestMatches } from '../../../../shared/domain/reconciliation';
import { byAmount, withLinks } from '../../../../shared/domain/reconciliation-links';
import {
  buildMatchIndex,
  suggestMatchesIndexed,
} from '../../../../shared/domain/reconciliation-index';
import { LEDGER, MOVEMENTS, RECORDED, summarize } from './reconciliation-fixture';

/** client | items | amount | confidence | reasons | link, best first, per movement. */
const EXPECTED: Record<string, string[]> = {
  m001: [
    'c01||121000|0.6|recorded_payment|link:p1',
    'c06|i044|121000|0.45|amount_exact,number_in_text,name_in_text|',
    'c06|i037|121000|0.45|amount_exact,name_in_text|',
    'c06|i043|121000|0.45|amount_exact,name_in_text|',
    'c01|i008|121000|0.2|amount_exact|',
  ],
  m002: [
    'c01|i008|60500|0.45|number_in_text|',
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
    'c09|i063|60500|0.2|amount_exact|',
  ],
  m003: ['c08|i055+i054|163966|0.5|sum_of_items,name_in_text|'],
  m004: [
    'c05|i028|145200|0.6|amount_exact,name_in_text|',
    'c05|i031+i034|145200|0.5|sum_of_items,name_in_text|',
    'c05|i034+i029|145200|0.5|sum_of_items,name_in_text|',
    'c01|i009|145200|0.2|amount_exact|',
    'c08|i056|145200|0.2|amount_exact|',
  ],
  m005: [
    'c04|i024|30250|0.75|amount_exact,tax_id_in_text|',
    'c06|i038|30250|0.2|amount_exact|',
    'c12|i085|30250|0.2|amount_exact|',
    'c06|i040|30250|0.2|amount_exact|',
  ],
  m006: [],
  m007: [
    'c06|i038|30250|0.2|amount_exact|',
    'c12|i085|30250|0.2|amount_exact|',
    'c04|i024|30250|0.2|amount_exact|',
    'c06|i040|30250|0.2|amount_exact|',
  ],
  m008: [
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
    'c09|i063|60500|0.2|amount_exact|',
    'c06|i045|60500|0.2|amount_exact|',
  ],
  m009: [],
  m010: ['c05|i035|20453|0.99|amount_exact,number_in_text,name_in_text|'],
  m011: [
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
    'c09|i063|60500|0.2|amount_exact|',
    'c06|i045|60500|0.2|amount_exact|',
  ],
  m012: ['c03|i021+i022|185263|0.5|sum_of_items,name_in_text|'],
  m013: [
    'c07|i051|18150|0.6|amount_exact,name_in_text|',
    'c07|i053|18150|0.6|amount_exact,name_in_text|',
    'c08|i055|18150|0.2|amount_exact|',
    'c06|i041|18150|0.2|amount_exact|',
    'c11|i080|18150|0.2|amount_exact|',
  ],
  m014: [
    'c08|i060|24200|0.75|amount_exact,tax_id_in_text|',
    'c02|i016|24200|0.2|amount_exact|',
    'c09|i061|24200|0.2|amount_exact|',
    'c07|i049|24200|0.2|amount_exact|',
    'c05|i034|24200|0.2|amount_exact|',
  ],
  m015: [],
  m016: [
    'c06|i038|30250|0.2|amount_exact|',
    'c12|i085|30250|0.2|amount_exact|',
    'c04|i024|30250|0.2|amount_exact|',
    'c06|i040|30250|0.2|amount_exact|',
  ],
  m017: [
    'c01||121000|0.6|recorded_payment|link:p1',
    'c10|i071|121000|0.45|amount_exact,number_in_text|',
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
  ],
  m018: [],
  m019: [
    'c01|i005|60500|0.99|amount_exact,number_in_text,name_in_text|',
    'c01|i003|60500|0.6|amount_exact,name_in_text|',
    'c01|i001|60500|0.6|amount_exact,name_in_text|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
  ],
  m020: ['c05|i035|10226|0.65|number_in_text,name_in_text|'],
  m021: [
    'c02|i011+i012|242000|0.5|sum_of_items,name_in_text|',
    'c02|i011+i017|242000|0.5|sum_of_items,name_in_text|',
    'c02|i011+i014|242000|0.5|sum_of_items,name_in_text|',
    'c02|i012+i017|242000|0.5|sum_of_items,name_in_text|',
    'c02|i012+i014|242000|0.5|sum_of_items,name_in_text|',
  ],
  m022: [
    'c11|i082|145200|0.6|amount_exact,name_in_text|',
    'c01|i009|145200|0.2|amount_exact|',
    'c08|i056|145200|0.2|amount_exact|',
    'c09|i064|145200|0.2|amount_exact|',
    'c05|i028|145200|0.2|amount_exact|',
  ],
  m023: [
    'c10|i071|121000|0.75|amount_exact,tax_id_in_text|',
    'c10|i074|121000|0.75|amount_exact,tax_id_in_text|',
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
  ],
  m024: [],
  m025: ['c07|i047|252239|0.4|amount_exact|'],
  m026: ['c02|i019|21986|0.85|amount_exact,number_in_text|'],
  m027: [],
  m028: [
    'c02|i016|24200|0.99|amount_exact,number_in_text,name_in_text|',
    'c09|i061|24200|0.2|amount_exact|',
    'c07|i049|24200|0.2|amount_exact|',
    'c08|i060|24200|0.2|amount_exact|',
    'c05|i034|24200|0.2|amount_exact|',
  ],
  m029: [
    'c06|i037|60500|0.65|number_in_text,name_in_text|',
    'c06|i045|60500|0.6|amount_exact,name_in_text|',
    'c06|i038+i040|60500|0.5|sum_of_items,name_in_text|',
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
  ],
  m030: ['c12|i085+i086|280250|0.5|sum_of_items,name_in_text|'],
  m031: [
    'c01||121000|0.6|recorded_payment|link:p1',
    'c05|i031|121000|0.45|amount_exact,name_in_text|',
    'c05|i029|121000|0.45|amount_exact,name_in_text|',
    'c05|i036+i033|121000|0.45|sum_of_items,name_in_text|',
    'c01|i008|121000|0.2|amount_exact|',
  ],
  m032: [
    'c01|i005|60500|0.75|amount_exact,tax_id_in_text|',
    'c01|i003|60500|0.75|amount_exact,tax_id_in_text|',
    'c01|i001|60500|0.75|amount_exact,tax_id_in_text|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
  ],
  m033: [],
  m034: [
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c10|i071|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
    'c02|i011|121000|0.2|amount_exact|',
  ],
  m035: [
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
    'c09|i063|60500|0.2|amount_exact|',
    'c06|i045|60500|0.2|amount_exact|',
  ],
  m036: [],
  m037: ['c11|i081|122780|0.99|amount_exact,number_in_text,name_in_text|'],
  m038: ['c06|i041|9075|0.65|number_in_text,name_in_text|'],
  m039: [
    'c10|i071+i072|266200|0.5|sum_of_items,name_in_text|',
    'c10|i074+i072|266200|0.5|sum_of_items,name_in_text|',
  ],
  m040: [
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c10|i071|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
    'c02|i011|121000|0.2|amount_exact|',
  ],
  m041: ['c03|i021|124763|0.75|amount_exact,tax_id_in_text|'],
  m042: [],
  m043: ['c09|i066|9680|0.2|amount_exact|', 'c06|i039|9680|0.2|amount_exact|'],
  m044: [
    'c08|i055|18150|0.2|amount_exact|',
    'c06|i041|18150|0.2|amount_exact|',
    'c07|i051|18150|0.2|amount_exact|',
    'c11|i080|18150|0.2|amount_exact|',
    'c09|i065|18150|0.2|amount_exact|',
  ],
  m045: [],
  m046: [
    'c12|i086|250000|0.99|amount_exact,number_in_text,name_in_text|',
    'c02|i020|250000|0.2|amount_exact|',
    'c07|i052|250000|0.2|amount_exact|',
    'c11|i078|250000|0.2|amount_exact|',
    'c07|i048|250000|0.2|amount_exact|',
  ],
  m047: [
    'c02|i017|60500|0.45|number_in_text|',
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
    'c09|i063|60500|0.2|amount_exact|',
  ],
  m048: [
    'c01|i005+i002|78650|0.5|sum_of_items,name_in_text|',
    'c01|i003+i002|78650|0.5|sum_of_items,name_in_text|',
    'c01|i001+i002|78650|0.5|sum_of_items,name_in_text|',
  ],
  m049: ['c09|i068|147246|0.6|amount_exact,name_in_text|'],
  m050: ['c02|i019|21986|0.75|amount_exact,tax_id_in_text|'],
  m051: [],
  m052: [
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c10|i071|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
    'c02|i011|121000|0.2|amount_exact|',
  ],
  m053: [
    'c08|i055|18150|0.2|amount_exact|',
    'c06|i041|18150|0.2|amount_exact|',
    'c07|i051|18150|0.2|amount_exact|',
    'c11|i080|18150|0.2|amount_exact|',
    'c09|i065|18150|0.2|amount_exact|',
  ],
  m054: [],
  m055: [
    'c05|i028|145200|0.99|amount_exact,number_in_text,name_in_text|',
    'c05|i031+i034|145200|0.5|sum_of_items,name_in_text|',
    'c05|i034+i029|145200|0.5|sum_of_items,name_in_text|',
    'c01|i009|145200|0.2|amount_exact|',
    'c08|i056|145200|0.2|amount_exact|',
  ],
  m056: ['c07|i052|125000|0.65|number_in_text,name_in_text|'],
  m057: ['c08|i055+i054|163966|0.5|sum_of_items,name_in_text|'],
  m058: [
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
    'c09|i063|60500|0.2|amount_exact|',
    'c06|i045|60500|0.2|amount_exact|',
  ],
  m059: ['c10|i075|18514|0.75|amount_exact,tax_id_in_text|'],
  m060: [],
  m061: [
    'c08|i055|18150|0.2|amount_exact|',
    'c06|i041|18150|0.2|amount_exact|',
    'c07|i051|18150|0.2|amount_exact|',
    'c11|i080|18150|0.2|amount_exact|',
    'c09|i065|18150|0.2|amount_exact|',
  ],
  m062: [
    'c05|i028|145200|0.85|amount_exact,number_in_text|',
    'c01|i009|145200|0.2|amount_exact|',
    'c08|i056|145200|0.2|amount_exact|',
    'c09|i064|145200|0.2|amount_exact|',
    'c11|i082|145200|0.2|amount_exact|',
  ],
  m063: [],
  m064: [
    'c04|i026|18150|0.99|amount_exact,number_in_text,name_in_text|',
    'c08|i055|18150|0.2|amount_exact|',
    'c06|i041|18150|0.2|amount_exact|',
    'c07|i051|18150|0.2|amount_exact|',
    'c11|i080|18150|0.2|amount_exact|',
  ],
  m065: ['c09|i064|72600|0.65|number_in_text,name_in_text|'],
  m066: [
    'c02|i011+i012|242000|0.5|sum_of_items,name_in_text|',
    'c02|i011+i017|242000|0.5|sum_of_items,name_in_text|',
    'c02|i011+i014|242000|0.5|sum_of_items,name_in_text|',
    'c02|i012+i017|242000|0.5|sum_of_items,name_in_text|',
    'c02|i012+i014|242000|0.5|sum_of_items,name_in_text|',
  ],
  m067: [
    'c01|i009|145200|0.2|amount_exact|',
    'c08|i056|145200|0.2|amount_exact|',
    'c09|i064|145200|0.2|amount_exact|',
    'c05|i028|145200|0.2|amount_exact|',
    'c11|i082|145200|0.2|amount_exact|',
  ],
  m068: [
    'c06|i038|30250|0.75|amount_exact,tax_id_in_text|',
    'c06|i040|30250|0.75|amount_exact,tax_id_in_text|',
    'c12|i085|30250|0.2|amount_exact|',
    'c04|i024|30250|0.2|amount_exact|',
  ],
  m069: [],
  m070: [
    'c02|i016|24200|0.2|amount_exact|',
    'c09|i061|24200|0.2|amount_exact|',
    'c07|i049|24200|0.2|amount_exact|',
    'c08|i060|24200|0.2|amount_exact|',
    'c05|i034|24200|0.2|amount_exact|',
  ],
  m071: [
    'c01||121000|0.6|recorded_payment|link:p1',
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c10|i071|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
  ],
  m072: [],
  m073: [
    'c09|i066|9680|0.99|amount_exact,number_in_text,name_in_text|',
    'c06|i039|9680|0.4|amount_exact|',
  ],
  m074: ['c08|i055|9075|0.45|number_in_text|'],
  m075: ['c11|i077+i076|63270|0.5|sum_of_items,name_in_text|'],
  m076: [
    'c09|i067|250000|0.6|amount_exact,name_in_text|',
    'c02|i020|250000|0.2|amount_exact|',
    'c07|i052|250000|0.2|amount_exact|',
    'c11|i078|250000|0.2|amount_exact|',
    'c07|i048|250000|0.2|amount_exact|',
  ],
  m077: [
    'c03|i022|60500|0.75|amount_exact,tax_id_in_text|',
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
    'c09|i063|60500|0.2|amount_exact|',
  ],
  m078: [],
  m079: [
    'c01||121000|0.6|recorded_payment|link:p1',
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c10|i071|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
  ],
  m080: ['c11|i083|22422|0.85|amount_exact,number_in_text|'],
  m081: [],
  m082: [
    'c05|i028|145200|0.99|amount_exact,number_in_text,name_in_text|',
    'c05|i031+i034|145200|0.5|sum_of_items,name_in_text|',
    'c05|i034+i029|145200|0.5|sum_of_items,name_in_text|',
    'c01|i009|145200|0.2|amount_exact|',
    'c08|i056|145200|0.2|amount_exact|',
  ],
  m083: [
    'c03|i022|30250|0.45|number_in_text|',
    'c06|i038|30250|0.2|amount_exact|',
    'c12|i085|30250|0.2|amount_exact|',
    'c04|i024|30250|0.2|amount_exact|',
    'c06|i040|30250|0.2|amount_exact|',
  ],
  m084: [
    'c02|i011+i012|242000|0.5|sum_of_items,name_in_text|',
    'c02|i011+i017|242000|0.5|sum_of_items,name_in_text|',
    'c02|i011+i014|242000|0.5|sum_of_items,name_in_text|',
    'c02|i012+i017|242000|0.5|sum_of_items,name_in_text|',
    'c02|i012+i014|242000|0.5|sum_of_items,name_in_text|',
  ],
  m085: [
    'c09|i064|145200|0.6|amount_exact,name_in_text|',
    'c09|i070+i061|145200|0.5|sum_of_items,name_in_text|',
    'c01|i009|145200|0.2|amount_exact|',
    'c08|i056|145200|0.2|amount_exact|',
    'c05|i028|145200|0.2|amount_exact|',
  ],
  m086: ['c09|i066|9680|0.75|amount_exact,tax_id_in_text|', 'c06|i039|9680|0.4|amount_exact|'],
  m087: [],
  m088: [
    'c08|i055|18150|0.2|amount_exact|',
    'c06|i041|18150|0.2|amount_exact|',
    'c07|i051|18150|0.2|amount_exact|',
    'c11|i080|18150|0.2|amount_exact|',
    'c09|i065|18150|0.2|amount_exact|',
  ],
  m089: [
    'c01||121000|0.6|recorded_payment|link:p1',
    'c08|i059|121000|0.45|amount_exact,number_in_text|',
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c10|i071|121000|0.2|amount_exact|',
  ],
  m090: [],
  m091: ['c03|pl1-1|50000|0.99|amount_exact,number_in_text,name_in_text|'],
  m092: ['c03|pl1-1+pl1-2|100000|0.85|amount_exact,plan_in_text|'],
  m093: ['c05|pl2-1|30000|0.99|amount_exact,number_in_text,name_in_text|'],
  m094: ['c05|pl2-1+pl2-2|45000|0.45|number_in_text|'],
  m095: [
    'c01|i008|121000|0.6|amount_exact,name_in_text|',
    'c01|i006|121000|0.6|amount_exact,name_in_text|',
    'c01|i004|121000|0.6|amount_exact,name_in_text|',
    'c01|i005+i003|121000|0.5|sum_of_items,name_in_text|',
    'c01|i005+i001|121000|0.5|sum_of_items,name_in_text|',
  ],
  m096: [
    'c04|i025|60500|0.6|amount_exact,name_in_text|',
    'c04|i027|60500|0.6|amount_exact,name_in_text|',
    'c01|i005|60500|0.2|amount_exact|',
    'c02|i018|60500|0.2|amount_exact|',
    'c09|i062|60500|0.2|amount_exact|',
  ],
  m097: [],
  m098: [
    'c02|i016|24200|0.2|amount_exact|',
    'c09|i061|24200|0.2|amount_exact|',
    'c07|i049|24200|0.2|amount_exact|',
    'c08|i060|24200|0.2|amount_exact|',
    'c05|i034|24200|0.2|amount_exact|',
  ],
  m099: [
    'c01|i008|121000|0.2|amount_exact|',
    'c09|i070|121000|0.2|amount_exact|',
    'c10|i071|121000|0.2|amount_exact|',
    'c05|i031|121000|0.2|amount_exact|',
    'c02|i011|121000|0.2|amount_exact|',
  ],
  m100: [],
};

describe('reconciliation quality on the fixed statement', () => {
  const recorded = byAmount(RECORDED);

  it('covers every kind of movement', () => {
    expect(MOVEMENTS).toHaveLength(Object.keys(EXPECTED).length);
    const all = Object.values(EXPECTED);
    expect(all.filter((rows) => rows.length === 0).length).toBeGreaterThan(10);
    expect(all.filter((rows) => rows.some((row) => row.includes('link:'))).length).toBeGreaterThan(
      3,
    );
    expect(
      all.filter((rows) => rows.some((row) => row.includes('sum_of_items'))).length,
    ).toBeGreaterThan(3);
    expect(
      all.filter((rows) => rows.some((row) => row.includes('plan_in_text'))).length,
    ).toBeGreaterThan(0);
  });

  it.each(MOVEMENTS.map((movement) => [movement.id, movement] as const))(
    'suggestMatches with links gives the same suggestions for %s',
    (id, movement) => {
      expect(
        summarize(withLinks(movement, suggestMatches(movement, LEDGER.items), recorded)),
      ).toEqual(EXPECTED[id]);
    },
  );

  const index = buildMatchIndex(LEDGER.items, LEDGER.clients, RECORDED);

  it.each(MOVEMENTS.map((movement) => [movement.id, movement] as const))(
    'the index built once for the statement gives the same suggestions for %s',
    (id, movement) => {
      expect(summarize(suggestMatchesIndexed(index, movement))).toEqual(EXPECTED[id]);
    },
  );

  it('the index gives the same suggestions without recorded payments as suggestMatches', () => {
    const bare = buildMatchIndex(LEDGER.items);
    for (const movement of MOVEMENTS) {
      expect(suggestMatchesIndexed(bare, movement, 3)).toEqual(
        suggestMatches(movement, LEDGER.items, 3),
      );
    }
  });
});

describe('the index on random ledgers', () => {
  const NAMES = [
    'Talleres García S.L.',
    'García y López',
    'Luna S.A.',
    'Ana Ruiz',
    'Sol de Luna C.B.',
  ];
  const TAX = ['B12345674', 'A28123456', '12345678Z', 'X1', ''];
  const NUMBERS = ['2026-0001', '2026-0010', 'A-12', 'F/1', '001', '2026/0001'];
  const WORDS = [
    'TRANSF',
    'GARCIA',
    'LUNA',
    'RUIZ',
    '2026',
    '0001',
    'A12',
    'B12345674',
    'FRA',
    'SOL',
  ];
  const item = fc.record({
    client: fc.integer({ min: 0, max: 4 }),
    label: fc.constantFrom(...NUMBERS),
    outstandingCents: fc.constantFrom(0, 100, 200, 300, 500),
    dueDate: fc.option(fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'), { nil: null }),
  });
  const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(' '));

  it('suggests what suggestMatches suggests', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 14 }),
        text,
        text,
        fc.constantFrom(100, 200, 300, 400, 800),
        (rows, concept, payer, amountCents) => {
          const items = rows.map((row, k) => ({
            kind: 'invoice' as const,
            id: `i${k}`,
            clientId: `c${row.client}`,
            clientName: NAMES[row.client]!,
            clientTaxId: TAX[row.client]!,
            label: row.label,
            invoiceIds: [`i${k}`],
            outstandingCents: row.outstandingCents,
            dueDate: row.dueDate,
          }));
          const movement = {
            id: 'm',
            date: '2026-03-05',
            amountCents,
            concept,
            references: [],
            counterpartyName: payer,
          };
          expect(summarize(suggestMatchesIndexed(buildMatchIndex(items), movement))).toEqual(
            summarize(suggestMatches(movement, items)),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
