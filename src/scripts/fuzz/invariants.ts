/**
 * What every fuzzed input must satisfy. Each check throws a `Violation` naming
 * what is wrong and where, which fast-check then shrinks to a small input.
 *
 * "On a character boundary" means, for every range klar reports:
 * - it does not split a surrogate pair (an astral character such as an emoji),
 * - it does not fall between the CR and the LF of a CRLF line end (one line
 *   break for LSP, editors and klar's own line index);
 * and for findings (what an editor underlines and a fix replaces), also:
 * - it does not separate a combining mark from the letter before it: a finding
 *   neither starts on such a mark nor ends just before one. On a Markdown or HTML
 *   prose mask the padding of a character reference (U+034F after `&ouml;`'s
 *   letter) counts as such a mark, so a finding never covers half a reference.
 * Full grapheme clusters (emoji ZWJ sequences, regional-indicator pairs) are not
 * required: the core's words are letters and marks, and those sequences are not
 * words.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Diagnostic, Report, Span } from '../../core/types.js';

export class Violation extends Error {
  override name = 'Violation';
}

export function fail(message: string): never {
  throw new Violation(message);
}

/** Line starts as LSP and klar count them: CRLF, LF and a lone CR end a line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const MARK = /\p{M}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Why `offset` is not a boundary between two characters of `text`, if it is not. */
export function splitProblem(text: string, offset: number): string | undefined {
  if (offset <= 0 || offset >= text.length) return undefined;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (isHigh(before) && isLow(after)) return 'splits a surrogate pair';
  if (before === 13 && after === 10) return 'falls between CR and LF';
  return undefined;
}

/** Whether the character at `offset` is a combining mark attached to a letter before it. */
function attachedMark(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return MARK.test(text[offset] as string) && LETTER_OR_MARK.test(text[offset - 1] as string);
}

function show(text: string, offset: number): string {
  return JSON.stringify(text.slice(Math.max(0, offset - 12), offset)) + '|' + JSON.stringify(text.slice(offset, offset + 12));
}

/** Offsets inside the text, start <= end, line and column that agree with the offsets, on boundaries. */
export function checkSpan(text: string, starts: number[], span: Span, what: string): void {
  const { offset, endOffset } = span;
  if (!Number.isInteger(offset) || !Number.isInteger(endOffset)) fail(`${what}: offsets ${offset}–${endOffset} are not integers`);
  if (offset < 0 || endOffset > text.length) fail(`${what}: range ${offset}–${endOffset} outside the text (length ${text.length})`);
  if (offset > endOffset) fail(`${what}: starts after it ends (${offset} > ${endOffset})`);
  const at = (line: number, column: number): number | undefined => {
    const start = starts[line - 1];
    return start === undefined ? undefined : start + column - 1;
  };
  if (at(span.line, span.column) !== offset) fail(`${what}: line ${span.line} column ${span.column} is not offset ${offset}`);
  if (at(span.endLine, span.endColumn) !== endOffset) fail(`${what}: end line ${span.endLine} column ${span.endColumn} is not offset ${endOffset}`);
  // A column past the end of its line would point into the next line.
  const nextLine = starts[span.line];
  if (nextLine !== undefined && offset >= nextLine) fail(`${what}: column ${span.column} is past the end of line ${span.line}`);
  const nextEndLine = starts[span.endLine];
  if (nextEndLine !== undefined && endOffset >= nextEndLine) fail(`${what}: end column ${span.endColumn} is past the end of line ${span.endLine}`);
  for (const [name, o] of [['start', offset], ['end', endOffset]] as const) {
    const problem = splitProblem(text, o);
    if (problem) fail(`${what}: ${name} ${problem} at ${o}: ${show(text, o)}`);
  }
}

/** A finding must also keep a combining mark with its letter (see above). */
export function checkFinding(text: string, starts: number[], d: Diagnostic, what: string): void {
  checkSpan(text, starts, d, what);
  if (d.offset === d.endOffset) fail(`${what}: empty range at ${d.offset}`);
  if (attachedMark(text, d.offset)) fail(`${what}: starts on a combining mark at ${d.offset}: ${show(text, d.offset)}`);
  if (attachedMark(text, d.endOffset)) fail(`${what}: ends before a combining mark at ${d.endOffset}: ${show(text, d.endOffset)}`);
  if (typeof d.message !== 'string' || d.message.length === 0) fail(`${what}: no message`);
  if (typeof d.messageEn !== 'string' || d.messageEn.length === 0) fail(`${what}: no English message`);
  // A placeholder left unfilled; the text itself has no braces to put one there.
  if (/\{(?:match|lemma|word)\}/.test(d.message) && !d.excerpt.includes('{')) fail(`${what}: unfilled placeholder in ${JSON.stringify(d.message)}`);
  if (!Array.isArray(d.suggestions) || d.suggestions.some((s) => typeof s !== 'string')) fail(`${what}: suggestions are not strings`);
  const expected = text.slice(d.offset, Math.min(d.endOffset, d.offset + 200)).replace(/\u034f/g, '');
  if (d.excerpt !== expected) fail(`${what}: excerpt ${JSON.stringify(d.excerpt)} is not the text it covers, ${JSON.stringify(expected)}`);
}

/** JSON turns NaN and Infinity into null silently. */
export function checkFinite(value: unknown, path = 'report'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => checkFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) checkFinite(v, `${path}.${k}`);
}

/** Every range of a report checked against the text it was made from. */
export function checkReport(report: Report, text: string, starts = lineStarts(text)): void {
  report.paragraphs.forEach((p, i) => checkSpan(text, starts, p, `paragraph ${i}`));
  report.sections.forEach((s, i) => checkSpan(text, starts, s, `section ${i}`));
  report.sentences.forEach((s, i) => checkSpan(text, starts, s, `sentence ${i}`));
  report.diagnostics.forEach((d, i) => checkFinding(text, starts, d, `finding ${i} (${d.ruleId})`));
  checkFinite(report);
}

/** The same input, the same JSON. */
export function checkSame(first: string, second: string, what: string): void {
  if (first === second) return;
  let i = 0;
  while (i < first.length && first[i] === second[i]) i++;
  fail(`${what}: two runs on the same input differ at character ${i} of the JSON: ${JSON.stringify(first.slice(Math.max(0, i - 60), i + 60))} vs ${JSON.stringify(second.slice(Math.max(0, i - 60), i + 60))}`);
}

let collect: (() => void) | undefined;

/** Heap in use after a full garbage collection, in MB (node --expose-gc; otherwise the flag is set at run time). */
export function heapAfterGc(): number {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  collect();
  collect();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}
