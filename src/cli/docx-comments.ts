/**
 * The `docx` output: a copy of the user's Word document with every finding as a
 * Word comment on the words it is about. The document's own text is not touched;
 * runs are split where a comment starts or ends, and word/comments.xml (with its
 * relationship and content type) is added or extended.
 */

import type { Diagnostic } from '../core/types.js';
import {
  alignBlocksToParagraphs,
  decodeXmlPart,
  mainDocumentPart,
  relationships,
  relsPathOf,
  resolveTarget,
  unzipDocx,
  walkWordDocument,
  WORD_NS,
  wordParagraphs,
  type DocxLocator,
  type WordParagraph,
} from '../formats/docx.js';
import { DocumentError, type SourceDocument } from '../formats/types.js';
import { escapeXmlAttribute, escapeXmlText, PackageError, type ZipEntry } from '../formats/zip.js';
import { zipSync, type Zippable } from 'fflate';

export interface DocxCommentOptions {
  /** Shown as the comment's author in Word. */
  author?: string;
  initials?: string;
  /** The comments' date; without it none is written, so the same input gives the same bytes. */
  date?: Date;
  /** Names the document in error messages. */
  path?: string;
}

const STRICT_WORD_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const REL_TYPES = {
  transitional: {
    officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
    comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  },
  strict: {
    officeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
    comments: 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments',
  },
};
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/** Characters XML 1.0 cannot carry at all. */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

interface Anchor {
  id: number;
  paragraph: number;
  /** Character positions in the paragraph's text (see `wordParagraphs`), start < end. */
  start: number;
  end: number;
  /** The anchor covers the whole paragraph because the finding's exact place is not in it. */
  approximate: boolean;
}

interface Marker {
  at: number;
  id: number;
  end: boolean;
}

/**
 * Maps each position of `a` to a position of `b`, where `b` is the same text
 * with different white space (or soft hyphens): the block text klar analysed and
 * the paragraph text in the XML.
 */
export function mapOffsets(a: string, b: string): Int32Array {
  const map = new Int32Array(a.length + 1);
  const ignorable = (ch: string | undefined): boolean => ch !== undefined && /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u.test(ch);
  let i = 0;
  let j = 0;
  while (i < a.length) {
    if (j < b.length && a[i] === b[j]) {
      map[i++] = j++;
    } else if (j < b.length && ignorable(b[j])) {
      j++;
    } else if (ignorable(a[i])) {
      map[i++] = Math.min(j, b.length);
    } else {
      map[i++] = Math.min(j, b.length);
      if (j < b.length) j++;
    }
  }
  map[a.length] = Math.min(j, b.length);
  return map;
}

