/**
 * Pinned counts on the real official texts in ../shared/corpus. The texts are not
 * in the repository; without the folder these tests are skipped with a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { LANGUAGES, type Report } from '../../src/core/types.js';
import { loadResources } from '../../src/node/resources.js';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const present = existsSync(corpus);
if (!present) console.warn(`corpus tests skipped: ${corpus} is absent (it sits beside the repository in the project workspace)`);

const resources = await loadResources([...LANGUAGES], { lexicons: true });

function read(name: string): { text: string; report: Report; sentences: string[] } {
  const text = readFileSync(join(corpus, name), 'utf8');
  const report = analyse(text, { resources });
  return { text, report, sentences: report.sentences.map((s) => text.slice(s.offset, s.endOffset)) };
}

const words = (r: Report): number => r.sentences.reduce((n, s) => n + s.words, 0);

describe.skipIf(!present)('corpus: pinned sentence and word counts', () => {
  const expected: [string, string, number, number][] = [
    ['sv-fm-verkstallighetsbrev-oppen-forvaltning.txt', 'sv', 173, 2554],
    ['sv-fm-inbjudan-fortroendebygge.txt', 'sv', 31, 346],
    ['sv-fm-sammanfattning-dialoger-pdf.txt', 'sv', 119, 1243],
    ['nb-kdd-brev-ogp-handlingsplan.txt', 'nb', 88, 819],
    ['nb-ks-ogp-initiativ.txt', 'nb', 23, 373],
  ];
  for (const [name, language, sentenceCount, wordCount] of expected) {
    it(`${name}: ${language}, ${sentenceCount} sentences, ${wordCount} words`, () => {
      const { report } = read(name);
      expect(report.language).toBe(language);
      expect(report.sentences).toHaveLength(sentenceCount);
      expect(words(report)).toBe(wordCount);
    });
  }
});

describe.skipIf(!present)('corpus: the cases that trip general-purpose splitters', () => {
  it('keeps times, phone numbers and e-mail addresses inside their sentences (inbjudan)', () => {
    const { sentences } = read('sv-fm-inbjudan-fortroendebygge.txt');
    expect(sentences).toContain('16 september 2020 kl. 13.00–15.45.');
    expect(sentences.find((s) => s.startsWith('Mer information:'))).toMatch(/avoinhallinto@vm\.fi\.$/);
    expect(sentences).toContain('Förtroendebygge –');
  });

  it('joins PDF lines and hyphenated words (sammanfattning)', () => {
    const { sentences, report } = read('sv-fm-sammanfattning-dialoger-pdf.txt');
    expect(sentences).toContain('Förtroende och kommunikation är viktiga de-\nlar i en öppen förvaltning.');
    expect(sentences).toContain('Kommunikat-\nionens roll ska lyftas upp, men om ledningen inte tar det på allvar är det svårt.');
    const i = sentences.indexOf('Förtroende och kommunikation är viktiga de-\nlar i en öppen förvaltning.');
    expect(report.sentences[i]?.words).toBe(10);
    // No sentence starts in the middle of a line-broken word.
    expect(sentences.some((s) => /^(lar|ionens|munikation|pel)\b/.test(s))).toBe(false);
  });

  it('handles letterheads, Org.nr., lettered lists and ordinal dates (KDD letter)', () => {
    const { sentences, report } = read('nb-kdd-brev-ogp-handlingsplan.txt');
    expect(sentences).toContain('Org.nr.');
    expect(sentences).toContain('Akersg. 59');
    expect(sentences).toContain('Temaene a. – g. over treffer departementene bredt.');
    expect(sentences).toContain('Mer åpenhet om offentlige innkjøp');
    expect(sentences).toContain('Departementene kan derfor også foreslå andre relevante tema på møtet den 23. juni.');
    expect(sentences).toContain('15. juni 2022');
    expect(report.paragraphs.filter((p) => p.kind === 'list-item')).toHaveLength(7);
    expect(report.sections.map((s) => s.heading)).toContain('Bakgrunn');
  });

  it('handles bullets and f. eks. (KS news item)', () => {
    const { sentences } = read('nb-ks-ogp-initiativ.txt');
    expect(sentences.find((s) => s.startsWith('Aktuelle tema kan f. eks. være'))).toMatch(/organer\.$/);
    expect(sentences).toContain('Åpne data og viderebruk av offentlige data');
  });

  it('measures Finnish course titles in a Swedish letter as Finnish, outside the Swedish scores', () => {
    const { text, report } = read('sv-fm-verkstallighetsbrev-oppen-forvaltning.txt');
    const finnish = report.paragraphs.filter((p) => p.language === 'fi').map((p) => text.slice(p.offset, p.endOffset));
    expect(finnish.length).toBeGreaterThanOrEqual(5);
    expect(finnish.some((p) => p.includes('Hyvä virkakieli'))).toBe(true);
    expect(report.metrics.words).toBeLessThan(words(report));
    expect(report.metrics.words).toBe(2518);
  });
});
