/**
 * OpenDocument text (.odt) front end: content.xml is walked with the package
 * layer's XML scanner. rehype-parse cannot stand in for it: it parses HTML, where
 * `<text:s/>` is not self-closing and namespaces mean nothing.
 */

import type { BlockKind } from '../core/types.js';
import { assembleBlocks } from './docx.js';
import { DocumentError, type Locator, type SourceDocument } from './types.js';
import { decodeXmlText, isCompoundFile, NamespaceScope, PackageError, parseAttributes, readZip, scanXml, type XmlToken, packageMessage } from './zip.js';

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const DRAW_NS = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const SVG_NS = 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0';
const MIMETYPE = 'application/vnd.oasis.opendocument.text';

const t = (local: string): string => `{${TEXT_NS}}${local}`;

/** Subtrees that hold no prose of the document: comments, tracked deletions, generated indexes, alt texts. */
const SKIPPED = new Set([
  `{${OFFICE_NS}}annotation`,
  `{${OFFICE_NS}}annotation-end`,
  `{${OFFICE_NS}}forms`,
  t('tracked-changes'),
  t('note-citation'),
  t('sequence-decls'),
  t('variable-decls'),
  t('user-field-decls'),
  t('table-of-content'),
  t('illustration-index'),
  t('table-index'),
  t('object-index'),
  t('user-index'),
  t('alphabetical-index'),
  t('bibliography'),
  `{${SVG_NS}}title`,
  `{${SVG_NS}}desc`,
  `{${DRAW_NS}}object`,
]);

export function odtMessage(path: string, error: PackageError | 'invalid'): string {
  return packageMessage(path, error, 'OpenDocument text (.odt)', 'remove the password');
}

interface Collector {
  kind: BlockKind;
  text: string;
  /** Whether a space from the XML's white space may be added next (ODF collapses white space runs). */
  spaceAllowed: boolean;
  /** Paragraphs of text boxes inside this one, emitted after it. */
  nested: { kind: BlockKind; text: string }[];
  /** Whether the paragraph is in a footnote or endnote. */
  note: boolean;
}

