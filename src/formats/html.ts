/**
 * HTML (.html, .htm, .xhtml) through rehype-parse (parse5, the HTML standard's parser).
 *
 * `text` is the source with everything that is not prose replaced by spaces and
 * every line break kept (see ProseMask), so positions in the report are positions
 * in the HTML file. Tags, attributes and comments are spaces; so is the content of
 * script, style, code, pre, kbd, samp, nav, noscript, template, svg, math, iframe,
 * object, canvas, textarea and select.
 *
 * Character references: `text` must be exactly as long as the source, so a
 * reference such as `&auml;` or `&#228;` is written as its decoded character at
 * the position of its `&`; after a letter the rest of the reference is filled with
 * the invisible U+034F COMBINING GRAPHEME JOINER, otherwise with spaces
 * ("H&auml;lsa" becomes "Hä͏͏͏͏͏lsa"), so the word stays one word and findings on it
 * point at the reference in the source. The core drops the joiner from word forms
 * and excerpts.
 * Attribute values (alt, title) are not read.
 *
 * Blocks: p, li, h1–h6, td, th, dd, dt, blockquote, figcaption, caption, title, and
 * div, section and the like where they hold text directly. Text runs between two
 * nested blocks (an `li` with a sub-list) are blocks of their own, and a `br`
 * starts a new block, as a line break does in an address.
 *
 * Languages: a `lang` (or `xml:lang`) attribute on any element below `<html>`
 * sets the language of the blocks in its subtree (sv, fi, nb/no → nb, nn, en; any
 * other language leaves the block to detection); on an inline element (a `span`
 * inside a paragraph) it does not change the block. `<html lang>` is returned as
 * `documentLanguage` and not copied onto every block, so the core still detects a
 * paragraph in another language that the page forgot to mark.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { LANGUAGES, type BlockKind, type Language, type TextBlock } from '../core/types.js';
import { decodeText } from './encoding.js';
import { findSuppressions } from './suppressions.js';
import { ProseMask, type TextDocument } from './text.js';
import { DocumentError, type TextEncoding } from './types.js';

/** The parts of a hast node this front end reads. */
interface HtmlNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HtmlNode[];
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
}

const documentParser = unified().use(rehypeParse);
const fragmentParser = unified().use(rehypeParse, { fragment: true });

const NOT_PROSE = new Set([
  'script',
  'style',
  'code',
  'pre',
  'kbd',
  'samp',
  'nav',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'textarea',
  'select',
  'datalist',
]);

/** Elements not read that still separate the text before them from the text after. */
const HIDDEN_BLOCKS = new Set(['pre', 'nav', 'noscript', 'template', 'iframe', 'object', 'canvas']);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title']);

/** Elements whose own text is a block. */
const BLOCK_OWNERS = new Set([
  ...HEADINGS,
  'p',
  'li',
  'td',
  'th',
  'dd',
  'dt',
  'blockquote',
  'figcaption',
  'caption',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'address',
  'summary',
  'details',
  'legend',
  'fieldset',
  'form',
  'body',
  'html',
  'center',
  'hgroup',
  'search',
  'dialog',
]);

/** Elements that end the text run before them, though they do not own text. */
const BOUNDARIES = new Set([...BLOCK_OWNERS, 'table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'menu', 'dl', 'figure', 'hr', 'br']);

const referenceCache = new Map<string, string>();

/**
 * The characters a character reference stands for, as the HTML parser reads it
 * (so legacy names without ";" and the numeric quirks come out exactly as in the
 * parsed text). Markdown shares it: its references are HTML's, with ";".
 */
export function decodeReference(reference: string): string {
  let decoded = referenceCache.get(reference);
  if (decoded === undefined) {
    const root = fragmentParser.parse(reference) as HtmlNode;
    decoded = (root.children ?? []).map((n) => (n.type === 'text' ? (n.value ?? '') : '')).join('');
    if (referenceCache.size < 4096) referenceCache.set(reference, decoded);
  }
  return decoded;
}

const KNOWN = new Set<string>(LANGUAGES);

/**
 * klar's language for a BCP 47 tag: "sv-FI" → sv, "no"/"nb-NO" → nb, "nn" → nn.
 * Undefined for other languages and for an empty tag (language unknown).
 */
export function languageOfTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'no') return 'nb';
  return KNOWN.has(primary) ? (primary as Language) : undefined;
}

function langAttribute(node: HtmlNode): string | undefined {
  const value = node.properties?.['lang'] ?? node.properties?.['xmlLang'];
  return typeof value === 'string' ? value : undefined;
}

function range(node: HtmlNode): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

interface Run {
  kind: BlockKind;
  start: number;
  end: number;
  language: Language | undefined;
  /** The element that owns the run's text, and the boundary count when it began. */
  owner: HtmlNode;
  epoch: number;
}

interface Visit {
  node: HtmlNode;
  /** The nearest block-owning ancestor and the language in effect there. */
  owner: HtmlNode;
  ownerLanguage: Language | undefined;
  /** The language in effect for this node (from `lang` below `<html>`). */
  language: Language | undefined;
  /** Set when leaving a boundary element: the moment its text run must end. */
  exit?: true;
  /** Inside an element that is not prose: only comments (suppressions) are read. */
  hidden?: true;
}

export type ParsedHtml = Pick<TextDocument, 'text' | 'blocks' | 'suppressions' | 'documentLanguage'>;

