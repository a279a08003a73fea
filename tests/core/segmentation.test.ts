import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import type { Language, Report } from '../../src/core/types.js';

/** The sentences of a text as the user would see them quoted. */
function sentences(text: string, language: Language): string[] {
  const report = analyse(text, { language });
  return report.sentences.map((s) => text.slice(s.offset, s.endOffset));
}

function wordCount(text: string, language: Language): number {
  return analyse(text, { language }).metrics.words;
}

describe('sentences: Swedish abbreviations', () => {
  it('does not split at abbreviations followed by a capital or a digit', () => {
    const text = 'Vi samarbetar med t.ex. Sverige och bl.a. Finland. Mötet hålls kl. 13.00–15.45. Se beslut nr. 12 från i fjol.';
    expect(sentences(text, 'sv')).toEqual([
      'Vi samarbetar med t.ex. Sverige och bl.a. Finland.',
      'Mötet hålls kl. 13.00–15.45.',
      'Se beslut nr. 12 från i fjol.',
    ]);
  });

  it('keeps fr.o.m., t.o.m., dvs., s.k., m.fl., jfr, prop. and ca inside the sentence', () => {
    const text =
      'Bidraget gäller fr.o.m. 1 april t.o.m. 30 juni, dvs. tre månader. Den s.k. Lex Sarah gäller, jfr prop. 2009/10:131. Det kostar ca. 50 kr. Klart.';
    expect(sentences(text, 'sv')).toEqual([
      'Bidraget gäller fr.o.m. 1 april t.o.m. 30 juni, dvs. tre månader.',
      'Den s.k. Lex Sarah gäller, jfr prop. 2009/10:131.',
      'Det kostar ca. 50 kr.',
      'Klart.',
    ]);
  });

  it('splits where an abbreviation really ends the sentence', () => {
    expect(sentences('Vi köper papper, pennor m.m. Nästa vecka beställer vi mer.', 'sv')).toHaveLength(2);
    expect(sentences('Ta med mat, vatten osv. Vi ses där.', 'sv')).toHaveLength(2);
    expect(sentences('Läs mer på s. 7. Nästa mening kommer här.', 'sv')).toEqual([
      'Läs mer på s. 7.',
      'Nästa mening kommer här.',
    ]);
  });

  it('does not split inside dates, section numbers, e-mail addresses and URLs', () => {
    const text =
      'Beslutet fattades 12.1.2024 enligt 3 kap. 4 § förvaltningslagen. Skriv till anna.berg@kommun.se. Läs mer på https://www.kommun.se/bidrag.html eller www.kommun.se. Tack.';
    expect(sentences(text, 'sv')).toEqual([
      'Beslutet fattades 12.1.2024 enligt 3 kap. 4 § förvaltningslagen.',
      'Skriv till anna.berg@kommun.se.',
      'Läs mer på https://www.kommun.se/bidrag.html eller www.kommun.se.',
      'Tack.',
    ]);
  });

  it('treats headings, list items and block-ending lines as sentences of their own', () => {
    const text = 'Bakgrund\nKommunen har beslutat om nya regler för bidraget. Det gäller alla.\n\n- Första punkten\n- Andra punkten\n• Tredje\n1. Ett\n2. Två\n\nMed vänliga hälsningar\nSocialförvaltningen';
    expect(sentences(text, 'sv')).toEqual([
      'Bakgrund',
      'Kommunen har beslutat om nya regler för bidraget.',
      'Det gäller alla.',
      'Första punkten',
      'Andra punkten',
      'Tredje',
      'Ett',
      'Två',
      'Med vänliga hälsningar',
      'Socialförvaltningen',
    ]);
    const report = analyse(text, { language: 'sv' });
    expect(report.paragraphs.map((p) => p.kind)).toEqual([
      'heading', 'paragraph', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item', 'paragraph', 'paragraph',
    ]);
    expect(report.sections.map((s) => s.heading)).toEqual(['Bakgrund']);
  });
});

describe('sentences: PDF text', () => {
  const pdf =
    'Förtroende och kommunikation är viktiga de-\nlar i en öppen förvaltning. Det är\nsvårt att mäta. Kommunikat-\nionens roll ska lyftas upp i OECD-\nländerna och OECD-länderna.';

  it('keeps hard line breaks inside a paragraph from ending sentences', () => {
    expect(sentences(pdf, 'sv')).toEqual([
      'Förtroende och kommunikation är viktiga de-\nlar i en öppen förvaltning.',
      'Det är\nsvårt att mäta.',
      'Kommunikat-\nionens roll ska lyftas upp i OECD-\nländerna och OECD-länderna.',
    ]);
  });

  it('counts a word hyphenated across a line break as one word', () => {
    const report = analyse(pdf, { language: 'sv' });
    expect(report.sentences.map((s) => s.words)).toEqual([10, 5, 9]);
    expect(report.metrics.words).toBe(24);
  });

  it('reports the joined word with a range into the original text', () => {
    const report = analyse('Det här är ett exempel på ett långt ord: ansvars-\nförsäkringsbolagsavtalsvillkoren gäller.', { language: 'sv' });
    const long = report.diagnostics.find((d) => d.ruleId === 'long-word');
    expect(long?.excerpt).toBe('ansvars-\nförsäkringsbolagsavtalsvillkoren');
    expect([long?.line, long?.column, long?.endLine, long?.endColumn]).toEqual([1, 42, 2, 33]);
  });
});

