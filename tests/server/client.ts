/**
 * A real LSP client for the protocol tests: vscode-languageserver-protocol's
 * client side over the stdio of `node bin/klar.js lsp --stdio`, answering what a
 * client must answer (workspace/configuration, registrations) and recording what
 * the server sends (diagnostics, notices).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'klar.js');

export interface StartOptions {
  /** The workspace folder. */
  folder: string;
  /** The `klar` settings the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  /** Ask for pull diagnostics (LSP 3.17) instead of pushed ones. */
  pull?: boolean;
  locale?: string;
  initializationOptions?: Record<string, unknown>;
  /** Leave out workspace/configuration support (settings then come from initializationOptions). */
  noConfigurationRequests?: boolean;
}

type Waiter<T> = { test: (value: T) => boolean; resolve: (value: T) => void };

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notices: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  settings: Record<string, unknown>;
  readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly noticeWaiters: Waiter<ShowMessageParams>[] = [];
  stderr = '';
  initializeResult: unknown;
  exitCode: Promise<number | null>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exitCode = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: options.folder, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      client.settle(client.diagnosticWaiters, params);
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      client.notices.push(params);
      client.settle(client.noticeWaiters, params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => client.logs.push(params.message));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'klar' ? client.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: !options.noConfigurationRequests,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        workspaceEdit: { documentChanges: true },
      },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
          resolveSupport: { properties: ['edit'] },
          dataSupport: true,
          isPreferredSupport: true,
        },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(options.folder),
      workspaceFolders: [{ uri: fileUri(options.folder), name: 'test' }],
      capabilities,
      ...(options.locale ? { locale: options.locale } : {}),
      initializationOptions: { debounceMs: 0, ...options.initializationOptions },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one incremental change and keeps the client's copy of the text in step. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    let text = this.texts.get(uri) ?? '';
    for (const change of changes) text = 'range' in change ? applyEdit(text, change.range, change.text) : change.text;
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics published for the document's current version (waits for them). */
  diagnostics(uri: string): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    return this.nextPublished((p) => p.uri === uri && p.version === version).then((p) => p.diagnostics);
  }

  /** Diagnostics published for `uri` after the first `mark` publications (see `mark()`). */
  diagnosticsAfter(uri: string, mark: number): Promise<Diagnostic[]> {
    return this.nextPublished((p) => p.uri === uri, mark).then((p) => p.diagnostics);
  }

  /** The number of publications so far, to wait for one that comes later. */
  mark(): number {
    return this.published.length;
  }

  /** Resolves with the first publication from index `from` on (already received or coming) that passes `test`. */
  nextPublished(test: (p: PublishDiagnosticsParams) => boolean, from = 0): Promise<PublishDiagnosticsParams> {
    const seen = this.published.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.diagnosticWaiters.push({ test, resolve }));
  }

  notice(test: (m: ShowMessageParams) => boolean): Promise<ShowMessageParams> {
    const seen = this.notices.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.noticeWaiters.push({ test, resolve }));
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** shutdown, exit, and the server's exit code. */
  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await this.exitCode;
    this.connection.dispose();
    return code;
  }

  private settle<T>(waiters: Waiter<T>[], value: T): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i] as Waiter<T>;
      if (waiter.test(value)) {
        waiters.splice(i, 1);
        waiter.resolve(value);
      }
    }
  }
}

/** Offset of an LSP position (UTF-16) in a text. */
export function offsetAt(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + position.character;
}

export function applyEdit(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): string {
  return text.slice(0, offsetAt(text, range.start)) + newText + text.slice(offsetAt(text, range.end));
}

/** The text a range covers. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}
