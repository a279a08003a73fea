/**
 * Keeps every open document checked: settings per document, a debounce while the
 * writer types, one analysis per version (a newer version stops an older run at
 * its next pause), published diagnostics in push mode, and the latest analysis
 * for requests (hover, code actions, statistics, pulled diagnostics).
 */
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentError } from '../formats/types.js';
import { analyseDocument, newBlockCache, type BlockCache, type DocumentAnalysis, type Format } from './analysis.js';
import { toLspDiagnostic } from './convert.js';
import { ProjectConfigs, type DocumentConfig } from './project.js';
import { parseSettings, type EditorSettings } from './settings.js';
import type { ServerStrings } from './strings.js';

export interface Analysed extends DocumentAnalysis {
  uri: string;
  version: number;
  /** The checker's configuration generation the analysis was made with. */
  generation: number;
  config: DocumentConfig;
  settings: EditorSettings;
}

export interface CheckerOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  strings: ServerStrings;
  /** False when the client pulls diagnostics (LSP 3.17): then none are pushed. */
  push: boolean;
  /** Typing pause before a document is checked again. */
  debounceMs: number;
  /** Whether the client answers workspace/configuration. */
  configurationRequests: boolean;
  /** Settings given at start (initializationOptions.settings), for clients without workspace/configuration. */
  initialSettings: EditorSettings;
  roots: readonly string[];
  /** False in an untrusted workspace: only built-in rules and the editor's settings apply. */
  trusted: boolean;
}

interface Session {
  uri: string;
  cache: BlockCache;
  analysis?: Analysed;
  running?: { version: number; generation: number; promise: Promise<Analysed | undefined> };
  timer?: NodeJS.Timeout;
  lastChange: number;
  /** Set when this version is not checked (too large, unreadable, a language id not enabled). */
  skipped?: { version: number; generation: number; reason?: string };
  /** The last notice shown for this document, so that each is shown once. */
  notice?: string;
  published: boolean;
}

/**
 * Documents longer than this (UTF-16 code units) are not checked while they are
 * edited; the writer is told to run `klar check`. Plain text in the plain profile
 * is analysed block by block with pauses, so it may be larger; Markdown and HTML
 * are parsed whole, and the easy-read profile analyses the whole text, without
 * pauses.
 */
export const MAX_LIVE_CHARS = { incremental: 4_000_000, whole: 500_000 } as const;

const CONFIGURATION_TIMEOUT_MS = 5000;
/** How many newer versions a request waits through before it gives up. */
const MAX_WAITS = 4;

