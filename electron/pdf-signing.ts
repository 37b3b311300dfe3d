// Signs a PDF with the user's .p12/.pfx certificate in the main process (PAdES-style CMS detached).
import { SignPdf } from '@signpdf/signpdf';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';

export interface SignPdfRequest {
  pdf: Uint8Array;
  p12: Uint8Array;
  /** Used once and dropped: never stored, logged or put in an error message. */
  password: string;
  reason: string;
  location: string;
  signerName: string;
}

export class PdfSigningError extends Error {
  constructor(
    readonly code: 'bad_password' | 'bad_certificate' | 'bad_pdf' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'PdfSigningError';
  }
}

/** Room for the CMS signature with a certificate chain (FNMT chains run to several KB). */
const SIGNATURE_LENGTH = 16_384;

/**
 * The placeholder writes these strings as raw bytes and garbles non-ASCII text (UTF-16 markers
 * re-encoded as UTF-8), so accents are dropped: "Lucía Martín" → "Lucia Martin".
 */
export function asciiForPdf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[()\\]/g, ' ')
    .trim();
}

function classify(error: unknown): PdfSigningError {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|mac could not be verified|invalid mac/i.test(message)) {
    return new PdfSigningError('bad_password', 'The certificate password is not correct.');
  }
  if (/pkcs|asn\.?1|der|certificate|private key/i.test(message)) {
    return new PdfSigningError(
      'bad_certificate',
      'The file is not a usable .p12/.pfx certificate.',
    );
  }
  if (/pdf|xref|trailer|catalog|root/i.test(message)) {
    return new PdfSigningError('bad_pdf', 'The PDF could not be prepared for signing.');
  }
  return new PdfSigningError('failed', 'The PDF could not be signed.');
}

export async function signPdfWithP12(request: SignPdfRequest): Promise<Uint8Array> {
  let prepared: Buffer;
  try {
    prepared = plainAddPlaceholder({
      pdfBuffer: Buffer.from(request.pdf),
      reason: asciiForPdf(request.reason),
      contactInfo: '',
      name: asciiForPdf(request.signerName),
      location: asciiForPdf(request.location),
      signatureLength: SIGNATURE_LENGTH,
      // Written as a PDF name, where a space would end it and break the dictionary.
      appName: 'CuentasClaras',
    });
  } catch (error) {
    throw classify(error);
  }
  try {
    // A P12Signer signs once: a new one for every signature.
    const signer = new P12Signer(Buffer.from(request.p12), { passphrase: request.password });
    const signed = await new SignPdf().sign(prepared, signer);
    return new Uint8Array(signed);
  } catch (error) {
    throw classify(error);
  }
}
