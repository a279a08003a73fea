/**
 * Pull diagnostics (textDocument/diagnostic, LSP 3.17) for clients that ask for
 * them; the others get them pushed by the checker after each analysis.
 */
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker } from '../checker.js';
import { toLspDiagnostic } from '../convert.js';

export function registerPullDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, checker: Checker): void {
  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    if (!checker.isOpen(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = documents.get(uri)?.version;
    const analysed = await checker.current(uri, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!analysed) {
      // Still typing: the client asks again for the newer version.
      if (documents.get(uri) && documents.get(uri)?.version !== version) {
        throw new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
      }
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    const resultId = `${analysed.version}:${analysed.generation}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return {
      kind: DocumentDiagnosticReportKind.Full,
      resultId,
      items: analysed.findings.map((f) => toLspDiagnostic(f, uri, analysed.lines, analysed.settings.docsUrl, checker.strings)),
    };
  });
}
