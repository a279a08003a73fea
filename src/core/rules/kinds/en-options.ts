/**
 * Reading the `options` of an English rule entry. Options come from YAML an organisation may
 * have written, so every reader tolerates missing or mistyped values and falls back to empty.
 */

import type { RuleEntry, RuleWord } from '../types.js';

const CURLY_APOSTROPHE = /’/g;

/** Lower case, NFC, straight apostrophe: how option words and text words are compared. */
export function key(word: string): string {
  const lower = word.normalize('NFC').toLowerCase();
  return lower.includes('’') ? lower.replace(CURLY_APOSTROPHE, "'") : lower;
}

/** The comparison key of a sentence word (its `lower` is already NFC lower case). */
export function wordKey(w: RuleWord): string {
  return w.lower.includes('’') ? w.lower.replace(CURLY_APOSTROPHE, "'") : w.lower;
}

export function stringList(options: Record<string, unknown> | undefined, name: string): string[] {
  const value = options?.[name];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => key(v.trim()));
}

export function stringSet(options: Record<string, unknown> | undefined, name: string): ReadonlySet<string> {
  return new Set(stringList(options, name));
}

export function numberOption(options: Record<string, unknown> | undefined, name: string, fallback: number): number {
  const value = options?.[name];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

export function stringOption(options: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = options?.[name];
  return typeof value === 'string' && value.trim() !== '' ? key(value.trim()) : undefined;
}

/** A mapping of word → words (`idioms: { used: [to] }`). */
export function listMap(options: Record<string, unknown> | undefined, name: string): ReadonlyMap<string, ReadonlySet<string>> {
  const value = options?.[name];
  const out = new Map<string, ReadonlySet<string>>();
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const words = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    out.set(
      key(k),
      new Set(words.filter((w): w is string => typeof w === 'string').map((w) => key(w))),
    );
  }
  return out;
}

/** A mapping of word → word (`verbs: { decision: decide }`). */
export function stringMap(options: Record<string, unknown> | undefined, name: string): ReadonlyMap<string, string> {
  const value = options?.[name];
  const out = new Map<string, string>();
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && v.trim() !== '') out.set(key(k), v.trim());
  }
  return out;
}

/**
 * Data derived from an entry's options, built once per entry: kinds run on every sentence of
 * large documents, so sets must not be rebuilt per call.
 */
export function cachedData<T>(cache: WeakMap<RuleEntry, T>, entry: RuleEntry, build: (options: Record<string, unknown> | undefined) => T): T {
  let data = cache.get(entry);
  if (!data) {
    data = build(entry.options);
    cache.set(entry, data);
  }
  return data;
}

/** True when only white space separates two words, so punctuation ends a verb group or noun phrase. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, line feed, carriage return, no-break space
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return false;
  }
  return true;
}
