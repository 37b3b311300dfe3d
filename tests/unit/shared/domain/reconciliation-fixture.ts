// A fixed ledger and statement for reconciliation: clean, partial, several invoices, typos in
// names, no match, plan receipts and payments already recorded. Deterministic (seeded), so the
// suggestions it yields can be held equal across changes to the algorithm.
import type {
  MatchSuggestion,
  MovementToMatch,
  OpenItem,
} from '../../../../shared/domain/reconciliation';
import type { RecordedPayment } from '../../../../shared/domain/reconciliation-links';

export type FixtureMovement = MovementToMatch & { valueDate: string };

interface FixtureClient {
  id: string;
  name: string;
  taxId: string;
  /** How the bank writes the payer, with typos. */
  typo: string;
}

const CLIENTS: FixtureClient[] = [
  { id: 'c01', name: 'Talleres Hermanos García S.L.', taxId: 'B12345674', typo: 'TALLERES GRACIA' },
  { id: 'c02', name: 'Construcciones López S.A.', taxId: 'A28123456', typo: 'CONSTRUCIONES LOPEZ' },
  { id: 'c03', name: 'Construcciones Martín S.L.', taxId: 'B87654321', typo: 'CONSTR MARTIN SL' },
  { id: 'c04', name: 'Panadería Luna', taxId: '12345678Z', typo: 'PANADERIA LUNNA' },
  { id: 'c05', name: 'José Pérez Gómez', taxId: '87654321X', typo: 'JOSE PERES GOMEZ' },
  {
    id: 'c06',
    name: 'Servicios Informáticos del Norte S.L.U.',
    taxId: 'B95123456',
    typo: 'SERV INFORMATICOS NORTE',
  },
  { id: 'c07', name: 'Luna y Sol C.B.', taxId: 'E12312312', typo: 'LUNA SOL CB' },
  {
    id: 'c08',
    name: 'Hermanos Martín Distribuciones',
    taxId: 'B11223344',
    typo: 'HNOS MARTIN DISTRIB',
  },
  {
    id: 'c09',
    name: 'Clínica Dental Sonrisa S.L.P.',
    taxId: 'B44556677',
    typo: 'CLINICA DENTAL SONRIS',
  },
  { id: 'c10', name: 'Ana Ruiz', taxId: '11223344B', typo: 'ANA RUIS' },
  { id: 'c11', name: 'Gestoría Ruiz y Asociados', taxId: 'B66778899', typo: 'GESTORIA RUIZ ASOC' },
  { id: 'c12', name: 'Talleres del Sur S.C.', taxId: 'J99887766', typo: 'TALLERES SUR' },
];

