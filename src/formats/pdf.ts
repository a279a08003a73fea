/**
 * PDF front end. A PDF has no paragraphs, only positioned text; unpdf (pdf.js)
 * gives the text items of each page, and the paragraphs are rebuilt from the
 * layout: lines come from the items' baselines, and a gap between two lines
 * clearly wider than the page's usual line spacing, a change of font size, a
 * bullet or a table row starts a new block. A paragraph's wrapped lines are kept
 * on lines of their own in `text`, so a word hyphenated at a line end ("de-⏎lar")
 * stays as the core expects it.
 */

import { getDocumentProxy } from 'unpdf';
import type { BlockKind, TextBlock } from '../core/types.js';
import { DocumentError, type Locator, type SourceDocument } from './types.js';

/** The fields of a pdf.js text item klar uses (marked-content items have no `str`). */
interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** A line of text on a page, rebuilt from pdf.js's items. */
export interface PdfLine {
  page: number;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
  x: number;
  right: number;
  /** Font size of the line's largest text. */
  size: number;
  text: string;
  /** Table rows: cells far apart on one baseline. */
  tabular: boolean;
}

/**
 * A list marker at a line start. Not "a." or "s." (abbreviations that wrap to a line start: "s. 12"),
 * and not a number before a month ("1. mars", "15. kesäkuuta"), which is a date a line break split.
 */
const BULLET =
  /^(?:[•·▪◦‣⁃●○■□➢►–-]|\d{1,3}[.)](?!\s*(?:jan|feb|mar|apr|mai|maj|may|jun|jul|aug|sep|okt|oct|nov|des|dec|tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu))|[a-zA-Z]\))\s+/iu;
/** Page numbers as letters and reports print them: "3", "- 3 -", "Sida 3 av 5", "Side 3 av 5", "Sivu 3 / 5", "Page 3 of 5", "3 (5)". */
const PAGE_NUMBER = /^[-–(]?\s*(?:(?:sida|side|sivu|page|s\.)\s*)?\d{1,4}\s*(?:(?:av|af|of|\/|\()\s*\d{1,4}\s*\)?)?\s*[-–)]?$/iu;
const SENTENCE_END = /[.!?:;…]["'”»’)\]]*$/u;

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Builds the lines of one page from its text items, in content order. */
function pageLines(items: readonly TextItemLike[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | undefined;
  let ended = false;
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    const blank = item.str.trim() === '';
    if (item.str === '') {
      if (item.hasEOL) ended = true;
      continue;
    }
    const sameLine = line !== undefined && !ended && Math.abs(y - line.y) <= 0.4 * Math.max(size, line.size);
    if (!sameLine) {
      if (blank) continue;
      line = { page, y, x, right: x + item.width, size, text: '', tabular: false };
      lines.push(line);
      ended = false;
    }
    const current = line as PdfLine;
    const gap = x - current.right;
    if (blank) {
      // pdf.js stands a wide gap between table cells in for one space item.
      if (item.width > 2 * current.size) {
        current.tabular = true;
        current.text = `${current.text.trimEnd()}\t`;
      } else if (!/\s$/.test(current.text)) current.text += ' ';
    } else if (current.text !== '') {
      if (gap > 2 * Math.max(size, current.size)) {
        current.tabular = true;
        current.text = `${current.text.trimEnd()}\t`;
      } else if (gap > 0.15 * size && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += ' ';
    }
    if (!blank) current.text += item.str;
    current.right = Math.max(current.right, x + item.width);
    current.size = Math.max(current.size, blank ? 0 : size);
    if (item.hasEOL) ended = true;
  }
  for (const l of lines) {
    // A hyphen drawn as a soft hyphen or U+2010 at a line end is the same break for the core.
    l.text = l.text.replace(/\s+$/u, '').replace(/^\s+/u, '').replace(/[\u00ad\u2010]$/u, '-');
  }
  return lines.filter((l) => l.text !== '');
}

/** Removes a page number printed as the page's top or bottom line. */
function dropPageNumbers(lines: PdfLine[]): PdfLine[] {
  if (lines.length < 2) return lines;
  const ys = lines.map((l) => l.y);
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  return lines.filter((l) => !((l.y === top || l.y === bottom) && PAGE_NUMBER.test(l.text)));
}

/** The most common size among the lines, weighted by their length: the body text's font size. */
function bodySize(lines: readonly PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const key = Math.round(l.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + l.text.length);
  }
  let best = 12;
  let most = -1;
  for (const [size, w] of weight) if (w > most || (w === most && size < best)) (best = size), (most = w);
  return best;
}

/**
 * The usual distance between consecutive baselines: the smallest gap that occurs
 * at least twice (within 12 %). Wrapped lines of a paragraph repeat one spacing;
 * gaps between paragraphs are wider and vary.
 */
function typicalGap(gaps: readonly number[]): number | undefined {
  const sorted = gaps.filter((g) => g > 0).sort((p, q) => p - q);
  for (const g of sorted) {
    if (sorted.filter((h) => h >= g && h <= g * 1.12).length >= 2) return g;
  }
  return undefined;
}

function gapsOf(lines: readonly PdfLine[]): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const p = lines[i - 1] as PdfLine;
    const l = lines[i] as PdfLine;
    if (p.page === l.page) gaps.push(p.y - l.y);
  }
  return gaps;
}

