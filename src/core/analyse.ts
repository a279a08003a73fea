import { detectLanguage } from './language/detect.js';
import { formatMessage } from './messages.js';
import { measure, type MeasuredWord } from './metrics/measure.js';
import { isNominal } from './metrics/nominal.js';
import { isCapitalised, isRareForm } from './metrics/raw.js';
import { excerptOf } from './text/excerpt.js';
import { LineIndex } from './text/line-index.js';
import { segmentBlock, splitBlocks, type ParagraphModel } from './text/segment.js';
import { thresholdsFor } from './thresholds.js';
import { ruleFindings } from './rules/run.js';
import type {
  AnalyseOptions,
  Diagnostic,
  Language,
  Metrics,
  ParagraphReport,
  Profile,
  Report,
  Resources,
  SectionReport,
  SentenceReport,
  Severity,
  TextBlock,
} from './types.js';

/** The language klar falls back to when a text gives no evidence at all. */
const DEFAULT_LANGUAGE: Language = 'sv';

/**
 * A paragraph is given its own language only on strong evidence, so that a
 * two-word heading is not re-scored by another language's rules on a guess.
 */
const SWITCH_CONFIDENCE = 0.8;
const SWITCH_MIN_WORDS = 3;

const NORWEGIAN = new Set<Language>(['nb', 'nn']);

function sameFamily(a: Language, b: Language): boolean {
  return a === b || (NORWEGIAN.has(a) && NORWEGIAN.has(b));
}

function documentLanguage(text: string, options: AnalyseOptions): { language: Language; source: Report['languageSource'] } {
  if (options.language && options.language !== 'auto') return { language: options.language, source: 'option' };
  if (options.declaredLanguage) return { language: options.declaredLanguage, source: 'declared' };
  const guess = detectLanguage(text, { lexicons: options.resources?.lexicons });
  return guess ? { language: guess.language, source: 'detected' } : { language: DEFAULT_LANGUAGE, source: 'default' };
}

const LETTER_RUN = /\p{L}+/gu;

/** Whether the text has at least `count` runs of letters (without collecting them all). */
function hasWords(text: string, count: number): boolean {
  LETTER_RUN.lastIndex = 0;
  let found = 0;
  while (found < count && LETTER_RUN.exec(text) !== null) found++;
  return found >= count;
}

function paragraphLanguage(
  text: string,
  start: number,
  end: number,
  doc: Language,
  forced: boolean,
  resources: Resources | undefined,
): Language {
  const slice = text.slice(start, Math.min(end, start + 4000));
  if (!hasWords(slice, SWITCH_MIN_WORDS)) return doc;
  const guess = detectLanguage(slice, { lexicons: resources?.lexicons, fallback: doc });
  if (!guess || guess.confidence < SWITCH_CONFIDENCE || guess.language === doc) return doc;
  // A forced language is kept within its family: the user said nynorsk, so a
  // paragraph that reads bokmål-like is still measured as nynorsk.
  if (forced && sameFamily(guess.language, doc)) return doc;
  return guess.language;
}

/**
 * The measured words of a paragraph with their per-word features, computed once and reused by
 * the paragraph's, its section's and the document's measures (features depend on the language
 * they are measured in, so a paragraph measured in another language than its own is redone).
 */
class WordFeatures {
  private readonly cache = new Map<ParagraphModel, { language: Language; words: MeasuredWord[] }>();
  constructor(private readonly resources: Resources | undefined) {}

  of(p: ParagraphModel, language: Language): MeasuredWord[] {
    const cached = this.cache.get(p);
    if (cached?.language === language) return cached.words;
    const frequency = this.resources?.frequency?.[language];
    const words: MeasuredWord[] = [];
    for (const s of p.sentences) {
      for (const w of s.words) {
        // One object shape for every word (rare stays undefined without a table): keeps V8's access fast.
        words.push({
          form: w.form,
          letters: w.letters,
          lower: w.form.toLowerCase(),
          capitalised: isCapitalised(w.form),
          nominal: isNominal(language, w.form),
          rare: frequency ? isRareForm(w.form, frequency) : undefined,
        });
      }
    }
    if (!cached) this.cache.set(p, { language, words });
    return words;
  }
}

function measureParagraphs(paragraphs: ParagraphModel[], language: Language, profile: Profile, resources: Resources | undefined, sentenceLimit: number, features: WordFeatures): Metrics {
  const words: MeasuredWord[] = [];
  const sentenceLengths: number[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) if (s.words.length > 0) sentenceLengths.push(s.words.length);
    for (const w of features.of(p, language)) words.push(w);
  }
  return measure({ language, profile, words, sentenceLengths, sentenceLimit, frequency: resources?.frequency?.[language] });
}