/** A small linear congruential generator: the same numbers on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const random = seeded(20261130);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const AMOUNTS = [121_000, 60_500, 30_250, 24_200, 145_200, 9_680, 250_000, 121_000, 18_150, 60_500];

function day(offset: number): string {
  const month = 1 + Math.floor(offset / 28);
  const date = 1 + (offset % 28);
  return `2026-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

function buildLedger(): { items: OpenItem[]; clients: FixtureClient[] } {
  const items: OpenItem[] = [];
  let serial = 1;
  for (const client of CLIENTS) {
    const count = 2 + Math.floor(random() * 9);
    for (let k = 0; k < count; k += 1) {
      const style = serial % 4;
      const label =
        style === 0
          ? `2026-${String(serial).padStart(4, '0')}`
          : style === 1
            ? `F/2025/${100 + serial}`
            : style === 2
              ? `A-${serial}`
              : `${client.id.toUpperCase()}-${serial}`;
      items.push({
        kind: 'invoice',
        id: `i${String(serial).padStart(3, '0')}`,
        clientId: client.id,
        clientName: client.name,
        clientTaxId: client.taxId,
        label,
        invoiceIds: [`i${String(serial).padStart(3, '0')}`],
        outstandingCents: pick(AMOUNTS) + (random() < 0.3 ? Math.floor(random() * 5_000) : 0),
        dueDate: random() < 0.1 ? null : day(Math.floor(random() * 120)),
      });
      serial += 1;
    }
  }
  // Two plans: one for c03 with a reference, one for c05 without; installments oldest first.
  const plan = (
    planId: string,
    client: FixtureClient,
    reference: string,
    numbers: string[],
    amounts: number[],
  ) => {
    amounts.forEach((amount, index) => {
      items.push({
        kind: 'installment',
        id: `${planId}-${index + 1}`,
        clientId: client.id,
        clientName: client.name,
        clientTaxId: client.taxId,
        label: `plazo ${index + 1}`,
        invoiceIds: numbers.map((number) => `inv-${number}`),
        outstandingCents: amount,
        dueDate: day(30 + index * 28),
        planId,
        planReference: reference,
        planInvoiceNumbers: numbers,
      });
    });
  };
  plan(
    'pl1',
    CLIENTS[2] as FixtureClient,
    'PLAN-2026-007',
    ['2025-0777', '2025-0778'],
    [50_000, 50_000, 50_000, 20_000],
  );
  plan('pl2', CLIENTS[4] as FixtureClient, '', ['P-9001'], [30_000, 30_000, 30_000]);
  // Some items fully paid already: they must never be proposed.
  items.push({ ...(items[0] as OpenItem), id: 'i-paid', label: '2026-9999', outstandingCents: 0 });
  return { items, clients: CLIENTS };
}

export const LEDGER = buildLedger();

export const RECORDED: RecordedPayment[] = [
  {
    paymentId: 'p1',
    clientId: 'c01',
    clientName: CLIENTS[0]!.name,
    clientTaxId: CLIENTS[0]!.taxId,
    date: '2026-03-03',
    amountCents: 121_000,
  },
  {
    paymentId: 'p2',
    clientId: 'c04',
    clientName: CLIENTS[3]!.name,
    clientTaxId: CLIENTS[3]!.taxId,
    date: '2026-03-10',
    amountCents: 60_500,
  },
  {
    paymentId: 'p3',
    clientId: 'c10',
    clientName: CLIENTS[9]!.name,
    clientTaxId: CLIENTS[9]!.taxId,
    date: '2026-02-01',
    amountCents: 77_700,
  },
  {
    paymentId: 'p4',
    clientId: 'c06',
    clientName: CLIENTS[5]!.name,
    clientTaxId: CLIENTS[5]!.taxId,
    date: '2026-03-06',
    amountCents: 24_200,
  },
  {
    paymentId: 'p5',
    clientId: 'c07',
    clientName: CLIENTS[6]!.name,
    clientTaxId: CLIENTS[6]!.taxId,
    date: '2026-03-04',
    amountCents: 121_000,
  },
];

function buildMovements(): FixtureMovement[] {
  const movements: FixtureMovement[] = [];
  const invoices = LEDGER.items.filter(
    (item) => item.kind === 'invoice' && item.outstandingCents > 0,
  );
  const add = (
    amountCents: number,
    concept: string,
    counterpartyName = '',
    references: string[] = [],
  ) => {
    const id = `m${String(movements.length + 1).padStart(3, '0')}`;
    const date = day(56 + Math.floor(random() * 20));
    movements.push({
      id,
      date,
      valueDate: date,
      amountCents,
      concept,
      references,
      counterpartyName,
    });
  };
  const clientOf = (item: OpenItem) => CLIENTS.find((client) => client.id === item.clientId)!;
  for (let k = 0; k < 90; k += 1) {
    const item = pick(invoices);
    const client = clientOf(item);
    switch (k % 9) {
      case 0: // clean: number and name
        add(item.outstandingCents, `TRANSFERENCIA FRA ${item.label}`, client.name.toUpperCase());
        break;
      case 1: // partial payment naming the invoice
        add(
          Math.floor(item.outstandingCents / 2),
          `PAGO PARCIAL FACTURA ${item.label.replace(/[-/]/g, ' ')}`,
          client.typo,
        );
        break;
      case 2: {
        // several invoices of one client, named by the payer only
        const mine = invoices.filter((other) => other.clientId === item.clientId);
        const total = mine.slice(0, 2).reduce((sum, other) => sum + other.outstandingCents, 0);
        add(total, 'TRANSF VARIAS FACTURAS', client.name);
        break;
      }
      case 3: // typo in the name, exact amount
        add(item.outstandingCents, 'TRANSFERENCIA RECIBIDA', client.typo);
        break;
      case 4: // tax id in the references
        add(item.outstandingCents, 'ABONO', '', [client.taxId]);
        break;
      case 5: // no match at all
        add(1_234 + Math.floor(random() * 99_999), 'INGRESO EFECTIVO', 'DESCONOCIDO SA');
        break;
      case 6: // amount only
        add(item.outstandingCents, 'TRANSFERENCIA');
        break;
      case 7: // number compacted inside a reference
        add(item.outstandingCents, 'PAGO', '', [`REF${item.label.replace(/[^A-Za-z0-9]/g, '')}X`]);
        break;
      default: // a debit: never suggested
        add(-item.outstandingCents, `RECIBO ${item.label}`, client.name);
    }
  }
  // Plan receipts: by invoice number, by reference, the amount of one and of two installments.
  add(50_000, 'CUOTA FRA 2025-0777', 'CONSTRUCCIONES MARTIN');
  add(100_000, 'PLAN-2026-007 PLAZOS 1 Y 2', '');
  add(30_000, 'PAGO P-9001', 'JOSE PEREZ GOMEZ');
  add(45_000, 'PAGO A CUENTA P 9001', '');
  // Payments already recorded: same amount, days apart, named or not.
  add(121_000, 'TRANSFERENCIA', 'TALLERES HERMANOS GARCIA');
  add(60_500, 'PAN LUNA', 'PANADERIA LUNA');
  add(77_700, 'TRANSF ANA RUIZ', '');
  add(24_200, 'TRANSF', '');
  add(121_000, 'LUNA Y SOL', '', ['E12312312']);
  add(0, 'COMISION CERO', '');
  return movements;
}

export const MOVEMENTS: FixtureMovement[] = buildMovements();

/** One line per suggestion: what the person sees and books. */
export function summarize(suggestions: readonly MatchSuggestion[]): string[] {
  return suggestions.map((row) =>
    [
      row.clientId,
      row.items.map((item) => item.id).join('+'),
      row.amountCents,
      row.confidence,
      row.reasons.join(','),
      row.link ? `link:${row.link.paymentId}` : '',
    ].join('|'),
  );
}
