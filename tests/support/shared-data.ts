// The real sample files in ../shared/data: tests read them in place and skip when they are absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DATA = resolve(__dirname, '../../../shared/data');
export const hasSharedData = existsSync(SHARED_DATA);

export function sharedBytes(...path: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(SHARED_DATA, ...path)));
}

export function sharedText(...path: string[]): string {
  return readFileSync(join(SHARED_DATA, ...path), 'utf8');
}