/** Blocks from a front end, clamped to the text, sorted, without overlaps: bad blocks never break positions. */
function validBlocks(blocks: readonly TextBlock[], length: number): TextBlock[] {
  const out: TextBlock[] = [];
  let reach = 0;
  for (const b of [...blocks].sort((x, y) => x.start - y.start)) {
    const start = Math.max(reach, Math.min(b.start, length));
    const end = Math.max(start, Math.min(b.end, length));
    const contentStart = Math.max(start, Math.min(b.contentStart, end));
    if (end > start) out.push({ ...b, start, contentStart, end });
    reach = Math.max(reach, end);
  }
  return out;
}

/**
 * Analyses a text: segments it into paragraphs, sentences and words, detects the
 * language of the document and of each paragraph, measures readability for the
 * document, each section and each paragraph, and reports long sentences and long
 * words. Pure: no I/O; dictionaries come in through `options.resources`.
 */
export function analyse(text: string, options: AnalyseOptions = {}): Report {
  const input = typeof text === 'string' ? text : '';
  const profile: Profile = options.profile ?? 'plain';
  const resources = options.resources;
  const { language, source } = documentLanguage(input, options);
  const forced = source === 'option';
  const lines = new LineIndex(input);

  const blocks = options.blocks ? validBlocks(options.blocks, input.length) : splitBlocks(input);
  const models: ParagraphModel[] = blocks.map((block) => {
    const lang = block.language ?? paragraphLanguage(input, block.contentStart, block.end, language, forced, resources);
    return segmentBlock(input, block, lang, {
      lexicon: resources?.lexicons?.[lang],
      frequency: resources?.frequency?.[lang],
    });
  });

  const features = new WordFeatures(resources);
  const diagnostics: Diagnostic[] = [];
  const paragraphs: ParagraphReport[] = [];
  const sentences: SentenceReport[] = [];
  models.forEach((p, index) => {
    const limits = thresholdsFor(p.language, profile, options.thresholds);
    paragraphs.push({
      index,
      kind: p.kind,
      language: p.language,
      ...lines.span(p.start, p.end),
      metrics: measureParagraphs([p], p.language, profile, resources, limits.sentenceWords, features),
    });
    for (const s of p.sentences) {
      sentences.push({ paragraph: index, words: s.words.length, ...lines.span(s.start, s.end) });
      if (s.words.length > limits.sentenceWords && !options.disabled?.has('long-sentence')) {
        diagnostics.push(
          finding(input, lines, 'long-sentence', p.language, 'warning', s.start, s.end, {
            words: s.words.length,
            limit: limits.sentenceWords,
          }),
        );
      }
    }
    for (const w of p.words) {
      if (w.letters > limits.wordLetters && !options.disabled?.has('long-word')) {
        diagnostics.push(finding(input, lines, 'long-word', p.language, 'info', w.start, w.end, { letters: w.letters }));
      }
    }
  });

  diagnostics.push(...ruleFindings(input, lines, models, profile, options));

  // Paragraphs in another language (a Finnish course title in a Swedish letter)
  // are measured on their own but left out of the document and section scores.
  const inLanguage = (p: ParagraphModel): boolean => sameFamily(p.language, language);
  const docLimits = thresholdsFor(language, profile, options.thresholds);
  const metrics = measureParagraphs(models.filter(inLanguage), language, profile, resources, docLimits.sentenceWords, features);

  const sections: SectionReport[] = [];
  let current: { heading: string | null; start: number; end: number; members: ParagraphModel[] } | undefined;
  const closeSection = (): void => {
    if (!current) return;
    sections.push({
      index: sections.length,
      heading: current.heading,
      ...lines.span(current.start, current.end),
      metrics: measureParagraphs(current.members.filter(inLanguage), language, profile, resources, docLimits.sentenceWords, features),
    });
  };
  for (const p of models) {
    if (p.kind === 'heading' || !current) {
      closeSection();
      const heading = p.kind === 'heading' ? input.slice(p.sentences[0]?.start ?? p.start, p.end) : null;
      current = { heading, start: p.start, end: p.end, members: [] };
    }
    current.members.push(p);
    current.end = p.end;
  }
  closeSection();

  diagnostics.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  return { language, languageSource: source, profile, metrics, sections, paragraphs, sentences, diagnostics };
}

function finding(
  text: string,
  lines: LineIndex,
  id: 'long-sentence' | 'long-word',
  language: Language,
  severity: Severity,
  start: number,
  end: number,
  params: Record<string, number>,
): Diagnostic {
  return {
    ruleId: id,
    category: id,
    severity,
    message: formatMessage(id, language, params),
    messageEn: formatMessage(id, 'en', params),
    ...lines.span(start, end),
    suggestions: [],
    excerpt: excerptOf(text, start, end),
  };
}
