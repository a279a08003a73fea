/**
 * The package layer shared by the Word and OpenDocument front ends: a zip reader
 * that refuses zip bombs before and while inflating, and a small XML scanner for
 * the parts inside (document.xml, content.xml). Both formats are zips of
 * machine-written XML, so a full XML library would add weight without adding
 * safety; the scanner refuses what these parts never contain (a DOCTYPE).
 */

import { Inflate } from 'fflate';

/** What a zip or XML part is wrong with; the format modules turn it into a one-line message. */
export class PackageError extends Error {
  constructor(
    readonly reason: 'invalid' | 'too-large' | 'ratio' | 'encrypted',
    detail: string,
  ) {
    super(detail);
  }
}

export interface ZipLimits {
  /** Most bytes all entries may expand to together. */
  maxTotal: number;
  /** Most an entry may expand relative to its compressed size… */
  maxRatio: number;
  /** …once it is larger than this: small, repetitive XML parts legitimately compress 300:1. */
  ratioFloor: number;
}

export const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxTotal: 50 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  /** Declared uncompressed size (the central directory's word, checked while inflating). */
  size: number;
  localHeaderOffset: number;
  /** MS-DOS time and date words, kept so a rewritten package keeps its entries' dates. */
  dosTime: number;
  dosDate: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) throw new PackageError('invalid', 'truncated zip structure');
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw new PackageError('invalid', 'truncated zip structure');
  return ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  // Sizes past 2^53 are a bomb anyway; the caps reject them long before precision matters.
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= stop; at--) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && b[at + 2] === 0x05 && b[at + 3] === 0x06) return at;
  }
  throw new PackageError('invalid', 'no zip end record');
}

/** Reads the central directory: names and declared sizes, without inflating anything. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const end = findEndOfCentralDirectory(bytes);
  if (u32(bytes, end) !== EOCD) throw new PackageError('invalid', 'no zip end record');
  let count = u16(bytes, end + 10);
  let cdOffset = u32(bytes, end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) throw new PackageError('invalid', 'bad zip64 locator');
    const record = u64(bytes, locator + 8);
    if (u32(bytes, record) !== ZIP64_EOCD) throw new PackageError('invalid', 'bad zip64 end record');
    count = u64(bytes, record + 32);
    cdOffset = u64(bytes, record + 48);
  }
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== CENTRAL) throw new PackageError('invalid', 'bad central directory');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const dosTime = u16(bytes, at + 12);
    const dosDate = u16(bytes, at + 14);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localHeaderOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11 says UTF-8; older tools wrote CP437, which latin1 approximates for the ASCII part names OOXML/ODF use.
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // Zip64: the real values sit in extra field 0x0001, in this order, only for the fields set to 0xffffffff.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) (size = u64(bytes, field)), (field += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, field)), (field += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, size, localHeaderOffset, dosTime, dosDate });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Refuses a package by its declared sizes, before a single byte is inflated. */
export function checkZipLimits(entries: readonly ZipEntry[], limits: ZipLimits = OFFICE_ZIP_LIMITS): void {
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > limits.maxTotal) throw new PackageError('too-large', `declares ${total} bytes`);
  for (const e of entries) {
    if (e.size > limits.ratioFloor && e.size > e.compressedSize * limits.maxRatio) {
      throw new PackageError('ratio', `${e.name} expands ${Math.round(e.size / Math.max(1, e.compressedSize))} times`);
    }
  }
}

/** Bytes of compressed input handed to the inflater at a time: bounds the output of one step to ~2 MB (deflate expands at most ~1032:1). */
const CHUNK = 2 * 1024;

