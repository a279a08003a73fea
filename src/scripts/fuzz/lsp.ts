/**
 * The language server's document sync under fuzzing: a real client drives
 * `klar lsp --stdio`, opens a generated document, sends random incremental edits
 * (UTF-16 ranges, also inside surrogate pairs and next to CR and LF) and checks
 * every publication against the text the client holds for that version. After
 * the edits, the diagnostics of the edited document must equal those of the final
 * text opened fresh under a second URI.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import {
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startLanguageServer } from '../lsp-process.js';
import { htmlDocument } from '../../formats/html.js';
import { markdownDocument } from '../../formats/markdown.js';
import { DocumentError } from '../../formats/types.js';
import { htmlText, markdownText, plainText, type Material } from './generate.js';
import { fail, lineStarts, splitProblem } from './invariants.js';

/** How long a publication may take before the server counts as stuck. */
const WAIT_MS = 15_000;

/**
 * Whether the front end refuses the text (nesting beyond its limits): then the
 * server shows a notice and publishes no diagnostics for that version.
 */
function refused(languageId: LspScenario['languageId'], text: string): boolean {
  try {
    if (languageId === 'markdown') markdownDocument('document.md', text);
    else if (languageId === 'html') htmlDocument('document.html', text);
    return false;
  } catch (error) {
    if (error instanceof DocumentError) return true;
    throw error;
  }
}

export interface Edit {
  /** Where, as fractions of the text: the start, and the length removed (short mostly). */
  at: number;
  remove: number;
  insert: string;
  /** Wait for this version's diagnostics before the next edit (else the edits come as a burst). */
  wait: boolean;
  /** Send this edit in the same didChange as the one before. */
  join: boolean;
}

export interface LspScenario {
  languageId: 'plaintext' | 'markdown' | 'html';
  text: string;
  edits: Edit[];
  profile: 'plain' | 'easy-read';
}

const insertions = ['', '\n', '\r', '\r\n', '\n\n', '\r\r\n', ' ', '-\n', 'a', 'é', 'e\u0301', '\u0301', '😀', '\ud83d', '\ude00', '\u200b', '\u202e', '> ', '- ', '# ', '*', '<p>', '</p>', '&auml;', '```\n', '. '];

function edit(m: Material): fc.Arbitrary<Edit> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.double({ min: 0, max: 0.02, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
    insert: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...insertions) }, { weight: 3, arbitrary: plainText(m, 3) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }),
    wait: fc.boolean(),
    join: fc.boolean(),
  });
}

export function lspScenario(m: Material, maxEdits = 30, minEdits = 1): fc.Arbitrary<LspScenario> {
  return fc
    .tuple(fc.constantFrom('plaintext' as const, 'plaintext' as const, 'markdown' as const, 'html' as const), fc.array(edit(m), { minLength: minEdits, maxLength: maxEdits }), fc.constantFrom('plain' as const, 'plain' as const, 'easy-read' as const))
    .chain(([languageId, edits, profile]) =>
      (languageId === 'markdown' ? markdownText(m, 8) : languageId === 'html' ? htmlText(m, 6, 400) : plainText(m, 40)).map((text) => ({ languageId, text, edits, profile })),
    );
}

interface Position {
  line: number;
  character: number;
}

/** The LSP position of an offset (UTF-16), and back; a position never points between CR and LF. */
function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - (starts[lo] as number) };
}

/** A valid offset near `offset`: before the CR of a CRLF rather than between CR and LF. */
function valid(text: string, offset: number): number {
  return splitProblem(text, offset) === 'falls between CR and LF' ? offset - 1 : offset;
}

