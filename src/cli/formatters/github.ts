/**
 * `github`: GitHub Actions workflow commands, one annotation per finding, shown on the pull
 * request's diff. Escaping follows the runner's rules: `%`, CR and LF in the message; also `:` and
 * `,` in property values, which would otherwise end the value.
 */
import type { Diagnostic, Severity } from '../../core/types.js';
import { countBySeverity, forwardSlashes, isDocument, placeOf, placeText, SEVERITIES, shortExcerpt, shown, totalLine } from './shared.js';
import type { FileReport, FormatOptions } from './types.js';
import { uiStrings } from './ui-strings.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Annotations of one kind GitHub shows per step. */
const ANNOTATIONS_PER_KIND = 10;

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: FileReport[], options: FormatOptions): string {
  const ui = uiStrings(options.locale);
  const out: string[] = [];
  const all: Diagnostic[] = [];
  for (const report of reports) {
    const file = escapeProperty(forwardSlashes(report.path));
    const document = isDocument(report);
    for (const d of shown(report, options)) {
      all.push(d);
      const suggestions = d.suggestions.length ? ` → ${d.suggestions.join(', ')}` : '';
      if (document) {
        // No line in a .docx or .pdf matches the extracted text: name the place and quote the words instead.
        const place = placeOf(d, report);
        const where = place ? `${placeText(place, ui)}: ` : '';
        out.push(`::${COMMAND[d.severity]} file=${file},title=${escapeProperty(d.ruleId)}::${escapeData(`${where}“${shortExcerpt(d.excerpt)}” — ${d.message}${suggestions}`)}`);
      } else {
        const properties = [`file=${file}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(d.ruleId)}`];
        out.push(`::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(`${d.message}${suggestions}`)}`);
      }
    }
  }
  // The runner turns only the first 10 commands of each kind in a step into annotations and drops
  // the rest without a word; a notice first (so it is never the one dropped) says so.
  const perKind = countBySeverity(all);
  if (SEVERITIES.some((s) => perKind[s] > ANNOTATIONS_PER_KIND)) {
    out.unshift(`::notice title=klar::${escapeData(`${totalLine(all, reports.length, ui)}. ${ui.annotationLimit}`)}`);
  }
  // A plain line, not a command: the log keeps the count.
  if (!options.quiet || all.length) out.push(`klar: ${totalLine(all, reports.length, ui)}`);
  return out.length ? `${out.join('\n')}\n` : '';
}
