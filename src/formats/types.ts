import type { TextBlock } from '../core/types.js';

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'docx' | 'odt' | 'pdf';

/** How a text file was stored, so `--fix` can write it back the same way. */
export interface TextEncoding {
  name: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  bom: boolean;
  lineEnding: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

/** Where a block of a Word, OpenDocument or PDF file came from: what a Word user can find. */
export interface Locator {
  /** Offsets into `SourceDocument.text`. */
  start: number;
  end: number;
  /** 1-based paragraph number in the document (headings and list items count). */
  paragraph: number;
  /** 1-based page (PDF only). */
  page?: number;
}

/** An inline suppression comment in Markdown or HTML. */
export interface Suppression {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids or id prefixes ending in "/"; empty means every rule. */
  rules: string[];
  reason?: string;
  /** Offset and 1-based line of the comment in the source. */
  offset: number;
  line: number;
}

/**
 * A document ready for analyse(). For text formats (txt, md, html) `text` is the
 * decoded source with everything that is not prose (code, front matter, markup,
 * URLs, comments) replaced by spaces, line breaks kept, so offsets, lines and
 * columns in the report are positions in the source file. For docx, odt and pdf
 * `text` is built from the document, and `locators` say where each part came from.
 */
export interface SourceDocument {
  format: DocumentFormat;
  text: string;
  /** The decoded source text (txt, md, html), for --fix. */
  source?: string;
  encoding?: TextEncoding;
  blocks?: TextBlock[];
  locators?: Locator[];
  suppressions?: Suppression[];
}

/** A document klar cannot read; `message` is one line naming what to do. */
export class DocumentError extends Error {}
