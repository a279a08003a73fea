import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/core/types.js';
import { loadFrequencyTable, loadLexicon, loadResources } from '../../src/node/resources.js';
import { rankedWordForms } from '../../scripts/build-dictionaries.mjs';

const ERROR_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

function errorListenerCounts(): number[] {
  return ERROR_EVENTS.map((event) => process.listenerCount(event));
}

async function requireLexicon(lang: 'sv' | 'nb' | 'nn'): Promise<Lexicon> {
  const lexicon = await loadLexicon(lang);
  if (!lexicon) throw new Error(`no lexicon for ${lang}`);
  return lexicon;
}

describe('Hunspell lexicons', () => {
  let listenersBefore: number[];
  let sv: Lexicon;
  let nb: Lexicon;
  let nn: Lexicon;

  beforeAll(async () => {
    // Taken before this file loads the wasm module for the first time.
    listenersBefore = errorListenerCounts();
    [sv, nb, nn] = await Promise.all([requireLexicon('sv'), requireLexicon('nb'), requireLexicon('nn')]);
  });

  it('leaves no process error handler of the emscripten glue behind', () => {
    expect(errorListenerCounts()).toEqual(listenersBefore);
    for (const event of ERROR_EVENTS) {
      for (const listener of process.listeners(event)) {
        expect(String(listener)).not.toContain('ExitStatus');
      }
    }
  });

  it('sv accepts inflected forms and compounds, rejects non-words', () => {
    for (const word of ['arbetar', 'verkställighetsbrev', 'delar']) expect(sv.isWord(word), word).toBe(true);
    for (const word of ['xyzqwv', 'lar']) expect(sv.isWord(word), word).toBe(false);
  });

  it('nb accepts words and compounds, rejects a misspelling', () => {
    expect(nb.isWord('søknad')).toBe(true);
    expect(nb.isWord('åpenhetsarbeidet')).toBe(true);
    expect(nb.isWord('sprøknad')).toBe(false);
  });

  it('nn accepts nynorsk forms', () => {
    expect(nn.isWord('ikkje')).toBe(true);
    expect(nn.isWord('kva')).toBe(true);
  });

  it('gives the same answer from the cache', () => {
    expect(sv.isWord('arbetar')).toBe(true);
    expect(sv.isWord('xyzqwv')).toBe(false);
  });

  it('rejects strings without a letter, which Hunspell itself accepts', () => {
    expect(sv.isWord('')).toBe(false);
    expect(sv.isWord('-')).toBe(false);
  });

  it('builds each lexicon once', async () => {
    expect(await loadLexicon('sv')).toBe(sv);
  });

  it('has no lexicon for fi and en', async () => {
    expect(await loadLexicon('fi')).toBeUndefined();
    expect(await loadLexicon('en')).toBeUndefined();
  });
});

describe('frequency tables', () => {
  it.each([
    ['sv', ['och', 'är']],
    ['nb', ['og']],
    ['nn', ['og']],
    ['fi', ['ja']],
    ['en', ['the']],
  ] as const)('%s ranks its commonest words in the top 20', (lang, words) => {
    const table = loadFrequencyTable(lang);
    for (const word of words) {
      const rank = table.rank(word);
      expect(rank, word).toBeGreaterThanOrEqual(1);
      expect(rank, word).toBeLessThanOrEqual(20);
    }
  });

  it('returns undefined for unknown words', () => {
    expect(loadFrequencyTable('sv').rank('xyzqwv')).toBeUndefined();
    expect(loadFrequencyTable('en').rank('')).toBeUndefined();
  });

  it('looks words up case-insensitively', () => {
    const sv = loadFrequencyTable('sv');
    expect(sv.rank('Och')).toBe(sv.rank('och'));
    expect(sv.rank('ÄR')).toBe(sv.rank('är'));
    expect(loadFrequencyTable('en').rank('The')).toBe(loadFrequencyTable('en').rank('the'));
  });

  it('looks up decomposed letters as their composed form', () => {
    const sv = loadFrequencyTable('sv');
    expect(sv.rank('a\u0308r')).toBe(sv.rank('är'));
  });

  it('serves nb and nn from one Norwegian table, read once', () => {
    expect(loadFrequencyTable('nn')).toBe(loadFrequencyTable('nb'));
    expect(loadFrequencyTable('sv')).toBe(loadFrequencyTable('sv'));
  });

  it.each(['sv', 'fi', 'no', 'en'])('committed table %s.txt is lowercase, word-only, unique and capped', (list) => {
    const path = fileURLToPath(new URL(`../../dictionaries/frequency/${list}.txt`, import.meta.url));
    const words = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    expect(words.length).toBeGreaterThan(40_000);
    expect(words.length).toBeLessThanOrEqual(50_000);
    expect(new Set(words).size).toBe(words.length);
    const malformed = words.filter(
      (word) => word !== word.toLowerCase() || !/\p{L}/u.test(word) || /\p{N}|\s/u.test(word),
    );
    expect(malformed).toEqual([]);
    expect(loadFrequencyTable(list === 'no' ? 'nb' : (list as 'sv' | 'fi' | 'en')).size).toBe(words.length);
  });
});

describe('loadResources', () => {
  it('loads frequency tables only when lexicons are off', async () => {
    const resources = await loadResources(['sv', 'fi'], { lexicons: false });
    expect(resources.lexicons).toBeUndefined();
    expect(resources.frequency?.sv?.rank('och')).toBeDefined();
    expect(resources.frequency?.fi?.rank('ja')).toBeDefined();
  });

  it('adds lexicons for the languages that have one', async () => {
    const resources = await loadResources(['sv', 'en', 'nn']);
    expect(Object.keys(resources.lexicons ?? {}).sort()).toEqual(['nn', 'sv']);
    expect(resources.lexicons?.sv?.isWord('arbetar')).toBe(true);
    expect(Object.keys(resources.frequency ?? {}).sort()).toEqual(['en', 'nn', 'sv']);
  });
});

describe('build-dictionaries: rankedWordForms', () => {
  it('drops counts and non-words, lowercases, keeps the first rank, caps the list', () => {
    const source = ['Det 100', 'det 90', '12 80', 'fs56 70', '... 60', 'Är 50', 'och 40', ''].join('\n');
    expect(rankedWordForms(source, 10)).toEqual(['det', 'är', 'och']);
    expect(rankedWordForms(source, 2)).toEqual(['det', 'är']);
  });
});
