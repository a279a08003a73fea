/**
 * Language detection for klar's five languages (sv, fi, nb, nn, en).
 *
 * Two steps: eld's n-gram model (see ngram-model.ts) picks among Swedish,
 * Norwegian, Finnish and English, with Danish as a stand-in for whichever of
 * Norwegian and Swedish is closer; then, for Norwegian, marker words and
 * optionally the two Hunspell lexicons decide between bokmål and nynorsk,
 * which no general-purpose detector separates.
 *
 * Pure and synchronous: it runs once per paragraph, so the work per call is
 * bounded by sampling long texts instead of reading them whole.
 */

import type { Language, Lexicon } from '../types.js';
import { NGRAM_LANGUAGES, scoreNgrams, type NgramLanguage } from './ngram-model.js';
import { scoreNorwegianMarkers, type VariantScore } from './norwegian-markers.js';

export interface LanguageGuess {
  language: Language;
  /** 0..1; low when the runner-up was close or the evidence was thin. */
  confidence: number;
}

export interface DetectLanguageOptions {
  /**
   * Spelling lexicons. With both `nb` and `nn`, words that only one of them
   * accepts help to separate bokmål from nynorsk when marker words are few.
   */
  lexicons?: Partial<Record<Language, Lexicon>>;
  /**
   * The language to prefer when the evidence does not clearly favour another
   * one, typically the document's language when detecting a paragraph.
   */
  fallback?: Language;
}

/** The detector looks at no more than this many characters of a text. */
export const MAX_SAMPLE_CHARS = 4000;
// Long texts are sampled in several windows so that a letterhead, an address
// block or an English abstract at the top cannot decide a whole document.
const SAMPLE_WINDOWS = 4;
/** Fewer letter words than this is too little to go on; the caller falls back. */
const MIN_WORDS = 2;
/** Hunspell is slow (tens of µs a word), so only this many distinct words are checked. */
const MAX_LEXICON_WORDS = 60;
/** A marker difference this large decides bokmål/nynorsk whatever the lexicons say. */
const STRONG_MARKER_MARGIN = 4;

// Confidence reaches 63 % when the winner leads by this many score points per
// distinct n-gram (eld's per-n-gram scores are around 60–120).
const NGRAM_MARGIN_SCALE = 4;
// The fallback language wins when it trails the leader by less than this many
// points per n-gram; on the evaluation texts correct decisions won by 7 or more.
const FALLBACK_MARGIN = 4;
/** Confidence of a decision that rests on a tie-break (fallback or bokmål by default). */
const TIE_CONFIDENCE = 0.1;

// Addresses are dropped token by token: a whole-text regex for them backtracks
// quadratically on long runs without white space.
const WWW = /^\W*www\./i;
const DOMAIN = /^\W*(?:[\p{L}\p{N}-]+\.)+(?:no|se|fi|dk|ax|eu|com|org|net|gov|int|info|io)(?:[/:?#>)\]».,;]|$)/iu;
const TOKEN = /\S+/g;
const MAYBE_ADDRESS = /[@:]|\.\p{L}|www\./iu;
const LETTER_WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

type General = 'sv' | 'no' | 'fi' | 'en';

/**
 * Guesses the language of `text`, or returns undefined when the text has too
 * little evidence (fewer than two words, only numbers or addresses). Never
 * throws.
 */
export function detectLanguage(text: string, opts: DetectLanguageOptions = {}): LanguageGuess | undefined {
  try {
    return detect(text, opts);
  } catch {
    // Detection is advisory: a bug here must not take down a whole analysis.
    return undefined;
  }
}

function detect(text: string, opts: DetectLanguageOptions): LanguageGuess | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const sample = dropAddresses(sampleText(text).normalize('NFC'));
  const words = letterWords(sample);
  if (words.length < MIN_WORDS) return undefined;

  const general = detectGeneral(sample, opts.fallback);
  if (general === undefined) return undefined;
  if (general.language !== 'no') return { language: general.language, confidence: general.confidence };

  const variant = detectNorwegianVariant(words, opts);
  return { language: variant.language, confidence: round(Math.min(general.confidence, variant.confidence)) };
}

/** The whole text when short, else evenly spaced windows cut at white space. */
function sampleText(text: string): string {
  if (text.length <= MAX_SAMPLE_CHARS) return text;
  const width = Math.floor(MAX_SAMPLE_CHARS / SAMPLE_WINDOWS);
  const step = (text.length - width) / (SAMPLE_WINDOWS - 1);
  const parts: string[] = [];
  for (let k = 0; k < SAMPLE_WINDOWS; k++) {
    const start = Math.floor(k * step);
    const window = text.slice(start, start + width);
    // Drop the partial words at both ends; they would give false n-grams.
    const first = window.search(/\s/);
    const last = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
    parts.push(first >= 0 && last > first ? window.slice(first, last) : window);
  }
  return parts.join('\n');
}

/** URLs, e-mail addresses and bare domains are not text in any language. */
function dropAddresses(text: string): string {
  // Every address has an "@", a ":" (of "://"), "www." or a dot before a letter; most paragraphs have none.
  if (!MAYBE_ADDRESS.test(text)) return text;
  return text.replace(TOKEN, (token) =>
    token.includes('://') || WWW.test(token) || isEmail(token) || DOMAIN.test(token) ? ' ' : token,
  );
}

function isEmail(token: string): boolean {
  const at = token.indexOf('@');
  return at > 0 && token.indexOf('.', at + 2) > 0;
}

function letterWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(LETTER_WORD)) {
    // One-letter tokens (initials, list letters, "i", "å") say little about the language.
    if (match[0].length >= 2) words.push(match[0]);
  }
  return words;
}

