import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/small';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, MAX_SAMPLE_CHARS } from '../../src/core/language/detect.js';
import { NGRAM_LANGUAGES, scoreNgrams } from '../../src/core/language/ngram-model.js';
import { NGRAM_SOURCE } from '../../src/core/language/ngrams.generated.js';
import { BOKMAL_MARKERS, NYNORSK_MARKERS, scoreNorwegianMarkers } from '../../src/core/language/norwegian-markers.js';
import { LANGUAGES, type Language, type Lexicon } from '../../src/core/types.js';

// Sentences written for these tests, in the style of official texts.
const SENTENCES: Record<Language, string[]> = {
  sv: [
    'Kommunen ansvarar för att du får den hjälp du behöver i hemmet.',
    'Ansökan ska lämnas in senast den 30 april.',
    'Du kan överklaga beslutet till förvaltningsrätten inom tre veckor.',
    'Handläggaren kontaktar dig när ärendet är klart.',
    'Om du har frågor kan du ringa vårt servicecenter på vardagar.',
    'Så söker du bostadsbidrag',
    'Beslut om färdtjänst',
  ],
  fi: [
    'Kunta järjestää palvelun yhdessä hyvinvointialueen kanssa.',
    'Hakemus on jätettävä viimeistään huhtikuun loppuun mennessä.',
    'Voit hakea muutosta päätökseen kolmenkymmenen päivän kuluessa.',
    'Jos sinulla on kysyttävää, ota yhteyttä asiakaspalveluun.',
    'Tukea maksetaan kuukausittain tilillesi.',
    // Course titles on their own, as they appear in lists inside Swedish texts.
    'Johdatus julkisen hallinnon viestintään',
    'Selkokielisen viestinnän perusteet',
    'Hallinnon perusteet',
  ],
  nb: [
    'Kommunen skal gi deg veiledning om hvilke rettigheter du har.',
    'Du må sende søknaden før fristen går ut.',
    'Hvis du ikke er fornøyd med vedtaket, kan du klage.',
    'Vi trenger flere opplysninger før vi kan behandle saken din.',
    'Barnet har rett til å bli hørt i saker som gjelder det.',
    'Hva gjør kommunen?',
  ],
  nn: [
    'Kommunen skal gje deg rettleiing om kva for rettar du har.',
    'Du kan søkje om bustønad dersom du har låg inntekt.',
    'Me treng fleire opplysningar før me kan handsame saka di.',
    'Du kan få hjelp viss du ikkje klarer å fylle ut skjemaet.',
    'Kva gjer kommunen?',
  ],
  en: [
    'The council will send you a letter when your application has been processed.',
    'You can appeal against the decision within three weeks.',
    'Contact our customer service if you have any questions.',
    'Applications must be submitted by the end of April.',
    'The service is provided together with the regional health authority.',
    'How to apply for housing benefit',
  ],
};

// The same sentence in both written standards, differing in a few words only.
const NB_NN_PAIRS: [nb: string, nn: string][] = [
  ['De fleste får svar fra kommunen i løpet av en måned.', 'Dei fleste får svar frå kommunen i løpet av ein månad.'],
  ['Barnet har rett til å si hva det mener.', 'Barnet har rett til å seie kva det meiner.'],
  ['Søknaden må være sendt før fristen går ut.', 'Søknaden må vere send før fristen går ut.'],
  ['Du får svar når saken er ferdig.', 'Du får svar når saka er ferdig.'],
  ['Det er mulig å klage på vedtaket.', 'Det er mogleg å klage på vedtaket.'],
  ['Tjenesten er gratis for alle som bor i kommunen.', 'Tenesta er gratis for alle som bur i kommunen.'],
  ['Vi har mottatt søknaden din om startlån.', 'Vi har motteke søknaden din om startlån.'],
  ['Skolen har ansvar for at elevene får god opplæring.', 'Skulen har ansvar for at elevane får god opplæring.'],
  ['Pasienten kan velge sykehus selv.', 'Pasienten kan velje sjukehus sjølv.'],
  ['Kommunen dekker utgiftene til transport.', 'Kommunen dekkjer utgiftene til transport.'],
  ['Søknadsfristen er 1. mars hvert år.', 'Søknadsfristen er 1. mars kvart år.'],
];

