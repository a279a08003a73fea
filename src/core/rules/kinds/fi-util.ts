import type { RuleEntry, RuleWord } from '../types.js';

/**
 * Small helpers shared by the Finnish kinds. Entry options come from YAML that an
 * organisation may write itself, so every reader tolerates a missing or mistyped
 * value and falls back to "nothing" instead of throwing.
 */

export function optionList(entry: RuleEntry, key: string): string[] {
  const value = entry.options?.[key];
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) if (typeof item === 'string' && item.trim()) out.push(item.normalize('NFC').toLowerCase().trim());
  return out;
}

export function optionSet(entry: RuleEntry, key: string): ReadonlySet<string> {
  return new Set(optionList(entry, key));
}

export function optionNumber(entry: RuleEntry, key: string, fallback: number, min: number, max: number): number {
  const value = entry.options?.[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** Longest first, so the most specific ending wins. */
export function bySuffixLength(list: readonly string[]): string[] {
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

export function endsWithAny(lower: string, suffixes: readonly string[]): string | undefined {
  for (const s of suffixes) if (lower.endsWith(s)) return s;
  return undefined;
}

/**
 * Only white space between two words. A comma or any other punctuation ends the
 * construction: across it the two words belong to different clauses.
 */
export function adjacent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return false;
  }
  return true;
}

/**
 * A capitalised word after the first word of the sentence is a name (Nieminen,
 * Salmisen), never an inflected verb form.
 */
export function isName(words: readonly RuleWord[], i: number): boolean {
  if (i === 0) return false;
  const w = words[i];
  if (!w) return false;
  const first = w.form.charAt(0);
  return first !== first.toLowerCase();
}

/** Caches what a kind derives from an entry's options, so nothing is rebuilt per sentence. */
export function cached<T>(cache: WeakMap<RuleEntry, T>, entry: RuleEntry, build: (entry: RuleEntry) => T): T {
  let value = cache.get(entry);
  if (value === undefined) {
    value = build(entry);
    cache.set(entry, value);
  }
  return value;
}
