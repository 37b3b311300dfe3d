// Windows-1252 and code page 850 decoding by table: Node's TextDecoder maps 0x80–0x9F as Latin-1.

/** 0x80–0x9F in Windows-1252; the five undefined bytes keep their Latin-1 control character. */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte);
    if (chunk.length === 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/** 0x80–0xFF in code page 850 (old MS-DOS bank exports: Ñ is 0xA5). */
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

export function decodeCp850(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte < 0x80 ? String.fromCharCode(byte) : (CP850_HIGH[byte - 0x80] ?? '?');
  }
  return text;
}

/** True when the bytes are valid UTF-8 (a legacy file almost never is, once it has accents). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    let extra: number;
    if (byte < 0x80) extra = 0;
    else if (byte >= 0xc2 && byte <= 0xdf) extra = 1;
    else if (byte >= 0xe0 && byte <= 0xef) extra = 2;
    else if (byte >= 0xf0 && byte <= 0xf4) extra = 3;
    else return false;
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return false;
    }
    index += extra + 1;
  }
  return true;
}

export type TextEncodingName = 'utf-8' | 'windows-1252';

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, otherwise Windows-1252. */
export function decodeText(bytes: Uint8Array): { encoding: TextEncodingName; text: string } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (hasBom || isValidUtf8(body)) {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8').decode(body) };
  }
  return { encoding: 'windows-1252', text: decodeWindows1252(body) };
}
