/**
 * Plain text (.txt), and the prose mask the Markdown and HTML front ends build
 * their `text` with.
 */
import type { Language } from '../core/types.js';
import { decodeText } from './encoding.js';
import type { SourceDocument, TextEncoding } from './types.js';

/** A text-format document; HTML also says which language its `<html lang>` declares. */
export interface TextDocument extends SourceDocument {
  /** From `<html lang="…">` when it names one of klar's languages. */
  documentLanguage?: Language;
}

/**
 * A .txt file: `text` is the decoded source itself, and no blocks are given, since
 * the core finds headings, list items and paragraphs in plain text better than any
 * rule here could.
 */
export function readText(path: string, bytes: Uint8Array): TextDocument {
  const { text, encoding } = decodeText(path, bytes);
  return textDocument(text, encoding);
}

export function textDocument(source: string, encoding?: TextEncoding): TextDocument {
  return { format: 'text', text: source, source, ...(encoding ? { encoding } : {}) };
}

const GRAPHEME_JOINER = 0x034f;
const SPACE = 32;
const LF = 10;
const CR = 13;
const AMPERSAND = 38;

/** A character reference as HTML reads it: numeric, or a name with or without `;`. */
const REFERENCE = /&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,40};?)/y;

const WHITE = /[\s\u200b\ufeff]/u;

/**
 * The `text` of a markup document: as long as the source, with every line break
 * where the source has it, prose characters at their source offsets and everything
 * else (markup, code, URLs, comments) a space. Offsets, lines and columns the core
 * reports on it are therefore positions in the source file.
 */
export class ProseMask {
  private readonly codes: Uint16Array;

  constructor(private readonly source: string) {
    this.codes = new Uint16Array(source.length).fill(SPACE);
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === LF || c === CR) this.codes[i] = c;
    }
  }

  /** Copies `source[start, end)` as prose. */
  reveal(start: number, end: number): void {
    for (let i = Math.max(0, start); i < Math.min(end, this.source.length); i++) this.codes[i] = this.source.charCodeAt(i);
  }

  /**
   * Shows the parsed `value` of a text node whose source is `source[start, end)`.
   * The parser's value lacks what it consumed as markup inside the range (a
   * blockquote's `>` on a continuation line, indentation, a backslash escape, the
   * CR of a CRLF), so source and value are walked together: a source character
   * equal to the next value character is prose and is kept; any other is dropped.
   * A character reference (`&auml;`, `&#229;`) is written as its decoded
   * character at the position of its `&`, the rest of the reference as spaces;
   * `decode` gives the reference's characters as the parser reads them.
   */
  revealValue(start: number, end: number, value: string, decode?: (reference: string) => string): void {
    const stop = Math.min(end, this.source.length);
    let i = Math.max(0, start);
    let j = 0;
    while (i < stop && j < value.length) {
      const s = this.source.charCodeAt(i);
      if (s === AMPERSAND && decode) {
        const taken = this.reference(i, stop, value, j, decode);
        if (taken) {
          i += taken[0];
          j += taken[1];
          continue;
        }
      }
      if (s === value.charCodeAt(j)) {
        if (s !== LF && s !== CR) this.codes[i] = s;
        j++;
      }
      i++;
    }
  }

  /** Writes a reference at `i` if the value there is its decoded text; returns [source, value] lengths used. */
  private reference(i: number, stop: number, value: string, j: number, decode: (reference: string) => string): [number, number] | undefined {
    REFERENCE.lastIndex = i;
    const match = REFERENCE.exec(this.source);
    if (!match || i + match[0].length > stop) return undefined;
    const ref = match[0];
    const decoded = decode(ref);
    if (!value.startsWith(decoded, j)) return undefined;
    // HTML reads the longest known name, so "&copy2024" is "©" then "2024", and
    // "&notit;" is "¬" then "it;": the literal tail is what both strings end with.
    let tail = 0;
    while (tail < ref.length - 1 && tail < decoded.length && ref[ref.length - 1 - tail] === decoded[decoded.length - 1 - tail]) tail++;
    const refLength = ref.length - tail;
    const chars = decoded.slice(0, decoded.length - tail);
    if (chars.length === 0 || chars.length > refLength) return undefined;
    for (let k = 0; k < chars.length; k++) {
      const c = chars.charCodeAt(k);
      // "&#10;" must not become a line break the source does not have: lines would shift.
      this.codes[i + k] = c === LF || c === CR ? SPACE : c;
    }
    // After a letter, the rest of the reference is filled with U+034F COMBINING
    // GRAPHEME JOINER, an invisible mark, so "Ans&ouml;kan" stays one word
    // ("Ansö͏͏͏͏kan") for every measure; the core drops it from word forms.
    if (/\p{L}$/u.test(chars)) for (let k = chars.length; k < refLength; k++) this.codes[i + k] = GRAPHEME_JOINER;
    return [refLength, chars.length];
  }

  /** The first and one-past-last non-white-space offsets of the prose in `[start, end)`. */
  trim(start: number, end: number): [number, number] | undefined {
    let s = Math.max(0, start);
    let e = Math.min(end, this.codes.length);
    while (s < e && WHITE.test(String.fromCharCode(this.codes[s] as number))) s++;
    while (e > s && WHITE.test(String.fromCharCode(this.codes[e - 1] as number))) e--;
    return s < e ? [s, e] : undefined;
  }

  toString(): string {
    const parts: string[] = [];
    // fromCharCode takes its arguments on the stack: convert in slices.
    for (let i = 0; i < this.codes.length; i += 8192) parts.push(String.fromCharCode(...this.codes.subarray(i, i + 8192)));
    return parts.join('');
  }
}
