import { ParseLatin } from 'parse-latin';
import { ParseEnglish } from 'parse-english';
import type { Language, Lexicon, FrequencyTable } from '../types.js';

export type TokenType = 'word' | 'punct' | 'symbol' | 'space' | 'url';

/** A token with absolute offsets into the original input. */
export interface Token {
  type: TokenType;
  start: number;
  end: number;
}

/**
 * A word as every measure sees it. A word hyphenated across a line break
 * ("de-⏎lar") is one word whose range covers both halves; `form` is the word
 * as it would be written on one line.
 */
export interface Word {
  start: number;
  end: number;
  form: string;
  letters: number;
  /** Index of the token that starts the word. */
  token: number;
}

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const latin = new ParseLatin();
const english = new ParseEnglish();

// parse-latin's sentence plugins are linear in practice, but splitting very long
// blocks at white space keeps memory and time flat on 10 MB single paragraphs.
const CHUNK = 20_000;

const URL_OR_EMAIL =
  /(?:\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"«»”“]*[^\s<>"«»”“.,;:!?)\]]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})/gu;

function nodeType(type: string): TokenType {
  switch (type) {
    case 'WordNode':
      return 'word';
    case 'WhiteSpaceNode':
      return 'space';
    case 'PunctuationNode':
      return 'punct';
    default:
      return 'symbol';
  }
}

function chunkEnds(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  let from = start;
  while (end - from > CHUNK) {
    let cut = from + CHUNK;
    while (cut < end && !/\s/.test(text[cut] as string)) cut++;
    if (cut >= end) break;
    ends.push(cut);
    from = cut;
  }
  ends.push(end);
  return ends;
}

function urlRanges(text: string, start: number, end: number): [number, number][] {
  const slice = text.slice(start, end);
  if (!slice.includes('@') && !slice.includes('www.') && !slice.includes('://')) return [];
  const out: [number, number][] = [];
  URL_OR_EMAIL.lastIndex = 0;
  for (let m = URL_OR_EMAIL.exec(slice); m; m = URL_OR_EMAIL.exec(slice)) {
    out.push([start + m.index, start + m.index + m[0].length]);
  }
  return out;
}

/** Tokenises `text[start, end)` with retext's parser; offsets are absolute. */
export function tokenize(text: string, start: number, end: number, language: Language): Token[] {
  const parser = language === 'en' ? english : latin;
  const raw: Token[] = [];
  let from = start;
  for (const to of chunkEnds(text, start, end)) {
    const sentence = parser.tokenizeSentence(text.slice(from, to)) as unknown as NlcstNode;
    for (const node of sentence.children ?? []) {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (s === undefined || e === undefined) continue;
      raw.push({ type: nodeType(node.type), start: from + s, end: from + e });
    }
    from = to;
  }
  return normalise(text, raw, urlRanges(text, start, end));
}

/**
 * parse-latin sometimes folds a sentence-final period into a word ("858." before a
 * capital): split it off so the sentence splitter sees every period. URLs and
 * e-mail addresses become single tokens, so nothing inside them ends a sentence.
 */
function normalise(text: string, raw: Token[], urls: [number, number][]): Token[] {
  const out: Token[] = [];
  let u = 0;
  for (const t of raw) {
    while (u < urls.length && (urls[u] as [number, number])[1] <= t.start) u++;
    const url = urls[u];
    if (url && t.start < url[1] && t.end > url[0]) {
      const last = out[out.length - 1];
      if (last && last.type === 'url' && last.end >= url[0]) {
        last.end = Math.max(last.end, Math.min(t.end, url[1]));
      } else {
        if (t.start < url[0]) out.push({ type: t.type, start: t.start, end: url[0] });
        out.push({ type: 'url', start: url[0], end: Math.min(t.end, url[1]) });
      }
      if (t.end > url[1]) out.push({ type: t.type, start: url[1], end: t.end });
      continue;
    }
    if (t.type === 'word' && t.end - t.start > 1 && text.charCodeAt(t.end - 1) === 46 /* . */) {
      out.push({ type: 'word', start: t.start, end: t.end - 1 }, { type: 'punct', start: t.end - 1, end: t.end });
      continue;
    }
    out.push({ ...t });
  }
  return out;
}

const HAS_LETTER = /\p{L}/u;
const LOWER_START = /^\p{Ll}/u;
const TRIM = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
// Document front ends pad decoded HTML entities with this invisible mark so a word
// stays whole ("Ans&ouml;kan"); it is never part of a word's form.
const GRAPHEME_JOINER = /\u034f/g;

