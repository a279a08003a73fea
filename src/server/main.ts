/**
 * klar's language server: `klar lsp --stdio` (Neovim, Emacs, most clients) or
 * `klar lsp --node-ipc` (the VS Code client). See docs/language-server.md.
 */
import { readFileSync } from 'node:fs';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type InitializeResult,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker, pathOf } from './checker.js';
import { ADD_WORD_COMMAND, registerCodeActions } from './handlers/code-actions.js';
import { registerPullDiagnostics } from './handlers/diagnostics.js';
import { registerHover } from './handlers/hover.js';
import { registerStats } from './handlers/stats.js';
import { registerStatus } from './handlers/status.js';
import { defaultSettings, parseSettings } from './settings.js';
import { serverStrings } from './strings.js';

/** Typing pause before a document is checked again (a change after a longer pause is checked at once). */
export const DEFAULT_DEBOUNCE_MS = 150;

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** Settings for clients that do not answer workspace/configuration (the same shape as the `klar` section). */
  settings?: unknown;
  /** The typing pause in milliseconds; 0 checks after every change (benchmarks, tests). */
  debounceMs?: number;
  /**
   * False in an untrusted workspace (VS Code's workspace trust): the server then reads
   * no .klarrc, rule file or word list and writes no word list. Default true.
   */
  trusted?: boolean;
}

/** Files whose change can change findings: configuration, rule files, the word list. */
const WATCHED = ['**/.klarrc', '**/.klarrc.{json,yaml,yml}', '**/package.json', '**/.klar/words.txt', '**/*.{yaml,yml}'];

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  guardProcess(connection);
  const documents = new TextDocuments(TextDocument);
  let checker: Checker | undefined;
  let watchFiles = false;
  let registerConfiguration = false;
  let refreshPulled = false;
  let refreshLenses = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    const pull = caps.textDocument?.diagnostic !== undefined;
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    registerConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    refreshPulled = pull && caps.workspace?.diagnostics?.refreshSupport === true;
    refreshLenses = caps.workspace?.codeLens?.refreshSupport === true;
    const roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .map((folder) => pathOf(folder.uri))
      .filter((path): path is string => path !== undefined);
    checker = new Checker({
      connection,
      documents,
      strings: serverStrings(params.locale),
      push: !pull,
      debounceMs: typeof init.debounceMs === 'number' && init.debounceMs >= 0 ? init.debounceMs : DEFAULT_DEBOUNCE_MS,
      configurationRequests: caps.workspace?.configuration === true,
      initialSettings: init.settings === undefined ? defaultSettings() : parseSettings(init.settings),
      roots,
      trusted: init.trusted !== false,
    });
    const resolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    registerCodeActions(connection, documents, checker, { resolveEdits });
    registerHover(connection, documents, checker, { markdown: caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? false });
    registerStats(connection, checker);
    registerStatus(connection, checker, version());
    if (pull) registerPullDiagnostics(connection, documents, checker);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [ADD_WORD_COMMAND] },
        ...(pull ? { diagnosticProvider: { identifier: 'klar', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'klar', version: version() },
    };
  });

  connection.onInitialized(() => {
    if (registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'klar' });
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
  });

  const reconfigured = (): void => {
    if (refreshPulled) void connection.languages.diagnostics.refresh();
    if (refreshLenses) void connection.sendRequest('workspace/codeLens/refresh');
  };

  connection.onDidChangeConfiguration((params) => {
    const settings = params.settings as { klar?: unknown } | null | undefined;
    checker?.reconfigure(settings && typeof settings === 'object' && 'klar' in settings ? settings.klar : undefined);
    reconfigured();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!checker) return;
    const paths = params.changes.map((change) => pathOf(change.uri)).filter((path): path is string => path !== undefined);
    if (paths.some((path) => checker?.projects.isRelevant(path))) {
      checker.projectFilesChanged();
      reconfigured();
    }
  });

  documents.onDidChangeContent(({ document }) => checker?.changed(document.uri));
  documents.onDidClose(({ document }) => checker?.closed(document.uri));
  documents.onDidSave(({ document }) => {
    // Editors without a file watcher still tell us when a .klarrc or rule file is saved.
    const path = pathOf(document.uri);
    if (checker && path && checker.projects.isRelevant(path)) {
      checker.projectFilesChanged();
      reconfigured();
    }
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The server outlives its own bugs: an error nobody caught is logged to the
 * client and the server keeps serving. It ends only on `exit` (or when the
 * client goes away).
 */
function guardProcess(connection: Connection): void {
  const log = (kind: string, error: unknown): void => {
    try {
      connection.console.error(`klar: ${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // The connection is gone; nothing left to tell.
    }
  };
  process.on('uncaughtException', (error) => log('uncaught error', error));
  process.on('unhandledRejection', (reason) => log('unhandled rejection', reason));
}
