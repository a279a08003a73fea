/**
 * Asks the server for a document's readability (`klar/documentStats`) and builds
 * the report model from that and the document's findings. Shared by the status
 * bar and the report so that both show the same numbers.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { categoryOfRule, type ReportFinding, type ReportModel, type ReportSentence } from './report-html.js';
import { DIAGNOSTIC_SOURCE, DOCUMENT_STATS_METHOD, type DocumentStats, type DocumentStatsParams, type LspRange } from './protocol.js';

export type StatsResult = { kind: 'stats'; stats: DocumentStats } | { kind: 'failed'; message: string };

export async function fetchStats(client: LanguageClient, uri: vscode.Uri, token?: vscode.CancellationToken): Promise<StatsResult> {
  const params: DocumentStatsParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } };
  try {
    const stats = await client.sendRequest<DocumentStats | null>(DOCUMENT_STATS_METHOD, params, token);
    if (!stats || typeof stats !== 'object' || !stats.metrics) return { kind: 'failed', message: 'no statistics for this document' };
    return { kind: 'stats', stats };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Fields the server may attach to a diagnostic's `data`; each is optional. */
interface DiagnosticData {
  category?: unknown;
  suggestions?: unknown;
}

export function buildReportModel(document: vscode.TextDocument, stats: DocumentStats): ReportModel {
  const findings = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => toFinding(document, d))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return {
    fileName: vscode.workspace.asRelativePath(document.uri, false),
    stats,
    findings,
    longestSentences: longestSentences(document, stats, findings),
  };
}

function toFinding(document: vscode.TextDocument, d: vscode.Diagnostic): ReportFinding {
  const ruleId = ruleIdOf(d);
  const data = ((d as { data?: unknown }).data ?? {}) as DiagnosticData;
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  return {
    ruleId,
    category: typeof data.category === 'string' ? data.category : categoryOfRule(ruleId),
    severity: severityName(d.severity),
    message: d.message,
    excerpt: document.getText(d.range),
    suggestions,
    range: toLspRange(d.range),
  };
}

/** The server's sentence lengths when it sends them; otherwise the sentences the long-sentence check found. */
function longestSentences(document: vscode.TextDocument, stats: DocumentStats, findings: ReportFinding[]): ReportSentence[] {
  const sentences: ReportSentence[] = stats.sentences
    ? stats.sentences.map((s) => ({ range: s.range, words: s.words, text: textOf(document, s.range) }))
    : findings.filter((f) => f.ruleId === 'long-sentence').map((f) => ({ range: f.range, text: f.excerpt }));
  return sentences;
}

function ruleIdOf(d: vscode.Diagnostic): string {
  if (typeof d.code === 'string' || typeof d.code === 'number') return String(d.code);
  if (d.code && typeof d.code === 'object') return String(d.code.value);
  return '';
}

function severityName(severity: vscode.DiagnosticSeverity): ReportFinding['severity'] {
  switch (severity) {
    case vscode.DiagnosticSeverity.Error: return 'error';
    case vscode.DiagnosticSeverity.Warning: return 'warning';
    case vscode.DiagnosticSeverity.Information: return 'info';
    default: return 'hint';
  }
}

export function toLspRange(range: vscode.Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function toVsRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function textOf(document: vscode.TextDocument, range: LspRange): string {
  return document.getText(document.validateRange(toVsRange(range))).replace(/\s+/g, ' ').trim();
}
