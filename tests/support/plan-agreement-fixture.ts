// A realistic agreement input for tests (written from the spec, not copied data) and a tiny PNG maker.
import { deflateSync } from 'node:zlib';
import type { AgreementInput } from '../../shared/pdf/plan-agreement';
import { buildSchedule } from '../../shared/domain/paymentPlan';
import { buildEpcQrPayload } from '../../shared/domain/epc-qr';

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 240×80 grey-scale PNG with a wavy stroke, like a drawn signature. */
export function signaturePngDataUrl(phase = 0): string {
  const width = 240;
  const height = 80;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(width + 1, 255);
    row[0] = 0;
    for (let x = 0; x < width; x += 1) {
      const curve = 40 + 22 * Math.sin((x + phase) / 14) * Math.cos(x / 45);
      if (Math.abs(y - curve) < 1.6) row[x + 1] = 20;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey-scale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

export function agreementInput(overrides: Partial<AgreementInput> = {}): AgreementInput {
  const iban = 'ES9121000418450200051332';
  return {
    language: 'es',
    reference: 'PP-2026-0003',
    place: 'Zaragoza',
    date: '2026-11-23',
    creditor: {
      name: 'Reformas Ebro S.L.',
      taxId: 'B50123454',
      address: 'Calle Alfonso I 14, 2.º',
      postalCode: '50003',
      city: 'Zaragoza',
      province: 'Zaragoza',
      signatory: { name: 'Lucía Martín Pardo', capacity: 'administradora única' },
      iban,
      logoDataUrl: null,
    },
    debtor: {
      name: 'Talleres Hermanos García S.L.',
      taxId: 'B12345674',
      address: 'Polígono Malpica, calle E, nave 7',
      postalCode: '50016',
      city: 'Zaragoza',
      province: 'Zaragoza',
      signatory: { name: 'José García Íñiguez', capacity: 'apoderado' },
    },
    invoices: [
      { number: '2026-0041', issueDate: '2026-07-15', amountCents: 1_210_00 },
      { number: '2026-0057', issueDate: '2026-08-20', amountCents: 2_420_50 },
    ],
    extraLines: [
      {
        kind: 'compensation',
        label: 'Compensación por costes de cobro (art. 8 Ley 3/2004), 2 facturas',
        amountCents: 80_00,
      },
    ],
    downPayment: { amountCents: 500_00, date: '2026-11-23' },
    frequency: 'monthly',
    annualInterestPercent: 0,
    schedule: buildSchedule({
      totalCents: 3_210_50,
      installments: 6,
      firstDueDate: '2026-12-31',
      frequency: 'monthly',
    }),
    breakAfterDays: 15,
    epcPayload: buildEpcQrPayload({
      name: 'Reformas Ebro S.L.',
      iban,
      remittance: 'PP-2026-0003',
    }),
    signatures: { creditor: signaturePngDataUrl(0), debtor: signaturePngDataUrl(30) },
    ...overrides,
  };
}
