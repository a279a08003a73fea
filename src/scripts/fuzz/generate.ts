/**
 * Input generators for the fuzz job (`npm run fuzz`) and tests/robustness/fuzz.test.ts.
 * A development tool: fast-check is a dev dependency, and nothing in src/core,
 * src/formats, src/node or src/server imports this.
 *
 * The inputs mix prose that klar's rules react to (the rules' own example
 * sentences and lemmas from rules/, plus a few phrases written here) with what
 * breaks text tools: zero-width and bidirectional controls, combining marks, lone
 * surrogates, CR-only and mixed line ends, line-end hyphens, very long words, deep
 * Markdown and HTML nesting, malformed markup and character references.
 */
import fc from 'fast-check';
import type { Language } from '../../core/types.js';
import { loadBuiltinRules } from '../../node/rules.js';

export const FUZZ_LANGUAGES: readonly Language[] = ['sv', 'fi', 'nb', 'nn', 'en'];

/** Prose per language: sentences and words that klar's rules and measures react to. */
export interface Material {
  sentences: Record<Language, string[]>;
  words: Record<Language, string[]>;
}

/** A few everyday sentences per language, written for the fuzz job (not taken from any corpus). */
const OWN_PHRASES: Record<Language, string[]> = {
  sv: [
    'Du kan ansöka om bidraget senast den 1 mars.',
    'Beslutet har fattats av nämnden, t.ex. efter att ansökan har inkommit.',
    'Handläggningen av ärendet sker skyndsamt.',
    'Det är inte omöjligt att ansökan inte beviljas.',
    'Kontakta oss på 08-123 45 67 kl. 9–12.',
  ],
  fi: [
    'Voit hakea tukea 1. maaliskuuta mennessä.',
    'Päätös on tehty hakemuksen käsittelyn jälkeen, esim. lautakunnassa.',
    'Asian käsittely suoritetaan viivytyksettä.',
    'Ei ole mahdotonta, ettei hakemusta hyväksytä.',
  ],
  nb: [
    'Du kan søke om støtte innen 1. mars.',
    'Vedtaket er fattet av utvalget, f.eks. etter at søknaden er mottatt.',
    'Behandlingen av saken foretas snarest.',
    'Det er ikke umulig at søknaden ikke innvilges.',
  ],
  nn: [
    'Du kan søkje om stønad innan 1. mars.',
    'Vedtaket er gjort av utvalet, t.d. etter at søknaden er motteken.',
    'Handsaminga av saka skjer snarast.',
    'Det er ikkje umogleg at søknaden ikkje vert innvilga.',
  ],
  en: [
    'You can apply for the grant by 1 March.',
    'The decision was made by the committee, e.g. after the application had been received.',
    'In accordance with the regulations, the application shall be processed forthwith.',
    'It is not impossible that the application will not be approved.',
  ],
};

let material: Material | undefined;

/** Prose from the built-in rules' examples and lemmas, and the phrases above. Loaded once. */
export function fuzzMaterial(): Material {
  if (material) return material;
  const sentences = Object.fromEntries(FUZZ_LANGUAGES.map((l) => [l, [...OWN_PHRASES[l]]])) as Record<Language, string[]>;
  const words = Object.fromEntries(FUZZ_LANGUAGES.map((l) => [l, [] as string[]])) as Record<Language, string[]>;
  for (const rule of loadBuiltinRules()) {
    sentences[rule.language].push(...rule.examples.bad, ...rule.examples.good);
    words[rule.language].push(...(rule.lemmas ?? []), ...(rule.forms ?? []));
  }
  for (const l of FUZZ_LANGUAGES) {
    // Words from the sentences too, so every language has plenty.
    for (const s of sentences[l]) words[l].push(...(s.match(/\p{L}+/gu) ?? []));
    sentences[l] = [...new Set(sentences[l])].sort();
    words[l] = [...new Set(words[l])].sort();
  }
  material = { sentences, words };
  return material;
}

