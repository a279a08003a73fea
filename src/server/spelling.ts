/**
 * Spelling suggestions for the quick fix of an unknown word. Hunspell's `suggest`
 * takes 0.1–0.25 s a word, so it runs only when the writer opens the fix for one
 * word (a code action resolve), never for a whole document, and answers are kept.
 *
 * src/node/resources.ts builds the lexicons the checks use but exposes only
 * `isWord`; this module keeps its own Hunspell instances for `suggest`.
 */
import type { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Hunspell } from 'hunspell-asm';
import type { Language } from '../core/types.js';

const DICTIONARIES_URL = new URL('../../dictionaries/hunspell/', import.meta.url);
const SPELLING_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['sv', 'nb', 'nn']);
const MAX_SUGGESTIONS = 5;
/** Suggestions kept, across documents; a writer returns to the same few words. */
const MAX_CACHED = 500;

const spellers = new Map<Language, Promise<Hunspell>>();
const answers = new Map<string, string[]>();

/** Whether klar has a dictionary to suggest from in this language. */
export function canSuggest(language: Language): boolean {
  return SPELLING_LANGUAGES.has(language);
}

/** Up to five corrections of `word`; empty when there is no dictionary or no idea. */
export async function spellingSuggestions(word: string, language: Language): Promise<string[]> {
  if (!SPELLING_LANGUAGES.has(language)) return [];
  const key = `${language}\u0000${word}`;
  const known = answers.get(key);
  if (known) return known;
  const speller = await loadSpeller(language);
  const suggestions = speller.suggest(word).slice(0, MAX_SUGGESTIONS);
  if (answers.size >= MAX_CACHED) answers.delete(answers.keys().next().value as string);
  answers.set(key, suggestions);
  return suggestions;
}

/** The suggestions already computed for a word, without computing any. */
export function knownSuggestions(word: string, language: Language): string[] | undefined {
  return answers.get(`${language}\u0000${word}`);
}

function loadSpeller(language: Language): Promise<Hunspell> {
  let speller = spellers.get(language);
  if (!speller) {
    speller = createSpeller(language);
    spellers.set(language, speller);
    const loading = speller;
    // A failed load is tried again next time rather than remembered.
    loading.catch(() => {
      if (spellers.get(language) === loading) spellers.delete(language);
    });
  }
  return speller;
}

async function createSpeller(language: Language): Promise<Hunspell> {
  const factory = await withoutNewErrorHandlers(async () => (await import('hunspell-asm')).loadModule());
  const [aff, dic] = await Promise.all([
    readFile(fileURLToPath(new URL(`${language}/${language}.aff`, DICTIONARIES_URL))),
    readFile(fileURLToPath(new URL(`${language}/${language}.dic`, DICTIONARIES_URL))),
  ]);
  const affPath = factory.mountBuffer(aff, `suggest-${language}.aff`);
  const dicPath = factory.mountBuffer(dic, `suggest-${language}.dic`);
  try {
    return factory.create(affPath, dicPath);
  } finally {
    factory.unmount(affPath);
    factory.unmount(dicPath);
  }
}

// `process` as a plain emitter: its typings overload `listeners` per event name.
const processEvents: EventEmitter = process;
const ERROR_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * hunspell-asm's Emscripten glue adds a process-wide `uncaughtException` handler
 * that rethrows, which would end the server on any later stray error. Handlers
 * that appear while it loads are removed again; the server's own stay.
 */
async function withoutNewErrorHandlers<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(ERROR_EVENTS.map((event) => [event, new Set(processEvents.listeners(event))]));
  try {
    return await load();
  } finally {
    for (const event of ERROR_EVENTS) {
      for (const listener of processEvents.listeners(event)) {
        if (!before.get(event)?.has(listener)) processEvents.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
}
