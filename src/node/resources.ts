/**
 * Node-side loading of the language resources the core needs but may not read
 * itself (the core does no I/O): Hunspell lexicons and word-frequency tables,
 * both shipped in the package's `dictionaries/` folder.
 */

import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { HunspellFactory } from 'hunspell-asm';
import type { FrequencyTable, Language, Lexicon, Resources } from '../core/types.js';
import type { Morphology } from '../core/rules/types.js';
import { morphologyFromTsv } from '../core/rules/morphology.js';
import { isKnownForm } from '../core/text/tokens.js';

// This file runs from src/node/ (tests) and from dist/node/ (the package); both
// sit two levels below the package root, which holds dictionaries/.
const DICTIONARIES_URL = new URL('../../dictionaries/', import.meta.url);

function dictionaryPath(relativePath: string): string {
  return fileURLToPath(new URL(relativePath, DICTIONARIES_URL));
}

// ---------------------------------------------------------------------------
// Frequency tables

/** Frequency list per language; there is one Norwegian list and it serves both written standards. */
const FREQUENCY_LIST: Record<Language, string> = {
  sv: 'sv',
  fi: 'fi',
  nb: 'no',
  nn: 'no',
  en: 'en',
};

const frequencyTables = new Map<string, FrequencyTable>();

/** Rank table of the language's most frequent word forms; read once per table file. */
export function loadFrequencyTable(lang: Language): FrequencyTable {
  const list = FREQUENCY_LIST[lang];
  let table = frequencyTables.get(list);
  if (!table) {
    const text = readFileSync(dictionaryPath(`frequency/${list}.txt`), 'utf8');
    table = frequencyTableFromRanks(parseRankList(text));
    frequencyTables.set(list, table);
  }
  return table;
}

/** The file holds one form per line in rank order, so the line number is the rank. */
function parseRankList(text: string): Map<string, number> {
  const ranks = new Map<string, number>();
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const form = line.trim();
    // The build script already deduplicates; keeping the first guards hand-edited files.
    if (form && !ranks.has(form)) ranks.set(form, index + 1);
  }
  return ranks;
}

function frequencyTableFromRanks(ranks: ReadonlyMap<string, number>): FrequencyTable {
  return {
    size: ranks.size,
    // Most words arrive already lowercase NFC; a key that matches as given needs no normalising.
    rank: (word) => ranks.get(word) ?? ranks.get(normaliseWordForm(word)),
  };
}

/** The tables are lowercase NFC; text from PDFs and Word files is not always NFC. */
function normaliseWordForm(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

// ---------------------------------------------------------------------------
// Hunspell lexicons

const HUNSPELL_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['sv', 'nb', 'nn']);

/**
 * A spell cache that grows without bound would leak in a long-running process
 * (an editor's language server); beyond this many distinct words it starts over.
 * A document's vocabulary is a few thousand words, so this rarely happens.
 */
const MAX_CACHED_WORDS = 200_000;

let hunspellFactory: Promise<HunspellFactory> | undefined;
const lexicons = new Map<Language, Promise<Lexicon>>();

/**
 * Spelling lexicon for sv, nb and nn; undefined for languages klar has no
 * Hunspell dictionary for (fi, en). Each lexicon is built once per process.
 */
export function loadLexicon(lang: Language): Promise<Lexicon | undefined> {
  if (!HUNSPELL_LANGUAGES.has(lang)) return Promise.resolve(undefined);
  let lexicon = lexicons.get(lang);
  if (!lexicon) {
    lexicon = createHunspellLexicon(lang);
    lexicons.set(lang, lexicon);
    // Do not cache a failure: a later call may succeed (say, after a transient read error).
    const loading = lexicon;
    loading.catch(() => {
      if (lexicons.get(lang) === loading) lexicons.delete(lang);
    });
  }
  return lexicon;
}

async function createHunspellLexicon(lang: Language): Promise<Lexicon> {
  const factory = await loadHunspellFactory();
  const [aff, dic] = await Promise.all([
    readFile(dictionaryPath(`hunspell/${lang}/${lang}.aff`)),
    readFile(dictionaryPath(`hunspell/${lang}/${lang}.dic`)),
  ]);
  const affPath = factory.mountBuffer(aff, `${lang}.aff`);
  const dicPath = factory.mountBuffer(dic, `${lang}.dic`);
  try {
    const hunspell = factory.create(affPath, dicPath);
    return cachingLexicon((word) => hunspell.spell(word));
  } finally {
    // Hunspell parses both files fully on creation; the mounted copies would only hold wasm memory.
    factory.unmount(affPath);
    factory.unmount(dicPath);
  }
}

/** Hunspell is ~10–50 µs a word and texts repeat words a lot, so every answer is memoised. */
function cachingLexicon(spell: (word: string) => boolean): Lexicon {
  const known = new Map<string, boolean>();
  return {
    isWord(word: string): boolean {
      let answer = known.get(word);
      if (answer === undefined) {
        answer = containsLetter(word) && spell(word);
        if (known.size >= MAX_CACHED_WORDS) known.clear();
        known.set(word, answer);
      }
      return answer;
    },
  };
}

/** Hunspell accepts some strings without a letter (`-`, numbers), which are not words. */
function containsLetter(word: string): boolean {
  return /\p{L}/u.test(word);
}

/** The wasm module is compiled once per process and shared by all lexicons. */
function loadHunspellFactory(): Promise<HunspellFactory> {
  if (!hunspellFactory) {
    const loading = instantiateHunspell();
    hunspellFactory = loading;
    loading.catch(() => {
      if (hunspellFactory === loading) hunspellFactory = undefined;
    });
  }
  return hunspellFactory;
}

const PROCESS_ERROR_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type Listener = (...args: unknown[]) => void;
type ListenerSnapshot = ReadonlyMap<string, ReadonlySet<Listener>>;

