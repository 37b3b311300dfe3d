// How large a file each importer reads: a crafted or wrong file is refused before it is parsed.

const MB = 1024 * 1024;

export const FILE_LIMITS = {
  delimited: 20 * MB,
  facturae: 20 * MB,
  ubl: 20 * MB,
  norma43: 20 * MB,
  camt053: 20 * MB,
  backup: 200 * MB,
} as const;

export type LimitedFormat = keyof typeof FILE_LIMITS;

export class FileTooLargeError extends Error {
  readonly format: LimitedFormat;
  readonly sizeBytes: number;
  readonly limitBytes: number;

  constructor(format: LimitedFormat, sizeBytes: number) {
    const limitBytes = FILE_LIMITS[format];
    super(
      `El fichero ocupa ${megabytes(sizeBytes)} MB; el máximo para ${format} es ${megabytes(limitBytes)} MB`,
    );
    this.name = 'FileTooLargeError';
    this.format = format;
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }
}

/** Whole megabytes, rounded up, so a file just over the limit never reads "20 MB of 20 MB". */
export function megabytes(bytes: number): number {
  return Math.ceil(bytes / MB);
}

/**
 * Bytes, or the length of decoded text: a file of n bytes decodes to at most n UTF-16 units in
 * every encoding we read, so text is never refused when its file would have passed.
 */
export function checkFileSize(format: LimitedFormat, size: number): void {
  if (size > FILE_LIMITS[format]) throw new FileTooLargeError(format, size);
}
