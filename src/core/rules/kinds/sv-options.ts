/**
 * Helpers the Swedish code-backed kinds share: reading an entry's `options`
 * defensively (they come from user-editable YAML) and classifying a word by
 * its longest matching suffix.
 */

import type { Morphology, RuleEntry, RuleWord, SentenceView } from '../types.js';

function normalise(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** A list of strings from `options[key]`; anything that is not a string is skipped. */
export function stringList(entry: RuleEntry, key: string): string[] {
  const value = entry.options?.[key];
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) if (typeof item === 'string' && item.trim() !== '') out.push(normalise(item.trim()));
  return out;
}

export function stringSet(entry: RuleEntry, key: string): Set<string> {
  return new Set(stringList(entry, key));
}

export function numberOption(entry: RuleEntry, key: string, fallback: number): number {
  const value = entry.options?.[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function stringOption(entry: RuleEntry, key: string, fallback: string): string {
  const value = entry.options?.[key];
  return typeof value === 'string' ? normalise(value) : fallback;
}

export function booleanOption(entry: RuleEntry, key: string, fallback: boolean): boolean {
  const value = entry.options?.[key];
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Builds the compiled form of an entry's options once per entry object: kinds
 * run on every sentence, so sets and suffix tables must not be rebuilt per call.
 */
export function cachedBy<T>(build: (entry: RuleEntry) => T): (entry: RuleEntry) => T {
  const cache = new WeakMap<RuleEntry, T>();
  return (entry) => {
    let value = cache.get(entry);
    if (value === undefined) {
      value = build(entry);
      cache.set(entry, value);
    }
    return value;
  };
}

/**
 * Suffix → label table answering "which listed suffix is the longest one this
 * word ends with". Suffixes are grouped by length so a lookup costs one
 * `Map.get` per distinct length.
 */
export class SuffixTable<L extends string> {
  private readonly byLength = new Map<number, Map<string, L>>();
  private readonly lengths: number[];

  constructor(groups: ReadonlyArray<readonly [L, readonly string[]]>) {
    for (const [label, suffixes] of groups) {
      for (const suffix of suffixes) {
        if (suffix === '') continue;
        let bucket = this.byLength.get(suffix.length);
        if (!bucket) {
          bucket = new Map();
          this.byLength.set(suffix.length, bucket);
        }
        // A later group wins a tie, so data can override an earlier, broader list.
        bucket.set(suffix, label);
      }
    }
    this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
  }

  /** Label of the longest suffix `word` ends with (the whole word counts as a suffix), or undefined. */
  classify(word: string): L | undefined {
    for (const length of this.lengths) {
      if (length > word.length) continue;
      const label = this.byLength.get(length)?.get(word.slice(word.length - length));
      if (label !== undefined) return label;
    }
    return undefined;
  }
}

const SPACE_ONLY = /^\s*$/u;

/** True when only white space separates the two words (punctuation breaks a construction). */
export function adjacent(sentence: SentenceView, left: RuleWord, right: RuleWord): boolean {
  return SPACE_ONLY.test(sentence.text.slice(left.end, right.start));
}

/** Lemmas of a form, tolerating a morphology that fails or is missing. */
export function lemmasOf(morphology: Morphology | undefined, lower: string): readonly string[] {
  if (!morphology) return [];
  try {
    return morphology.lemmasOf(lower);
  } catch {
    return [];
  }
}

/** First letter upper case and at least one lower-case letter: a name or a sentence start. */
export function isCapitalised(form: string): boolean {
  const first = form.charAt(0);
  return first !== first.toLowerCase();
}

/** All letters upper case (an acronym such as LSS or CSN). */
export function isAllCaps(form: string): boolean {
  return form.length > 1 && form === form.toUpperCase() && form !== form.toLowerCase();
}