const ASCII_LETTERS = /^[A-Za-z]*$/;
/** A word that TRIM and GRAPHEME_JOINER leave as it is. */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
const NON_LETTERS = /\P{L}+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Letters (code points), counted without an array per word: this runs for every word of a text. */
function countLetters(s: string): number {
  if (ASCII_LETTERS.test(s)) return s.length;
  const letters = s.replace(NON_LETTERS, '');
  if (!SURROGATE.test(letters)) return letters.length;
  let n = 0;
  for (const _ of letters) n++;
  return n;
}

function isSingleLineBreak(text: string, t: Token): boolean {
  const s = text.slice(t.start, t.end);
  const breaks = (s.match(/\r\n|\r|\n/g) ?? []).length;
  return breaks === 1;
}

export interface JoinEvidence {
  lexicon?: Lexicon | undefined;
  frequency?: FrequencyTable | undefined;
}

/** Shortest part of a compound `isKnownForm` accepts: shorter "words" match by chance. */
const MIN_COMPOUND_PART = 3;

/**
 * Whether the frequency table knows a form, or a compound of two forms it knows (Swedish and
 * Norwegian write compounds as one word: "distans" + "jobbet", "funktions" + "nedsättning" with
 * the linking s or e, "tjänste" + "innehavare"), so that most words broken at a line end are
 * settled without the spelling dictionary.
 */
export function isKnownForm(form: string, table: FrequencyTable): boolean {
  if (table.rank(form) !== undefined) return true;
  for (let k = MIN_COMPOUND_PART; k <= form.length - MIN_COMPOUND_PART; k++) {
    if (table.rank(form.slice(k)) === undefined) continue;
    const head = form.slice(0, k);
    if (table.rank(head) !== undefined) return true;
    const last = head[head.length - 1];
    if ((last === 's' || last === 'e') && head.length > MIN_COMPOUND_PART && table.rank(head.slice(0, -1)) !== undefined) return true;
  }
  return false;
}

/**
 * Decides how a word broken at a line-end hyphen is written on one line: joined
 * ("delar") when the language's frequency table or dictionary knows that form,
 * hyphenated ("ut-manande" stays "ut-manande" only if that is the known form), as
 * the probe did on PDF text. The table is asked first: it is a lookup, and callers
 * skip building the dictionary when the table knows every join (lexiconLanguages).
 */
function joinForm(left: string, right: string, evidence: JoinEvidence): string {
  const joined = left + right;
  const hyphenated = `${left}-${right}`;
  const { lexicon, frequency } = evidence;
  if (frequency && isKnownForm(joined, frequency)) return joined;
  if (lexicon) {
    if (lexicon.isWord(joined)) return joined;
    if (lexicon.isWord(hyphenated)) return hyphenated;
  }
  // Acronym compounds keep their hyphen (OECD-⏎länderna); ordinary word breaks join.
  return /\p{Lu}{2,}$/u.test(left) ? hyphenated : joined;
}

/** Builds the measured words from tokens, joining words hyphenated across a line break. */
export function collectWords(text: string, tokens: Token[], evidence: JoinEvidence): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'word') continue;
    const value = text.slice(t.start, t.end);
    if (!HAS_LETTER.test(value)) continue;
    const space = tokens[i + 1];
    const next = tokens[i + 2];
    if (
      value.length > 1 &&
      value.endsWith('-') &&
      space?.type === 'space' &&
      next?.type === 'word' &&
      isSingleLineBreak(text, space) &&
      LOWER_START.test(text.slice(next.start, next.start + 2))
    ) {
      const left = value.slice(0, -1).replace(GRAPHEME_JOINER, '').replace(TRIM, '');
      const right = text.slice(next.start, next.end).replace(GRAPHEME_JOINER, '').replace(TRIM, '');
      const form = joinForm(left, right, evidence);
      words.push({ start: t.start, end: next.end, form, letters: countLetters(form), token: i });
      i += 2;
      continue;
    }
    // Most words are letters only: nothing to trim, so no new string.
    const form = PLAIN_WORD.test(value) ? value : value.replace(GRAPHEME_JOINER, '').replace(TRIM, '');
    words.push({ start: t.start, end: t.end, form, letters: countLetters(form), token: i });
  }
  return words;
}
