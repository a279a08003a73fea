/**
 * klar's own requests, beside the standard LSP ones. Plain types and method
 * names only, so an editor extension can use them without the server's code.
 */
import type { Language, Metrics, Profile } from '../core/types.js';

/** `klar/documentStats`: the scores of an open document, for a status bar or a side panel. */
export const DOCUMENT_STATS_METHOD = 'klar/documentStats';

export interface DocumentStatsParams {
  textDocument: { uri: string };
  /** Also list every sentence with its length (for a report of the longest sentences). */
  sentences?: boolean;
}

/** A range as LSP has it: 0-based lines, UTF-16 columns. */
export interface StatsRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface SectionStats {
  /** The heading's text; null for the text before the first heading. */
  heading: string | null;
  range: StatsRange;
  metrics: Metrics;
}

export interface DocumentStats {
  uri: string;
  /** The version of the document the scores are for. */
  version: number;
  language: Language;
  profile: Profile;
  metrics: Metrics;
  sections: SectionStats[];
  /** Only when asked for (`sentences: true`): every sentence, in text order. */
  sentences?: SentenceStats[];
}

export interface SentenceStats {
  range: StatsRange;
  /** Length in words. */
  words: number;
}

/** `klar/serverStatus`: what the server holds, for a status view and for the benchmark. */
export const SERVER_STATUS_METHOD = 'klar/serverStatus';

export interface ServerStatusParams {
  /** Collect garbage first, so the memory figures show what is really kept. */
  collectGarbage?: boolean;
}

export interface ServerStatus {
  version: string;
  uptimeSeconds: number;
  /** Open documents the server follows. */
  documents: number;
  /** Paragraph results kept for re-use after edits. */
  cachedBlocks: number;
  /** Megabytes, as Node reports them (process.memoryUsage). */
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number };
}
