/**
 * klar's own requests, beside the standard LSP ones. Plain types and method
 * names only, so an editor extension can use them without the server's code.
 */
import type { Language, Metrics, Profile } from '../core/types.js';

/** `klar/documentStats`: the scores of an open document, for a status bar or a side panel. */
export const DOCUMENT_STATS_METHOD = 'klar/documentStats';

export interface DocumentStatsParams {
  textDocument: { uri: string };
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
}
