/**
 * Shared plumbing for the Norwegian (bokmål and nynorsk) rule kinds: reading an entry's
 * `options` safely and caching what is built from them.
 *
 * Kinds run on every sentence of large documents, so everything derived from `entry.options`
 * (sets, maps) is built once per entry and kept in a WeakMap keyed by the entry object; a kind
 * never allocates a big structure per call. Options come from YAML written by people (and by
 * organisations adding their own rules), so every reader tolerates a missing or mistyped value
 * and falls back to an empty list instead of throwing.
 */
import type { RuleEntry, RuleWord } from '../types.js';

/** Build `T` from an entry's options once; later calls return the cached value. */
export function cachedFor<T>(cache: WeakMap<RuleEntry, T>, entry: RuleEntry, build: (options: Record<string, unknown>) => T): T {
  let value = cache.get(entry);
  if (value === undefined) {
    value = build(entry.options ?? {});
    cache.set(entry, value);
  }
  return value;
}

function normalise(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** A list of words as a lower-case set; anything that is not a string is ignored. */
export function wordSet(options: Record<string, unknown>, key: string): Set<string> {
  return new Set(wordList(options, key));
}

/** A list of words, lower case, in the order written; anything that is not a string is ignored. */
export function wordList(options: Record<string, unknown>, key: string): string[] {
  const value = options[key];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.length > 0).map(normalise);
}

/** A mapping of words to words (for example a form to its replacement), lower case. */
export function wordMap(options: Record<string, unknown>, key: string): Map<string, string> {
  const value = options[key];
  const map = new Map<string, string>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return map;
  for (const [from, to] of Object.entries(value as Record<string, unknown>)) {
    if (typeof to === 'string' && from.length > 0 && to.length > 0) map.set(normalise(from), to.normalize('NFC'));
  }
  return map;
}

export function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const value = options[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringOption(options: Record<string, unknown>, key: string, fallback: string): string {
  const value = options[key];
  return typeof value === 'string' ? value : fallback;
}

/** Longest endings first, so that the most specific ending decides. */
export function byLengthDescending(list: readonly string[]): string[] {
  return [...list].sort((a, b) => b.length - a.length);
}

export function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const ending of endings) if (word.endsWith(ending)) return true;
  return false;
}

/**
 * True when only white space separates two words. Punctuation, digits or symbols between them
 * mean they do not belong to one phrase ("er, behandlet", "er 5 prosent").
 */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // Space, tab, line breaks, no-break space and the Unicode space separators.
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 160) continue;
    if (code >= 0x2000 && code <= 0x200b) continue;
    return false;
  }
  return true;
}

/** Words i and i + 1 stand next to each other with nothing but white space between. */
export function adjacent(text: string, words: readonly RuleWord[], i: number): boolean {
  const a = words[i];
  const b = words[i + 1];
  return a !== undefined && b !== undefined && onlySpaceBetween(text, a.end, b.start);
}

/** Starts with an upper-case letter (names, and the first word of a sentence). */
export function isCapitalised(form: string): boolean {
  const first = form.charAt(0);
  return first !== first.toLowerCase();
}
