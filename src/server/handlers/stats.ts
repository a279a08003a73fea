/**
 * `klar/documentStats` (the document's and each section's scores) and, when the
 * `klar.codeLens` setting is on, a code lens above each heading with its
 * section's difficulty.
 */
import { ErrorCodes, ResponseError, type CodeLens, type Connection } from 'vscode-languageserver';
import type { Checker } from '../checker.js';
import { rangeOf } from '../convert.js';
import { DOCUMENT_STATS_METHOD, type DocumentStats, type DocumentStatsParams } from '../protocol.js';
import { scoreLine } from './hover.js';

export function registerStats(connection: Connection, checker: Checker): void {
  connection.onRequest(DOCUMENT_STATS_METHOD, async (params: DocumentStatsParams, token): Promise<DocumentStats> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'klar/documentStats needs { textDocument: { uri } }');
    if (!checker.isOpen(uri)) throw new ResponseError(ErrorCodes.InvalidParams, `klar: ${uri} is not open; open it first`);
    const analysed = await checker.current(uri, token);
    if (!analysed) {
      const reason = checker.skippedReason(uri);
      throw new ResponseError(ErrorCodes.InvalidRequest, reason ?? `klar: ${uri} is not checked (see the klar.languageIds setting)`);
    }
    const { metrics, sections, sentences } = analysed.stats();
    return {
      uri,
      version: analysed.version,
      language: analysed.language,
      profile: analysed.profile,
      metrics,
      sections: sections.map((s) => ({ heading: s.heading, range: rangeOf(analysed.lines, s.offset, s.endOffset), metrics: s.metrics })),
      ...(params.sentences === true
        ? { sentences: sentences.map((s) => ({ range: rangeOf(analysed.lines, s.offset, s.endOffset), words: s.words })) }
        : {}),
    };
  });

  connection.onCodeLens(async (params, token): Promise<CodeLens[]> => {
    const settings = await checker.settingsFor(params.textDocument.uri);
    if (!settings.codeLens) return [];
    const analysed = await checker.current(params.textDocument.uri, token);
    if (!analysed) return [];
    return analysed
      .stats()
      .sections.filter((s) => s.heading !== null)
      .map((s) => {
        const at = rangeOf(analysed.lines, s.offset, s.offset);
        // No command to run: the lens is a label (an empty command id is how LSP says so).
        return { range: at, command: { title: scoreLine(s.metrics, checker.strings), command: '' } };
      });
  });
}
