/**
 * klar for VS Code: starts the bundled language server (inline hints, quick
 * fixes, hovers) and adds what an editor needs beyond LSP — the status bar score,
 * the readability report, and the workspace commands.
 */
import * as vscode from 'vscode';
import { addWord, WorkspaceCheck } from './commands.js';
import { ReportPanel } from './report.js';
import { Session } from './session.js';
import { StatusBar } from './status.js';

let session: Session | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('klar', { log: true });
  session = new Session(context, output);
  const current = session;
  const report = new ReportPanel(context, current);
  const workspaceCheck = new WorkspaceCheck(current);

  context.subscriptions.push(
    output,
    current,
    new StatusBar(current),
    report,
    workspaceCheck,
    vscode.commands.registerCommand('klar.showReport', (uri?: unknown) => report.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('klar.checkWorkspace', () => workspaceCheck.run()),
    vscode.commands.registerCommand('klar.addWord', () => addWord(current)),
    vscode.commands.registerCommand('klar.restartServer', () => current.restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when a client starts.
      if (e.affectsConfiguration('klar.languageIds')) void current.restart();
    }),
    // The server was told the workspace is untrusted; now it may read the project's configuration.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void current.restart()),
  );

  await current.start();
}

export function deactivate(): Promise<void> | undefined {
  return session?.stop();
}
