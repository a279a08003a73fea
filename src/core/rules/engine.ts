import type { Language, Profile } from '../types.js';
import { MIN_STEM, SUFFIXES } from './inflection.js';
import type { Kind, KindCheck, KindContext, KindMatch, Morphology, RuleEntry, SentenceView } from './types.js';

/** A rule entry matched in a sentence. */
export interface RuleMatch extends KindMatch {
  entry: RuleEntry;
}

interface CompiledPhrase {
  entry: RuleEntry;
  /** Accepted lower-case forms for each word of the phrase. */
  words: ReadonlySet<string>[];
}

interface CompiledRules {
  words: Map<string, RuleEntry[]>;
  /** Lemmas the morphology table does not know (an organisation's own terms), matched by suffix stripping. */
  bareLemmas: Map<string, RuleEntry[]>;
  suffixes: readonly string[];
  phrases: Map<string, CompiledPhrase[]>;
  /** Forms written with periods or spaces (t.ex., f. eks., og/eller), matched on the raw text. */
  raw: { trie: RawTrie; entries: Map<string, RuleEntry> } | undefined;
  kinds: { entry: RuleEntry; check: KindCheck }[];
}

const WORD_FORM = /^[\p{L}\p{M}'’-]+$/u;


const EMPTY: readonly string[] = [];

/** Lower case, composed (NFC): how every form is compared. */
export function normalise(form: string): string {
  return form.normalize('NFC').toLowerCase();
}

export const NO_MORPHOLOGY: Morphology = { lemmasOf: () => EMPTY, formsOf: () => EMPTY };

function inflected(lemma: string, morphology: Morphology): string[] {
  const base = normalise(lemma);
  return [base, ...morphology.formsOf(base)];
}

/**
 * The raw forms as a trie of code points (a space stands for any run of white space).
 * Matching walks it from each word start, so the cost is the text's length times the
 * longest form, whatever the number of forms. A regular-expression alternation of the
 * forms cost the text's length times the number of forms: 10 000 configured terms made
 * a 50 000-character text take about 20 seconds.
 */
interface RawTrie {
  next: Map<string, RawTrie>;
  /** The normalised form that ends here. */
  form?: string;
}

function buildTrie(forms: Iterable<string>): RawTrie {
  const root: RawTrie = { next: new Map() };
  for (const form of forms) {
    if (form === '') continue;
    let node = root;
    for (const ch of form) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.form = form;
  }
  return root;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const WHITE_SPACE = /\s/u;

/** The code point at `i` (one or two UTF-16 units). */
function charAt(text: string, i: number): string {
  const code = text.codePointAt(i) as number;
  return code > 0xffff ? text.slice(i, i + 2) : (text[i] as string);
}

/** The code point that ends just before `i`. */
function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : (text[i - 1] as string);
}

/** Lower case, as forms are stored; a letter whose lower case is longer (İ) is kept as written. */
function fold(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

/**
 * The longest forms in `text[start, end)` that start and end at word edges (no letter or
 * digit just outside), left to right without overlap: what the alternation
 * `(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}])` with flags `giu` found.
 */
function matchRaw(trie: RawTrie, text: string, start: number, end: number): { start: number; end: number; form: string }[] {
  const out: { start: number; end: number; form: string }[] = [];
  let i = start;
  while (i < end) {
    const first = charAt(text, i);
    let found: { end: number; form: string } | undefined;
    if (i === start || !LETTER_OR_NUMBER.test(charBefore(text, i))) {
      let node: RawTrie | undefined = trie;
      let j = i;
      while (node) {
        if (node.form !== undefined && j > i && (j >= end || !LETTER_OR_NUMBER.test(charAt(text, j)))) found = { end: j, form: node.form };
        if (j >= end) break;
        const ch = charAt(text, j);
        if (WHITE_SPACE.test(ch)) {
          node = node.next.get(' ');
          j += ch.length;
          while (node && j < end && WHITE_SPACE.test(charAt(text, j))) j += charAt(text, j).length;
        } else {
          node = node.next.get(fold(ch));
          j += ch.length;
        }
      }
    }
    if (found) {
      out.push({ start: i, end: found.end, form: found.form });
      i = found.end;
    } else i += first.length;
  }
  return out;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function compilePhrase(entry: RuleEntry, phrase: string, morphology: Morphology): CompiledPhrase {
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((w) => {
      const lemma = /^\{(.+)\}$/u.exec(w);
      return new Set(lemma ? inflected(lemma[1] as string, morphology) : w.split('|').map(normalise));
    });
  return { entry, words };
}

function compile(
  entries: readonly RuleEntry[],
  language: Language,
  profile: Profile,
  morphology: Morphology,
  kinds: Partial<Record<Kind, KindCheck>>,
): CompiledRules {
  const words = new Map<string, RuleEntry[]>();
  const bareLemmas = new Map<string, RuleEntry[]>();
  const phrases = new Map<string, CompiledPhrase[]>();
  const rawForms = new Map<string, RuleEntry>();
  const compiledKinds: CompiledRules['kinds'] = [];
  for (const entry of entries) {
    if (entry.language !== language || !entry.profiles.includes(profile)) continue;
    if (entry.kind === 'word') {
      for (const lemma of entry.lemmas ?? []) {
        const forms = inflected(lemma, morphology);
        for (const form of forms) add(words, form, entry);
        if (forms.length === 1) add(bareLemmas, forms[0] as string, entry);
      }
      for (const form of entry.forms ?? []) {
        const f = normalise(form.trim());
        if (WORD_FORM.test(f)) add(words, f, entry);
        else rawForms.set(f.replace(/\s+/g, ' '), entry);
      }
    } else if (entry.kind === 'phrase') {
      for (const phrase of entry.phrases ?? []) {
        const compiled = compilePhrase(entry, phrase, morphology);
        for (const first of compiled.words[0] ?? []) add(phrases, first, compiled);
      }
    } else {
      const check = kinds[entry.kind];
      if (check) compiledKinds.push({ entry, check });
    }
  }
  // The longest form wins ("f. eks." over "eks."); forms are text, never patterns.
  const raw: CompiledRules['raw'] = rawForms.size > 0 ? { trie: buildTrie(rawForms.keys()), entries: rawForms } : undefined;
  return { words, bareLemmas, suffixes: SUFFIXES[language], phrases, raw, kinds: compiledKinds };
}

const cache = new WeakMap<readonly RuleEntry[], WeakMap<object, Map<string, CompiledRules>>>();

/** Compiles (once per rule list, morphology, language and profile) the rules that apply. */
export function compileRules(
  entries: readonly RuleEntry[],
  language: Language,
  profile: Profile,
  morphology: Morphology,
  kinds: Partial<Record<Kind, KindCheck>>,
): CompiledRules {
  let byMorphology = cache.get(entries);
  if (!byMorphology) cache.set(entries, (byMorphology = new WeakMap()));
  let byKey = byMorphology.get(morphology);
  if (!byKey) byMorphology.set(morphology, (byKey = new Map()));
  const key = `${language}|${profile}`;
  let compiled = byKey.get(key);
  if (!compiled) byKey.set(key, (compiled = compile(entries, language, profile, morphology, kinds)));
  return compiled;
}

/** Only white space between two words: punctuation breaks a phrase. */
function adjacent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return false;
  }
  return true;
}

function matchPhrases(compiled: CompiledRules, s: SentenceView, out: RuleMatch[]): void {
  const { words } = s;
  for (let i = 0; i < words.length; i++) {
    const candidates = compiled.phrases.get((words[i] as SentenceView['words'][number]).lower);
    if (!candidates) continue;
    for (const phrase of candidates) {
      let j = 1;
      for (; j < phrase.words.length; j++) {
        const w = words[i + j];
        const prev = words[i + j - 1];
        if (!w || !prev || !phrase.words[j]?.has(w.lower) || !adjacent(s.text, prev.end, w.start)) break;
      }
      if (j === phrase.words.length) {
        out.push({ entry: phrase.entry, start: words[i]!.start, end: words[i + j - 1]!.end });
      }
    }
  }
}

/** Drops a word or phrase match that lies inside a longer one: the longer expression explains it. */
function dropContained(matches: RuleMatch[]): RuleMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RuleMatch[] = [];
  let reach = -1;
  let reachKind: 'lexical' | 'other' = 'other';
  for (const m of matches) {
    const lexical = m.entry.kind === 'word' || m.entry.kind === 'phrase';
    if (lexical && reachKind === 'lexical' && m.end <= reach) continue;
    out.push(m);
    if (lexical && m.end > reach) {
      reach = m.end;
      reachKind = 'lexical';
    }
  }
  return out;
}