// ---------------------------------------------------------------------------
// Characters that break text tools

export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
export const BIDI = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'];
export const COMBINING = ['\u0301', '\u0308', '\u030a', '\u0327', '\u0303', '\u034f', '\u0336', '\u20d7', '\ufe0f', '\u0489'];
export const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ude00\ud83d' /* a pair in the wrong order */];
const ASTRAL = ['😀', '👩‍👩‍👧', '🇸🇪', '𝔸', '𐍈', '👍🏽'];
const ODD = ['\u0000', '\t', '\u00a0', '\u00ad', '\u2028', '\u2029', '\u000b', '\u000c', '\u0085', '\u3000', '\ufffd', '\uffff'];
const LINE_ENDS = ['\n', '\r', '\r\n', '\n\n', '\r\r', '\r\n\r\n', '\n\r', '\r\n\n', ' \n', '\t\r\n'];
const ABBREVIATIONS = ['t.ex. ', 'bl.a. ', 'f. eks. ', 'bl.a. ', 'esim. ', 'ns. ', 'e.g. ', 'i.e. ', 'kl. ', 'nr. ', 'jfr ', 'mm. '];
const PUNCTUATION = ['.', ',', ';', ':', '!', '?', '…', '–', '—', '-', '"', '»', '«', '”', '(', ')', '[', ']', '§', '%', '/', '·', '•'];
const SPECIAL = [...ZERO_WIDTH, ...BIDI, ...COMBINING, ...LONE_SURROGATES, ...ASTRAL, ...ODD];

const language = fc.constantFrom(...FUZZ_LANGUAGES);

/** Inserts the given characters at the given relative places of `s`. */
function sprinkle(s: string, inserts: [number, string][]): string {
  let out = s;
  for (const [at, c] of inserts) {
    const i = Math.floor(at * (out.length + 1));
    out = out.slice(0, i) + c + out.slice(i);
  }
  return out;
}

function sentence(m: Material): fc.Arbitrary<string> {
  return language.chain((l) => fc.constantFrom(...m.sentences[l]));
}

function word(m: Material): fc.Arbitrary<string> {
  return language.chain((l) => fc.constantFrom(...m.words[l]));
}

/** One piece of a plain text. */
function piece(m: Material): fc.Arbitrary<string> {
  const special = fc.constantFrom(...SPECIAL);
  return fc.oneof(
    { weight: 30, arbitrary: sentence(m).map((s) => `${s} `) },
    { weight: 10, arbitrary: word(m).map((w) => `${w} `) },
    // Prose with invisible and odd characters inside its words.
    {
      weight: 12,
      arbitrary: fc
        .tuple(sentence(m), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), special), { minLength: 1, maxLength: 6 }))
        .map(([s, inserts]) => sprinkle(s, inserts)),
    },
    { weight: 10, arbitrary: fc.constantFrom(...LINE_ENDS) },
    { weight: 6, arbitrary: special },
    // A word broken at a line end, as in text copied from a PDF.
    {
      weight: 5,
      arbitrary: fc
        .tuple(word(m), fc.constantFrom('-', '‐', '\u00ad'), fc.constantFrom('\n', '\r', '\r\n', ' \n '), word(m))
        .map(([a, h, e, b]) => `${a}${h}${e}${b.toLowerCase()} `),
    },
    // Very long words: compounds of rule words, and runs of one letter.
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.array(word(m), { minLength: 3, maxLength: 40 }).map((ws) => `${ws.join('').toLowerCase()} `),
        fc.tuple(fc.constantFrom('a', 'ö', 'ß', 'e\u0301', '\u05d0', '😀'), fc.integer({ min: 20, max: 2000 })).map(([c, n]) => `${c.repeat(n)} `),
      ),
    },
    { weight: 4, arbitrary: fc.constantFrom(...ABBREVIATIONS, ...PUNCTUATION) },
    { weight: 3, arbitrary: fc.constantFrom('https://example.org/a?b=c&d=e ', 'www.example.fi. ', 'namn@example.se ', '12.1.2024 ', '13.00–15.45. ', '1 234,50 € ', '§ 12 ') },
    { weight: 3, arbitrary: fc.constantFrom('# ', '- ', '* ', '1. ', 'a) ', '• ', '   ', '\t') },
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  );
}

