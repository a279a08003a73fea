/**
 * Markdown (.md, .markdown, .mdx) through remark: CommonMark with GFM (tables,
 * autolinks, footnotes, strikethrough, task lists) and YAML/TOML front matter.
 *
 * `text` is the source with everything that is not prose replaced by spaces and
 * every line break kept (see ProseMask), so positions in the report are positions
 * in the Markdown file. Not prose: front matter, code blocks, inline code, HTML
 * and HTML comments, link destinations and titles, bare and `<…>` autolinks, image
 * URLs, link reference definitions, footnote references, and the markup itself
 * (`#`, `*`, `_`, `>`, list markers, brackets, table pipes, backslash escapes).
 * Link text and image alt text are prose.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockKind, TextBlock } from '../core/types.js';
import { decodeText } from './encoding.js';
import { decodeReference } from './html.js';
import { findSuppressions } from './suppressions.js';
import { ProseMask, type TextDocument } from './text.js';
import { DocumentError, type TextEncoding } from './types.js';

/** The parts of an mdast node this front end reads. */
interface MdNode {
  type: string;
  value?: string;
  alt?: string | null | undefined;
  children?: MdNode[];
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** Nodes whose whole range is not prose. */
const NOT_PROSE = new Set([
  'code',
  'inlineCode',
  'html',
  'yaml',
  'toml',
  'definition',
  'footnoteReference',
  'break',
  'thematicBreak',
  'math',
  'inlineMath',
]);

interface Pending {
  kind: BlockKind;
  start: number;
  end: number;
}

interface Visit {
  node: MdNode;
  /** A direct child of a list item. */
  inItem: boolean;
  /** Set on an item's first paragraph: the offset of the item's marker. */
  itemStart?: number;
}

function range(node: MdNode, base: number): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [base + start, base + end];
}

/**
 * micromark rewrites its whole event list each time a list or block quote closes,
 * so a long document with many lists takes quadratic time (a 400 kB changelog:
 * minutes). Longer documents are therefore parsed in pieces, cut where a new
 * top-level block must begin whatever came before: at a line in column 0 that
 * starts a heading or a paragraph after a blank line, outside fenced code and
 * outside HTML blocks that run over blank lines. Each piece is checked not to end
 * in an unclosed code fence or HTML block (if it does, it grows to the next cut),
 * and gets the labels of every reference and footnote definition of the document
 * appended, so a reference to a definition in another piece still resolves.
 */
export interface MarkdownOptions {
  /** Pieces of about this many characters; documents shorter than twice it are parsed whole. */
  chunkSize?: number;
}

const CHUNK_SIZE = 32 * 1024;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|\p{L})/u;
const DEFINITION_LABEL = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:/gm;

/** Offsets where a piece may start (see MarkdownOptions), in order. */
function cutPoints(source: string): number[] {
  const cuts: number[] = [];
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  // Front matter may hold blank lines followed by "key: value": never cut inside it.
  const frontMatter = /^(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/.exec(source);
  let at = frontMatter ? frontMatter[0].length : 0;
  while (at < source.length) {
    let eol = at;
    while (eol < source.length && source.charCodeAt(eol) !== 10 && source.charCodeAt(eol) !== 13) eol++;
    const line = source.slice(at, eol);
    const next = source.charCodeAt(eol) === 13 && source.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
    const blank = /^[ \t]*$/.test(line);
    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close && (close[1] as string)[0] === fence[0] && (close[1] as string).length >= fence.length && /^[ \t]*$/.test(line.slice(close[0].length))) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else {
      if (!blank && previousBlank && BLOCK_START.test(line)) cuts.push(at);
      const open = FENCE_OPEN.exec(line);
      if (open) fence = open[1];
      for (const [start, end] of HTML_BLOCKS) {
        const m = start.exec(line);
        if (m && !end.test(line.slice(m[0].length))) htmlEnd = end;
      }
    }
    previousBlank = blank;
    at = next;
  }
  return cuts;
}

/** Whether a piece's last block is a code fence or HTML block that the cut left open. */
function endsOpen(source: string, last: MdNode | undefined, base: number): boolean {
  const at = last ? range(last, base) : undefined;
  if (!last || !at) return false;
  const text = source.slice(at[0], at[1]);
  if (last.type === 'code') {
    const open = FENCE_OPEN.exec(text);
    if (!open) return false;
    const lines = text.split(/\r\n|\r|\n/);
    const close = lines.length > 1 ? FENCE_OPEN.exec(lines[lines.length - 1] as string) : null;
    return !(close && (close[1] as string)[0] === (open[1] as string)[0] && (close[1] as string).length >= (open[1] as string).length);
  }
  if (last.type === 'html') {
    for (const [start, end] of HTML_BLOCKS) {
      const m = start.exec(text);
      if (m) return !end.test(text.slice(m[0].length));
    }
  }
  return false;
}

interface Piece {
  tree: MdNode;
  /** Offset of the piece in the source. */
  base: number;
}

