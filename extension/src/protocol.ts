/**
 * What the extension and the language server say to each other beyond standard
 * LSP: the `klar/documentStats` request, the initialization options and the
 * settings section. The server is the repository's own (src/server), bundled
 * into the extension; these types mirror its contract.
 */
import type { Language, Metrics, Profile } from '../../src/core/types.js';

export type { Language, Metrics, Profile };

/** An LSP range: 0-based lines and UTF-16 characters. */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export const DOCUMENT_STATS_METHOD = 'klar/documentStats';

export interface DocumentStatsParams {
  textDocument: { uri: string };
}

export interface SectionStats {
  /** Heading text; null for text before the first heading. */
  heading: string | null;
  range: LspRange;
  metrics: Metrics;
}

/** One sentence, for the report's "longest sentences"; a later server may send these. */
export interface SentenceStats {
  range: LspRange;
  words: number;
}

export interface DocumentStats {
  uri: string;
  language: Language;
  profile: Profile;
  metrics: Metrics;
  sections: SectionStats[];
  sentences?: SentenceStats[];
}

/**
 * Sent with `initialize`. In an untrusted workspace the server must use only the
 * built-in rules and the user's settings: no `.klarrc` files, no rule files they
 * name, no `.klar/words.txt`.
 */
export interface InitializationOptions {
  trusted: boolean;
}

/** The `klar` settings section the server reads through `workspace/configuration`. */
export interface KlarSettings {
  language: Language | 'auto';
  profile: Profile;
  rules: Record<string, 'off' | 'error' | 'warning' | 'info'>;
  spelling: boolean;
  languageIds: string[];
  docsUrl: string;
  codeLens: boolean;
}

/** Where the writer's own words live, relative to a workspace folder: a versioned file, not editor settings. */
export const WORD_LIST_PATH = ['.klar', 'words.txt'] as const;

/** The language ids klar checks unless the settings say otherwise. */
export const DEFAULT_LANGUAGE_IDS: readonly string[] = ['plaintext', 'markdown', 'html'];

/** Diagnostic source the server sets; findings from other extensions are left out of the report. */
export const DIAGNOSTIC_SOURCE = 'klar';
