import type { FrequencyTable, Language, Lexicon, Profile, Severity } from '../types.js';

/** Finding categories (the `category` field of a diagnostic). */
export const CATEGORIES = [
  'officialese',
  'jargon',
  'easy-read',
  'abbreviation',
  'passive',
  'nominalisation',
  'double-negation',
  'long-compound',
  'spelling',
  'consistency',
  'long-sentence',
  'long-word',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * How an entry matches. `word` and `phrase` are generic kinds driven by the
 * entry's data; the others are code (src/core/rules/kinds/) parameterised by
 * the entry's `options`.
 */
export const KINDS = ['word', 'phrase', 'passive', 'nominalisation', 'double-negation', 'long-compound', 'consistency'] as const;
export type Kind = (typeof KINDS)[number];

/** One rule entry as written in a rules/<lang>/*.yaml file (see docs/rules-format.md). */
export interface RuleEntry {
  id: string;
  category: Category;
  kind: Kind;
  severity: Severity;
  /** `word`: lemmas whose every inflected form matches (erhålla → erhåller, erhöll …). */
  lemmas?: string[];
  /** `word`: extra exact forms, matched case-insensitively. */
  forms?: string[];
  /**
   * `phrase`: word sequences. Each word matches case-insensitively as written;
   * `{lemma}` matches any inflected form of that lemma; `a|b` matches either.
   */
  phrases?: string[];
  suggestions: string[];
  message: Partial<Record<Language, string>> & { en: string };
  /** For easy-read words: a short plain explanation a writer can insert. */
  explanation?: Partial<Record<Language, string>>;
  profiles: Profile[];
  source: string;
  examples: { bad: string[]; good: string[] };
  /** Kind-specific settings (exceptions, support verbs …). */
  options?: Record<string, unknown>;
  /** Filled in by the loader. */
  language: Language;
  file: string;
  line: number;
}

/** A word of a sentence as rules see it. */
export interface RuleWord {
  form: string;
  lower: string;
  start: number;
  end: number;
}

export interface SentenceView {
  /** The whole input text; offsets index into it. */
  text: string;
  start: number;
  end: number;
  words: RuleWord[];
}

/** What a rule kind reports: a range and optional values for the message. */
export interface KindMatch {
  start: number;
  end: number;
  params?: Record<string, string>;
  /** Suggestions computed for this match (replacing the entry's own). */
  suggestions?: string[];
}

/** form → lemmas, generated ahead of time into dictionaries/morphology/<lang>.tsv. */
export interface Morphology {
  lemmasOf(lowerForm: string): readonly string[];
  formsOf(lemma: string): readonly string[];
}

export interface KindContext {
  language: Language;
  morphology: Morphology;
  /**
   * Loaded only when a text needs it (spelling on, or a word broken at a line end the frequency
   * table cannot settle), so a kind must not depend on it for what it reports: ask `frequency` first.
   */
  lexicon?: Lexicon | undefined;
  /** The language's frequency table: always there when the caller loaded resources. */
  frequency?: FrequencyTable | undefined;
}

/** A code-backed rule kind for one language. */
export type KindCheck = (sentence: SentenceView, entry: RuleEntry, ctx: KindContext) => KindMatch[];