/**
 * Inflates one entry, counting every byte against `budget` (shared by all the
 * entries of a package) and against the entry's declared size, so a header that
 * lies about the size stops the inflater at once instead of filling memory.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: { remaining: number }, limits: ZipLimits = OFFICE_ZIP_LIMITS): Uint8Array {
  if (entry.flags & 0x1) throw new PackageError('encrypted', `${entry.name} is encrypted`);
  const local = entry.localHeaderOffset;
  if (u32(bytes, local) !== LOCAL) throw new PackageError('invalid', `bad local header for ${entry.name}`);
  const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new PackageError('invalid', `${entry.name} is truncated`);
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new PackageError('invalid', `${entry.name} has inconsistent sizes`);
    if (entry.size > budget.remaining) throw new PackageError('too-large', 'over the total limit');
    budget.remaining -= entry.size;
    return data.slice();
  }
  if (entry.method !== 8) throw new PackageError('invalid', `${entry.name} uses compression method ${entry.method}`);

  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow: PackageError | undefined;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    if (written + chunk.length > budget.remaining) {
      overflow = new PackageError('too-large', 'over the total limit');
    } else if (written + chunk.length > entry.size) {
      overflow = new PackageError('invalid', `${entry.name} is larger than its header says`);
    } else if (written + chunk.length > limits.ratioFloor && written + chunk.length > entry.compressedSize * limits.maxRatio) {
      overflow = new PackageError('ratio', `${entry.name} expands more than ${limits.maxRatio} times`);
    } else {
      out.set(chunk, written);
      written += chunk.length;
    }
  });
  try {
    for (let at = 0; at < data.length && !overflow; at += CHUNK) {
      const last = at + CHUNK >= data.length;
      inflater.push(data.subarray(at, Math.min(at + CHUNK, data.length)), last);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError('invalid', `${entry.name}: ${(error as Error).message}`);
  }
  if (overflow) throw overflow;
  if (written !== entry.size) throw new PackageError('invalid', `${entry.name} is smaller than its header says`);
  budget.remaining -= written;
  return out;
}

/**
 * Checks the declared sizes of every entry, then inflates the wanted ones (all
 * by default) under one running budget. Returns the entries in package order.
 */
export function readZip(bytes: Uint8Array, want?: (name: string) => boolean, limits: ZipLimits = OFFICE_ZIP_LIMITS): { entries: ZipEntry[]; files: Map<string, Uint8Array> } {
  const entries = listZip(bytes);
  checkZipLimits(entries, limits);
  const budget = { remaining: limits.maxTotal };
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (want && !want(entry.name)) continue;
    files.set(entry.name, inflateEntry(bytes, entry, budget, limits));
  }
  return { entries, files };
}

/** The signature of an OLE compound file: what Office writes for password-protected documents and old .doc files. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/** Whether a compound file holds an encrypted Office package (its "EncryptedPackage" stream, named in UTF-16). */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  if (!isCompoundFile(bytes)) return false;
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

// ---------------------------------------------------------------------------
// XML

export type XmlToken =
  | { type: 'open'; name: string; attrs: string; selfClosing: boolean; start: number; end: number }
  | { type: 'close'; name: string; start: number; end: number }
  /** Character data; `raw` still has its entity references (decode with decodeXmlText). */
  | { type: 'text'; start: number; end: number }
  /** A CDATA section from `<![CDATA[` to `]]>`; its content is `contentStart`…`contentEnd`. */
  | { type: 'cdata'; start: number; end: number; contentStart: number; contentEnd: number }
  /** Comments, processing instructions and the XML declaration. */
  | { type: 'other'; start: number; end: number };

const OPEN_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([^\s>]+)\s*>/y;

/** Splits an XML document into tags and text. Throws PackageError on anything that is not well-formed enough to walk. */
export function* scanXml(xml: string): Generator<XmlToken> {
  let at = 0;
  const n = xml.length;
  while (at < n) {
    const lt = xml.indexOf('<', at);
    if (lt === -1) {
      yield { type: 'text', start: at, end: n };
      return;
    }
    if (lt > at) yield { type: 'text', start: at, end: lt };
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt + 4);
      if (close === -1) throw new PackageError('invalid', 'unclosed XML comment');
      yield { type: 'other', start: lt, end: close + 3 };
      at = close + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9);
      if (close === -1) throw new PackageError('invalid', 'unclosed CDATA section');
      yield { type: 'cdata', start: lt, end: close + 3, contentStart: lt + 9, contentEnd: close };
      at = close + 3;
    } else if (xml.startsWith('<?', lt)) {
      const close = xml.indexOf('?>', lt + 2);
      if (close === -1) throw new PackageError('invalid', 'unclosed processing instruction');
      yield { type: 'other', start: lt, end: close + 2 };
      at = close + 2;
    } else if (xml.startsWith('<!', lt)) {
      // Office and ODF parts never carry a DOCTYPE; one here could define expanding entities.
      throw new PackageError('invalid', 'a DOCTYPE in a document part');
    } else if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      CLOSE_TAG.lastIndex = lt;
      const m = CLOSE_TAG.exec(xml);
      if (!m) throw new PackageError('invalid', `bad closing tag at ${lt}`);
      yield { type: 'close', name: m[1] as string, start: lt, end: CLOSE_TAG.lastIndex };
      at = CLOSE_TAG.lastIndex;
    } else {
      OPEN_TAG.lastIndex = lt;
      const m = OPEN_TAG.exec(xml);
      if (!m) throw new PackageError('invalid', `bad tag at ${lt}`);
      yield { type: 'open', name: m[1] as string, attrs: m[2] as string, selfClosing: m[3] === '/', start: lt, end: OPEN_TAG.lastIndex };
      at = OPEN_TAG.lastIndex;
    }
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTRIBUTE)) out.set(m[1] as string, decodeXmlText(m[2] ?? m[3] ?? ''));
  return out;
}

