/**
 * Detects and decodes the encoding of a text file (.txt, .md, .html) and writes
 * text back in exactly the same bytes, so `--fix` changes nothing but the fixed words.
 *
 * Detection order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); a file that is
 * valid UTF-8 is UTF-8; otherwise a file that reads as plausible Windows-1252 is
 * Windows-1252 (which also covers ISO-8859-1: the two differ only in 0x80–0x9F, where
 * ISO-8859-1 has control characters no text uses). Anything else is refused.
 */
import { DocumentError, type TextEncoding } from './types.js';

/** Said whenever a file is refused, so the user knows what klar does read. */
export const SUPPORTED_FILES = 'klar checks .txt, .md, .html, .docx, .odt and .pdf';

export interface DecodedText {
  /** The text without its byte-order mark (editors do not count it in columns either). */
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** How a text ends its lines; `--fix` needs it only when it inserts a line. */
export function detectLineEnding(text: string): TextEncoding['lineEnding'] {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
}

/**
 * C0 control characters that text files do contain: tab, line feed, vertical tab,
 * form feed (page breaks in text exported from PDFs), carriage return, and the
 * Ctrl-Z end-of-file mark that old DOS and Windows editors appended.
 */
function isTextControl(c: number): boolean {
  return c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 26;
}

function isStrayControl(c: number): boolean {
  return (c < 32 && !isTextControl(c)) || c === 127;
}

/**
 * A text file may have the odd stray control character (a pasted escape code);
 * a file where more than 1 % of the characters are control characters is data.
 */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isStrayControl(c)) controls++;
  }
  return controls > 0 && controls * 100 >= text.length;
}

function binaryError(path: string): DocumentError {
  return new DocumentError(`${path}: binary file, not text; ${SUPPORTED_FILES}`);
}

/** Windows-1252 characters above 0x7F that ordinary prose uses besides letters. */
const PROSE_SYMBOLS = new Set('\u00a0\u00ad–—‘’‚“”„…•€£¢¥§°«»·½¼¾±×÷©®™´¿¡¹²³µ¶‹›†‡‰¦¨¯¸¬ªº');
const LETTER = /\p{L}/u;

/**
 * Whether bytes that are not UTF-8 read as Windows-1252 prose: no control characters
 * besides the ones text files have, none of the five bytes Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D, which the decoder maps to C1 controls),
 * and the bytes above 0x7F are letters (å, ä, ö, æ, ø, é …) or prose punctuation.
 */
function plausibleWindows1252(bytes: Uint8Array, text: string): boolean {
  let high = 0;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isStrayControl(c) || (c >= 0x80 && c <= 0x9f)) return false;
    if ((bytes[i] as number) >= 0x80) {
      high++;
      const ch = text[i] as string;
      if (!LETTER.test(ch) && !PROSE_SYMBOLS.has(ch)) odd++;
    }
  }
  return high > 0 && odd * 10 <= high;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf16leDecoder = new TextDecoder('utf-16le', { fatal: true });
const utf16beDecoder = new TextDecoder('utf-16be', { fatal: true });

/**
 * Windows-1252 at 0x80–0x9F (the WHATWG index); every other byte is its own code
 * point. Node 20's TextDecoder('windows-1252') decodes these bytes as ISO-8859-1
 * control characters, which would turn "’" and "–" into invisible garbage, so the
 * table is kept here. The five undefined bytes map to the C1 control of the same
 * number, as the WHATWG decoder does, so every byte still round-trips.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
] as const;

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = new Uint16Array(8192);
  for (let i = 0; i < bytes.length; i += chunk.length) {
    const n = Math.min(chunk.length, bytes.length - i);
    for (let k = 0; k < n; k++) {
      const b = bytes[i + k] as number;
      chunk[k] = b >= 0x80 && b <= 0x9f ? (WINDOWS_1252_HIGH[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode(...chunk.subarray(0, n)));
  }
  return parts.join('');
}

function decoded(text: string, name: TextEncoding['name'], bom: boolean): DecodedText {
  return { text, encoding: { name, bom, lineEnding: detectLineEnding(text) } };
}

/**
 * Decodes a text file's bytes. An empty file is an empty text. Throws a
 * `DocumentError` (one line naming the file and what to do) for binary files and
 * for text in an encoding klar cannot recognise.
 */
