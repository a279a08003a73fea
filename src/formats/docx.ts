/**
 * Word (.docx) front end. mammoth turns the document into HTML, whose headings,
 * paragraphs, list items and table cells become klar's blocks. Each block is also
 * tied to its `<w:p>` in word/document.xml, so the Word-comments output can anchor
 * a finding in the paragraph it came from.
 */

import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { BlockKind, TextBlock } from '../core/types.js';
import { DocumentError, type Locator, type SourceDocument } from './types.js';
import {
  decodeXmlText,
  isCompoundFile,
  isEncryptedOfficeFile,
  NamespaceScope,
  PackageError,
  parseAttributes,
  readZip,
  scanXml,
  type XmlToken,
  type ZipEntry,
  packageMessage,
} from './zip.js';

export const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WORD_NAMESPACES = new Set([WORD_NS, 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** A locator of a Word document: also says which `<w:p>` the block is. */
export interface DocxLocator extends Locator {
  /** 0-based index of the block's `<w:p>` among those `walkWordDocument` counts; absent when no paragraph matched. */
  wordParagraph?: number;
  /** A footnote or endnote: `wordParagraph` is then the paragraph that refers to it, not the note's own text. */
  note?: boolean;
}

/** A .docx read by `readDocx`, with the parts the Word-comments output needs. */
export interface DocxDocument extends SourceDocument {
  format: 'docx';
  locators: DocxLocator[];
  blocks: TextBlock[];
}

export function docxMessage(path: string, error: PackageError | 'invalid'): string {
  return packageMessage(path, error, 'Word document (.docx)', 'remove the password in Word');
}

// ---------------------------------------------------------------------------
// Walking word/document.xml

/**
 * One step of a walk over word/document.xml. The ranges of all events, in order,
 * tile the XML exactly, so a writer can copy the document and change only where
 * it wants to.
 */
export type WordEvent =
  | { kind: 'raw'; start: number; end: number }
  | { kind: 'paragraph-start'; paragraph: number; start: number; end: number; wordPrefix: string | undefined }
  | { kind: 'paragraph-end'; paragraph: number; start: number; end: number }
  | { kind: 'run-start'; paragraph: number; start: number; end: number }
  | { kind: 'run-properties'; start: number; end: number }
  | { kind: 'run-end'; paragraph: number; start: number; end: number }
  /** A `<w:t>` (text: its decoded content) or a character element such as `<w:tab/>`, in a run. */
  | { kind: 'chars'; paragraph: number; text: string; element: 't' | 'char'; start: number; end: number }
  | { kind: 'note-reference'; paragraph: number; note: string; start: number; end: number };

/** Character elements of a run, as mammoth writes them into its HTML. */
function charElementText(local: string, attrs: string): string | undefined {
  switch (local) {
    case 'tab':
      return '\t';
    case 'br': {
      const type = /\btype\s*=\s*["']([^"']*)/.exec(attrs)?.[1];
      return type === undefined || type === 'textWrapping' ? '\n' : '';
    }
    case 'cr':
      return '\n';
    case 'noBreakHyphen':
      return '\u2011';
    case 'softHyphen':
      return '\u00ad';
    case 'sym':
      return '';
    default:
      return undefined;
  }
}

/**
 * Walks the body of a Word document paragraph by paragraph. Paragraphs are
 * counted in document order, nested ones (text boxes) after the paragraph that
 * holds them, as mammoth emits them. Of markup-compatibility alternatives only the
 * first `mc:Choice` counts, the one Word shows; mammoth reads `mc:Fallback`, which
 * holds the same text, so the two still align by text.
 */
export function* walkWordDocument(xml: string): Generator<WordEvent> {
  const ns = new NamespaceScope();
  const tokens = scanXml(xml);
  /** Resolved names of the open elements. */
  const stack: string[] = [];
  const paragraphs: number[] = [];
  const alternates: boolean[] = [];
  let skipDepth = -1;
  let count = 0;
  /** Stack positions of the open runs (a text box inside a run holds runs of its own). */
  const runs: number[] = [];

  const w = (local: string, name: string): boolean => {
    const close = name.indexOf('}');
    return name.slice(close + 1) === local && WORD_NAMESPACES.has(name.slice(1, close));
  };

  /**
   * Reads to the end of the element just opened; returns its end offset and decoded
   * text. Pulls from the same token stream (a nested for-of would close it).
   */
  const finishElement = (open: XmlToken & { type: 'open' }): { end: number; text: string } => {
    let depth = 1;
    let text = '';
    let end = open.end;
    while (depth > 0) {
      const next = tokens.next();
      if (next.done) throw new PackageError('invalid', 'unclosed element');
      const t = next.value;
      end = t.end;
      if (t.type === 'open') {
        ns.enter(t.attrs);
        if (t.selfClosing) ns.leave();
        else depth++;
      } else if (t.type === 'close') {
        ns.leave();
        depth--;
      } else if (t.type === 'text') text += decodeXmlText(xml.slice(t.start, t.end));
      else if (t.type === 'cdata') text += xml.slice(t.contentStart, t.contentEnd);
    }
    return { end, text };
  };

  for (const t of tokens) {
    if (t.type !== 'open' && t.type !== 'close') {
      yield { kind: 'raw', start: t.start, end: t.end };
      continue;
    }
    if (t.type === 'close') {
      const name = stack.pop();
      ns.leave();
      if (name === undefined) throw new PackageError('invalid', 'unbalanced XML');
      if (skipDepth === stack.length) skipDepth = -1;
      if (skipDepth !== -1) {
        yield { kind: 'raw', start: t.start, end: t.end };
        continue;
      }
      if (name === `{${MC_NS}}AlternateContent`) alternates.pop();
      if (w('p', name) && paragraphs.length > 0) {
        yield { kind: 'paragraph-end', paragraph: paragraphs.pop() as number, start: t.start, end: t.end };
      } else if (w('r', name) && runs.at(-1) === stack.length) {
        runs.pop();
        yield { kind: 'run-end', paragraph: paragraphs.at(-1) ?? -1, start: t.start, end: t.end };
      } else yield { kind: 'raw', start: t.start, end: t.end };
      continue;
    }

    ns.enter(t.attrs);
    const name = ns.resolve(t.name);
    const parent = stack.at(-1) ?? '';
    if (skipDepth !== -1) {
      if (t.selfClosing) ns.leave();
      else stack.push(name);
      yield { kind: 'raw', start: t.start, end: t.end };
      continue;
    }
    if (name === `{${MC_NS}}AlternateContent` && !t.selfClosing) alternates.push(false);
    const isChoice = name === `{${MC_NS}}Choice`;
    if ((isChoice && alternates.at(-1) === true) || name === `{${MC_NS}}Fallback`) {
      if (t.selfClosing) ns.leave();
      else {
        skipDepth = stack.length;
        stack.push(name);
      }
      yield { kind: 'raw', start: t.start, end: t.end };
      continue;
    }
    if (isChoice) alternates[alternates.length - 1] = true;

    const paragraph = paragraphs.at(-1);
    if (w('p', name)) {
      const index = count++;
      if (t.selfClosing) {
        ns.leave();
        yield { kind: 'raw', start: t.start, end: t.end };
      } else {
        stack.push(name);
        paragraphs.push(index);
        yield { kind: 'paragraph-start', paragraph: index, start: t.start, end: t.end, wordPrefix: ns.prefixFor(WORD_NS) ?? ns.prefixFor('http://purl.oclc.org/ooxml/wordprocessingml/main') };
      }
      continue;
    }
    if (paragraph !== undefined && w('r', name) && !t.selfClosing) {
      runs.push(stack.length);
      stack.push(name);
      yield { kind: 'run-start', paragraph, start: t.start, end: t.end };
      continue;
    }
    const inRun = paragraph !== undefined && w('r', parent) && runs.at(-1) === stack.length - 1;
    if (inRun && w('rPr', name)) {
      // finishElement leaves the element's namespace scope at its close tag.
      const end = t.selfClosing ? (ns.leave(), t.end) : finishElement(t).end;
      yield { kind: 'run-properties', start: t.start, end };
      continue;
    }
    if (inRun && paragraph !== undefined && w('t', name)) {
      if (t.selfClosing) {
        ns.leave();
        yield { kind: 'chars', paragraph, text: '', element: 't', start: t.start, end: t.end };
      } else {
        const { end, text } = finishElement(t);
        yield { kind: 'chars', paragraph, text, element: 't', start: t.start, end };
      }
      continue;
    }
    const local = name.slice(name.indexOf('}') + 1);
    const charText = inRun && paragraph !== undefined && WORD_NAMESPACES.has(name.slice(1, name.indexOf('}'))) ? charElementText(local, t.attrs) : undefined;
    if (charText !== undefined && paragraph !== undefined) {
      const end = t.selfClosing ? (ns.leave(), t.end) : finishElement(t).end;
      yield { kind: 'chars', paragraph, text: charText, element: 'char', start: t.start, end };
      continue;
    }
    if (inRun && paragraph !== undefined && (w('footnoteReference', name) || w('endnoteReference', name))) {
      const id = [...parseAttributes(t.attrs)].find(([k]) => k === 'id' || k.endsWith(':id'))?.[1] ?? '';
      const note = `${local === 'footnoteReference' ? 'footnote' : 'endnote'}-${id}`;
      if (t.selfClosing) ns.leave();
      else stack.push(name);
      yield { kind: 'note-reference', paragraph, note, start: t.start, end: t.end };
      continue;
    }
    if (t.selfClosing) ns.leave();
    else stack.push(name);
    yield { kind: 'raw', start: t.start, end: t.end };
  }
  if (stack.length > 0) throw new PackageError('invalid', 'unclosed elements at the end');
}

export interface WordParagraph {
  index: number;
  text: string;
  /** Notes referred to from this paragraph ("footnote-1"), as mammoth names them. */
  notes: string[];
}

/** The paragraphs of word/document.xml, with the text mammoth sees in each. */
export function wordParagraphs(xml: string): WordParagraph[] {
  const out: WordParagraph[] = [];
  for (const e of walkWordDocument(xml)) {
    if (e.kind === 'paragraph-start') out[e.paragraph] = { index: e.paragraph, text: '', notes: [] };
    else if (e.kind === 'chars') {
      const p = out[e.paragraph];
      if (p) p.text += e.text;
    } else if (e.kind === 'note-reference') out[e.paragraph]?.notes.push(e.note);
  }
  // Self-closing paragraphs have no entry: give them an empty one so indices are positions.
  for (let i = 0; i < out.length; i++) out[i] ??= { index: i, text: '', notes: [] };
  return out;
}

/** Text as compared between mammoth's HTML and the XML: no white space, soft hyphens or zero-width characters. */
export function alignmentKey(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff]+/gu, '');
}

/** How far ahead a block's paragraph is looked for (paragraphs mammoth drops: empty ones, deleted ones). */
const LOOKAHEAD = 400;

/**
 * The `<w:p>` of each block, matched by text in order. mammoth emits paragraphs in
 * document order, so a forward search finds each one; a block that matches no
 * paragraph exactly (merged tracked changes) takes the next paragraph whose text
 * contains it or is contained in it.
 */
export function alignBlocksToParagraphs(blockTexts: readonly string[], paragraphs: readonly WordParagraph[]): (number | undefined)[] {
  const keys = paragraphs.map((p) => alignmentKey(p.text));
  const out: (number | undefined)[] = [];
  let cursor = 0;
  for (const text of blockTexts) {
    const key = alignmentKey(text);
    const stop = Math.min(keys.length, cursor + LOOKAHEAD);
    let found: number | undefined;
    for (let j = cursor; j < stop && key !== ''; j++) if (keys[j] === key) (found = j), (j = stop);
    if (found === undefined) {
      for (let j = cursor; j < stop && key !== ''; j++) {
        const k = keys[j] as string;
        if (k !== '' && (k.includes(key) || key.includes(k))) (found = j), (j = stop);
      }
    }
    out.push(found);
    if (found !== undefined) cursor = found + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// mammoth's HTML → blocks

interface RawBlock {
  kind: BlockKind;
  text: string;
  /** "footnote-1" for a note's paragraphs. */
  note?: string;
}

function isElement(node: RootContent | ElementContent): node is Element {
  return node.type === 'element';
}

function idOf(node: Element): string {
  const id = node.properties?.['id'];
  return typeof id === 'string' ? id : '';
}

function hrefOf(node: Element): string {
  const href = node.properties?.['href'];
  return typeof href === 'string' ? href : '';
}

/** The text of inline content; nested lists and tables are blocks of their own and left out. */
function inlineText(nodes: readonly ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (isElement(node)) {
      const tag = node.tagName;
      if (tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'p' || /^h[1-6]$/.test(tag)) continue;
      if (tag === 'br') out += '\n';
      else if (tag === 'a' && /^#(?:footnote|endnote)-ref-|^#comment-ref-/.test(hrefOf(node))) continue;
      else if (tag === 'a' && /^(?:footnote|endnote)-ref-/.test(idOf(node))) continue;
      else if (tag === 'input') out += node.properties?.['checked'] ? '☒' : '☐';
      else out += inlineText(node.children);
    }
  }
  return out;
}

function collectBlocks(nodes: readonly (RootContent | ElementContent)[], out: RawBlock[], note?: string): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) out.push({ kind: 'heading', text: inlineText(node.children), ...(note ? { note } : {}) });
    else if (tag === 'p') out.push({ kind: 'paragraph', text: inlineText(node.children), ...(note ? { note } : {}) });
    else if (tag === 'li') {
      const id = idOf(node);
      if (/^(?:footnote|endnote)-/.test(id)) {
        collectBlocks(node.children, out, id);
        continue;
      }
      out.push({ kind: note ? 'paragraph' : 'list-item', text: inlineText(node.children), ...(note ? { note } : {}) });
      collectBlocks(node.children.filter((c) => isElement(c) && c.tagName !== 'a'), out, note);
    } else if (tag === 'dl') {
      // mammoth's list of the document's existing comments: not the document's text.
      continue;
    } else collectBlocks(node.children, out, note);
  }
}