export function formatOf(languageId: string): Format {
  if (languageId === 'markdown' || languageId === 'mdx') return 'markdown';
  if (languageId === 'html' || languageId === 'xhtml') return 'html';
  return 'text';
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function megabytes(chars: number): string {
  return (chars / 1e6).toFixed(1);
}

export class Checker {
  readonly projects: ProjectConfigs;
  private readonly sessions = new Map<string, Session>();
  private readonly settingsCache = new Map<string, Promise<EditorSettings>>();
  private globalSettings: EditorSettings;
  private generation = 0;

  constructor(private readonly options: CheckerOptions) {
    this.globalSettings = options.initialSettings;
    this.projects = new ProjectConfigs((message) => this.notify(message), () => options.roots, options.trusted);
  }

  get strings(): ServerStrings {
    return this.options.strings;
  }

  /**
   * A document was opened or changed. A change right after a pause is checked at
   * once; changes that follow within the debounce time wait until the writer pauses.
   */
  changed(uri: string): void {
    const session = this.session(uri);
    const now = Date.now();
    const quiet = now - session.lastChange >= this.options.debounceMs;
    session.lastChange = now;
    if (session.timer) clearTimeout(session.timer);
    session.timer = setTimeout(
      () => {
        session.timer = undefined;
        void this.run(session);
      },
      quiet ? 0 : this.options.debounceMs,
    );
  }

  closed(uri: string): void {
    const session = this.sessions.get(uri);
    if (session?.timer) clearTimeout(session.timer);
    this.sessions.delete(uri);
    this.settingsCache.delete(uri);
    if (this.options.push && session?.published) void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or project files changed: every open document is checked again. */
  reconfigure(newGlobalSettings?: unknown): void {
    if (newGlobalSettings !== undefined) this.globalSettings = parseSettings(newGlobalSettings);
    this.settingsCache.clear();
    this.generation++;
    for (const session of this.sessions.values()) void this.run(session);
  }

  /** Project files changed on disk. */
  projectFilesChanged(): void {
    this.projects.invalidate();
    this.reconfigure();
  }

  settingsFor(uri: string): Promise<EditorSettings> {
    if (!this.options.configurationRequests) return Promise.resolve(this.globalSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      const fallback = this.globalSettings;
      settings = new Promise<EditorSettings>((resolve) => {
        // A client that never answers must not stop the checks.
        const timer = setTimeout(() => resolve(fallback), CONFIGURATION_TIMEOUT_MS);
        this.options.connection.workspace.getConfiguration({ scopeUri: uri, section: 'klar' }).then(
          (raw: unknown) => {
            clearTimeout(timer);
            resolve(raw === null || raw === undefined ? fallback : parseSettings(raw));
          },
          () => {
            clearTimeout(timer);
            resolve(fallback);
          },
        );
      });
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  /**
   * The analysis of the document's current version, made now if needed;
   * undefined for a document that is not open or not checked.
   */
  async current(uri: string, token?: CancellationToken): Promise<Analysed | undefined> {
    for (let wait = 0; wait < MAX_WAITS; wait++) {
      const doc = this.options.documents.get(uri);
      const session = this.sessions.get(uri);
      if (!doc || !session) return undefined;
      const known = session.analysis;
      if (known && known.version === doc.version && known.generation === this.generation) return known;
      if (session.skipped && session.skipped.version === doc.version && session.skipped.generation === this.generation) return undefined;
      // The request needs the result now, not after the typing pause.
      if (session.timer) {
        clearTimeout(session.timer);
        session.timer = undefined;
      }
      const result = await this.run(session);
      if (token?.isCancellationRequested) return undefined;
      if (result && result.version === this.options.documents.get(uri)?.version && result.generation === this.generation) return result;
    }
    return undefined;
  }

  /** Why the current version is not checked, if it is not. */
  skippedReason(uri: string): string | undefined {
    return this.sessions.get(uri)?.skipped?.reason;
  }

  /** Whether an open document is one klar checks. */
  isOpen(uri: string): boolean {
    return this.sessions.has(uri) && this.options.documents.get(uri) !== undefined;
  }

  /** How many documents the server follows, and how many block results it keeps for them. */
  status(): { documents: number; cachedBlocks: number } {
    let cachedBlocks = 0;
    for (const session of this.sessions.values()) cachedBlocks += session.cache.entries.size;
    return { documents: this.sessions.size, cachedBlocks };
  }

  private session(uri: string): Session {
    let session = this.sessions.get(uri);
    if (!session) {
      session = { uri, cache: newBlockCache(), lastChange: 0, published: false };
      this.sessions.set(uri, session);
    }
    return session;
  }

  private run(session: Session): Promise<Analysed | undefined> {
    const doc = this.options.documents.get(session.uri);
    if (!doc || this.sessions.get(session.uri) !== session) return Promise.resolve(undefined);
    const { version } = doc;
    const generation = this.generation;
    if (session.analysis?.version === version && session.analysis.generation === generation) return Promise.resolve(session.analysis);
    if (session.running?.version === version && session.running.generation === generation) return session.running.promise;
    const promise = this.analyse(session, doc, generation).catch((error: unknown) => {
      // A bug in one analysis must not take the server down; the next edit tries again.
      this.options.connection.console.error(`klar: analysis of ${session.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    });
    const running = { version, generation, promise };
    session.running = running;
    void promise.finally(() => {
      if (session.running === running) session.running = undefined;
    });
    return promise;
  }

  private async analyse(session: Session, doc: TextDocument, generation: number): Promise<Analysed | undefined> {
    const { uri } = session;
    const version = doc.version;
    const stopped = (): boolean =>
      this.sessions.get(uri) !== session || this.options.documents.get(uri)?.version !== version || this.generation !== generation;
    const settings = await this.settingsFor(uri);
    if (stopped()) return undefined;
    const skip = (reason?: string): undefined => {
      session.skipped = { version, generation, ...(reason ? { reason } : {}) };
      if (reason && session.notice !== reason) {
        session.notice = reason;
        this.notify(reason);
      }
      this.clear(session);
      return undefined;
    };
    if (!settings.languageIds.includes(doc.languageId)) return skip();
    const format = formatOf(doc.languageId);
    const config = this.projects.forDocument(pathOf(uri), settings);
    const whole = format !== 'text' || config.config.profile === 'easy-read';
    const limit = whole ? MAX_LIVE_CHARS.whole : MAX_LIVE_CHARS.incremental;
    if (doc.getText().length > limit) {
      const name = pathOf(uri)?.split(/[\\/]/).pop() ?? uri;
      return skip(this.options.strings.tooLarge(name, megabytes(doc.getText().length), megabytes(limit)));
    }
    let result: DocumentAnalysis | undefined;
    try {
      result = await analyseDocument({ text: doc.getText(), format, config, cache: session.cache, stopped });
    } catch (error) {
      if (error instanceof DocumentError) return skip(this.options.strings.cannotRead(error.message.replace(/^document\.\w+: /, '')));
      throw error;
    }
    if (!result || stopped()) return undefined;
    session.skipped = undefined;
    session.notice = undefined;
    const analysed: Analysed = { ...result, uri, version, generation, config, settings };
    session.analysis = analysed;
    if (this.options.push) {
      session.published = true;
      void this.options.connection.sendDiagnostics({
        uri,
        version,
        diagnostics: analysed.findings.map((f) => toLspDiagnostic(f, uri, analysed.lines, settings.docsUrl, this.options.strings)),
      });
    }
    return analysed;
  }

  private clear(session: Session): void {
    session.analysis = undefined;
    session.cache = newBlockCache();
    if (this.options.push && session.published) {
      session.published = false;
      void this.options.connection.sendDiagnostics({ uri: session.uri, diagnostics: [] });
    }
  }

  /** A notice (window/showMessage): a notification, so no client has to answer it. */
  notify(message: string, type: MessageType = MessageType.Warning): void {
    void this.options.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }
}

