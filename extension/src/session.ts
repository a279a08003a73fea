/**
 * The language client and its life cycle: started with the server bundled in the
 * extension (Node IPC), restarted when what it was started with changes — the
 * checked language ids (the document selector is fixed per client) and workspace
 * trust (sent once, as an initialization option).
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DEFAULT_LANGUAGE_IDS, type InitializationOptions } from './protocol.js';

/** Relative to the extension: the bundle keeps the npm package's layout, so `../../rules/` resolves beside it. */
const SERVER_MODULE = 'server/dist/server/main.mjs';

export class Session implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<LanguageClient | undefined>();
  /** Fires with the running client after each (re)start, and with undefined when it stops. */
  readonly onDidChangeClient = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** The client once it is running; undefined while it starts or after it stopped. */
  get client(): LanguageClient | undefined {
    return this.current?.state === State.Running ? this.current : undefined;
  }

  languageIds(): string[] {
    const ids = vscode.workspace.getConfiguration('klar').get<string[]>('languageIds');
    return Array.isArray(ids) && ids.length > 0 ? ids.filter((id) => typeof id === 'string') : [...DEFAULT_LANGUAGE_IDS];
  }

  isChecked(document: vscode.TextDocument): boolean {
    return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && this.languageIds().includes(document.languageId);
  }

  /** Starts the client unless one is running (or starting) already. */
  start(): Promise<void> {
    if (this.starting) return this.starting;
    if (this.current && this.current.state !== State.Stopped) return Promise.resolve();
    this.starting = this.doStart().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    await setContext(false, this.languageIds());
    this.changed.fire(undefined);
    if (client) {
      try {
        await client.stop();
      } catch (error) {
        // A server that already died cannot be stopped; there is nothing left to clean up.
        this.output.warn(`stopping the language server: ${String(error)}`);
      }
    }
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }

  private async doStart(): Promise<void> {
    const languageIds = this.languageIds();
    const module = this.context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
    };
    const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
    const clientOptions: LanguageClientOptions = {
      documentSelector: languageIds.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // No `synchronize` options: the server registers for the settings and the files it needs itself.
      initializationOptions,
      // Findings are asked for again after every edit; the client's default waits for a save or a refresh.
      diagnosticPullOptions: { onChange: true, onSave: true },
      outputChannel: this.output,
      diagnosticCollectionName: 'klar',
    };
    const client = new LanguageClient('klar', 'klar', serverOptions, clientOptions);
    this.current = client;
    try {
      await client.start();
    } catch (error) {
      if (this.current === client) this.current = undefined;
      this.output.error(`the language server did not start: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('klar could not start its language server. See the "klar" output for details.'));
      return;
    }
    if (this.current !== client) return; // stopped while starting
    await setContext(true, languageIds);
    this.changed.fire(client);
  }
}

async function setContext(active: boolean, languageIds: string[]): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'klar.active', active);
  await vscode.commands.executeCommand('setContext', 'klar.languageIds', languageIds);
}