describe('sentences: Norwegian', () => {
  it('handles f.eks., f. eks., iht., jf., Org.nr., kl. and e.f.', () => {
    const text =
      'Kommunen kan f.eks. Bergen eller f. eks. Oslo. Saken behandles iht. loven, jf. forskriften. Org.nr. 972 417 858. Møtet er kl. 13 e.f. Neste setning kommer her.';
    expect(sentences(text, 'nb')).toEqual([
      'Kommunen kan f.eks. Bergen eller f. eks. Oslo.',
      'Saken behandles iht. loven, jf. forskriften.',
      'Org.nr. 972 417 858.',
      'Møtet er kl. 13 e.f.',
      'Neste setning kommer her.',
    ]);
  });

  it('keeps ordinal dates and lettered lists apart from sentence ends', () => {
    const text = 'Møtet er den 15. juni i Oslo.\n\n- a. Mer åpenhet om innkjøp\n- b. Antikorrupsjon\n\nTemaene a. – g. treffer bredt.';
    expect(sentences(text, 'nb')).toEqual([
      'Møtet er den 15. juni i Oslo.',
      'Mer åpenhet om innkjøp',
      'Antikorrupsjon',
      'Temaene a. – g. treffer bredt.',
    ]);
  });

  it('splits nynorsk text at t.d. only where a sentence ends', () => {
    const text = 'Du kan t.d. søkje på nett. Kommunen gjer vedtak om kva du får, mv. Svaret kjem i posten.';
    expect(sentences(text, 'nn')).toHaveLength(3);
  });
});

describe('sentences: Finnish', () => {
  it('handles esim., ks., klo, nro, n., jne. and ordinal dates', () => {
    const text =
      'Tuki maksetaan esim. Helsingissä ja ks. liite 2. Palvelu on auki klo 9–12, ja asiakkaita on n. 20 päivässä. Haku päättyy 9. syyskuuta. Tuo passi, kortti jne. Seuraava virke alkaa tästä.';
    expect(sentences(text, 'fi')).toEqual([
      'Tuki maksetaan esim. Helsingissä ja ks. liite 2.',
      'Palvelu on auki klo 9–12, ja asiakkaita on n. 20 päivässä.',
      'Haku päättyy 9. syyskuuta.',
      'Tuo passi, kortti jne.',
      'Seuraava virke alkaa tästä.',
    ]);
  });
});

describe('sentences: English', () => {
  it('handles e.g., Mr. and etc.', () => {
    const text = 'Bring a document, e.g. Your passport. Ask Mr. Smith at the desk. Bring pens, paper etc. Then wait.';
    expect(sentences(text, 'en')).toEqual([
      'Bring a document, e.g. Your passport.',
      'Ask Mr. Smith at the desk.',
      'Bring pens, paper etc.',
      'Then wait.',
    ]);
  });
});

describe('words', () => {
  it('counts letter words only: numbers, URLs and e-mail addresses are not words', () => {
    expect(wordCount('Ring 0295 150 348 eller skriv till info@kommun.se eller www.kommun.se idag.', 'sv')).toBe(6);
    expect(wordCount('OECD:s rapport om OECD-länderna.', 'sv')).toBe(4);
  });
});

describe('positions', () => {
  function check(report: Report, text: string): void {
    for (const item of [...report.sentences, ...report.paragraphs, ...report.sections, ...report.diagnostics]) {
      expect(item.offset).toBeGreaterThanOrEqual(0);
      expect(item.endOffset).toBeLessThanOrEqual(text.length);
      expect(item.offset).toBeLessThanOrEqual(item.endOffset);
    }
  }

  it('counts columns in UTF-16 code units and lines at CRLF, LF and CR', () => {
    const word = 'försäkringsbolagsavtalsvillkoren';
    const text = `Rad ett.\r\nRad två.\rRad tre.\n😀 Ett ${word} här.`;
    const report = analyse(text, { language: 'sv' });
    check(report, text);
    expect(report.sentences.map((s) => [s.line, s.column])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    const long = report.diagnostics.find((d) => d.ruleId === 'long-word');
    // The emoji is two UTF-16 code units: "😀 Ett " is 7 units, so the word starts at column 8.
    expect(long).toMatchObject({ line: 4, column: 8, endLine: 4, endColumn: 8 + word.length });
    expect(text.slice(long!.offset, long!.endOffset)).toBe(word);
  });

  it('points findings at the exact sentence', () => {
    const long = Array.from({ length: 30 }, (_, i) => `ord${'a'.repeat(i % 3)}`).join(' ');
    const text = `Kort mening.\n\n${long}.`;
    const report = analyse(text, { language: 'sv' });
    const finding = report.diagnostics.find((d) => d.ruleId === 'long-sentence');
    expect(finding).toMatchObject({ category: 'long-sentence', severity: 'warning', line: 3, column: 1, endLine: 3 });
    expect(text.slice(finding!.offset, finding!.endOffset)).toBe(`${long}.`);
    expect(finding!.message).toBe('Lång mening: 30 ord (högst 25). Dela upp den i kortare meningar.');
    expect(finding!.messageEn).toBe('Long sentence: 30 words (at most 25). Split it into shorter sentences.');
  });
});
