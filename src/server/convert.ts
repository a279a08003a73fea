/**
 * The one place where klar's findings and offsets become LSP diagnostics and
 * ranges. klar counts lines and columns as LSP does (UTF-16 code units; CRLF, LF
 * and CR end a line), so a finding's line and column carry over unchanged.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range } from 'vscode-languageserver';
import type { LineIndex } from '../core/text/line-index.js';
import type { Severity } from '../core/types.js';
import type { Finding } from './analysis.js';
import type { ServerStrings } from './strings.js';

/** What a diagnostic carries for code actions and for clients that show the category. */
export interface FindingData {
  category: string;
  ruleId: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: positionOf(lines, start), end: positionOf(lines, end) };
}

export function positionOf(lines: LineIndex, offset: number): Position {
  const p = lines.point(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

/** The rule's page under the published docs/rules, as `klar check --docs-url` links it. */
export function rulePageUrl(docsUrl: string | undefined, ruleId: string): string | undefined {
  if (!docsUrl) return undefined;
  return `${docsUrl.endsWith('/') ? docsUrl : `${docsUrl}/`}${ruleId}.md`;
}

export function toLspDiagnostic(finding: Finding, uri: string, lines: LineIndex, docsUrl: string | undefined, strings: ServerStrings): LspDiagnostic {
  const href = rulePageUrl(docsUrl, finding.ruleId);
  const data: FindingData = { category: finding.category, ruleId: finding.ruleId };
  return {
    range: {
      start: { line: finding.line - 1, character: finding.column - 1 },
      end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
    },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'klar',
    message: finding.message,
    data,
    ...(finding.related
      ? {
          relatedInformation: [
            {
              location: { uri, range: rangeOf(lines, finding.related.offset, finding.related.endOffset) },
              message: strings.ownStandardHere(finding.related.word),
            },
          ],
        }
      : {}),
  };
}
