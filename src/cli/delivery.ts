/**
 * What a checked file becomes before it leaves the thread that checked it. A run over ten
 * thousand files must not hold ten thousand full reports: with `--format json` each file is
 * formatted where it was checked and only its text and a summary travel on; the line-oriented
 * formats (stylish, github, sarif) get the report without the per-sentence, per-paragraph and
 * per-section lists and the text, which they never read. Only the whole-document formats, fixes
 * and `--format docx` keep everything.
 */
import type { Severity } from '../core/types.js';
import type { FileResult } from './check-file.js';
import { jsonChunk } from './formatters/json.js';
import { worse } from './formatters/shared.js';
import type { FileReport } from './formatters/types.js';

export type Delivery = 'json' | 'slim' | 'full';

/** What the exit code needs from a file whose report was already written. */
export interface FileSummary {
  path: string;
  worst: Severity | null;
  difficulty: number | null;
  lix: number | null;
}

export type Checked =
  | { ok: true; kind: 'json'; chunk: Uint8Array; summary: FileSummary }
  | { ok: true; kind: 'result'; result: FileResult }
  | { ok: false; user: boolean; fatal?: boolean; message: string };

const encoder = new TextEncoder();

export function summarise(report: FileReport): FileSummary {
  let worst: Severity | null = null;
  for (const d of report.diagnostics) worst = worse(worst, d.severity);
  return { path: report.path, worst, difficulty: report.metrics.difficulty, lix: report.metrics.lix };
}

/** The report as the line-oriented formatters read it (their output is the same as from the full report). */
function slim(result: FileResult): FileResult {
  const { source: _source, ...report } = result.report;
  return {
    report: { ...report, sections: [], paragraphs: [], sentences: [] },
    suppressions: result.suppressions,
    // The document's text is the report's text again; keep what the formatters and exit code need.
    document: { format: result.document.format, text: '' },
  };
}

export function deliver(result: FileResult, delivery: Delivery): Checked {
  // Encoded where it was made: a worker hands the bytes over without a copy, and the main thread only writes them.
  if (delivery === 'json') return { ok: true, kind: 'json', chunk: encoder.encode(jsonChunk(result.report)), summary: summarise(result.report) };
  return { ok: true, kind: 'result', result: delivery === 'slim' ? slim(result) : result };
}
