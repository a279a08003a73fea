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

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

/** YAML or TOML front matter: the fences at the very start, closed. */
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)[\s\S]*?(?:\r\n|\r|\n)\1[ \t]*(?:\r\n|\r|\n|$)/;

/**
 * The front-matter extension is used only where the text starts with closed front
 * matter: with an unclosed "---" at the start it reads every later "- item" line as
 * a paragraph, not a list item (found by the fuzz job; plain remark reads them as
 * CommonMark does).
 */
function parse(text: string): MdNode {
  return (FRONT_MATTER.test(text) ? withFrontMatter : withoutFrontMatter).parse(text) as MdNode;
}

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
 * appended, so a reference to a definition in another piece still resolves. The
 * labels are those the parser read as definitions: a line that merely looks like
 * one ("[x]: y" continuing a paragraph) defines nothing, and appending it would
 * turn a literal "[text][x]" into a link (found by the fuzz job).
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

/** Offsets where a piece may start (see MarkdownOptions), in order. */
function cutPoints(source: string): number[] {
  const cuts: number[] = [];
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  // Front matter may hold blank lines followed by "key: value": never cut inside it.
  const frontMatter = FRONT_MATTER.exec(source);
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

/** Labels of the link reference and footnote definitions in a parsed piece, written as the appendix writes them. */
function definitionLabels(tree: MdNode, labels: Set<string>): void {
  const stack: MdNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as MdNode;
    const label = (node as { label?: string | null }).label;
    if (node.type === 'definition' && label) labels.add(label);
    else if (node.type === 'footnoteDefinition' && label) labels.add(`^${label}`);
    if (node.children) stack.push(...node.children);
  }
}

function parsePieces(source: string, chunkSize: number): Piece[] {
  if (source.length < 2 * chunkSize) return [{ tree: parse(source), base: 0 }];
  const cuts = cutPoints(source);
  const pieces: (Piece & { end: number })[] = [];
  let base = 0;
  let c = 0;
  while (base < source.length) {
    while (c < cuts.length && (cuts[c] as number) < base + chunkSize) c++;
    let end = c < cuts.length ? (cuts[c] as number) : source.length;
    for (;;) {
      const tree = parse(source.slice(base, end));
      const last = tree.children?.[tree.children.length - 1];
      if (end < source.length && endsOpen(source, last, base)) {
        c++;
        end = c < cuts.length ? (cuts[c] as number) : source.length;
        continue;
      }
      pieces.push({ tree, base, end });
      break;
    }
    base = end;
  }
  const labels = new Set<string>();
  for (const piece of pieces) definitionLabels(piece.tree, labels);
  if (labels.size === 0 || pieces.length === 1) return pieces;
  // Again with every definition appended, so references across pieces resolve.
  const appendix = `\n\n${[...labels].map((label) => `[${label}]: #`).join('\n')}\n`;
  for (const piece of pieces) {
    const text = source.slice(piece.base, piece.end);
    if (!text.includes('[')) continue;
    const tree = parse(text + appendix);
    // The appended definitions are not part of the document.
    tree.children = (tree.children ?? []).filter((n) => (n.position?.start.offset ?? 0) < text.length);
    piece.tree = tree;
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

/**
 * Block quotes and list items opened on one line beyond this are refused, as
 * markdown-it refuses them (its maxNesting is 100). micromark takes time that grows
 * faster than the square of the depth (a 40 kB line of "- - - …" took 30 s, a
 * megabyte hours) and then runs out of stack at a depth that depends on the JIT,
 * so the same file was read on one run and refused on the next (found by the fuzz
 * job).
 */
const MAX_NESTING = 100;

/** The most block quotes and list markers any line opens, counted up to `limit + 1`; linear in the source. */
export function lineNesting(source: string, limit = MAX_NESTING): number {
  let max = 0;
  let i = 0;
  const n = source.length;
  const space = (c: number): boolean => c === 32 || c === 9;
  while (i < n) {
    let depth = 0;
    for (;;) {
      while (i < n && space(source.charCodeAt(i))) i++;
      const c = source.charCodeAt(i);
      if (c === 62 /* > */) i++;
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && space(source.charCodeAt(i + 1))) i += 2;
      else {
        let j = i;
        while (j < n && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
        const d = source.charCodeAt(j);
        if (j === i || (d !== 46 && d !== 41) /* . ) */ || !space(source.charCodeAt(j + 1))) break;
        i = j + 2;
      }
      if (++depth > limit) return depth;
    }
    if (depth > max) max = depth;
    while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    i++;
  }
  return max;
}

export function markdownDocument(path: string, source: string, encoding?: TextEncoding): TextDocument {
  if (lineNesting(source) > MAX_NESTING) {
    throw new DocumentError(`${path}: Markdown nested more than ${MAX_NESTING} block quotes or list items deep; simplify the nesting and try again`);
  }
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
