/**
 * What the extension and the language server say to each other beyond standard
 * LSP. The server's own protocol module (src/server/protocol.ts) holds the
 * `klar/documentStats` contract; this adds what only the extension sends.
 */
import type { DocumentStats as ServerDocumentStats } from '../../src/server/protocol.js';

export { DOCUMENT_STATS_METHOD } from '../../src/server/protocol.js';
export type { DocumentStatsParams, SectionStats, StatsRange as LspRange } from '../../src/server/protocol.js';
export type { Language, Metrics, Profile } from '../../src/core/types.js';
import type { StatsRange } from '../../src/server/protocol.js';

/** One sentence, for the report's "longest sentences"; used when the server sends them. */
export interface SentenceStats {
  range: StatsRange;
  words: number;
}

export type DocumentStats = ServerDocumentStats & { sentences?: SentenceStats[] };

/**
 * Sent with `initialize`. In an untrusted workspace the server must use only the
 * built-in rules and the user's settings: no `.klarrc` files, no rule files they
 * name, no `.klar/words.txt`, and no writing to it.
 */
export interface InitializationOptions {
  trusted: boolean;
}

/** The server's command behind "add to the word list" (it decides where the list is); the language client registers it. */
export const ADD_WORD_COMMAND = 'klar.addToWordList';

/** The language ids klar checks unless the settings say otherwise (the server's own default). */
export { DEFAULT_LANGUAGE_IDS } from '../../src/server/settings.js';

/** Diagnostic source the server sets; findings from other extensions are left out of the report. */
export const DIAGNOSTIC_SOURCE = 'klar';
