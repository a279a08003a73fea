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

/**
 * One file's entry in the `files` array, indented as `JSON.stringify(…, null, 2)` indents it
 * there, so that files formatted one at a time (in worker threads, as they finish) join into
 * the same bytes as the whole report formatted at once.
 */
export function jsonChunk(report: FileReport): string {
  // Formatted inside its array and cut out, rather than re-indented: one pass over a report of megabytes.
  const whole = JSON.stringify({ files: [jsonFileReport(report)] }, null, 2);
  return whole.slice(CHUNK_PREFIX.length, whole.length - CHUNK_SUFFIX.length);
}

const CHUNK_PREFIX = '{\n  "files": [\n';
const CHUNK_SUFFIX = '\n  ]\n}';

/** Writes the JSON report file by file: nothing but the current file is held in memory. */
export class JsonStream<Chunk extends string | Uint8Array> {
  private count = 0;
  constructor(private readonly write: (text: string | Chunk) => void) {}

  /** One file's entry from jsonChunk, as text or as its UTF-8 bytes. */
  add(chunk: Chunk): void {
    // Written apart: joined, a report of megabytes would be copied once more before its write.
    this.write(this.count++ === 0 ? CHUNK_PREFIX : ',\n');
    this.write(chunk);
  }

  end(): void {
    this.write(this.count === 0 ? '{\n  "files": []\n}\n' : '\n  ]\n}\n');
  }
}

export function formatJson(reports: FileReport[]): string {
  let out = '';
  const stream = new JsonStream<string>((text) => (out += text));
  for (const report of reports) stream.add(jsonChunk(report));
  stream.end();
  return out;
}
