/** The output formats of `klar check --format`: each turns the checked files into one string. */
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FileReport, FormatOptions } from './types.js';

export type { FileReport, FormatOptions } from './types.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

const FORMATTERS: Record<FormatName, (reports: FileReport[], options: FormatOptions) => string> = {
  stylish: formatStylish,
  json: (reports) => formatJson(reports),
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  html: formatHtml,
};

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

/** A format name the CLI does not know; the message names the formats there are. */
export class UnknownFormatError extends Error {}

/**
 * The whole output of a run in one format, ending in a newline (empty when `--quiet` leaves
 * nothing to say). Takes any string, as the option parser gives it, and refuses unknown names.
 */
export function format(name: string, reports: FileReport[], options: FormatOptions): string {
  if (!isFormatName(name)) throw new UnknownFormatError(`unknown format "${name}"; use one of ${FORMATS.join(', ')}`);
  return FORMATTERS[name](reports, options);
}
