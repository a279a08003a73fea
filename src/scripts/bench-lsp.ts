/**
 * The language server benchmark (part of `npm run bench`; not a test): a real
 * client drives `klar lsp --stdio` over its standard input and output.
 *
 * - initialise → first diagnostics of a 50-page official text (the corpus,
 *   repeated; examples/ when ../shared is absent);
 * - a one-character edit → its diagnostics published, p50 and p95 over 200 edits
 *   at random places, for the text as plain text and as Markdown;
 * - the server's memory after 100 edits and after 10 000: the heap after a full
 *   garbage collection (klar/serverStatus) and the resident size.
 *
 * The typing pause is turned off (initializationOptions.debounceMs = 0), so each
 * figure is the server's own work for one edit. In an editor a keystroke after a
 * pause is checked at once; keystrokes in a burst are checked once, 150 ms after
 * the last. Writes its table between `<!-- bench:lsp:begin -->` and
 * `<!-- bench:lsp:end -->` in bench/RESULTS.md, keeping the rest of the file.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startLanguageServer } from './lsp-process.js';
import { corpusText, random, writeResultsSection } from './bench-common.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** A page of official text: about 450 words, 3 000 characters with spaces. */
const PAGE_CHARS = 3000;
const PAGES = 50;
const EDITS = Number(process.env.KLAR_BENCH_LSP_EDITS ?? 200);
const MEMORY_EDITS = Number(process.env.KLAR_BENCH_LSP_MEMORY_EDITS ?? 10_000);

/** Whole repetitions of the corpus up to a length in characters (pages are counted in characters), so no paragraph is cut. */
function repeatToChars(text: string, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    parts.push(text);
    length += text.length + 2;
  }
  return parts.join('\n\n');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface Memory {
  /** Resident memory as the operating system sees it. */
  rss: number;
  /** JavaScript heap in use after a full garbage collection: what the server really keeps. */
  heapUsed: number;
}

class Session {
  private readonly waiting = new Map<number, (params: PublishDiagnosticsParams) => void>();
  private version = 1;
  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly uri: string,
    private text: string,
  ) {}

  static start(uri: string, text: string): Session {
    const { child, connection } = startLanguageServer(root);
    const session = new Session(child, connection, uri, text);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (params.uri !== uri || params.version === undefined) return;
      session.waiting.get(params.version)?.(params);
      session.waiting.delete(params.version);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      process.stderr.write(`server: ${params.message}\n`);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    connection.listen();
    return session;
  }

  published(version: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiting.set(version, resolve));
  }

  /** initialize → didOpen → the first diagnostics; milliseconds from initialize. */
  async open(languageId: string): Promise<{ ms: number; diagnostics: number }> {
    const start = performance.now();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { debounceMs: 0 },
    });
    await this.connection.sendNotification('initialized', {});
    const first = this.published(1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri, languageId, version: 1, text: this.text } });
    const params = await first;
    return { ms: performance.now() - start, diagnostics: params.diagnostics.length };
  }

  /** Inserts one letter at a random place between words; milliseconds until its diagnostics arrive. */
  async edit(next: () => number): Promise<number> {
    let at = Math.floor(next() * this.text.length);
    while (at < this.text.length && /\s/.test(this.text[at] as string)) at++;
    const before = this.text.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - (before.lastIndexOf('\n') + 1);
    const letter = 'aeiourstn'[Math.floor(next() * 9)] as string;
    this.text = `${before}${letter}${this.text.slice(at)}`;
    this.version++;
    const done = this.published(this.version);
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: letter }],
    });
    await done;
    return performance.now() - start;
  }

  /** The server's own memory figures (klar/serverStatus), after a full garbage collection. */
  async memory(): Promise<Memory> {
    const status = await this.connection.sendRequest<{ memory: Memory }>('klar/serverStatus', { collectGarbage: true });
    return { rss: status.memory.rss, heapUsed: status.memory.heapUsed };
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise((resolve) => this.child.on('exit', resolve));
    this.connection.dispose();
  }
}

async function editLatency(text: string, name: string, languageId: string): Promise<{ first: number; diagnostics: number; times: number[] }> {
  const session = Session.start(pathToFileURL(join(root, 'bench', 'out', name)).href, text);
  const { ms, diagnostics } = await session.open(languageId);
  const next = random(20_240_611);
  // A few edits first, so the timed ones measure a warm server (compiled code, loaded tables).
  for (let i = 0; i < 10; i++) await session.edit(next);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) times.push(await session.edit(next));
  await session.stop();
  return { first: ms, diagnostics, times };
}

async function memory(text: string): Promise<{ after100: Memory; afterAll: Memory; edits: number }> {
  const session = Session.start(pathToFileURL(join(root, 'bench', 'out', 'memory.txt')).href, text);
  await session.open('plaintext');
  const next = random(7);
  let after100: Memory | undefined;
  for (let i = 1; i <= MEMORY_EDITS; i++) {
    await session.edit(next);
    if (i === Math.min(100, MEMORY_EDITS)) after100 = await session.memory();
  }
  const afterAll = await session.memory();
  await session.stop();
  return { after100: after100 ?? afterAll, afterAll, edits: MEMORY_EDITS };
}

function record(table: string): void {
  writeResultsSection('lsp', 'klar lsp: editing a 50-page text', 'npm run bench (src/scripts/bench-lsp.ts)', table);
}

const corpus = corpusText();
const text = repeatToChars(corpus.text, PAGES * PAGE_CHARS);
const ms = (n: number | undefined): string => (n === undefined ? 'n/a' : `${n.toFixed(1)} ms`);
const spaced = (n: number): string => n.toLocaleString('en-US').replace(/,/g, ' ');
const mb = (m: Memory): string => `${m.heapUsed.toFixed(0)} MB heap, ${m.rss.toFixed(0)} MB resident`;

// Other work on the machine shows up in the latencies; the load average says how much there was.
const loadBefore = loadavg()[0] as number;
const plain = await editLatency(text, 'edit.txt', 'plaintext');
const markdown = await editLatency(text, 'edit.md', 'markdown');
const mem = await memory(text);
const loadAfter = loadavg()[0] as number;

const table = [
  `Input: ${corpus.source} repeated to ${spaced(text.length)} characters (${PAGES} pages of ${spaced(PAGE_CHARS)}), ` +
    `${plain.diagnostics} findings; plain profile; typing pause off; Node ${process.version}, ${cpus().length} cores, ` +
    `1-minute load average ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end. ` +
    `Edits: one letter inserted at a random place, ${EDITS} timed after 10 untimed; time from sending didChange to receiving publishDiagnostics.`,
  '',
  '| measure | plain text | Markdown |',
  '|---|---|---|',
  `| initialize → first diagnostics | ${ms(plain.first)} | ${ms(markdown.first)} |`,
  `| one-letter edit → diagnostics, p50 | ${ms(percentile(plain.times, 50))} | ${ms(percentile(markdown.times, 50))} |`,
  `| one-letter edit → diagnostics, p95 (target ≤ 30 ms) | ${ms(percentile(plain.times, 95))} | ${ms(percentile(markdown.times, 95))} |`,
  `| server memory after 100 edits (heap after a full GC; resident) | ${mb(mem.after100)} | |`,
  `| server memory after ${spaced(mem.edits)} edits (heap after a full GC; resident) | ${mb(mem.afterAll)} | |`,
].join('\n');
process.stdout.write(`${table}\n`);
record(table);