/** The prose mask, blocks, suppressions and declared language of an HTML source (already decoded). */
export function parseHtml(source: string): ParsedHtml {
  const tree = documentParser.parse(source) as HtmlNode;
  const mask = new ProseMask(source);
  const comments: [number, number][] = [];
  const runs: Run[] = [];
  let documentLanguage: Language | undefined;
  let epoch = 0;
  let current: Run | undefined;

  const stack: Visit[] = [{ node: tree, owner: tree, ownerLanguage: undefined, language: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const { node } = visit;
    if (visit.exit) {
      epoch++;
      continue;
    }
    const at = range(node);
    if (node.type === 'comment') {
      if (at) comments.push(at);
      continue;
    }
    if (visit.hidden) {
      for (const child of node.children ?? []) stack.push({ ...visit, node: child });
      continue;
    }
    if (node.type === 'text') {
      if (!at || !node.value || !/\S/.test(node.value)) continue;
      mask.revealValue(at[0], at[1], node.value, decodeReference);
      if (current && current.owner === visit.owner && current.epoch === epoch && at[0] >= current.end) {
        current.end = at[1];
      } else {
        const tag = visit.owner.tagName ?? '';
        current = {
          kind: HEADINGS.has(tag) ? 'heading' : tag === 'li' ? 'list-item' : 'paragraph',
          start: at[0],
          end: at[1],
          language: visit.ownerLanguage,
          owner: visit.owner,
          epoch,
        };
        runs.push(current);
      }
      continue;
    }
    if (node.type !== 'element' && node.type !== 'root') continue;

    const tag = node.tagName ?? '';
    if (NOT_PROSE.has(tag)) {
      if (HIDDEN_BLOCKS.has(tag)) epoch++;
      // A suppression comment may sit inside a <pre> or <nav>; their text is not prose.
      for (const child of node.children ?? []) stack.push({ ...visit, node: child, hidden: true });
      continue;
    }
    let language = visit.language;
    const lang = langAttribute(node);
    if (lang !== undefined) {
      if (tag === 'html') documentLanguage = languageOfTag(lang);
      else language = languageOfTag(lang);
    }
    const owns = BLOCK_OWNERS.has(tag);
    const owner = owns ? node : visit.owner;
    const ownerLanguage = owns ? language : visit.ownerLanguage;
    if (BOUNDARIES.has(tag)) {
      epoch++;
      stack.push({ ...visit, exit: true });
    }
    const children = node.children ?? [];
    for (let k = children.length - 1; k >= 0; k--) {
      stack.push({ node: children[k] as HtmlNode, owner, ownerLanguage, language });
    }
  }

  const blocks: TextBlock[] = [];
  let reach = 0;
  // Foster-parented table text can come out of source order: sort, and drop overlaps.
  for (const run of runs.sort((a, b) => a.start - b.start)) {
    const prose = mask.trim(Math.max(run.start, reach), run.end);
    if (!prose) continue;
    blocks.push({ kind: run.kind, start: prose[0], contentStart: prose[0], end: prose[1], ...(run.language ? { language: run.language } : {}) });
    reach = prose[1];
  }
  return {
    text: mask.toString(),
    blocks,
    suppressions: findSuppressions(source, comments),
    ...(documentLanguage ? { documentLanguage } : {}),
  };
}

/** Reads an HTML file: decodes it, parses it and builds the prose mask. */
export function readHtml(path: string, bytes: Uint8Array): TextDocument {
  const { text: source, encoding } = decodeText(path, bytes);
  return htmlDocument(path, source, encoding);
}

/**
 * Nesting beyond this is refused (Blink's parser stops nesting at 512 levels too).
 * Converting parse5's tree to hast recurses once per level and the stack runs out
 * somewhere past 3 000 levels — but where depends on the JIT's frame sizes and the
 * thread, so the same file was read on one run and refused on the next (found by
 * the fuzz job). The estimate below decides first, the same way every time.
 */
const MAX_NESTING = 512;

/** Elements that never hold children, and elements a sibling start tag closes (not counted). */
const NO_DEPTH = new Set(
  'area base br col embed hr img input link meta source track wbr param keygen basefont bgsound frame image p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp a nobr h1 h2 h3 h4 h5 h6 button form'.split(' '),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/**
 * A name and attributes that cannot contain "<", and attributes that must start where
 * the name ends: no backtracking across the source ("<a<a<a…" took cubic time).
 */
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][^\s/<>]*)((?:[\s/][^<>]*)?)>/g;

/** An estimate of the deepest element nesting (start tags minus end tags, see NO_DEPTH); linear in the source. */
export function nestingDepth(source: string): number {
  let depth = 0;
  let max = 0;
  let lower: string | undefined;
  TAG_OR_COMMENT.lastIndex = 0;
  for (let m = TAG_OR_COMMENT.exec(source); m; m = TAG_OR_COMMENT.exec(source)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      if (!NO_DEPTH.has(name) && depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Its text is not markup: skip to its end tag.
      const end = (lower ??= source.toLowerCase()).indexOf(`</${name}`, TAG_OR_COMMENT.lastIndex);
      TAG_OR_COMMENT.lastIndex = end < 0 ? source.length : end;
      continue;
    }
    if (m[3]?.endsWith('/') || NO_DEPTH.has(name)) continue;
    if (++depth > max) max = depth;
  }
  return max;
}

export function htmlDocument(path: string, source: string, encoding?: TextEncoding): TextDocument {
  if (nestingDepth(source) > MAX_NESTING) {
    throw new DocumentError(`${path}: HTML nested more than ${MAX_NESTING} elements deep; simplify the nesting and try again`);
  }
  let parsed: ParsedHtml;
  try {
    parsed = parseHtml(source);
  } catch (error) {
    // parse5's tree building recurses on nesting; absurdly deep markup exhausts the stack.
    if (error instanceof RangeError) throw new DocumentError(`${path}: HTML nested too deeply to read; simplify the nesting and try again`);
    throw error;
  }
  return { format: 'html', source, ...parsed, ...(encoding ? { encoding } : {}) };
}
