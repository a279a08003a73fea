/**
 * Word, OpenDocument and PDF input, chosen by the file's extension. These
 * formats build `text` from the document's structure, and their locators say
 * where each block is for a reader of the document: its paragraph number and,
 * in a PDF, its page.
 */

import { extname } from 'node:path';
import { readDocx } from './docx.js';
import { readOdt } from './odt.js';
import { readPdf } from './pdf.js';
import { DocumentError, type Locator, type SourceDocument } from './types.js';

export type { DocxDocument, DocxLocator } from './docx.js';

export const OFFICE_EXTENSIONS: readonly string[] = ['.docx', '.odt', '.pdf'];

/**
 * Reads a .docx, .odt or .pdf from its bytes (`path` names the format and the
 * file in messages). Anything klar cannot read throws a DocumentError whose
 * message is one line naming the file and what to do.
 */
export async function readOfficeDocument(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.docx':
      return readDocx(path, bytes);
    case '.odt':
      return readOdt(path, bytes);
    case '.pdf':
      return readPdf(path, bytes);
    default:
      throw new DocumentError(`${path}: not a .docx, .odt or .pdf file`);
  }
}

/**
 * The locator of the block that holds `offset` (an offset into `doc.text`, as a
 * diagnostic's): its paragraph number and page, for a message a Word or PDF
 * reader can follow. An offset in the blank line between two blocks belongs to
 * the block before it.
 */
export function locatorAt(doc: SourceDocument, offset: number): Locator | undefined {
  const locators = doc.locators ?? [];
  let lo = 0;
  let hi = locators.length - 1;
  let found: Locator | undefined;
  // Locators are sorted by start and do not overlap: find the last one starting at or before `offset`.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = locators[mid] as Locator;
    if (l.start <= offset) {
      found = l;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? locators[0];
}
