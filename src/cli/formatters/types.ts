import type { RuleEntry } from '../../core/rules/types.js';
import type { Language, Report } from '../../core/types.js';
import type { DocumentFormat, Locator } from '../../formats/types.js';

/** One checked file as the formatters see it: the core's report plus what the CLI knows about the file. */
export interface FileReport extends Report {
  /** The path as the user gave it (or found by walking a folder); `<stdin>` for standard input. */
  path: string;
  format?: DocumentFormat;
  /** The analysed text, for excerpts and the html report; offsets in the report index into it. */
  source?: string;
  /** Word, OpenDocument and PDF input: where each part of `source` came from. */
  locators?: Locator[];
}

export interface FormatOptions {
  color: boolean;
  /** klar's own UI language (labels, summaries); findings keep the language of the text. */
  locale: Language;
  /** The lowest severity that fails the run; `--quiet` lists only these findings. Default `error`. */
  failOn?: 'error' | 'warning' | 'never';
  /** Findings that fail the run only, no summaries (stylish, github, markdown). */
  quiet?: boolean;
  toolVersion: string;
  /** Where the rule pages live, ending in `/`; a rule's help link is this + id + `.md`. */
  rulesBaseUrl: string;
  /** The active rules, for rule descriptions in SARIF and the html report. */
  rules?: RuleEntry[];
}