/** CR-only, CRLF or mixed line ends instead of the generated LF. */
function lineEnds(text: string, style: number): string {
  switch (style) {
    case 1:
      return text.replace(/\r\n|\n/g, '\r');
    case 2:
      return text.replace(/\r?\n/g, '\r\n');
    case 3: {
      // Mixed: each LF in turn becomes LF, CR or CRLF.
      let k = 0;
      return text.replace(/\n/g, () => ['\n', '\r', '\r\n'][k++ % 3] as string);
    }
    default:
      return text;
  }
}

/** Plain text of up to `maxPieces` pieces (a few kilobytes at most, except for long words). */
export function plainText(m: Material, maxPieces = 60): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(piece(m), { maxLength: maxPieces }), fc.integer({ min: 0, max: 3 }))
    .map(([pieces, style]) => lineEnds(pieces.join(''), style));
}

// ---------------------------------------------------------------------------
// Markdown

function inlineMarkdown(m: Material): fc.Arbitrary<string> {
  const text = fc.oneof(sentence(m), word(m), piece(m));
  return fc.oneof(
    { weight: 10, arbitrary: text },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('*', '_', '**', '__', '~~', '***', '`', '``'), fc.integer({ min: 1, max: 60 }), text).map(([d, n, t]) => `${d.repeat(n)}${t}${d.repeat(n)}`) },
    // Nested emphasis that may not close.
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 80 }), text, fc.boolean()).map(([n, t, close]) => `${'*_'.repeat(n)}${t}${close ? '_*'.repeat(n) : ''}`) },
    { weight: 3, arbitrary: fc.tuple(text, fc.constantFrom('https://example.org/x', '<https://a.b>', '#rubrik', '', 'javascript:alert(1)')).map(([t, u]) => `[${t}](${u})`) },
    { weight: 2, arbitrary: text.map((t) => `![${t}](bild.png "titel")`) },
    { weight: 2, arbitrary: text.map((t) => `[${t}][ref] [ref]: https://example.org`) },
    { weight: 2, arbitrary: fc.constantFrom('&amp;', '&auml;', '&ouml;', '&#229;', '&#xE5;', '&#x1F600;', '&#xD800;', '&#0;', '&#1114112;', '&nbsp;', '&bogus;', '&notit;', '&copy2024', '&#10;', '&#13;', '\\*', '\\', '  \n', '\\\n') },
    { weight: 2, arbitrary: fc.constantFrom('<span>', '</span>', '<br>', '<!-- kommentar -->', '<!--', '-->', '<b>fet</b>', '<script>alert(1)</script>', 'https://example.org', 'www.example.se', '[^1]', '$x$') },
  );
}