function parsePieces(source: string, chunkSize: number): Piece[] {
  if (source.length < 2 * chunkSize) return [{ tree: parser.parse(source), base: 0 }];
  const labels = new Set<string>();
  for (const m of source.matchAll(DEFINITION_LABEL)) labels.add(m[1] as string);
  const appendix = labels.size > 0 ? `\n\n${[...labels].map((label) => `[${label}]: #`).join('\n')}\n` : '';

  const cuts = cutPoints(source);
  const pieces: Piece[] = [];
  let base = 0;
  let c = 0;
  while (base < source.length) {
    while (c < cuts.length && (cuts[c] as number) < base + chunkSize) c++;
    let end = c < cuts.length ? (cuts[c] as number) : source.length;
    for (;;) {
      const length = end - base;
      const tree: MdNode = parser.parse(source.slice(base, end) + appendix);
      // The appended definitions are not part of the document.
      tree.children = (tree.children ?? []).filter((n) => (n.position?.start.offset ?? 0) < length);
      const last = tree.children[tree.children.length - 1];
      if (end < source.length && endsOpen(source, last, base)) {
        c++;
        end = c < cuts.length ? (cuts[c] as number) : source.length;
        continue;
      }
      pieces.push({ tree, base });
      break;
    }
    base = end;
  }
  return pieces;
}

/** The prose mask, blocks and suppressions of a Markdown source (already decoded). */
export function parseMarkdown(source: string, options: MarkdownOptions = {}): Pick<TextDocument, 'text' | 'blocks' | 'suppressions'> {
  const mask = new ProseMask(source);
  const pending: Pending[] = [];
  const comments: [number, number][] = [];
  for (const piece of parsePieces(source, options.chunkSize ?? CHUNK_SIZE)) walk(source, piece, mask, pending, comments);

  const blocks: TextBlock[] = [];
  for (const p of pending.sort((a, b) => a.start - b.start)) {
    const prose = mask.trim(p.start, p.end);
    if (!prose) continue;
    blocks.push({ kind: p.kind, start: Math.min(p.start, prose[0]), contentStart: prose[0], end: prose[1] });
  }
  return { text: mask.toString(), blocks, suppressions: findSuppressions(source, comments) };
}

function walk(source: string, piece: Piece, mask: ProseMask, pending: Pending[], comments: [number, number][]): void {
  const { base } = piece;
  // An explicit stack: a deeply nested list or quote must not overflow the call stack.
  const stack: Visit[] = [{ node: piece.tree, inItem: false }];
  while (stack.length > 0) {
    const { node, inItem, itemStart } = stack.pop() as Visit;
    const at = range(node, base);
    if (node.type === 'html') {
      if (at) comments.push(at);
      continue;
    }
    if (NOT_PROSE.has(node.type)) continue;
    if (!at && node.type !== 'root') continue;

    switch (node.type) {
      case 'text':
        if (at && node.value) mask.revealValue(at[0], at[1], node.value, decodeReference);
        continue;
      case 'image':
      case 'imageReference':
        // The alt text sits after "![" and is read as prose; the URL is not.
        if (at && node.alt) mask.revealValue(at[0] + 2, at[1], node.alt, decodeReference);
        continue;
      case 'link':
        // "<https://…>" and bare www./https:// links are addresses, not prose.
        if (at && source.charCodeAt(at[0]) !== 91 /* [ */) continue;
        break;
      case 'heading':
        if (at) pending.push({ kind: 'heading', start: at[0], end: at[1] });
        break;
      case 'paragraph':
        if (at) pending.push({ kind: inItem ? 'list-item' : 'paragraph', start: itemStart ?? at[0], end: at[1] });
        break;
      case 'tableCell':
        if (at) pending.push({ kind: 'paragraph', start: at[0], end: at[1] });
        break;
    }

    const children = node.children ?? [];
    const isItem = node.type === 'listItem';
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k] as MdNode;
      // The first paragraph of an item starts at its marker, as the core's own list
      // items do; later paragraphs of the item start where they are.
      const first = isItem && k === 0 && child.type === 'paragraph' && at !== undefined;
      stack.push({ node: child, inItem: isItem, ...(first ? { itemStart: at[0] } : {}) });
    }
  }
}

/** Reads a Markdown file: decodes it, parses it and builds the prose mask. */
export function readMarkdown(path: string, bytes: Uint8Array): TextDocument {
  const { text: source, encoding } = decodeText(path, bytes);
  return markdownDocument(path, source, encoding);
}

export function markdownDocument(path: string, source: string, encoding?: TextEncoding): TextDocument {
  let parsed: ReturnType<typeof parseMarkdown>;
  try {
    parsed = parseMarkdown(source);
  } catch (error) {
    // micromark recurses on nesting; thousands of nested quotes exhaust the stack.
    if (error instanceof RangeError) throw new DocumentError(`${path}: Markdown nested too deeply to read; simplify the nesting and try again`);
    throw error;
  }
  return { format: 'markdown', source, ...parsed, ...(encoding ? { encoding } : {}) };
}