function familyOf(language: Language | undefined): General | undefined {
  if (language === 'nb' || language === 'nn') return 'no';
  return language;
}

function detectGeneral(sample: string, fallback: Language | undefined): { language: General; confidence: number } | undefined {
  const { scores, ngrams } = scoreNgrams(sample);
  const score = (lang: NgramLanguage): number => scores[NGRAM_LANGUAGES.indexOf(lang)] ?? 0;

  // Danish is not one of klar's languages; text eld calls Danish is nearly
  // always Norwegian (or, rarely, Swedish) that happens to share its spelling,
  // so its score is credited to the closer of the two.
  const danish = score('da');
  const candidates: Record<General, number> = { sv: score('sv'), no: score('no'), fi: score('fi'), en: score('en') };
  if (candidates.no >= candidates.sv) candidates.no = Math.max(candidates.no, danish);
  else candidates.sv = Math.max(candidates.sv, danish);

  const ranked = (Object.entries(candidates) as [General, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] <= 0 || ngrams === 0) return undefined;
  const runnerUp = second?.[1] ?? 0;

  const preferred = familyOf(fallback);
  if (preferred !== undefined && preferred !== first[0] && (first[1] - candidates[preferred]) / ngrams < FALLBACK_MARGIN) {
    return { language: preferred, confidence: TIE_CONFIDENCE };
  }
  // The margin per n-gram measures how clearly the language won; the number
  // of n-grams how much text backs that up.
  const perNgram = (first[1] - runnerUp) / ngrams;
  const confidence = (1 - Math.exp(-perNgram / NGRAM_MARGIN_SCALE)) * (1 - Math.exp(-ngrams / 8));
  return { language: first[0], confidence: round(confidence) };
}

function detectNorwegianVariant(
  words: readonly string[],
  opts: DetectLanguageOptions,
): { language: 'nb' | 'nn'; confidence: number } {
  const markers = scoreNorwegianMarkers(words);
  let evidence: VariantScore = markers;

  const markerMargin = Math.abs(markers.nn - markers.nb);
  const nbLexicon = opts.lexicons?.nb;
  const nnLexicon = opts.lexicons?.nn;
  if (markerMargin < STRONG_MARKER_MARGIN && nbLexicon !== undefined && nnLexicon !== undefined) {
    const lexical = compareLexicons(words, nbLexicon, nnLexicon);
    evidence = { nb: markers.nb + lexical.nb, nn: markers.nn + lexical.nn };
  }

  const total = evidence.nb + evidence.nn;
  const diff = evidence.nn - evidence.nb;
  if (diff === 0) {
    // No evidence either way: the caller's language, else bokmål, which most Norwegian text is written in.
    return { language: opts.fallback === 'nn' ? 'nn' : 'nb', confidence: TIE_CONFIDENCE };
  }
  const confidence = (Math.abs(diff) / (total + 2)) * (1 - Math.exp(-Math.abs(diff) / 3));
  return { language: diff > 0 ? 'nn' : 'nb', confidence };
}

/**
 * Counts distinct words only one of the two lexicons accepts. This is the
 * comparison of the two miss rates with the words both accept or both reject
 * (the same in either case) left out.
 */
function compareLexicons(words: readonly string[], nb: Lexicon, nn: Lexicon): VariantScore {
  const seen = new Set<string>();
  let nbOnly = 0;
  let nnOnly = 0;
  for (const word of words) {
    if (seen.size >= MAX_LEXICON_WORDS) break;
    // Capitalised words are mostly names, which both lexicons know or neither does.
    if (word.length < 3 || seen.has(word) || word[0] !== word[0]?.toLowerCase()) continue;
    seen.add(word);
    const inNb = safeIsWord(nb, word);
    const inNn = safeIsWord(nn, word);
    if (inNb && !inNn) nbOnly++;
    else if (inNn && !inNb) nnOnly++;
  }
  return { nb: nbOnly, nn: nnOnly };
}

function safeIsWord(lexicon: Lexicon, word: string): boolean {
  try {
    return lexicon.isWord(word);
  } catch {
    return false;
  }
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
