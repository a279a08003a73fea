import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import type { Report, Span } from '../../src/core/types.js';

function spans(report: Report): Span[] {
  return [...report.paragraphs, ...report.sections, ...report.sentences, ...report.diagnostics];
}

/** Every range lies inside the text, and line/column agree with the offset. */
function expectValidPositions(report: Report, text: string): void {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      lineStarts.push(i + 1);
    }
  }
  for (const s of spans(report)) {
    expect(s.offset).toBeGreaterThanOrEqual(0);
    expect(s.endOffset).toBeLessThanOrEqual(text.length);
    expect(s.offset).toBeLessThanOrEqual(s.endOffset);
    expect(lineStarts[s.line - 1]! + s.column - 1).toBe(s.offset);
    expect(lineStarts[s.endLine - 1]! + s.endColumn - 1).toBe(s.endOffset);
  }
}

/** JSON.stringify turns NaN and Infinity into null silently; catch them before that. */
function expectFiniteNumbers(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  else if (Array.isArray(value)) value.forEach(expectFiniteNumbers);
  else if (value && typeof value === 'object') Object.values(value).forEach(expectFiniteNumbers);
}

describe('bad input', () => {
  const cases: [string, string][] = [
    ['empty text', ''],
    ['only white space', ' \n\t\r\n '],
    ['only numbers', '12 345 678\n\n2024-01-01 13.00'],
    ['only URLs', 'https://example.org/a\nwww.example.org'],
    ['NUL bytes', 'Hej\u0000 på\u0000dig.\u0000'],
    ['lone surrogates', 'Ett \ud800 två \udc00 tre.'],
    ['CRLF line ends', 'Rubrik\r\nFörsta meningen här. Andra meningen.\r\n\r\nNytt stycke.'],
    ['CR line ends', 'Rubrik\rFörsta meningen här.\r\rNytt stycke.'],
    ['a byte-order mark', '\ufeffDet här är en text.'],
    ['mixed scripts', 'Привет мир. مرحبا بالعالم. 你好世界。 Hej världen. Γειά σου.'],
  ];
  for (const [name, text] of cases) {
    it(`analyses ${name} without throwing, with valid positions and no NaN`, () => {
      const report = analyse(text);
      expectValidPositions(report, text);
      expectFiniteNumbers(report);
    });
  }

  it('gives null metrics for a text without words', () => {
    const report = analyse('12 345 678', { language: 'sv' });
    expect(report.metrics).toMatchObject({ words: 0, sentences: 0, meanSentenceLength: null, lix: null, lixBand: null, ovix: null, difficulty: null });
    expect(JSON.parse(JSON.stringify(report)).metrics.lix).toBeNull();
  });

  it('analyses a single 10 MB paragraph', () => {
    const sentence = 'Kommunen har beslutat att bevilja bidraget för hela perioden, ';
    const text = sentence.repeat(Math.ceil(10_000_000 / sentence.length));
    const report = analyse(text, { language: 'sv' });
    expect(report.paragraphs).toHaveLength(1);
    expect(report.sentences).toHaveLength(1);
    expect(report.metrics.words).toBe(9 * Math.ceil(10_000_000 / sentence.length));
    const last = report.sentences[0]!;
    expect(last.endOffset).toBe(text.trimEnd().length);
  });
});

describe('property: any Unicode input', () => {
  const nordic = fc.constantFrom(
    ...'abcåäöæøéABCÅÄÖÆØ .,;:!?-–—\n\r\t"»«”()§%@/0123456789'.split(''),
    't.ex. ', 'f. eks. ', 'kl. ', 'esim. ', 'e.g. ', '-\n', ' \n\n', '\r\n', '\u0000', '\ud800', '\udc00', '😀', '\u200b', '\u202e', 'e\u0301',
    'https://x.y/z ', 'a@b.fi ', '12.1.2024 ', '13.00–15.45. ', '- a. ', '• ', '1. ', '# ',
  );
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(nordic, { maxLength: 200 }).map((xs) => xs.join('')));

  it('never throws and keeps every range inside the text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'sv', 'fi', 'nb', 'nn', 'en' as const), (input, language) => {
        const report = analyse(input, language ? { language } : {});
        expectValidPositions(report, input);
        expectFiniteNumbers(report);
        // The same input gives the same report.
        expect(analyse(input, language ? { language } : {})).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });
});