export function decodeText(path: string, bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return decoded('', 'utf-8', false);

  const utf16: TextEncoding['name'] | undefined =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    let text: string;
    try {
      // The decoders drop the BOM themselves (ignoreBOM is false).
      text = (utf16 === 'utf-16le' ? utf16leDecoder : utf16beDecoder).decode(bytes);
    } catch {
      throw new DocumentError(`${path}: starts as UTF-16 but is not valid UTF-16; save it again as UTF-8 and try again`);
    }
    if (looksBinary(text)) throw binaryError(path);
    return decoded(text, utf16, true);
  }

  // Without a UTF-16 mark, a NUL byte never occurs in text.
  if (bytes.indexOf(0) !== -1) throw binaryError(path);

  const bom = startsWith(bytes, UTF8_BOM);
  let text: string | undefined;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    if (bom) throw new DocumentError(`${path}: starts as UTF-8 but is not valid UTF-8; save it again as UTF-8 and try again`);
  }
  if (text !== undefined) {
    if (looksBinary(text)) throw binaryError(path);
    return decoded(text, 'utf-8', bom);
  }

  const legacy = decodeWindows1252(bytes);
  if (plausibleWindows1252(bytes, legacy)) return decoded(legacy, 'windows-1252', false);
  if (looksBinary(legacy)) throw binaryError(path);
  throw new DocumentError(`${path}: not UTF-8, UTF-16 or Windows-1252 text; save it as UTF-8 and try again`);
}

let windows1252Table: Map<number, number> | undefined;

/** Character → byte, the inverse of decodeWindows1252. */
function windows1252Bytes(): Map<number, number> {
  if (!windows1252Table) {
    windows1252Table = new Map();
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    for (let i = 0; i < 256; i++) windows1252Table.set(all.charCodeAt(i), i);
  }
  return windows1252Table;
}

function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const offset = bom ? 2 : 0;
  const out = new Uint8Array(offset + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  // Code units are written as they are: a surrogate pair stays a pair.
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/**
 * The inverse of `decodeText`: the bytes of `text` in `encoding`, with its BOM.
 * `encodeText(decodeText(p, bytes).text, decodeText(p, bytes).encoding)` equals
 * `bytes`. Line endings are written as they are in `text`. Throws a `DocumentError`
 * when a character cannot be written in Windows-1252 (a fix that brought in one).
 */
export function encodeText(text: string, encoding: TextEncoding, path = 'the text'): Uint8Array {
  switch (encoding.name) {
    case 'utf-8': {
      const body = new TextEncoder().encode(text);
      if (!encoding.bom) return body;
      const out = new Uint8Array(UTF8_BOM.length + body.length);
      out.set(UTF8_BOM, 0);
      out.set(body, UTF8_BOM.length);
      return out;
    }
    case 'utf-16le':
      return encodeUtf16(text, true, encoding.bom);
    case 'utf-16be':
      return encodeUtf16(text, false, encoding.bom);
    case 'windows-1252': {
      const table = windows1252Bytes();
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const byte = table.get(text.charCodeAt(i));
        if (byte === undefined) {
          const ch = String.fromCodePoint(text.codePointAt(i) as number);
          const code = (text.codePointAt(i) as number).toString(16).toUpperCase().padStart(4, '0');
          throw new DocumentError(`${path}: "${ch}" (U+${code}) cannot be written in Windows-1252; save the file as UTF-8 first`);
        }
        out[i] = byte;
      }
      return out;
    }
  }
}