export class FuzzServer {
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly errors: string[] = [];
  private next = 0;
  stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: ProtocolConnection,
    private readonly folder: string,
    private readonly settings: { profile: string },
  ) {}

  static async start(): Promise<FuzzServer> {
    const folder = mkdtempSync(join(tmpdir(), 'klar-fuzz-'));
    const { child, connection } = startLanguageServer(folder);
    const server = new FuzzServer(child, connection, folder, { profile: 'plain' });
    child.stderr.on('data', (chunk: Buffer) => (server.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      server.published.push(p);
      for (let i = server.waiters.length - 1; i >= 0; i--) {
        const w = server.waiters[i]!;
        if (w.test(p)) {
          server.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      // type 1 is an error: an analysis that threw (the server survives it, the user sees nothing).
      if (p.type === 1) server.errors.push(p.message);
    });
    connection.onNotification('window/showMessage', () => undefined);
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'klar' ? server.settings : null)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'fuzz' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { synchronization: {}, publishDiagnostics: { versionSupport: true, relatedInformation: true } },
      },
      initializationOptions: { debounceMs: 0 },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  /** The server's heap after a full garbage collection, and how many documents and cached blocks it keeps. */
  async status(): Promise<{ heapUsed: number; rss: number; documents: number; cachedBlocks: number }> {
    const s = await this.connection.sendRequest<{ memory: { heapUsed: number; rss: number }; documents: number; cachedBlocks: number }>('klar/serverStatus', { collectGarbage: true });
    return { heapUsed: s.memory.heapUsed, rss: s.memory.rss, documents: s.documents, cachedBlocks: s.cachedBlocks };
  }

  private publication(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams): boolean => p.uri === uri && p.version === version;
    const seen = this.published.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const errors = this.errors.length ? ` Server errors: ${this.errors.join(' | ').slice(0, 2000)}` : '';
        reject(new Error(`no diagnostics for version ${version} of ${uri} within ${WAIT_MS} ms.${errors}`));
      }, WAIT_MS);
      this.waiters.push({
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /**
   * One scenario; returns the number of inputs it counted (the opening and each edit).
   * Throws a Violation (or an Error) on any failed invariant.
   */
  async run(scenario: LspScenario): Promise<number> {
    if (this.settings.profile !== scenario.profile) {
      this.settings.profile = scenario.profile;
      await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { klar: this.settings } });
    }
    const id = this.next++;
    const ext = scenario.languageId === 'plaintext' ? 'txt' : scenario.languageId === 'markdown' ? 'md' : 'html';
    const uri = pathToFileURL(join(this.folder, `edited-${id}.${ext}`)).href;
    const fresh = pathToFileURL(join(this.folder, `fresh-${id}.${ext}`)).href;
    const from = this.published.length;
    const texts = new Map<number, string>();
    let text = scenario.text;
    let version = 1;
    texts.set(version, text);
    this.errors.length = 0;
    try {
      await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: scenario.languageId, version, text } });
      let batch: { range: { start: Position; end: Position }; text: string }[] = [];
      const flush = async (wait: boolean): Promise<void> => {
        if (batch.length === 0) return;
        version++;
        texts.set(version, text);
        const changes = batch;
        batch = [];
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        if (wait && !refused(scenario.languageId, text)) this.checkPublication(await this.publication(uri, version), texts);
      };
      for (const [k, e] of scenario.edits.entries()) {
        if (!e.join && k > 0) await flush(scenario.edits[k - 1]!.wait);
        // Each change's range refers to the text after the changes before it in the same notification.
        const starts = lineStarts(text);
        const start = valid(text, Math.floor(e.at * (text.length + 1)));
        const end = valid(text, Math.min(text.length, start + Math.ceil(e.remove * text.length)));
        const a = Math.min(start, end);
        const b = Math.max(start, end);
        batch.push({ range: { start: positionAt(starts, a), end: positionAt(starts, b) }, text: e.insert });
        text = text.slice(0, a) + e.insert + text.slice(b);
      }
      await flush(false);
      if (refused(scenario.languageId, text)) {
        // Nothing to compare: the final text is refused (with a notice) under either URI.
        for (const p of this.published.slice(from)) if (p.uri === uri) this.checkPublication(p, texts);
        return 1 + scenario.edits.length;
      }
      const edited = await this.publication(uri, version);
      this.checkPublication(edited, texts);
      // Every publication on the way, for whatever version it was made.
      for (const p of this.published.slice(from)) if (p.uri === uri) this.checkPublication(p, texts);
      await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId: scenario.languageId, version: 1, text } });
      const opened = await this.publication(fresh, 1);
      const norm = (ds: Diagnostic[], u: string): string =>
        JSON.stringify(ds.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: r.location.uri === u ? 'self' : r.location.uri } })) })));
      const after = norm(edited.diagnostics, uri);
      const direct = norm(opened.diagnostics, fresh);
      if (after !== direct) {
        let i = 0;
        while (i < after.length && after[i] === direct[i]) i++;
        fail(`after ${scenario.edits.length} edits the diagnostics differ from a fresh open of the same text at JSON character ${i}: edited ${after.slice(Math.max(0, i - 100), i + 150)} vs fresh ${direct.slice(Math.max(0, i - 100), i + 150)}`);
      }
      if (this.errors.length) fail(`the server logged errors: ${this.errors.join(' | ').slice(0, 2000)}`);
    } finally {
      await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
      // Only this scenario's publications are needed; keep memory flat over a long run.
      this.published.length = 0;
    }
    return 1 + scenario.edits.length;
  }

  /** Every range inside the document as the client held it for that version, on character boundaries. */
  private checkPublication(p: PublishDiagnosticsParams, texts: Map<number, string>): void {
    if (p.version === undefined) {
      if (p.diagnostics.length > 0) fail(`diagnostics published without a version`);
      return;
    }
    const text = texts.get(p.version);
    if (text === undefined) fail(`diagnostics for version ${p.version}, which the client never sent`);
    const starts = lineStarts(text);
    const offsetOf = (pos: Position, what: string): number => {
      const start = starts[pos.line];
      if (start === undefined || pos.character < 0) fail(`${what}: line ${pos.line} is not in the document (${starts.length} lines) at version ${p.version}`);
      const lineEnd = pos.line + 1 < starts.length ? (starts[pos.line + 1] as number) : text.length;
      let contentEnd = lineEnd;
      while (contentEnd > start && (text.charCodeAt(contentEnd - 1) === 10 || text.charCodeAt(contentEnd - 1) === 13)) contentEnd--;
      if (start + pos.character > contentEnd) fail(`${what}: character ${pos.character} is past the end of line ${pos.line} (${contentEnd - start} long) at version ${p.version}`);
      return start + pos.character;
    };
    p.diagnostics.forEach((d, i) => {
      const what = `diagnostic ${i} (${String(d.code)}) of version ${p.version}`;
      const a = offsetOf(d.range.start, `${what} start`);
      const b = offsetOf(d.range.end, `${what} end`);
      if (a > b) fail(`${what}: starts after it ends`);
      for (const o of [a, b]) {
        const problem = splitProblem(text, o);
        if (problem) fail(`${what}: ${problem} at ${o}`);
      }
    });
  }

  async stop(): Promise<number | null> {
    const exit = new Promise<number | null>((resolve) => this.child.on('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const code = await exit;
    this.connection.dispose();
    rmSync(this.folder, { recursive: true, force: true });
    return code;
  }
}