/** Walks content.xml into blocks in reading order. */
export function odtBlocks(xml: string): { kind: BlockKind; text: string }[] {
  const ns = new NamespaceScope();
  const out: { kind: BlockKind; text: string }[] = [];
  /**
   * Footnotes and endnotes go after the body, as Word documents read through
   * mammoth have them, so the body's paragraph numbers are the ones a reader counts.
   */
  const notes: { kind: BlockKind; text: string }[] = [];
  const open: string[] = [];
  const collectors: Collector[] = [];
  /** Per open list item: whether its first paragraph was seen (later ones are plain paragraphs). */
  const listItems: boolean[] = [];
  let skipDepth = -1;
  let inBody = false;

  const append = (c: Collector, s: string, collapsible: boolean): void => {
    if (!collapsible) {
      c.text += s;
      c.spaceAllowed = true;
      return;
    }
    // ODF §6.1.2: runs of white space count as one space, and none at a paragraph's start.
    for (const piece of s.split(/([ \t\r\n]+)/)) {
      if (piece === '') continue;
      if (/^[ \t\r\n]+$/.test(piece)) {
        if (c.spaceAllowed && c.text !== '') c.text += ' ';
        c.spaceAllowed = false;
      } else {
        c.text += piece;
        c.spaceAllowed = true;
      }
    }
  };

  const handleOpen = (token: XmlToken & { type: 'open' }, name: string): void => {
    const c = collectors.at(-1);
    if (name === t('h') || name === t('p')) {
      const inItem = listItems.length > 0 && open.at(-1) === t('list-item');
      let kind: BlockKind = name === t('h') ? 'heading' : 'paragraph';
      if (inItem && kind === 'paragraph' && listItems.at(-1) === false) kind = 'list-item';
      if (inItem) listItems[listItems.length - 1] = true;
      if (token.selfClosing) return;
      collectors.push({ kind, text: '', spaceAllowed: false, nested: [], note: open.includes(t('note-body')) });
      return;
    }
    if (name === t('list-item') || name === t('list-header')) {
      if (!token.selfClosing) listItems.push(name === t('list-header'));
      return;
    }
    if (!c) return;
    if (name === t('s')) {
      const count = Number([...parseAttributes(token.attrs)].find(([k]) => k.endsWith(':c'))?.[1] ?? '1');
      append(c, ' '.repeat(Number.isInteger(count) && count > 0 ? Math.min(count, 1000) : 1), false);
    } else if (name === t('tab')) append(c, '\t', false);
    else if (name === t('line-break')) append(c, '\n', false);
  };

  for (const token of scanXml(xml)) {
    if (token.type === 'open') {
      ns.enter(token.attrs);
      const name = ns.resolve(token.name);
      if (token.selfClosing) ns.leave();
      if (skipDepth !== -1) {
        if (!token.selfClosing) open.push(name);
        continue;
      }
      if (name === `{${OFFICE_NS}}text`) inBody = !token.selfClosing;
      if (SKIPPED.has(name)) {
        if (!token.selfClosing) {
          skipDepth = open.length;
          open.push(name);
        }
        continue;
      }
      if (inBody) handleOpen(token, name);
      if (!token.selfClosing) open.push(name);
    } else if (token.type === 'close') {
      ns.leave();
      const name = open.pop();
      if (name === undefined) throw new PackageError('invalid', 'unbalanced XML');
      if (skipDepth !== -1) {
        if (skipDepth === open.length) skipDepth = -1;
        continue;
      }
      if (name === `{${OFFICE_NS}}text`) inBody = false;
      if (name === t('list-item') || name === t('list-header')) listItems.pop();
      if ((name === t('h') || name === t('p')) && collectors.length > 0) {
        const done = collectors.pop() as Collector;
        const block = { kind: done.kind, text: done.text };
        const parent = collectors.at(-1);
        if (done.note) notes.push(block, ...done.nested);
        else if (parent) parent.nested.push(block, ...done.nested);
        else out.push(block, ...done.nested);
      }
    } else if (skipDepth === -1 && (token.type === 'text' || token.type === 'cdata')) {
      const c = collectors.at(-1);
      if (!c) continue;
      const raw = token.type === 'text' ? decodeXmlText(xml.slice(token.start, token.end)) : xml.slice(token.contentStart, token.contentEnd);
      append(c, raw, true);
    }
  }
  if (open.length > 0) throw new PackageError('invalid', 'unclosed elements at the end');
  return [...out, ...notes];
}

const decoder = new TextDecoder('utf-8');

/** Reads an .odt into blocks; locators number every block from 1. */
export async function readOdt(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  if (isCompoundFile(bytes)) throw new DocumentError(odtMessage(path, 'invalid'));
  let files: Map<string, Uint8Array>;
  try {
    // Every entry's declared size is checked; only the parts klar reads are inflated.
    files = readZip(bytes, (name) => name === 'mimetype' || name === 'content.xml' || name === 'META-INF/manifest.xml').files;
  } catch (error) {
    if (error instanceof PackageError) throw new DocumentError(odtMessage(path, error));
    throw error;
  }
  const mimetype = files.get('mimetype');
  if (mimetype && decoder.decode(mimetype).trim() !== MIMETYPE) throw new DocumentError(odtMessage(path, 'invalid'));
  const manifest = files.get('META-INF/manifest.xml');
  if (manifest && decoder.decode(manifest).includes('encryption-data')) throw new DocumentError(odtMessage(path, new PackageError('encrypted', '')));
  const content = files.get('content.xml');
  if (!content) throw new DocumentError(odtMessage(path, 'invalid'));
  let raw: { kind: BlockKind; text: string }[];
  try {
    raw = odtBlocks(decoder.decode(content).replace(/^\ufeff/, ''));
  } catch (error) {
    if (error instanceof PackageError) throw new DocumentError(odtMessage(path, 'invalid'));
    throw error;
  }
  const { text, blocks, locators } = assembleBlocks<Locator>(raw, () => ({}));
  return { format: 'odt', text, blocks, locators };
}