/** Turns mammoth's HTML into raw blocks in document order. */
export function blocksFromWordHtml(html: string): RawBlock[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const out: RawBlock[] = [];
  collectBlocks(tree.children, out);
  return out;
}

/** Builds `text` (blocks separated by a blank line), blocks and locators. */
export function assembleBlocks<L extends Locator>(raw: readonly { kind: BlockKind; text: string }[], locate: (index: number) => Omit<L, 'start' | 'end' | 'paragraph'>): { text: string; blocks: TextBlock[]; locators: L[] } {
  let text = '';
  const blocks: TextBlock[] = [];
  const locators: L[] = [];
  raw.forEach((b, i) => {
    const content = b.text.trim();
    if (content === '') return;
    if (text !== '') text += '\n\n';
    const start = text.length;
    text += content;
    blocks.push({ kind: b.kind, start, contentStart: start, end: text.length });
    locators.push({ ...locate(i), start, end: text.length, paragraph: locators.length + 1 } as L);
  });
  return { text, blocks, locators };
}

// ---------------------------------------------------------------------------

/**
 * Unzips a .docx under the caps (all parts, or those `want` names); throws
 * DocumentError with the file's one-line message.
 */
export function unzipDocx(path: string, bytes: Uint8Array, want?: (name: string) => boolean): { entries: ZipEntry[]; files: Map<string, Uint8Array> } {
  if (isEncryptedOfficeFile(bytes)) throw new DocumentError(docxMessage(path, new PackageError('encrypted', '')));
  if (isCompoundFile(bytes)) throw new DocumentError(`${path}: this is an old Word (.doc) file; save it as .docx and try again`);
  try {
    return readZip(bytes, want);
  } catch (error) {
    if (error instanceof PackageError) throw new DocumentError(docxMessage(path, error));
    throw error;
  }
}