interface PdfBlock {
  kind: BlockKind;
  page: number;
  lines: string[];
  /** Left and right edge of the block's lines before the last one. */
  left: number;
  right: number;
  /** Length of a list marker at the start of the first line, with its spaces. */
  marker: number;
}

/** Groups lines into headings, paragraphs and list items. */
export function buildBlocks(lines: readonly PdfLine[]): PdfBlock[] {
  if (lines.length === 0) return [];
  const body = bodySize(lines);
  // A gap wider than 1.5 × the font size is never plain line spacing in body text.
  const documentGap = Math.min(typicalGap(gapsOf(lines)) ?? body * 1.2, body * 1.5);
  const pageGap = new Map<number, number>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const own = typicalGap(gapsOf(lines.filter((l) => l.page === page)));
    pageGap.set(page, Math.min(own ?? documentGap, body * 1.5));
  }

  const blocks: PdfBlock[] = [];
  let current: PdfBlock | undefined;
  let previous: PdfLine | undefined;
  for (const line of lines) {
    const heading = line.size >= body * 1.15;
    const marker = BULLET.exec(line.text);
    let joins = false;
    if (current && previous) {
      if (previous.page !== line.page) {
        // A paragraph running on to the next page: it did not end a sentence, and the next page goes on in lower case.
        joins =
          current.kind === 'paragraph' &&
          !SENTENCE_END.test(previous.text) &&
          /^\p{Ll}/u.test(line.text) &&
          Math.abs(line.size - previous.size) <= body * 0.1;
      } else {
        const gap = previous.y - line.y;
        const spacing = (pageGap.get(line.page) ?? documentGap) * Math.max(1, line.size / body);
        // Paragraphs set without space between them: a line stops well short of the block's
        // earlier lines after a full stop, and the next one starts anew.
        const endsShort =
          current.lines.length >= 2 &&
          SENTENCE_END.test(previous.text) &&
          previous.right < current.right - 0.2 * (current.right - current.left) &&
          /^[\p{Lu}\p{N}]/u.test(line.text);
        joins =
          gap > 0 &&
          gap <= spacing * 1.25 &&
          !endsShort &&
          Math.abs(line.size - previous.size) <= body * 0.1 &&
          !marker &&
          !line.tabular &&
          !previous.tabular;
      }
    }
    if (joins && current) {
      // The edges include the previous line only now, so a short last line is measured against the lines before it.
      current.left = Math.min(current.left, previous?.x ?? current.left);
      current.right = Math.max(current.right, previous?.right ?? current.right);
      current.lines.push(line.text);
    } else {
      const kind: BlockKind = heading ? 'heading' : marker && !line.tabular ? 'list-item' : 'paragraph';
      current = { kind, page: line.page, lines: [line.text], left: line.x, right: -Infinity, marker: kind === 'list-item' && marker ? marker[0].length : 0 };
      blocks.push(current);
    }
    previous = line;
  }
  return blocks;
}

export function pdfMessage(path: string, reason: 'encrypted' | 'no-text' | 'invalid'): string {
  switch (reason) {
    case 'encrypted':
      return `${path}: the PDF is encrypted; remove the password and try again`;
    case 'no-text':
      return `${path}: this PDF has no text; run OCR first`;
    default:
      return `${path}: not a valid PDF`;
  }
}

/** Reads a PDF into blocks; locators give each block's page and paragraph number. */
export async function readPdf(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes over the buffer it is given and refuses a Buffer: hand it a plain copy. Verbosity 0: no warnings on the console.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw new DocumentError(pdfMessage(path, (error as Error | undefined)?.name === 'PasswordException' ? 'encrypted' : 'invalid'));
  }
  try {
    if (pdf.numPages === 0) throw new DocumentError(pdfMessage(path, 'invalid'));
    const lines: PdfLine[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      let items: unknown[];
      try {
        const page = await pdf.getPage(n);
        items = (await page.getTextContent()).items;
        page.cleanup();
      } catch {
        throw new DocumentError(pdfMessage(path, 'invalid'));
      }
      lines.push(...dropPageNumbers(pageLines(items.filter(isTextItem), n)));
    }
    if (!lines.some((l) => /\S/.test(l.text))) throw new DocumentError(pdfMessage(path, 'no-text'));

    let text = '';
    const blocks: TextBlock[] = [];
    const locators: Locator[] = [];
    for (const b of buildBlocks(lines)) {
      if (text !== '') text += '\n\n';
      const start = text.length;
      text += b.lines.join('\n');
      blocks.push({ kind: b.kind, start, contentStart: start + b.marker, end: text.length });
      locators.push({ start, end: text.length, paragraph: locators.length + 1, page: b.page });
    }
    return { format: 'pdf', text, blocks, locators };
  } finally {
    await pdf.destroy();
  }
}