function markdownBlock(m: Material): fc.Arbitrary<string> {
  const inline = fc.array(inlineMarkdown(m), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(' '));
  const depth = fc.integer({ min: 1, max: 40 });
  return fc.oneof(
    { weight: 10, arbitrary: inline },
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
    { weight: 2, arbitrary: inline.map((t) => `${t}\n${'='.repeat(3)}`) },
    // Deep block quotes, with lazy continuation lines.
    { weight: 3, arbitrary: fc.tuple(depth, inline, inline).map(([n, a, b]) => `${'> '.repeat(n)}${a}\n${b}`) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 500 }), inline).map(([n, t]) => `${'>'.repeat(n)} ${t}`) },
    // Nested lists.
    {
      weight: 4,
      arbitrary: fc
        .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '), inline), { minLength: 1, maxLength: 12 })
        .map((items) => items.map(([d, mark, t]) => `${'  '.repeat(d)}${mark}${t}`).join('\n')),
    },
    { weight: 2, arbitrary: fc.tuple(depth, inline).map(([n, t]) => `${'- '.repeat(n)}${t}`) },
    { weight: 2, arbitrary: fc.tuple(depth, inline).map(([n, t]) => `${'> - 1. '.repeat(n)}${t}`) },
    // Fences, long and short, closed or not.
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom('`', '~'), fc.integer({ min: 3, max: 60 }), fc.constantFrom('', 'js', 'md'), inline, fc.integer({ min: 0, max: 70 }))
        .map(([c, n, info, body, close]) => `${c.repeat(n)}${info}\n${body}\n${close ? c.repeat(close) : ''}`),
    },
    { weight: 1, arbitrary: inline.map((t) => `    indented code ${t}`) },
    { weight: 2, arbitrary: fc.tuple(inline, inline).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`) },
    { weight: 1, arbitrary: inline.map((t) => `---\ntitle: ${t}\n---`) },
    { weight: 1, arbitrary: inline.map((t) => `+++\ntitle = "${t}"\n+++`) },
    { weight: 2, arbitrary: fc.constantFrom('<!-- klar-disable -->', '<!-- klar-enable -->', '<!-- klar-disable-next-line sv/officialese/ -- citat -->', '<!-- klar-disable long-sentence', '<div>\n\n*x*\n\n</div>', '<pre>\n\n</pre>', '***', '- - -', '[^1]: fotnot', '[ref]: <https://x.y> "t"') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  );
}

/** A Markdown document: blocks separated by blank or single line ends, in any line-end style. */
export function markdownText(m: Material, maxBlocks = 25): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.tuple(markdownBlock(m), fc.constantFrom('\n\n', '\n', '\n\n\n', '')), { maxLength: maxBlocks }), fc.integer({ min: 0, max: 3 }))
    .map(([blocks, style]) => lineEnds(blocks.map(([b, sep]) => b + sep).join(''), style));
}

// ---------------------------------------------------------------------------
// HTML

const TAGS = ['p', 'div', 'span', 'h1', 'h2', 'h6', 'li', 'ul', 'ol', 'td', 'table', 'tr', 'blockquote', 'em', 'b', 'a', 'section', 'article', 'nav', 'pre', 'code', 'script', 'style', 'template', 'textarea', 'noscript', 'title', 'svg', 'math', 'select', 'option', 'iframe', 'button'];
const ATTRIBUTES = ['', ' lang="sv"', ' lang="fi"', ' lang="nb"', ' lang="nn"', ' lang="en-GB"', ' lang="xx"', ' lang=""', ' hidden', ' class="a"', ' href="javascript:alert(1)"', ' title="&quot;x&quot;"', ' lang="sv', " onclick='x'", ' dir="rtl"'];

function htmlNode(m: Material): fc.Arbitrary<string> {
  const text = fc.oneof(sentence(m), word(m), piece(m));
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: text },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRIBUTES), fc.array(tie('node'), { maxLength: 4 }), fc.constantFrom('close', 'close', 'close', 'open', 'mismatch'))
          .map(([tag, attr, children, close]) => `<${tag}${attr}>${children.join('')}${close === 'close' ? `</${tag}>` : close === 'mismatch' ? '</p>' : ''}`),
      },
      { weight: 2, arbitrary: fc.constantFrom('&amp;', '&auml;', '&Ouml;', '&#229;', '&#xE5;', '&#x1F600;', '&#xD800;', '&#xDC00;', '&#0;', '&#1114112;', '&#99999999;', '&nbsp;', '&bogus;', '&notit;', '&copy2024', '&#10;', '&#13;', '&lt;script&gt;', '&', '&#', '&#x;') },
      { weight: 2, arbitrary: fc.constantFrom('<br>', '<hr>', '<img alt="bild">', '<!-- klar-disable -->', '<!-- klar-enable -->', '<!-- klar-disable-next-line -- skäl -->', '<!--', '-->', '<!---->', '<![CDATA[x]]>', '<?php ?>', '</', '<p', '<a href="', '</div>', '</html>', '<!DOCTYPE html>', '\n', '\r', '\r\n', '<script>', '</script>', '</style>') },
    ),
  }));
  return node;
}

/** Nesting `depth` elements deep, with text at the bottom; closed or not. */
function deepHtml(m: Material, maxDepth: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('div', 'span', 'p', 'li', 'b', 'blockquote', 'table', 'ul'), fc.integer({ min: 1, max: maxDepth }), sentence(m), fc.boolean())
    .map(([tag, depth, s, close]) => `<${tag}>`.repeat(depth) + s + (close ? `</${tag}>`.repeat(depth) : ''));
}

/** An HTML document (or fragment), well-formed or not. */
export function htmlText(m: Material, maxNodes = 12, maxDepth = 1500): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('', '<!DOCTYPE html>\n<html lang="sv"><head><title>T</title></head><body>\n', '<html lang="fi">', '<html lang="en"><body>', '<html lang="nb">\r\n', '<html lang="zz">'),
      fc.array(fc.oneof({ weight: 8, arbitrary: htmlNode(m) }, { weight: 1, arbitrary: deepHtml(m, maxDepth) }), { maxLength: maxNodes }),
      fc.constantFrom('', '</body></html>', '</html>\n'),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([head, nodes, tail, style]) => lineEnds(head + nodes.join('\n') + tail, style));
}

// ---------------------------------------------------------------------------
// One-megabyte lines (few: each takes a second or more to analyse)

export type HugeKind = 'prose-line' | 'one-word' | 'combining' | 'zero-width' | 'rtl' | 'surrogates' | 'cr-only' | 'quote-nesting' | 'list-nesting' | 'emphasis' | 'html-nesting' | 'entities';

export const HUGE_KINDS: readonly HugeKind[] = ['prose-line', 'one-word', 'combining', 'zero-width', 'rtl', 'surrogates', 'cr-only', 'quote-nesting', 'list-nesting', 'emphasis', 'html-nesting', 'entities'];

const MB = 1_000_000;

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** About one million UTF-16 code units of the given kind, built from `s` (one sentence). */
export function hugeText(kind: HugeKind, s: string): string {
  switch (kind) {
    case 'prose-line':
      return repeatTo(`${s} `, MB);
    case 'one-word':
      return repeatTo(s.replace(/[^\p{L}]/gu, '') || 'ord', MB);
    case 'combining':
      return `${s} a${'\u0301'.repeat(MB)} ${s}`;
    case 'zero-width':
      return repeatTo(`${s.replace(/ /g, '\u200b')}\u200d\u2060\ufeff`, MB);
    case 'rtl':
      return repeatTo(`\u202e${s}\u202c \u2067${s}\u2069 \u200f`, MB);
    case 'surrogates':
      return repeatTo(`${s}\ud800 😀\udc00`, MB);
    case 'cr-only':
      return repeatTo(`${s}\r`, MB);
    case 'quote-nesting':
      return `${'>'.repeat(MB)} ${s}`;
    case 'list-nesting':
      return `${'- '.repeat(MB / 2)}${s}`;
    case 'emphasis':
      return `${'*'.repeat(MB / 2)}${s}${'*'.repeat(MB / 2)}`;
    case 'html-nesting':
      return `${'<div>'.repeat(MB / 5)}${s}`;
    case 'entities':
      return repeatTo(`&auml;&#xD800;&bogus;&#x1F600;${s}`, MB);
  }
}

export function hugeInput(m: Material): fc.Arbitrary<{ kind: HugeKind; text: string }> {
  return fc.tuple(fc.constantFrom(...HUGE_KINDS), sentence(m)).map(([kind, s]) => ({ kind, text: hugeText(kind, s) }));
}