/** Index of the last locator starting at or before `offset` (locators are sorted and disjoint); -1 if none. */
function blockAt(locators: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = locators.length - 1;
  let found = locators.length > 0 ? 0 : -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((locators[mid] as { start: number }).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function anchorsFor(doc: SourceDocument, diagnostics: readonly Diagnostic[], paragraphs: readonly WordParagraph[], firstId: number): Anchor[] {
  const locators = (doc.locators ?? []) as DocxLocator[];
  // A document read some other way: find the paragraphs by text, as readDocx does.
  const aligned = locators.some((l) => l.wordParagraph !== undefined)
    ? locators.map((l) => l.wordParagraph)
    : alignBlocksToParagraphs(
        locators.map((l) => doc.text.slice(l.start, l.end)),
        paragraphs,
      );
  const firstWithText = paragraphs.find((p) => p.text.trim() !== '')?.index ?? 0;
  const maps = new Map<number, Int32Array>();
  const anchors: Anchor[] = [];
  diagnostics.forEach((d, n) => {
    const id = firstId + n;
    const k = blockAt(locators, d.offset);
    const locator = locators[k];
    let home = aligned[k];
    if (locator === undefined || home === undefined || locator.note) {
      // No paragraph of its own (a note, or text that did not match): the nearest paragraph before it.
      for (let m = k; home === undefined && m >= 0; m--) home = aligned[m];
      const paragraph = home ?? firstWithText;
      anchors.push({ id, paragraph, start: 0, end: Math.max(1, paragraphs[paragraph]?.text.length ?? 1), approximate: true });
      return;
    }
    const text = paragraphs[home]?.text ?? '';
    let map = maps.get(k);
    if (!map) {
      map = mapOffsets(doc.text.slice(locator.start, locator.end), text);
      maps.set(k, map);
    }
    const from = Math.max(0, Math.min(d.offset, locator.end) - locator.start);
    const to = Math.max(from + 1, Math.min(d.endOffset, locator.end) - locator.start);
    const start = map[from] ?? 0;
    let end = (map[to - 1] ?? start) + 1;
    if (end <= start) end = start + 1;
    anchors.push({ id, paragraph: home, start: Math.min(start, Math.max(0, text.length - 1)), end: Math.min(end, Math.max(1, text.length)), approximate: false });
  });
  return anchors;
}

/** Rewrites word/document.xml with comment ranges and references at the anchors. */
function insertRanges(xml: string, anchors: readonly Anchor[]): string {
  const byParagraph = new Map<number, Marker[]>();
  for (const a of anchors) {
    const list = byParagraph.get(a.paragraph) ?? [];
    list.push({ at: a.start, id: a.id, end: false }, { at: a.end, id: a.id, end: true });
    byParagraph.set(a.paragraph, list);
  }
  // At one position, ranges that end close before others open.
  for (const list of byParagraph.values()) list.sort((p, q) => p.at - q.at || (p.end === q.end ? p.id - q.id : p.end ? -1 : 1));

  interface Context {
    markers: Marker[];
    next: number;
    pos: number;
    prefix: string | undefined;
    /** The run being copied: its start tag and properties, to reopen it after a split. */
    run?: { open: string; properties: string; written: boolean; split: boolean };
  }
  const stack: Context[] = [];
  const out: string[] = [];

  const element = (prefix: string | undefined, local: string, id: number): string =>
    prefix ? `<${prefix}:${local} ${prefix}:id="${id}"/>` : `<${local} xmlns:w="${WORD_NS}" w:id="${id}"/>`;
  const markup = (c: Context, m: Marker): string => {
    const p = c.prefix;
    if (!m.end) return element(p, 'commentRangeStart', m.id);
    const reference = element(p, 'commentReference', m.id);
    return `${element(p, 'commentRangeEnd', m.id)}${p ? `<${p}:r>${reference}</${p}:r>` : `<r>${reference}</r>`}`;
  };
  /** Markers due before the character at `pos` (or, with `pos` undefined, all that remain). */
  const due = (c: Context, pos: number | undefined): string => {
    let s = '';
    while (c.next < c.markers.length && (pos === undefined || (c.markers[c.next] as Marker).at <= pos)) s += markup(c, c.markers[c.next++] as Marker);
    return s;
  };
  const tag = (c: Context, local: string): string => (c.prefix ? `${c.prefix}:${local}` : local);
  /**
   * A run's start tag is written only with its first content, so markers due at
   * its start go before it instead of splitting off an empty run.
   */
  const flush = (c: Context | undefined): void => {
    if (c?.run && !c.run.written) {
      out.push(c.run.open, c.run.properties);
      c.run.written = true;
    }
  };
  /** Puts markers between runs: closes the current run (if written) and lets the rest of it reopen lazily. */
  const markersAt = (c: Context, pos: number): void => {
    const markers = due(c, pos);
    if (markers === '') return;
    if (c.run?.written) {
      out.push(`</${tag(c, 'r')}>`);
      c.run.written = false;
    }
    if (c.run) c.run.split = true;
    out.push(markers);
  };

  for (const e of walkWordDocument(xml)) {
    const raw = xml.slice(e.start, e.end);
    const c = stack.at(-1);
    switch (e.kind) {
      case 'paragraph-start':
        flush(c);
        stack.push({ markers: byParagraph.get(e.paragraph) ?? [], next: 0, pos: 0, prefix: e.wordPrefix });
        out.push(raw);
        break;
      case 'paragraph-end': {
        const done = stack.pop();
        out.push(done ? due(done, undefined) : '', raw);
        break;
      }
      case 'run-start':
        if (c) c.run = { open: raw, properties: '', written: false, split: false };
        else out.push(raw);
        break;
      case 'run-properties':
        if (c?.run && !c.run.written) c.run.properties = raw;
        else out.push(raw);
        break;
      case 'run-end':
        if (c?.run) {
          // A run emptied by a split at its very end is not written again; an empty run of the original is kept.
          if (!c.run.written && !c.run.split) flush(c);
          if (c.run.written) out.push(raw);
          delete c.run;
        } else out.push(raw);
        break;
      case 'chars': {
        if (!c) {
          out.push(raw);
          break;
        }
        const length = e.text.length;
        if (length === 0 || c.next >= c.markers.length || (c.markers[c.next] as Marker).at >= c.pos + length) {
          flush(c);
          out.push(raw);
          c.pos += length;
          break;
        }
        if (e.element === 'char') {
          markersAt(c, c.pos);
          flush(c);
          out.push(raw);
          c.pos += length;
          break;
        }
        // Split the text element at every marker inside it.
        const t = tag(c, 't');
        let from = 0;
        while (c.next < c.markers.length && (c.markers[c.next] as Marker).at < c.pos + length) {
          const cut = Math.max(from, (c.markers[c.next] as Marker).at - c.pos);
          if (cut > from) {
            flush(c);
            out.push(`<${t} xml:space="preserve">${escapeXmlText(e.text.slice(from, cut))}</${t}>`);
          }
          markersAt(c, c.pos + cut);
          from = cut;
        }
        if (from < length) {
          flush(c);
          out.push(`<${t} xml:space="preserve">${escapeXmlText(e.text.slice(from))}</${t}>`);
        }
        c.pos += length;
        break;
      }
      default:
        flush(c);
        out.push(raw);
    }
  }
  return out.join('');
}

function commentXml(prefix: string, id: number, d: Diagnostic, anchor: Anchor, options: DocxCommentOptions): string {
  const clean = (s: string): string => escapeXmlText(s.replace(XML_ILLEGAL, '').replace(/\s*\n\s*/g, ' '));
  const w = prefix;
  const paragraph = (text: string, first = false): string =>
    `<${w}:p>${first ? `<${w}:r><${w}:annotationRef/></${w}:r>` : ''}<${w}:r><${w}:t xml:space="preserve">${clean(text)}</${w}:t></${w}:r></${w}:p>`;
  const lines = [anchor.approximate && d.excerpt ? `«${d.excerpt}» ${d.message}` : d.message];
  if (d.suggestions.length > 0) lines.push(`→ ${d.suggestions.join(' · ')}`);
  if (d.explanation) lines.push(d.explanation);
  lines.push(`klar · ${d.ruleId}`);
  const date = options.date ? ` ${w}:date="${options.date.toISOString().replace(/\.\d{3}Z$/, 'Z')}"` : '';
  const author = escapeXmlAttribute(options.author ?? 'klar');
  const initials = escapeXmlAttribute(options.initials ?? 'klar');
  return `<${w}:comment ${w}:id="${id}" ${w}:author="${author}" ${w}:initials="${initials}"${date}>${lines.map((l, i) => paragraph(l, i === 0)).join('')}</${w}:comment>`;
}

const encoder = new TextEncoder();

function dateOf(entry: ZipEntry | undefined): Date {
  if (!entry) return new Date(1980, 0, 1);
  const d = entry.dosDate;
  const t = entry.dosTime;
  // fflate writes local time, as DOS dates are; reading them back as local time keeps each entry's date.
  const date = new Date(1980 + (d >> 9), ((d >> 5) & 15) - 1, d & 31, t >> 11, (t >> 5) & 63, (t & 31) * 2);
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1980 ? new Date(1980, 0, 1) : date;
}

/**
 * A copy of the Word document `bytes` with each diagnostic as a comment by
 * "klar" anchored at the words it is about: the message, then the suggestions,
 * an easy-read explanation if any, and the rule id. `doc` is what `readDocx` made
 * of the same bytes (its locators tie blocks to paragraphs) and the diagnostics'
 * offsets index into `doc.text`. The document's text is unchanged.
 */
export function writeDocxWithComments(bytes: Uint8Array, doc: SourceDocument, diagnostics: Diagnostic[], options: DocxCommentOptions = {}): Uint8Array {
  const path = options.path ?? 'the Word document';
  const { entries, files } = unzipDocx(path, bytes);
  const invalid = (): DocumentError => new DocumentError(`${path}: not a valid Word document (.docx)`);
  try {
    const mainPart = mainDocumentPart(files);
    const mainBytes = files.get(mainPart);
    if (!mainBytes) throw invalid();
    const documentXml = decodeXmlPart(mainBytes);
    const strict = documentXml.includes(STRICT_WORD_NS) && !documentXml.includes(WORD_NS);
    const types = strict ? REL_TYPES.strict : REL_TYPES.transitional;
    const wordNs = strict ? STRICT_WORD_NS : WORD_NS;

    const relsPath = relsPathOf(mainPart);
    const relsXml = files.has(relsPath) ? decodeXmlPart(files.get(relsPath) as Uint8Array) : undefined;
    const rels = relationships(relsXml);
    const existing = rels.find((r) => r.type === types.comments || /\/comments$/.test(r.type));
    const commentsPart = existing ? resolveTarget(mainPart, existing.target) : resolveTarget(mainPart, 'comments.xml');
    const commentsXml = files.has(commentsPart) ? decodeXmlPart(files.get(commentsPart) as Uint8Array) : undefined;

    // Comment ids must be unique in the document: start above any already used.
    let maxId = -1;
    for (const source of [documentXml, commentsXml ?? '']) {
      for (const m of source.matchAll(/<(?:[\w.-]+:)?comment(?:RangeStart|RangeEnd|Reference)?\b[^>]*?\b(?:[\w.-]+:)?id\s*=\s*["'](-?\d+)["']/g)) {
        maxId = Math.max(maxId, Number(m[1]));
      }
    }
    const firstId = maxId + 1;

    const paragraphs = wordParagraphs(documentXml);
    const anchors = anchorsFor(doc, diagnostics, paragraphs, firstId);
    const newDocument = insertRanges(documentXml, anchors);

    let newComments: string;
    if (commentsXml) {
      const close = /<\/([\w.-]+:)?comments\s*>\s*$/.exec(commentsXml);
      if (!close) throw invalid();
      const prefix = close[1] ? close[1].slice(0, -1) : 'w';
      const body = anchors.map((a, n) => commentXml(prefix, a.id, diagnostics[n] as Diagnostic, a, options)).join('');
      newComments = commentsXml.slice(0, close.index) + body + commentsXml.slice(close.index);
    } else {
      const body = anchors.map((a, n) => commentXml('w', a.id, diagnostics[n] as Diagnostic, a, options)).join('');
      newComments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${wordNs}">${body}</w:comments>`;
    }

    let newRels: string | undefined;
    if (!existing) {
      const ids = new Set(rels.map((r) => r.id));
      let n = 1;
      while (ids.has(`rIdKlar${n}`)) n++;
      const relationship = `<Relationship Id="rIdKlar${n}" Type="${types.comments}" Target="comments.xml"/>`;
      if (relsXml) {
        const close = /<\/([\w.-]+:)?Relationships\s*>\s*$/.exec(relsXml);
        if (!close) throw invalid();
        const tagged = close[1] ? relationship.replace('<Relationship', `<${close[1]}Relationship`) : relationship;
        newRels = relsXml.slice(0, close.index) + tagged + relsXml.slice(close.index);
      } else {
        newRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${relationship}</Relationships>`;
      }
    }

    const contentTypes = files.get('[Content_Types].xml');
    if (!contentTypes) throw invalid();
    let typesXml = decodeXmlPart(contentTypes);
    if (!typesXml.includes(`PartName="/${commentsPart}"`)) {
      const close = /<\/([\w.-]+:)?Types\s*>\s*$/.exec(typesXml);
      if (!close) throw invalid();
      const override = `<${close[1] ?? ''}Override PartName="/${escapeXmlAttribute(commentsPart)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`;
      typesXml = typesXml.slice(0, close.index) + override + typesXml.slice(close.index);
    }

    const replaced = new Map<string, string>([
      [mainPart, newDocument],
      [commentsPart, newComments],
      ['[Content_Types].xml', typesXml],
    ]);
    if (newRels !== undefined) replaced.set(relsPath, newRels);

    const mainEntry = entries.find((e) => e.name === mainPart);
    const zippable: Zippable = {};
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const data = replaced.has(entry.name) ? encoder.encode(replaced.get(entry.name)) : files.get(entry.name);
      if (!data) continue;
      zippable[entry.name] = [data, { mtime: dateOf(entry), level: 6 }];
      replaced.delete(entry.name);
    }
    for (const [name, text] of replaced) zippable[name] = [encoder.encode(text), { mtime: options.date ?? dateOf(mainEntry), level: 6 }];
    return zipSync(zippable);
  } catch (error) {
    if (error instanceof PackageError) throw invalid();
    throw error;
  }
}