function stemMatch(compiled: CompiledRules, lower: string): readonly RuleEntry[] {
  for (const suffix of compiled.suffixes) {
    if (!lower.endsWith(suffix) || lower.length - suffix.length < MIN_STEM) continue;
    const stem = lower.slice(0, lower.length - suffix.length);
    // Verb lemmas end in -a/-e (bevilja, benytte) or -taa/-tää; try the stem as is and with those.
    const hit = compiled.bareLemmas.get(stem) ?? compiled.bareLemmas.get(`${stem}a`) ?? compiled.bareLemmas.get(`${stem}e`);
    if (hit) return hit;
  }
  return EMPTY_ENTRIES;
}

const EMPTY_ENTRIES: readonly RuleEntry[] = [];

/** Runs the compiled rules over one sentence. */
export function matchSentence(compiled: CompiledRules, s: SentenceView, ctx: KindContext): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const w of s.words) {
    const exact = compiled.words.get(w.lower);
    if (exact) {
      for (const entry of exact) out.push({ entry, start: w.start, end: w.end });
    } else if (compiled.bareLemmas.size > 0) {
      for (const entry of stemMatch(compiled, w.lower)) out.push({ entry, start: w.start, end: w.end });
    }
  }
  if (compiled.phrases.size > 0) matchPhrases(compiled, s, out);
  if (compiled.raw) {
    for (const m of matchRaw(compiled.raw.trie, s.text, s.start, s.end)) {
      const entry = compiled.raw.entries.get(m.form);
      if (entry) out.push({ entry, start: m.start, end: m.end });
    }
  }
  for (const { entry, check } of compiled.kinds) {
    try {
      for (const m of check(s, entry, ctx)) out.push({ ...m, entry });
    } catch {
      // A kind must never take the analysis down; a failing kind reports nothing.
    }
  }
  return dropContained(out);
}