const xmlDecoder = new TextDecoder('utf-8');

export function decodeXmlPart(bytes: Uint8Array): string {
  return xmlDecoder.decode(bytes).replace(/^\ufeff/, '');
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const token of scanXml(xml)) {
    if (token.type !== 'open' || !/(^|:)Relationship$/.test(token.name)) continue;
    const a = parseAttributes(token.attrs);
    if (a.get('TargetMode') === 'External') continue;
    out.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '' });
  }
  return out;
}

/** The main document part, as the package's root relationships name it (word/document.xml by convention). */
export function mainDocumentPart(files: ReadonlyMap<string, Uint8Array>): string {
  const root = files.get('_rels/.rels');
  const main = relationships(root && decodeXmlPart(root)).find((r) => /\/officeDocument$/.test(r.type));
  return main ? resolveTarget('', main.target) : 'word/document.xml';
}

/** Reads a .docx into blocks, each tied to its paragraph of word/document.xml. */
export async function readDocx(path: string, bytes: Uint8Array): Promise<DocxDocument> {
  // The XML parts are all mammoth reads (images are skipped below); each is inflated here under the caps first.
  const { files } = unzipDocx(path, bytes, (name) => name.endsWith('.xml') || name.endsWith('.rels'));
  const main = files.get(mainDocumentPart(files));
  if (!main) throw new DocumentError(docxMessage(path, 'invalid'));
  for (const [name, part] of files) {
    // mammoth's XML parser would expand entities a DOCTYPE defines; Word never writes one.
    if (name.endsWith('.xml') && decodeXmlPart(part.subarray(0, 4096)).includes('<!DOCTYPE')) throw new DocumentError(docxMessage(path, 'invalid'));
  }

  let paragraphs: WordParagraph[];
  try {
    paragraphs = wordParagraphs(decodeXmlPart(main));
  } catch (error) {
    if (error instanceof PackageError) throw new DocumentError(docxMessage(path, 'invalid'));
    throw error;
  }

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      // Every part mammoth reads was inflated under the caps above, so its own unzip is bounded too.
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are not text: skip their base64 encoding.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw new DocumentError(docxMessage(path, 'invalid'));
  }

  const raw = blocksFromWordHtml(html);
  const kept = raw.filter((b) => b.text.trim() !== '');
  const body = kept.filter((b) => !b.note);
  const aligned = alignBlocksToParagraphs(
    body.map((b) => b.text),
    paragraphs,
  );
  const noteHome = new Map<string, number>();
  for (const p of paragraphs) for (const n of p.notes) if (!noteHome.has(n)) noteHome.set(n, p.index);
  let bodyIndex = 0;
  const where = kept.map((b): Omit<DocxLocator, 'start' | 'end' | 'paragraph'> => {
    if (b.note) {
      const home = noteHome.get(b.note);
      return home === undefined ? { note: true } : { wordParagraph: home, note: true };
    }
    const found = aligned[bodyIndex++];
    return found === undefined ? {} : { wordParagraph: found };
  });
  const { text, blocks, locators } = assembleBlocks<DocxLocator>(kept, (i) => where[i] ?? {});
  return { format: 'docx', text, blocks, locators };
}