describe('detectLanguage: sentences', () => {
  for (const language of LANGUAGES) {
    for (const sentence of SENTENCES[language]) {
      it(`${language}: ${sentence}`, () => {
        expect(detectLanguage(sentence)?.language).toBe(language);
      });
    }
  }

  for (const [nb, nn] of NB_NN_PAIRS) {
    it(`nb/nn pair: ${nb}`, () => {
      expect(detectLanguage(nb)?.language).toBe('nb');
      expect(detectLanguage(nn)?.language).toBe('nn');
    });
  }

  it('gives a confidence between 0 and 1, high for a clear sentence', () => {
    const guess = detectLanguage('Kunta järjestää palvelun yhdessä hyvinvointialueen kanssa.');
    expect(guess?.confidence).toBeGreaterThan(0.7);
    expect(guess?.confidence).toBeLessThanOrEqual(1);
  });
});

describe('detectLanguage: too little evidence', () => {
  it.each(['', '   \n\t', '12 345 678', 'https://example.org', 'www.example.org/sv/', 'info@example.org', 'Kunta', '– 3.', '§ 12 a'])(
    '%j → undefined',
    (text) => {
      expect(detectLanguage(text)).toBeUndefined();
    },
  );
});

describe('detectLanguage: bokmål or nynorsk', () => {
  // No marker word and no lexicon: nothing tells the two standards apart.
  const neutral = 'Søknaden er sendt til kommunen.';

  it('falls back to bokmål with low confidence on a tie', () => {
    const guess = detectLanguage(neutral);
    expect(guess?.language).toBe('nb');
    expect(guess?.confidence).toBeLessThan(0.2);
  });

  it('prefers the fallback language on a tie', () => {
    expect(detectLanguage(neutral, { fallback: 'nn' })?.language).toBe('nn');
    expect(detectLanguage(neutral, { fallback: 'nb' })?.language).toBe('nb');
  });

  it('does not let the fallback override clear evidence', () => {
    expect(detectLanguage('Kommunen skal gje deg rettleiing om kva for rettar du har.', { fallback: 'nb' })?.language).toBe('nn');
    expect(detectLanguage('You can appeal against the decision within three weeks.', { fallback: 'sv' })?.language).toBe('en');
  });

  const lexicon = (words: string[]): Lexicon => {
    const known = new Set(words);
    return { isWord: (word) => known.has(word) };
  };
  const shared = ['søknaden', 'er', 'sendt', 'til', 'kommunen'];
  const nbLexicon = lexicon([...shared, 'ikke', 'saksbehandleren', 'fra']);
  const nnLexicon = lexicon([...shared, 'ikkje', 'sakshandsamaren', 'frå', 'handsamar', 'søknadene']);

  it('uses the lexicons when markers are few', () => {
    const text = 'Søknaden er sendt til sakshandsamaren.';
    expect(detectLanguage(text)?.language).toBe('nb');
    expect(detectLanguage(text, { lexicons: { nb: nbLexicon, nn: nnLexicon } })?.language).toBe('nn');
  });

  it('lets strong markers win over the lexicons', () => {
    const text = 'Dei har ikkje fått svar frå kommunen, og dei veit ikkje kva dei skal gjere.';
    // A lexicon pair that disagrees with every marker must not flip the result.
    const flipped = { nb: nnLexicon, nn: nbLexicon };
    expect(detectLanguage(text, { lexicons: flipped })?.language).toBe('nn');
  });

  it('survives a lexicon that throws', () => {
    const broken: Lexicon = {
      isWord: () => {
        throw new Error('broken');
      },
    };
    expect(detectLanguage('Søknaden er sendt til kommunen.', { lexicons: { nb: broken, nn: broken } })?.language).toBe('nb');
  });

  it('has no form in both marker lists', () => {
    const both = [...NYNORSK_MARKERS.keys()].filter((word) => BOKMAL_MARKERS.has(word));
    expect(both).toEqual([]);
  });

  it('scores word shapes, not only listed words', () => {
    expect(scoreNorwegianMarkers(['moglegheitene', 'vanlegvis', 'utanfor', 'brukast', 'dekkjer'])).toEqual({ nb: 0, nn: 10 });
    expect(scoreNorwegianMarkers(['muligheten', 'vanligvis', 'utenfor', 'hva', 'hvordan'])).toEqual({ nb: 13, nn: 0 });
    // Shared words that only look like -leg/-ane/-ar/-lje forms, and a name.
    expect(
      scoreNorwegianMarkers(['fastlege', 'jernbane', 'vane', 'kanskje', 'utkast', 'seminar', 'bestefar', 'finger', 'forskjellig', 'Gunnar']),
    ).toEqual({ nb: 0, nn: 0 });
  });
});

