/**
 * The commands that act beyond the open editor: check every document in the
 * workspace, and add a word to the project's word list.
 */
import * as vscode from 'vscode';
import { DocumentDiagnosticReportKind, DocumentDiagnosticRequest, type LanguageClient } from 'vscode-languageclient/node';
import { ADD_WORD_COMMAND, DIAGNOSTIC_SOURCE } from './protocol.js';
import type { Session } from './session.js';

/** File name endings per language id, for finding documents that are not open. */
const EXTENSIONS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  plaintext: ['txt', 'text'],
  markdown: ['md', 'markdown', 'mdx'],
  html: ['html', 'htm', 'xhtml'],
};
const SKIPPED_FOLDERS = /(?:^|\/)(?:node_modules|\.git|\.klar)\//;
const MAX_FILES = 2000;

/**
 * "Check all documents in the workspace". The language client asks for findings
 * only for documents shown in an editor, so this asks the server itself for each
 * file and keeps the answers in a collection of its own. A file's entry goes as
 * soon as it is shown in an editor (the client's live findings take over) or
 * changes on disk (the entry would be out of date).
 */
export class WorkspaceCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('klar-workspace');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly session: Session) {
    const endings = [...new Set(Object.values(EXTENSIONS_BY_LANGUAGE).flat())].join(',');
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*.{${endings}}`, true, false, false);
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => this.collection.delete(uri)),
      watcher.onDidDelete((uri) => this.collection.delete(uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) this.collection.delete(editor.document.uri);
      }),
      session.onDidChangeClient(() => this.collection.clear()),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  async run(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check all of its documents.'));
      return;
    }
    await this.session.start();
    const client = this.session.client;
    if (!client) return;

    const extensions = this.session.languageIds().flatMap((id) => EXTENSIONS_BY_LANGUAGE[id] ?? []);
    const found = await findDocuments(extensions);
    if (found.length > MAX_FILES) {
      void vscode.window.showWarningMessage(vscode.l10n.t('klar checks the first {0} documents of this workspace.', MAX_FILES));
    }
    const uris = found.slice(0, MAX_FILES);
    const shown = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));

    let checked = 0;
    let findings = 0;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('klar: checking the workspace'), cancellable: true },
      async (progress, token) => {
        for (const uri of uris) {
          if (token.isCancellationRequested) break;
          progress.report({ increment: 100 / uris.length, message: vscode.workspace.asRelativePath(uri, false) });
          checked++;
          if (shown.has(uri.toString())) {
            findings += vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
            continue;
          }
          const diagnostics = await this.check(client, uri, token);
          findings += diagnostics.length;
          this.collection.set(uri, diagnostics);
        }
      },
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(
      vscode.l10n.t('klar checked {0} documents: {1} findings, listed in the Problems panel.', checked, findings),
    );
  }

  private async check(client: LanguageClient, uri: vscode.Uri, token: vscode.CancellationToken): Promise<vscode.Diagnostic[]> {
    try {
      // Opening sends the text to the server; no editor is shown.
      const document = await vscode.workspace.openTextDocument(uri);
      if (!this.session.isChecked(document)) return [];
      const report = await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } }, token);
      if (report.kind !== DocumentDiagnosticReportKind.Full) return [];
      return await client.protocol2CodeConverter.asDiagnostics(report.items);
    } catch {
      // A file that cannot be opened as text (or a check that was cancelled) has no findings to show.
      return [];
    }
  }
}

async function findDocuments(extensions: string[]): Promise<vscode.Uri[]> {
  if (extensions.length === 0) return [];
  const unique = [...new Set(extensions)];
  const include = unique.length === 1 ? `**/*.${unique[0]}` : `**/*.{${unique.join(',')}}`;
  // No exclude argument: the user's files.exclude applies. Dependency and tool folders are skipped as well.
  const uris = await vscode.workspace.findFiles(include, undefined, MAX_FILES * 2);
  return uris.filter((u) => !SKIPPED_FOLDERS.test(u.path)).sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * "Add word to the word list": the selected word, or the word at the cursor,
 * confirmed in an input box, goes to the server, which writes it to the
 * project's `.klar/words.txt` (beside the project's .klarrc, or at the folder's root).
 */
export async function addWord(session: Session): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The word list is used only in a trusted workspace.'));
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const client = session.client;
  if (!editor || !client || !session.isChecked(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a word in a document that klar checks.'));
    return;
  }
  const word = await vscode.window.showInputBox({
    title: vscode.l10n.t('klar: add a word to the word list'),
    prompt: vscode.l10n.t('klar will accept this word in every document of the project (stored in .klar/words.txt).'),
    value: wordAtSelection(editor),
    validateInput: (value) =>
      value.trim() === '' ? vscode.l10n.t('Type a word.') : /\s/u.test(value.trim()) ? vscode.l10n.t('One word, without spaces.') : undefined,
  });
  if (word === undefined || word.trim() === '') return;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const result = await vscode.commands.executeCommand<{ file: string; added: boolean } | null | undefined>(ADD_WORD_COMMAND, uri, word.trim());
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('klar could not add the word: save the document in a folder first.'));
  } else if (!result.added) {
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is already in the word list.', word.trim()));
  }
  // When the word was added the server says so itself, naming the file.
}

function wordAtSelection(editor: vscode.TextEditor): string {
  const selected = editor.document.getText(editor.selection).trim();
  if (selected !== '') return selected;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}\p{N}][\p{L}\p{N}'’-]*/u);
  return range ? editor.document.getText(range) : '';
}
