import type { BlockKind, Language } from '../types.js';

/**
 * A block is a heading, a list item or a paragraph: the unit that sentences
 * never cross. `start`/`end` cover the block without surrounding white space;
 * `contentStart` skips a list marker or a Markdown `#` prefix.
 */
export interface Block {
  kind: BlockKind;
  start: number;
  contentStart: number;
  end: number;
  /** Set by a document front end that knows the language (an HTML `lang` attribute). */
  language?: Language;
}

interface Line {
  /** First and one-past-last non-white-space character. */
  start: number;
  end: number;
  blank: boolean;
}

// List markers: bullets, "1." / "1)", "a." / "a)", and "- a." as in Norwegian letters.
// A number followed by a month is an ordinal date ("15. juni 2022", "9. syyskuuta"), not a list item.
const MONTH =
  '(?:jan|feb|mar|apr|mai|maj|may|jun|jul|aug|sep|okt|oct|nov|des|dec|tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)';
const LIST_MARKER = new RegExp(
  `^(?:[-–•*·▪◦‣⁃●○■□➢►]\\s+(?:(?:\\d{1,3}|[a-zA-ZæøåÆØÅ])[.)]\\s+)?|(?:\\d{1,3}[.)]\\s+(?!${MONTH})|[a-zA-ZæøåÆØÅäöÄÖ][.)]\\s+))`,
  'iu',
);
// A line that starts with an address is letterhead, never the rest of a sentence.
const ADDRESS_START = /^(?:[^\s@]+@|www\.|https?:)/u;
const MD_HEADING = /^#{1,6}\s+/;
const WS = /[\s\u00a0\u200b\ufeff]/u;
const LOWER_START = /^[\p{Ll}]/u;
const SENTENCE_END = /[.!?…:;,]["'”»’)\]]*$/u;
const WORDS = /\p{L}[\p{L}\p{M}\p{N}'’:-]*/gu;

/**
 * Lines at least this long are taken to be wrapped prose (PDF extracts, e-mails
 * hard-wrapped at 70–100 characters), so a capital on the next line does not start
 * a new block. Shorter lines followed by a capital are address lines, headings
 * or programme items, each a block of its own.
 */
const WRAPPED_LINE = 50;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let j = i;
    while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    let s = i;
    let e = j;
    while (s < e && WS.test(text[s] as string)) s++;
    while (e > s && WS.test(text[e - 1] as string)) e--;
    lines.push({ start: s, end: e, blank: s === e });
    if (j >= n) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
  return lines;
}

function isListItem(text: string, line: Line): boolean {
  return LIST_MARKER.test(text.slice(line.start, Math.min(line.end, line.start + 12) + 1));
}

function isMarkdownHeading(text: string, line: Line): boolean {
  return MD_HEADING.test(text.slice(line.start, line.start + 8));
}

/** Whether the line break between `a` and `b` keeps them in one block. */
function continues(text: string, a: Line, b: Line): boolean {
  if (isListItem(text, b) || isMarkdownHeading(text, b) || isMarkdownHeading(text, a)) return false;
  // Tab-separated lines are table rows, each a block of its own.
  if (text.slice(a.start, a.end).includes('\t') || text.slice(b.start, b.end).includes('\t')) return false;
  const next = text.slice(b.start, b.start + 40);
  if (ADDRESS_START.test(next)) return false;
  if (LOWER_START.test(next)) return true;
  return a.end - a.start >= WRAPPED_LINE;
}

function wordCount(s: string): number {
  let n = 0;
  WORDS.lastIndex = 0;
  while (WORDS.exec(s)) n++;
  return n;
}

function headingLike(text: string, b: Block): boolean {
  const body = text.slice(b.contentStart, b.end);
  if (b.kind === 'heading') return true;
  if (b.kind !== 'paragraph' || body.includes('\n') || body.includes('\r')) return false;
  // A heading starts with a capital or a section number ("2.1 Bakgrund"), not
  // with a time ("13.00 Välkomstord" is a programme item).
  if (!/^(?:[\p{Lu}"«“]|\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu})/u.test(body) || /^\d{1,2}[.:]\d{2}\b/.test(body)) return false;
  const words = wordCount(body);
  if (words === 0 || words > 10) return false;
  return !SENTENCE_END.test(body) || body.endsWith('?');
}

function isContent(text: string, b: Block): boolean {
  if (b.kind === 'list-item') return true;
  // Prose, not letterhead: a sentence mark at the end, or a line too long for an address.
  const body = text.slice(b.contentStart, b.end);
  if (ADDRESS_START.test(body)) return false;
  return wordCount(body) >= 8 || /[.!?:]["'”»’)\]]*$/u.test(body);
}

/** Splits text into blocks: blank lines, list markers, headings and short lines end a block. */
export function splitBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let current: { first: Line; last: Line } | undefined;
  const flush = (): void => {
    if (!current) return;
    const { first, last } = current;
    const head = text.slice(first.start, Math.min(first.end, first.start + 16));
    const md = MD_HEADING.exec(head);
    const marker = md ? undefined : LIST_MARKER.exec(head);
    const kind: BlockKind = md ? 'heading' : marker ? 'list-item' : 'paragraph';
    let contentStart = first.start + (md?.[0].length ?? marker?.[0].length ?? 0);
    if (contentStart > last.end) contentStart = last.end;
    blocks.push({ kind, start: first.start, contentStart, end: last.end });
    current = undefined;
  };
  for (const line of lines) {
    if (line.blank) {
      flush();
      continue;
    }
    if (current && continues(text, current.last, line)) current.last = line;
    else {
      flush();
      current = { first: line, last: line };
    }
  }
  flush();
  // A short unpunctuated line is a heading when real content follows it.
  for (let i = 0; i < blocks.length - 1; i++) {
    const b = blocks[i] as Block;
    const next = blocks[i + 1] as Block;
    // "I detta brev beskriver vi" before a list is a lead-in, not a heading.
    const leadIn = next.kind === 'list-item' && wordCount(text.slice(b.contentStart, b.end)) >= 4;
    if (b.kind === 'paragraph' && !leadIn && headingLike(text, b) && !headingLike(text, next) && isContent(text, next)) {
      b.kind = 'heading';
    }
  }
  return blocks;
}
