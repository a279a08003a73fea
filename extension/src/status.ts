/**
 * The status bar item: the active document's difficulty band and LIX, updated
 * as the writer types; a click opens the report.
 */
import * as vscode from 'vscode';
import type { Session } from './session.js';
import { fetchStats } from './stats.js';
import type { DocumentStats } from './protocol.js';

/** Typing pauses shorter than this do not ask the server again. */
const TYPING_PAUSE_MS = 300;

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('klar.readability', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: NodeJS.Timeout | undefined;
  private pending: vscode.CancellationTokenSource | undefined;

  constructor(private readonly session: Session) {
    this.item.name = vscode.l10n.t('klar readability');
    this.item.command = 'klar.showReport';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0) this.schedule(TYPING_PAUSE_MS);
      }),
      // New findings mean the server has analysed the latest text: its scores are current too.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((uri) => uri.toString() === active)) this.schedule(TYPING_PAUSE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('klar')) this.schedule(0);
      }),
      session.onDidChangeClient(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    for (const d of this.disposables) d.dispose();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    this.pending?.cancel();
    const document = vscode.window.activeTextEditor?.document;
    const enabled = vscode.workspace.getConfiguration('klar').get<boolean>('statusBar', true);
    if (!enabled || !document || !this.session.isChecked(document)) {
      this.item.hide();
      return;
    }
    const client = this.session.client;
    if (!client) {
      this.item.text = '$(loading~spin) klar';
      this.item.tooltip = vscode.l10n.t('klar is starting');
      this.item.show();
      return;
    }
    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    const result = await fetchStats(client, document.uri, source.token);
    if (source.token.isCancellationRequested) return;
    if (result.kind === 'failed') {
      this.item.text = '$(warning) klar';
      this.item.tooltip = vscode.l10n.t('klar could not measure this document: {0}', result.message);
    } else {
      this.item.text = statusText(result.stats);
      this.item.tooltip = tooltip(result.stats);
    }
    this.item.show();
  }
}

function statusText(stats: DocumentStats): string {
  const m = stats.metrics;
  const lix = m.lix === null ? '–' : String(Math.round(m.lix));
  const band = m.difficultyBand ?? vscode.l10n.t('too short to score');
  return `$(book) ${band} · LIX ${lix}`;
}

function tooltip(stats: DocumentStats): vscode.MarkdownString {
  const m = stats.metrics;
  const lines = [
    `**klar** — ${vscode.l10n.t('readability')}`,
    '',
    m.difficulty === null
      ? vscode.l10n.t('Difficulty: too short to score')
      : vscode.l10n.t('Difficulty: {0}/100 ({1})', Math.round(m.difficulty), m.difficultyBand ?? ''),
    m.lix === null ? 'LIX: –' : `LIX: ${Math.round(m.lix)}${m.lixBand ? ` (${m.lixBand})` : ''}`,
    vscode.l10n.t('{0} words, {1} sentences', m.words, m.sentences),
    '',
    vscode.l10n.t('Click for the readability report'),
  ];
  const text = new vscode.MarkdownString(lines.map(escapeMarkdown).join('  \n'));
  text.supportThemeIcons = false;
  return text;
}

/** Band names come from data; they must not be read as Markdown. The bold title is ours. */
function escapeMarkdown(line: string): string {
  return line.startsWith('**klar**') ? line : line.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
