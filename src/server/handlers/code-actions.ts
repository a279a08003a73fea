/**
 * Quick fixes for a finding: replace it with each suggestion, explain an
 * easy-read word after it, turn the rule off on this line or in this file (an
 * inline comment, Markdown and HTML only), add the word to the project's word
 * list, and, for an unknown word, the dictionary's spelling suggestions —
 * computed only when the writer picks that fix.
 */
import {
  CodeActionKind,
  CodeActionTriggerKind,
  MessageType,
  type CodeAction,
  type Connection,
  type TextDocuments,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGES, type Language } from '../../core/types.js';
import type { Finding } from '../analysis.js';
import type { Analysed, Checker } from '../checker.js';
import { rangeOf, toLspDiagnostic } from '../convert.js';
import { canSuggest, knownSuggestions, spellingSuggestions } from '../spelling.js';

/** The command behind "add to the word list"; the language client registers it, so an extension must not. */
export const ADD_WORD_COMMAND = 'klar.addToWordList';

/** What an unresolved spelling action carries until the writer picks it. */
interface SpellingData {
  klar: 'spelling';
  uri: string;
  version: number;
  offset: number;
  endOffset: number;
  word: string;
  language: Language;
}

const WORD_LIST_RULES = /\/(?:spelling\/unknown-word|easy-read\/unfamiliar-word)$/;
/** Markup inside a finding's source range: replacing the range would take it away. */
const MARKUP = /[<>*_`[\]]/;

export interface CodeActionOptions {
  /** The client resolves code actions lazily (codeAction/resolve with `edit`). */
  resolveEdits: boolean;
}

export function registerCodeActions(connection: Connection, documents: TextDocuments<TextDocument>, checker: Checker, options: CodeActionOptions): void {
  connection.onCodeAction(async (params, token) => {
    const only = params.context.only;
    if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const analysed = await checker.current(params.textDocument.uri, token);
    const doc = documents.get(params.textDocument.uri);
    if (!analysed || !doc || doc.version !== analysed.version) return [];
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const invoked = params.context.triggerKind === CodeActionTriggerKind.Invoked;
    const actions: CodeAction[] = [];
    for (const finding of analysed.findings) {
      if (finding.offset > end || finding.endOffset < start) continue;
      actions.push(...(await actionsFor(finding, analysed, options, invoked)));
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as Partial<SpellingData> | undefined;
    if (data?.klar !== 'spelling' || !data.uri || !data.word || !data.language || data.offset === undefined || data.endOffset === undefined) return action;
    const analysed = await checker.current(data.uri);
    if (!analysed || analysed.version !== data.version) return action;
    const suggestions = await spellingSuggestions(data.word, data.language);
    const first = suggestions[0];
    if (first === undefined) return { ...action, title: checker.strings.noSpellingSuggestions(data.word) };
    return {
      ...action,
      title: checker.strings.replaceWith(first),
      edit: { changes: { [data.uri]: [{ range: rangeOf(analysed.lines, data.offset, data.endOffset), newText: first }] } },
    };
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== ADD_WORD_COMMAND) return null;
    const [uri, word] = (params.arguments ?? []) as unknown[];
    if (typeof uri !== 'string' || typeof word !== 'string' || word.trim() === '') return null;
    const analysed = await checker.current(uri);
    const file = analysed?.config.wordsFile;
    if (!file) return null;
    const added = checker.projects.addWord(file, word);
    if (added) checker.notify(checker.strings.wordAdded(word.trim(), file), MessageType.Info);
    checker.projectFilesChanged();
    return { file, added };
  });

  async function actionsFor(finding: Finding, analysed: Analysed, options: CodeActionOptions, invoked: boolean): Promise<CodeAction[]> {
    const { uri, lines, source } = analysed;
    const strings = checker.strings;
    const diagnostic = toLspDiagnostic(finding, uri, lines, analysed.settings.docsUrl, strings);
    const range = rangeOf(lines, finding.offset, finding.endOffset);
    const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
    const actions: CodeAction[] = [];
    const replaceable = !MARKUP.test(source.slice(finding.offset, finding.endOffset));

    if (replaceable) {
      finding.suggestions.forEach((suggestion, i) => {
        const newText = i === 0 && finding.fix ? finding.fix.replacement : likeCase(suggestion, finding.excerpt);
        actions.push({
          title: strings.replaceWith(newText),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          // Preferred (applied by "fix all" and auto-fix) only where klar itself calls the replacement safe.
          ...(i === 0 && finding.fix ? { isPreferred: true } : {}),
          edit: edit([{ range, newText }]),
        });
      });
    }

    if (finding.category === 'easy-read' && finding.explanation) {
      const at = rangeOf(lines, finding.endOffset, finding.endOffset);
      actions.push({
        title: strings.explainWord(finding.excerpt),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit([{ range: at, newText: ` (${finding.explanation})` }]),
      });
    }

    const language = languageOf(finding.ruleId);
    if (finding.ruleId.endsWith('/spelling/unknown-word') && language && canSuggest(language)) {
      const known = knownSuggestions(finding.excerpt, language) ?? (!options.resolveEdits && invoked ? await spellingSuggestions(finding.excerpt, language) : undefined);
      if (known) {
        for (const suggestion of known) {
          actions.push({ title: strings.replaceWith(suggestion), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([{ range, newText: suggestion }]) });
        }
      } else if (options.resolveEdits) {
        const data: SpellingData = {
          klar: 'spelling',
          uri,
          version: analysed.version,
          offset: finding.offset,
          endOffset: finding.endOffset,
          word: finding.excerpt,
          language,
        };
        actions.push({ title: strings.spellingSuggestions(finding.excerpt), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], data });
      }
    }

    if (analysed.format !== 'text' && finding.ruleId !== 'klar/suppression-reason') {
      actions.push({
        title: strings.disableOnLine(finding.ruleId),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit([disableOnLine(analysed, finding)]),
      });
      actions.push({
        title: strings.disableInFile(finding.ruleId),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit([disableInFile(analysed, finding)]),
      });
    }

    if (WORD_LIST_RULES.test(finding.ruleId) && analysed.config.wordsFile) {
      const title = strings.addToWordList(finding.excerpt);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: ADD_WORD_COMMAND, arguments: [uri, finding.excerpt] },
      });
    }
    return actions;
  }

  function disableOnLine(analysed: Analysed, finding: Finding): TextEdit {
    const { source, lines } = analysed;
    const comment = `<!-- klar-disable-next-line ${finding.ruleId} -- ${checker.strings.reasonPlaceholder} -->`;
    const lineStart = finding.offset - (finding.column - 1);
    const block = analysed.blocks.find((b) => b.start <= finding.offset && finding.offset < b.end);
    const firstLineOfBlock = !block || block.start >= lineStart || lineStart === 0;
    if (firstLineOfBlock) {
      // A line of its own before the finding's line, indented like it (inside a list item, say).
      const indent = /^[ \t]*/.exec(source.slice(lineStart, finding.offset))?.[0] ?? '';
      const at = rangeOf(lines, lineStart, lineStart);
      return { range: at, newText: `${indent}${comment}${lineBreakOf(source)}` };
    }
    // Inside a paragraph a comment line would split it in two: the comment ends the line before.
    let previousEnd = lineStart - 1;
    if (source.charCodeAt(previousEnd) === 10 && source.charCodeAt(previousEnd - 1) === 13) previousEnd--;
    return { range: rangeOf(lines, previousEnd, previousEnd), newText: ` ${comment}` };
  }

  function disableInFile(analysed: Analysed, finding: Finding): TextEdit {
    const { source, lines } = analysed;
    const reason = analysed.config.config.requireSuppressionReason ? ` -- ${checker.strings.reasonPlaceholder}` : '';
    const comment = `<!-- klar-disable ${finding.ruleId}${reason} -->`;
    const eol = lineBreakOf(source);
    if (analysed.format === 'html') {
      // In the body, so the page keeps its doctype first and the comment covers all its text.
      const body = /<body\b[^>]*>/i.exec(source);
      if (body && body.index < finding.offset) {
        const at = body.index + body[0].length;
        return { range: rangeOf(lines, at, at), newText: `${eol}${comment}` };
      }
      const doctype = /^\s*<!doctype[^>]*>/i.exec(source);
      if (doctype) {
        const at = doctype[0].length;
        return { range: rangeOf(lines, at, at), newText: `${eol}${comment}` };
      }
      return { range: rangeOf(lines, 0, 0), newText: `${comment}${eol}` };
    }
    const at = frontMatterEnd(source);
    return { range: rangeOf(lines, at, at), newText: `${comment}${eol}` };
  }
}

/** Where Markdown front matter (--- … --- at the very top) ends; 0 without it. */
function frontMatterEnd(source: string): number {
  const open = /^(---|\+\+\+)[ \t]*(\r\n|\r|\n)/.exec(source);
  if (!open) return 0;
  const fence = open[1] as string;
  const close = new RegExp(`(?:\\r\\n|\\r|\\n)${fence === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`).exec(source.slice(open[0].length - 1));
  return close ? open[0].length - 1 + close.index + close[0].length : 0;
}

function lineBreakOf(source: string): string {
  const m = /\r\n|\r|\n/.exec(source);
  return m ? m[0] : '\n';
}

function languageOf(ruleId: string): Language | undefined {
  const prefix = ruleId.split('/')[0];
  return (LANGUAGES as readonly string[]).includes(prefix ?? '') ? (prefix as Language) : undefined;
}

/** A suggestion for a capitalised word starts with a capital too ("Erhålla" → "Få"). */
function likeCase(suggestion: string, original: string): string {
  return /^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(suggestion) ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}