/**
 * Elements nested deeper than this make a part invalid. Word and LibreOffice documents
 * nest a few dozen levels (tables in tables, text boxes); a part nested a hundred
 * thousand deep is made to exhaust the reader, not to be read.
 */
export const MAX_XML_DEPTH = 1000;

/**
 * Resolves prefixed element names to namespace URIs while walking tokens, so a
 * part written with unusual prefixes (or a default namespace) reads the same.
 * Each prefix keeps its own stack of bindings, so a lookup costs the same at any
 * depth (walking every open element made a deeply nested part quadratic).
 */
export class NamespaceScope {
  /** Per open element: the bindings it declared (EMPTY_SCOPE for most). */
  private readonly stack: Map<string, string>[] = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
  /** Prefix → its bindings, innermost last, each with the depth that declared it. */
  private readonly bindings = new Map<string, { uri: string; depth: number }[]>([['xml', [{ uri: 'http://www.w3.org/XML/1998/namespace', depth: 0 }]]]);

  /** Call for every open tag; pair with `leave` on its close (self-closing tags: call both). */
  enter(attrs: string): void {
    if (this.stack.length > MAX_XML_DEPTH) throw new PackageError('invalid', `elements nested deeper than ${MAX_XML_DEPTH}`);
    let scope: Map<string, string> | undefined;
    if (attrs.includes('xmlns')) {
      for (const [name, value] of parseAttributes(attrs)) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          scope ??= new Map();
          scope.set(name === 'xmlns' ? '' : name.slice(6), value);
        }
      }
    }
    const depth = this.stack.length;
    this.stack.push(scope ?? EMPTY_SCOPE);
    if (scope) {
      for (const [prefix, uri] of scope) {
        const list = this.bindings.get(prefix);
        if (list) list.push({ uri, depth });
        else this.bindings.set(prefix, [{ uri, depth }]);
      }
    }
  }

  leave(): void {
    if (this.stack.length <= 1) return;
    const scope = this.stack.pop() as Map<string, string>;
    for (const prefix of scope.keys()) this.bindings.get(prefix)?.pop();
  }

  uri(prefix: string): string | undefined {
    return this.bindings.get(prefix)?.at(-1)?.uri;
  }

  /** "{uri}local" for a tag name like "w:p". */
  resolve(name: string): string {
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const local = colon === -1 ? name : name.slice(colon + 1);
    return `{${this.uri(prefix) ?? ''}}${local}`;
  }

  /** A prefix bound to `uri` in the current scope, if any: the innermost binding wins. */
  prefixFor(uri: string): string | undefined {
    let depth = -1;
    for (const [prefix, list] of this.bindings) {
      const top = list.at(-1);
      if (prefix !== '' && top?.uri === uri && top.depth > depth) depth = top.depth;
    }
    if (depth < 0) return undefined;
    // Two prefixes for one URI on the same element: the first written wins.
    for (const [prefix, value] of this.stack[depth] as Map<string, string>) if (prefix !== '' && value === uri && this.uri(prefix) === uri) return prefix;
    return undefined;
  }
}

const EMPTY_SCOPE = new Map<string, string>();

/** The one-line messages for an office package (.docx, .odt) klar cannot read. */
export function packageMessage(path: string, error: PackageError | 'invalid', what: string, removePassword: string): string {
  const reason = error === 'invalid' ? 'invalid' : error.reason;
  switch (reason) {
    case 'too-large':
      return `${path}: the document expands to more than 50 MB; klar refuses it to stay safe`;
    case 'ratio':
      return `${path}: a part of the document expands more than 200 times (a zip bomb?); klar refuses it to stay safe`;
    case 'encrypted':
      return `${path}: the document is password-protected; ${removePassword} and try again`;
    default:
      return `${path}: not a valid ${what}`;
  }
}
