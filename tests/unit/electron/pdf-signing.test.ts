import { describe, expect, it, vi } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asciiForPdf, PdfSigningError, signPdfWithP12 } from '../../../electron/pdf-signing';
import { planAgreementDocument } from '../../../shared/pdf/plan-agreement';
import { renderPdfInNode } from '../../support/render-pdf-node';
import { agreementInput } from '../../support/plan-agreement-fixture';

vi.mock('electron');

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0;
const FNMT_DIR = path.resolve(__dirname, '../../../../shared/data/certs/fnmt_test_via_fawno');

function selfSignedP12(password: string): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const p12 = path.join(dir, 'cert.p12');
  // node-forge double-encodes a non-ASCII CN and breaks the signature: the CN stays ASCII.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=Lucia Martin Pardo/O=Reformas Ebro SL/C=ES',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  execFileSync(
    'openssl',
    ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${password}`],
    { stdio: 'ignore' },
  );
  return readFileSync(p12);
}

function pdfsig(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-signed-')), 'signed.pdf');
  writeFileSync(file, bytes);
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

async function agreementPdf(): Promise<Uint8Array> {
  return renderPdfInNode(planAgreementDocument(agreementInput()));
}

const request = (pdf: Uint8Array, p12: Uint8Array, password: string) => ({
  pdf,
  p12,
  password,
  reason: 'Acuerdo de pago PP-2026-0003',
  location: 'Zaragoza',
  signerName: 'Lucía Martín Pardo',
});

describe('asciiForPdf', () => {
  it('drops accents and anything a PDF string literal would garble', () => {
    expect(asciiForPdf('José Íñiguez (apoderado)')).toBe('Jose Iniguez  apoderado');
    expect(asciiForPdf('Zaragoza — España')).toBe('Zaragoza ? Espana');
  });
});

describe.skipIf(!hasOpenssl || !hasPdfsig)(
  'signPdfWithP12 (needs openssl and poppler-utils)',
  () => {
    it('gives an agreement a signature pdfsig reports valid and covering the whole document', async () => {
      const pdf = await agreementPdf();
      const signed = await signPdfWithP12(request(pdf, selfSignedP12('s3creto'), 's3creto'));
      const report = pdfsig(signed);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Lucia Martin Pardo');
      expect(report).not.toContain('Syntax Error');
    });

    it('two signatures in a row each get their own signer and both are valid', async () => {
      const p12 = selfSignedP12('x');
      const pdf = await agreementPdf();
      const first = await signPdfWithP12(request(pdf, p12, 'x'));
      const second = await signPdfWithP12(request(pdf, p12, 'x'));
      expect(pdfsig(first)).toContain('Signature is Valid');
      expect(pdfsig(second)).toContain('Signature is Valid');
    });

    it('a wrong password is a clear error that does not repeat the password', async () => {
      const pdf = await agreementPdf();
      const attempt = signPdfWithP12(request(pdf, selfSignedP12('right'), 'wrong-one'));
      await expect(attempt).rejects.toBeInstanceOf(PdfSigningError);
      await expect(attempt).rejects.toMatchObject({ code: 'bad_password' });
      await attempt.catch((error: Error) => expect(error.message).not.toContain('wrong-one'));
    });

    it('a file that is not a certificate is refused', async () => {
      const pdf = await agreementPdf();
      await expect(
        signPdfWithP12(request(pdf, new TextEncoder().encode('not a p12'), 'x')),
      ).rejects.toBeInstanceOf(PdfSigningError);
    });

    const fnmtFiles = existsSync(FNMT_DIR)
      ? readdirSync(FNMT_DIR).filter((name) => name.endsWith('.p12'))
      : [];
    it.skipIf(fnmtFiles.length === 0)(
      'signs with the FNMT test certificates (sample data, password 1234) when present',
      async () => {
        const pdf = await agreementPdf();
        for (const name of fnmtFiles) {
          const p12 = readFileSync(path.join(FNMT_DIR, name));
          const report = pdfsig(await signPdfWithP12(request(pdf, p12, '1234')));
          // Printed so the run records what pdfsig says about a real chain.
          console.info(`pdfsig on ${name}:\n${report}`);
          expect(report).toContain('Signature Validation: Signature is Valid.');
          expect(report).toContain('Total document signed');
          expect(report).not.toContain('Syntax Error');
        }
      },
    );
  },
);