describe('detectLanguage: robustness', () => {
  it('never throws and stays in range on arbitrary UTF-16 (lone surrogates, NUL)', () => {
    const utf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(fc.oneof(utf16, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const guess = detectLanguage(text);
        if (guess !== undefined) {
          expect(LANGUAGES).toContain(guess.language);
          expect(guess.confidence).toBeGreaterThanOrEqual(0);
          expect(guess.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('handles NUL bytes and lone surrogates inside real text', () => {
    expect(detectLanguage('Kunta\0 järjestää \ud800palvelun\udfff yhdessä hyvinvointialueen kanssa.')?.language).toBe('fi');
    expect(detectLanguage('\0'.repeat(1000))).toBeUndefined();
    expect(detectLanguage('\ud83d'.repeat(1000))).toBeUndefined();
  });

  it('reads only a bounded sample of a 1 MB text, quickly', () => {
    const paragraph = 'Kommunen skal gje deg rettleiing om kva for rettar du har, og du kan klage på vedtaket. ';
    const big = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    expect(big.length).toBeGreaterThan(MAX_SAMPLE_CHARS * 100);
    detectLanguage(big); // the n-gram table is parsed on first use
    const start = performance.now();
    expect(detectLanguage(big)?.language).toBe('nn');
    expect(detectLanguage('a'.repeat(1_000_000))).toBeUndefined();
    // Long runs of apostrophes once made eld's separator regex quadratic.
    detectLanguage("'".repeat(500_000) + ' hej och ' + "'".repeat(500_000));
    expect(performance.now() - start).toBeLessThan(250);
  });
});

describe('n-gram model', () => {
  // The generated table must give eld's own scores. Texts stay short because
  // eld itself looks at only the first ~350 bytes of a text.
  it(`matches the installed eld (${NGRAM_SOURCE.database} database, subset ${NGRAM_LANGUAGES.join(', ')})`, () => {
    const installed = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'eld', 'package.json'), 'utf8'),
    ) as { version: string };
    // On mismatch, regenerate: node src/core/language/generate-ngrams.mjs small
    expect(NGRAM_SOURCE).toEqual({ package: 'eld', version: installed.version, database: 'small' });

    const detector = eld.newInstance();
    detector.setLanguageSubset([...NGRAM_LANGUAGES]);
    const texts = [...Object.values(SENTENCES).flat(), ...NB_NN_PAIRS.flat(), "don't stop", 'Ærlig talt, æøå ÆØÅ'];
    for (const text of texts) {
      const expected = detector.detect(text).getScores();
      const { scores, ngrams } = scoreNgrams(text);
      const actual: Record<string, number> = {};
      NGRAM_LANGUAGES.forEach((language, index) => {
        const score = scores[index] ?? 0;
        // eld's own scaling of raw scores in getScores()
        if (score > 0) actual[language] = score / ngrams / (score / ngrams + 25);
      });
      expect(Object.keys(actual).sort(), text).toEqual(Object.keys(expected).sort());
      for (const [language, value] of Object.entries(expected)) {
        expect(actual[language], `${text} / ${language}`).toBeCloseTo(value, 12);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Measurement on real texts, kept outside the repository (never copied in).

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
const EVAL_DIR = join(SHARED, 'eval');
const CORPUS_DIR = join(SHARED, 'corpus');
const EVAL_LANGUAGES: Language[] = ['sv', 'fi', 'nb', 'nn'];

interface LabelledText {
  language: Language;
  name: string;
  text: string;
}

function realDocuments(): LabelledText[] {
  const docs: LabelledText[] = [];
  if (existsSync(EVAL_DIR)) {
    for (const language of EVAL_LANGUAGES) {
      for (const level of ['easy', 'standard']) {
        const dir = join(EVAL_DIR, language, level);
        if (!existsSync(dir)) continue;
        for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt')).sort()) {
          docs.push({ language, name: `eval/${language}/${level}/${file}`, text: readFileSync(join(dir, file), 'utf8') });
        }
      }
    }
  }
  if (existsSync(CORPUS_DIR)) {
    for (const file of readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt')).sort()) {
      const prefix = file.split('-')[0] as Language;
      if (LANGUAGES.includes(prefix)) {
        docs.push({ language: prefix, name: `corpus/${file}`, text: readFileSync(join(CORPUS_DIR, file), 'utf8') });
      }
    }
  }
  return docs;
}

function paragraphsOf(doc: LabelledText): LabelledText[] {
  return doc.text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length >= 40)
    .map((text) => ({ language: doc.language, name: doc.name, text }));
}

const haveRealTexts = existsSync(EVAL_DIR) || existsSync(CORPUS_DIR);
const realTextsTest = haveRealTexts ? it : it.skip;
const realTextsTitle = haveRealTexts
  ? 'real texts in ../shared/eval and ../shared/corpus: documents 100 %, paragraphs ≥ 90 % per language'
  : 'real texts: skipped, folder ../shared/eval (and ../shared/corpus) not found next to the repository';

describe('detectLanguage: measurement', () => {
  realTextsTest(realTextsTitle, () => {
    const docs = realDocuments();
    expect(docs.length).toBeGreaterThan(0);
    const wrongDocs = docs
      .map((doc) => ({ doc, guess: detectLanguage(doc.text) }))
      .filter(({ doc, guess }) => guess?.language !== doc.language);

    const rows: string[] = [];
    const confusions = new Map<string, number>();
    const accuracy = new Map<Language, number>();
    let words = 0;
    let elapsed = 0;
    for (const language of LANGUAGES) {
      const languageDocs = docs.filter((doc) => doc.language === language);
      if (languageDocs.length === 0) continue;
      const paragraphs = languageDocs.flatMap(paragraphsOf);
      let correct = 0;
      let undetermined = 0;
      for (const paragraph of paragraphs) {
        const start = performance.now();
        const guess = detectLanguage(paragraph.text);
        elapsed += performance.now() - start;
        words += paragraph.text.split(/\s+/).length;
        if (guess === undefined) undetermined++;
        else if (guess.language === language) correct++;
        else {
          const key = `${language}→${guess.language}`;
          confusions.set(key, (confusions.get(key) ?? 0) + 1);
        }
      }
      // An undetermined paragraph (only a URL, say) counts as wrong here.
      const share = paragraphs.length === 0 ? 1 : correct / paragraphs.length;
      accuracy.set(language, share);
      const docsCorrect = languageDocs.length - wrongDocs.filter(({ doc }) => doc.language === language).length;
      rows.push(
        `${language}: documents ${docsCorrect}/${languageDocs.length}, paragraphs ${correct}/${paragraphs.length} ` +
          `(${(share * 100).toFixed(1)} %, ${undetermined} undetermined)`,
      );
    }
    console.log(
      ['language detection on real texts', ...rows, `confusions: ${JSON.stringify(Object.fromEntries(confusions))}`,
        `time: ${((elapsed * 1000) / Math.max(1, words)).toFixed(2)} µs per word`].join('\n  '),
    );

    expect(wrongDocs.map(({ doc, guess }) => `${doc.name}: ${guess?.language ?? 'undefined'}`)).toEqual([]);
    for (const [language, share] of accuracy) {
      expect(share, `paragraph accuracy for ${language}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
