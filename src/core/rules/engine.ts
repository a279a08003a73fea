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
  raw: { pattern: RegExp; entries: Map<string, RuleEntry> } | undefined;
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
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
  let raw: CompiledRules['raw'];
  if (rawForms.size > 0) {
    // Longest first, so "f. eks." wins over "eks."; the alternation is a plain
    // list of literals, so matching stays linear in the text.
    const alternatives = [...rawForms.keys()].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, '\\s+'));
    raw = { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), entries: rawForms };
  }
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
    const slice = s.text.slice(s.start, s.end);
    compiled.raw.pattern.lastIndex = 0;
    for (let m = compiled.raw.pattern.exec(slice); m; m = compiled.raw.pattern.exec(slice)) {
      const entry = compiled.raw.entries.get(normalise(m[0]).replace(/\s+/g, ' '));
      if (entry) out.push({ entry, start: s.start + m.index, end: s.start + m.index + m[0].length });
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
