/**
 * `json`: the report contract (schemas/report.schema.json). The analysed text is left out (the
 * user has the file), and locators become `page`/`paragraphNumber` on each finding.
 */
import type { Diagnostic } from '../../core/types.js';
import { isDocument, placeOf } from './shared.js';
import type { FileReport } from './types.js';

export type JsonFileReport = Omit<FileReport, 'source' | 'locators'>;

function withPlace(d: Diagnostic, report: FileReport): Diagnostic {
  if (!isDocument(report) || d.paragraphNumber !== undefined) return d;
  const place = placeOf(d, report);
  if (!place) return d;
  return { ...d, ...(place.page !== undefined ? { page: place.page } : {}), ...(place.paragraph !== undefined ? { paragraphNumber: place.paragraph } : {}) };
}

/** One file of the JSON report: `path` and `format` first, then the core's fields in their order. */
export function jsonFileReport(report: FileReport): JsonFileReport {
  const { path, format, source: _source, locators: _locators, ...rest } = report;
  return {
    path,
    ...(format !== undefined ? { format } : {}),
    ...rest,
    diagnostics: report.diagnostics.map((d) => withPlace(d, report)),
  };
}

export function formatJson(reports: FileReport[]): string {
  return `${JSON.stringify({ files: reports.map(jsonFileReport) }, null, 2)}\n`;
}
