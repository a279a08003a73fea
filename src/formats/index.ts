/**
 * Reads any document klar checks, chosen by the file's extension.
 */
import { extname } from 'node:path';
import { SUPPORTED_FILES } from './encoding.js';
import { readText, type TextDocument } from './text.js';
import { DocumentError, type DocumentFormat } from './types.js';

export { decodeText, encodeText, SUPPORTED_FILES } from './encoding.js';
export type { TextDocument } from './text.js';

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.odt': 'odt',
  '.pdf': 'pdf',
};

/** Extensions (lower case, with the dot) that klar reads: for walking folders. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/**
 * The format of a path by its extension; a name without an extension (standard
 * input, README) is plain text; undefined for any other extension.
 */
export function formatOf(path: string): DocumentFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '') return 'text';
  return FORMATS[ext];
}

/**
 * Reads a document from its bytes. `path` is used for the format (its extension)
 * and in messages. Bad input throws a `DocumentError` whose message is one line
 * naming the file and what to do.
 */
export async function readDocument(path: string, bytes: Uint8Array): Promise<TextDocument> {
  const format = formatOf(path);
  switch (format) {
    case 'text':
      return readText(path, bytes);
    // Each parser is loaded on first use, so a run over plain text starts faster.
    case 'markdown':
      return (await import('./markdown.js')).readMarkdown(path, bytes);
    case 'html':
      return (await import('./html.js')).readHtml(path, bytes);
    case 'docx':
    case 'odt':
    case 'pdf': {
      // Loaded on first use: mammoth and unpdf cost a noticeable start-up time
      // that a run over Markdown files should not pay.
      const { readOfficeDocument } = await import('./office.js');
      return readOfficeDocument(path, bytes);
    }
    case undefined:
      throw new DocumentError(`${path}: unknown file type "${extname(path)}"; ${SUPPORTED_FILES}`);
  }
}
