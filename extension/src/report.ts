/**
 * "klar: Show readability report": one webview beside the editor that follows
 * the active checked document and redraws when its text or findings change.
 * Links in the report select the passage in the editor.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml, renderBody, renderPage, type ReportModel, type Translate } from './report-html.js';
import type { Session } from './session.js';
import { buildReportModel, fetchStats, toVsRange } from './stats.js';

const VIEW_TYPE = 'klar.report';
const REDRAW_PAUSE_MS = 400;

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly session: Session,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && this.session.isChecked(editor.document) && editor.document !== this.document) {
          this.document = editor.document;
          this.schedule(0);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule(REDRAW_PAUSE_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.document?.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule(REDRAW_PAUSE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) this.document = undefined;
      }),
      session.onDidChangeClient(() => this.schedule(0)),
    );
  }

  /** Opens (or brings forward) the report for the active document, or for `uri`. */
  async show(uri?: vscode.Uri): Promise<void> {
    const document = uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document ?? this.document;
    if (!document || !this.session.isChecked(document)) {
      void vscode.window.showInformationMessage(t('Open a document that klar checks (plain text, Markdown or HTML) to see its report.'));
      return;
    }
    this.document = document;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      this.panel = this.createPanel();
    }
    await this.redraw(true);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const webviewRoot = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
    const mediaRoot = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      t('klar report'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [webviewRoot, mediaRoot] },
    );
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'icon.png');
    // A hidden webview forgets what it was sent; it shows the last full page again when it comes back.
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.visible) void this.redraw(true);
    }, undefined, this.disposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      clearTimeout(this.timer);
    }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message), undefined, this.disposables);
    panel.webview.html = renderPage(undefined, this.pageOptions(panel.webview), t);
    return panel;
  }

  private pageOptions(webview: vscode.Webview) {
    const root = this.context.extensionUri;
    return {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview', 'report.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'report.css')).toString(),
      uiLanguage: vscode.env.language,
    };
  }

  private schedule(delay: number): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(false), delay);
  }

  private async redraw(fullPage: boolean): Promise<void> {
    const panel = this.panel;
    const document = this.document;
    const client = this.session.client;
    if (!panel || !document || !client || !panel.visible) return;
    const generation = ++this.generation;
    const result = await fetchStats(client, document.uri);
    // A newer redraw started while this one waited for the server; its answer wins.
    if (generation !== this.generation || this.panel !== panel) return;
    panel.title = t('klar: {0}', basename(document.uri));
    if (result.kind === 'failed') {
      void panel.webview.postMessage({ type: 'render', html: `<p class="empty">${escapeHtml(t('klar could not measure this document: {0}', result.message))}</p>` });
      return;
    }
    const model: ReportModel = buildReportModel(document, result.stats);
    if (fullPage) {
      panel.webview.html = renderPage(model, this.pageOptions(panel.webview), t);
    } else {
      void panel.webview.postMessage({ type: 'render', html: renderBody(model, t) });
    }
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isReveal(message) || !this.document) return;
    const [startLine, startCharacter, endLine, endCharacter] = message.range;
    const range = this.document.validateRange(
      toVsRange({ start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }),
    );
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function isReveal(message: unknown): message is { type: 'reveal'; range: [number, number, number, number] } {
  if (typeof message !== 'object' || message === null) return false;
  const { type, range } = message as { type?: unknown; range?: unknown };
  return type === 'reveal' && Array.isArray(range) && range.length === 4 && range.every((n) => Number.isInteger(n) && n >= 0);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
