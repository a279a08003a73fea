/**
 * Public types of klar's core. The JSON report (see `Report`) is a contract:
 * fields may be added, never renamed or removed.
 */

import type { Morphology, RuleEntry } from './rules/types.js';

export const LANGUAGES = ['sv', 'fi', 'nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PROFILES = ['plain', 'easy-read'] as const;
export type Profile = (typeof PROFILES)[number];

export type Severity = 'error' | 'warning' | 'info';

/** A place in the input: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** The span fields every positioned item of the report carries. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export interface Diagnostic extends Span {
  ruleId: string;
  category: string;
  severity: Severity;
  /** Message in the language of the text (or the requested locale). */
  message: string;
  /** The same message in English. */
  messageEn: string;
  suggestions: string[];
  /** The text the finding covers, as written. */
  excerpt: string;
  /** Easy-read words: a short plain explanation the writer can insert. */
  explanation?: string;
  /**
   * Present when one replacement of the whole range is safe without reading the
   * sentence (an abbreviation written out, a fixed phrase, a word in the form the
   * rule lists); `klar check --fix` and editor quick fixes apply it.
   */
  fix?: { replacement: string };
  /** Word, OpenDocument and PDF input: where a reader of the document finds it (1-based). */
  paragraphNumber?: number;
  page?: number;
}

/** Which measure pushed the difficulty score up or down, and by how much. */
export interface DifficultyFactor {
  feature: string;
  value: number;
  /** Contribution to the logit of the score; positive = harder. */
  contribution: number;
}

export interface Metrics {
  words: number;
  sentences: number;
  /** Words per sentence; null when there are no sentences. */
  meanSentenceLength: number | null;
  /** Share (0–1) of words with more than six letters; null without words. */
  longWordShare: number | null;
  lix: number | null;
  /** LIX band named in the text's language; null when LIX is undefined. */
  lixBand: string | null;
  ovix: number | null;
  /** 0–100, higher is harder; null when the text is too short to score. */
  difficulty: number | null;
  difficultyBand: string | null;
  difficultyFactors: DifficultyFactor[];
  /** Share (0–1) of sentences longer than the profile's limit. */
  longSentenceShare: number | null;
  /** Mean letters per word. */
  meanWordLength: number | null;
  /** Share (0–1) of words outside the language's frequent vocabulary; null without a frequency table. */
  rareWordShare: number | null;
  /**
   * Mean length of the sentence a word sits in (Σ length² / Σ length): unlike the plain mean, a few
   * one-word headings or list items do not hide the long sentences. Null when there are no sentences.
   */
  wordWeightedSentenceLength?: number | null;
  /**
   * Lexical variation: moving-average type–token ratio over 50-word windows (Covington & McFall
   * 2010); independent of the span's length, unlike OVIX. Null for spans under 50 words.
   */
  mattr?: number | null;
  /**
   * Share (0–1) of words with a nominalisation or participle suffix (a surface stand-in for the
   * nominal style of official prose); null without words.
   */
  nominalShare?: number | null;
  /** Finnish: Survo LUE readability (Mustonen, after Wiio); null for other languages or too-short texts. */
  survo?: number | null;
  /** Finnish: the Survo LUE band, in Finnish as Survo names it; null when `survo` is null. */
  survoBand?: string | null;
  /** English: the retext-readability formulas. */
  english?: EnglishReadability | null;
}

export interface EnglishReadability {
  fleschReadingEase: number | null;
  fleschKincaidGrade: number | null;
  gunningFog: number | null;
  smog: number | null;
  colemanLiau: number | null;
  automatedReadability: number | null;
  daleChall: number | null;
  spache: number | null;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item';

export interface ParagraphReport extends Span {
  index: number;
  kind: BlockKind;
  language: Language;
  metrics: Metrics;
}

export interface SectionReport extends Span {
  index: number;
  /** Heading text; null for text before the first heading. */
  heading: string | null;
  metrics: Metrics;
}

export interface SentenceReport extends Span {
  paragraph: number;
  words: number;
}

export interface Report {
  language: Language;
  /**
   * How the language was chosen: given by the caller, declared by the document
   * (an HTML lang attribute), detected, or the default (no evidence).
   */
  languageSource: 'option' | 'declared' | 'detected' | 'default';
  profile: Profile;
  metrics: Metrics;
  sections: SectionReport[];
  paragraphs: ParagraphReport[];
  sentences: SentenceReport[];
  diagnostics: Diagnostic[];
}

/** Spelling knowledge for one language, provided by the caller (the core does no I/O). */
export interface Lexicon {
  isWord(word: string): boolean;
}

/** Rank of a word form among the language's most frequent forms (1 = most frequent). */
export interface FrequencyTable {
  rank(word: string): number | undefined;
  /** Number of ranked forms. */
  readonly size: number;
}

export interface Resources {
  lexicons?: Partial<Record<Language, Lexicon>>;
  frequency?: Partial<Record<Language, FrequencyTable>>;
  /** Form → lemma tables for the rule vocabulary (dictionaries/morphology). */
  morphology?: Partial<Record<Language, Morphology>>;
}

export interface AnalyseOptions {
  /** Force the language; by default it is detected per document and paragraph. */
  language?: Language | 'auto';
  /**
   * The language the document declares (an HTML lang attribute): the document
   * language unless `language` forces one, while paragraphs are still detected.
   */
  declaredLanguage?: Language;
  profile?: Profile;
  resources?: Resources;
  /** Override the profile's thresholds. */
  thresholds?: Partial<Thresholds>;
  /**
   * Rule entries to run (built-in and the organisation's, already filtered and
   * with severities set by the configuration). Without rules only the core's
   * own findings (long-sentence, long-word) are reported.
   */
  rules?: readonly RuleEntry[];
  /** Ids of built-in checks that the configuration turned off. */
  disabled?: ReadonlySet<string>;
  /**
   * Blocks (headings, paragraphs, list items) found by a document front end
   * (Markdown, HTML, Word, PDF), sorted and not overlapping; by default klar finds
   * them in plain text itself. Offsets index into `text`.
   */
  blocks?: readonly TextBlock[];
  /**
   * Report words the spelling dictionary (`resources.lexicons`) does not know.
   * Off by default: names and new compounds make it the noisiest check.
   */
  spelling?: boolean;
  /** The organisation's accepted words (lower case): never reported as unfamiliar or misspelt. */
  knownWords?: ReadonlySet<string>;
}

export interface TextBlock {
  kind: BlockKind;
  /** Start of the block, and of its text after a list marker or heading prefix. */
  start: number;
  contentStart: number;
  end: number;
  /** Known language of the block (an HTML `lang` attribute); detected otherwise. */
  language?: Language;
}

export interface Thresholds {
  /** A sentence with more words than this is a `long-sentence` finding. */
  sentenceWords: number;
  /** A word with more letters than this is a `long-word` finding. */
  wordLetters: number;
}
