// The interés legal del dinero per year (art. 1108 CC): the default interest owed by a consumer
// from the demand, set each year by the Ley de Presupuestos Generales del Estado; an editable table.
import type { LegalRateEntry } from './legal-interest-rates';

/*
 * Source: the Presupuestos Generales del Estado of each year (the rate stays in force when a budget
 * is extended). 2009: 5,50 % until 31 March and 4,00 % from 1 April (Real Decreto-ley 3/2009).
 * Checked against a published year-by-year table: 2007 to 2020. From memory of the budget laws,
 * not re-checked here: 2004 (3,75 %), 2005–2006 (4,00 %), 2021–2022 (3,00 %), 2023 (3,25 %, Ley
 * 31/2022) and 2024–2026 (3,25 %, the 2023 budget extended; 2026 marked as an assumption).
 */
export const LEGAL_MONEY_RATES: readonly LegalRateEntry[] = [
  { from: '2004-01-01', ratePercent: 3.75 },
  { from: '2005-01-01', ratePercent: 4.0 },
  { from: '2006-01-01', ratePercent: 4.0 },
  { from: '2007-01-01', ratePercent: 5.0 },
  { from: '2008-01-01', ratePercent: 5.5 },
  { from: '2009-01-01', ratePercent: 5.5 },
  { from: '2009-04-01', ratePercent: 4.0 },
  { from: '2010-01-01', ratePercent: 4.0 },
  { from: '2011-01-01', ratePercent: 4.0 },
  { from: '2012-01-01', ratePercent: 4.0 },
  { from: '2013-01-01', ratePercent: 4.0 },
  { from: '2014-01-01', ratePercent: 4.0 },
  { from: '2015-01-01', ratePercent: 3.5 },
  { from: '2016-01-01', ratePercent: 3.0 },
  { from: '2017-01-01', ratePercent: 3.0 },
  { from: '2018-01-01', ratePercent: 3.0 },
  { from: '2019-01-01', ratePercent: 3.0 },
  { from: '2020-01-01', ratePercent: 3.0 },
  { from: '2021-01-01', ratePercent: 3.0 },
  { from: '2022-01-01', ratePercent: 3.0 },
  { from: '2023-01-01', ratePercent: 3.25 },
  { from: '2024-01-01', ratePercent: 3.25 },
  { from: '2025-01-01', ratePercent: 3.25 },
  // Assumption: no budget law for 2026 when this table was written; edit when one sets the rate.
  { from: '2026-01-01', ratePercent: 3.25, assumed: true },
];
