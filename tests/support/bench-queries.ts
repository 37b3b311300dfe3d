// What the bench types into the ledger's search, one character at a time (tests/bench and the Node
// perf test of the index time the same keystrokes).

/** Twenty things a person types: client names, tax ids, invoice numbers and amounts. */
export const BENCH_QUERIES: readonly string[] = [
  'gar',
  'talleres',
  'construcciones',
  'b1',
  'a2',
  '2025-',
  '2026-0',
  '0042',
  '1.210',
  '1210',
  '500',
  'sl',
  'hermanos',
  'martín',
  'x',
  '12',
  '3.',
  'lópez',
  'serv',
  'zz-no-match',
];