// `process` typed as a plain emitter: its own typings overload `listeners` per
// event name and do not accept a union of names.
const processEvents: EventEmitter = process;

/**
 * hunspell-asm's emscripten glue adds a `process.on('uncaughtException')`
 * handler that rethrows: any later uncaught error anywhere in the process would
 * then be reported from inside the glue's one-line minified source (~780 KB
 * dumped to stderr). Listeners that appear while the module loads are removed
 * so that errors are reported normally. (A listener that other code adds during
 * those few milliseconds would go too, so load lexicons before adding one.)
 */
async function instantiateHunspell(): Promise<HunspellFactory> {
  const before = snapshotErrorListeners();
  try {
    const { loadModule } = await import('hunspell-asm');
    return await loadModule();
  } finally {
    removeErrorListenersAddedSince(before);
  }
}

function errorListeners(event: string): Listener[] {
  return processEvents.listeners(event) as Listener[];
}

function snapshotErrorListeners(): ListenerSnapshot {
  return new Map(PROCESS_ERROR_EVENTS.map((event) => [event, new Set(errorListeners(event))]));
}

function removeErrorListenersAddedSince(before: ListenerSnapshot): void {
  for (const event of PROCESS_ERROR_EVENTS) {
    const existing = before.get(event);
    for (const listener of errorListeners(event)) {
      if (!existing?.has(listener)) processEvents.removeListener(event, listener);
    }
  }
}

// ---------------------------------------------------------------------------
// Morphology (form → lemma tables for the rule vocabulary)

const morphologies = new Map<Language, Morphology>();

/** The generated form ↔ lemma table of a language; an empty one if none was generated. */
export function loadMorphology(lang: Language): Morphology {
  let m = morphologies.get(lang);
  if (!m) {
    let text = '';
    try {
      text = readFileSync(dictionaryPath(`morphology/${lang}.tsv`), 'utf8');
    } catch {
      // No table yet for this language: rules then match their lemmas as written.
    }
    m = morphologyFromTsv(text);
    morphologies.set(lang, m);
  }
  return m;
}

// ---------------------------------------------------------------------------
// Both together

export interface LoadResourcesOptions {
  /**
   * Load Hunspell lexicons (default true). Each costs 0.1–0.25 s and 10–30 MB
   * to build; the frequency tables take ~20 ms, so they are always loaded.
   */
  lexicons?: boolean;
}

/** Frequency tables and (unless turned off) lexicons for the given languages. */
export async function loadResources(
  langs: readonly Language[],
  opts: LoadResourcesOptions = {},
): Promise<Resources> {
  const unique = [...new Set(langs)];
  // Tables are read on first use: a Swedish letter never pays for the Finnish ones.
  const resources: Resources = { frequency: lazyRecord(unique, loadFrequencyTable), morphology: lazyRecord(unique, loadMorphology) };
  if (opts.lexicons ?? true) {
    resources.lexicons = await loadLexicons(unique);
  }
  return resources;
}

/** A record whose values are loaded when first read (the loaders cache per process). */
function lazyRecord<T>(langs: readonly Language[], load: (lang: Language) => T): Partial<Record<Language, T>> {
  const record: Partial<Record<Language, T>> = {};
  for (const lang of langs) {
    Object.defineProperty(record, lang, { enumerable: true, configurable: true, get: () => load(lang) });
  }
  return record;
}

async function loadLexicons(langs: readonly Language[]): Promise<Partial<Record<Language, Lexicon>>> {
  const loaded = await Promise.all(langs.map(async (lang) => [lang, await loadLexicon(lang)] as const));
  const lexiconsByLanguage: Partial<Record<Language, Lexicon>> = {};
  for (const [lang, lexicon] of loaded) {
    if (lexicon) lexiconsByLanguage[lang] = lexicon;
  }
  return lexiconsByLanguage;
}

/** A word broken at a line-end hyphen, as its two halves: only then does dehyphenation need the spelling dictionary. */
const LINE_END_HYPHENS = /(\p{L}+)-[ \t]*(?:\r\n|\r|\n)[ \t]*(\p{Ll}\p{L}*)/gu;

/**
 * Whether the frequency table settles every join of a word broken at a line end: segmentation
 * joins a form the table knows, or a compound of two it knows, without asking Hunspell (see joinForm in core/text/tokens.ts), and
 * most broken words are ordinary ones ("de-⏎lar"), so a text whose joins are all known never pays
 * the 0.1–0.35 s it takes to build the lexicon.
 */
function tableSettlesJoins(joins: readonly RegExpMatchArray[], lang: Language): boolean {
  const table = loadFrequencyTable(lang);
  return joins.every(([, left, right]) => isKnownForm(`${left}${right}`, table));
}

/**
 * Which Hunspell lexicons a check of `text` needs: all three when spelling is on,
 * else the text's own when a word broken at a line end is not in the frequency table
 * (0.1–0.35 s each to load, so most texts load none). The CLI and the language server
 * both choose with this, so they segment a text the same way.
 */
export function lexiconLanguages(text: string, language: Language | undefined | (() => Language | undefined), spelling: boolean): Language[] {
  if (spelling) return ['sv', 'nb', 'nn'];
  const joins = [...text.matchAll(LINE_END_HYPHENS)];
  if (joins.length === 0) return [];
  // Detecting the language reads the whole text: given as a function, it runs only when a broken word makes it matter.
  const lang = typeof language === 'function' ? language() : language;
  if (lang === undefined || !HUNSPELL_LANGUAGES.has(lang)) return [];
  if (tableSettlesJoins(joins, lang)) return [];
  return lang === 'nb' || lang === 'nn' ? ['nb', 'nn'] : [lang];
}
