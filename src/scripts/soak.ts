/**
 * The soak run of issue 7 (not a test: it takes minutes):
 *
 *   node --expose-gc dist/scripts/soak.js [--lsp] [--cli] [--edits N] [--files N]
 *
 * - `--lsp`: a real client drives `klar lsp --stdio` through N random edits (default
 *   10 000) of a 50-page text: typed letters and words, deletions, replacements, pasted
 *   paragraphs and undo-like reversals, sent in bursts of one to eight edits with a wait
 *   for the diagnostics of the last one after each burst. The server's resident memory
 *   after a full garbage collection (least of four samples) is taken after a warm-up of
 *   500 edits and at the end; growth of 10 % or more fails. A sample every 2 000 edits
 *   shows the trend. At the end the diagnostics of the edited
 *   document must equal those of a fresh server opening the final text.
 * - `--cli`: a generated tree of N files (default 10 000; about 2 KB of whole paragraphs
 *   each, 100 folders of 100, outside the repository) checked twice with `--format json`
 *   and twice with `--format sarif`, `--jobs 2`: the outputs must be byte-identical and
 *   the exit codes equal.
 *
 * With neither flag both run. Exits 1 with the reason when a check fails.
 * `--expose-gc` is for this process only (it holds the texts); the server collects its
 * own garbage on request (klar/serverStatus).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startLanguageServer } from './lsp-process.js';
import { corpusText, random, repeatTo, repoRoot, writeTree } from './bench-common.js';

const BIN = join(repoRoot, 'bin', 'klar.js');
/** A page of official text: about 450 words, 3 000 characters with spaces (as in bench-lsp). */
const PAGE_BYTES = 3000;
const PAGES = 50;
const WARM_UP_EDITS = 500;
const MAX_RSS_GROWTH = 0.1;
/** Edits sent before waiting for diagnostics: an editor sends keystrokes in bursts. */
const MAX_BURST = 8;
/** Garbage collections and resident-size readings per memory figure; the least counts. */
const RSS_SAMPLES = 4;
/** Edits between memory samples printed as the run goes. */
const TREND_EVERY = 2000;
const TIME_BIN = '/usr/bin/time';

interface Options {
  lsp: boolean;
  cli: boolean;
  edits: number;
  files: number;
}

function parseArgs(argv: string[]): Options {
  const count = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number`);
    return n;
  };
  const lsp = argv.includes('--lsp');
  const cli = argv.includes('--cli');
  return { lsp: lsp || !cli, cli: cli || !lsp, edits: count('--edits', 10_000), files: count('--files', 10_000) };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// ---------------------------------------------------------------- language server

/** Resident memory of a process in bytes from /proc (Linux), or null elsewhere. */
function procRss(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** An undo: not itself undone later, so the undo stack stays a stack of states. */
  isUndo?: boolean;
}

class Server {
  private readonly waiting: { version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  stderr = '';
  exited = false;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static start(cwd: string): Server {
    const { child, connection } = startLanguageServer(cwd);
    const server = new Server(child, connection);
    child.on('exit', () => (server.exited = true));
    child.stderr.on('data', (chunk: Buffer) => (server.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      server.latest.set(params.uri, params);
      // Diagnostics of an earlier version in a burst may be skipped; any at or after the awaited one will do.
      for (let i = server.waiting.length - 1; i >= 0; i--) {
        const w = server.waiting[i] as (typeof server.waiting)[number];
        if (params.version !== undefined && params.version >= w.version) {
          server.waiting.splice(i, 1);
          w.resolve(params);
        }
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      process.stderr.write(`server: ${params.message}\n`);
    });
    connection.listen();
    return server;
  }

  async initialize(folder: string): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      // No typing pause: every burst is checked at once, so the run measures the server's work, not a timer.
      initializationOptions: { debounceMs: 0 },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the first diagnostics published for `version` or later; fails after `ms`. */
  diagnostics(version: number, ms = 60_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${ms / 1000} s${this.exited ? ' (the server exited)' : ''}`)), ms);
      this.waiting.push({
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const done = this.diagnostics(version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
    return done;
  }

  /**
   * Resident memory after the server's own full garbage collection: the least of a few
   * samples, since the heap gives pages back to the system lazily and one sample after a
   * collection varies by ±20 % from one moment to the next.
   */
  async memory(): Promise<{ rss: number; source: string; heapUsed: number; cachedBlocks: number }> {
    let best: { rss: number; source: string; heapUsed: number; cachedBlocks: number } | undefined;
    for (let i = 0; i < RSS_SAMPLES; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      const m = await this.sample();
      if (!best || m.rss < best.rss) best = m;
    }
    return best as NonNullable<typeof best>;
  }

  private async sample(): Promise<{ rss: number; source: string; heapUsed: number; cachedBlocks: number }> {
    const status = await this.connection.sendRequest<{ cachedBlocks: number; memory: { rss: number; heapUsed: number } }>('klar/serverStatus', { collectGarbage: true });
    const pid = this.child.pid;
    const fromProc = pid === undefined ? null : procRss(pid);
    // klar/serverStatus reports megabytes (process.memoryUsage); /proc is what the system charges.
    return fromProc === null
      ? { rss: status.memory.rss * 1024 * 1024, source: 'klar/serverStatus', heapUsed: status.memory.heapUsed, cachedBlocks: status.cachedBlocks }
      : { rss: fromProc, source: '/proc VmRSS', heapUsed: status.memory.heapUsed, cachedBlocks: status.cachedBlocks };
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      await new Promise((resolve) => (this.exited ? resolve(null) : this.child.on('exit', resolve)));
    }
    this.connection.dispose();
  }
}

/** Line and UTF-16 character of an offset, as LSP counts them (JavaScript strings are UTF-16 too). */
function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Not inside a surrogate pair or a CRLF: the client would never split those. */
function boundary(text: string, at: number): number {
  let i = Math.max(0, Math.min(text.length, at));
  while (i > 0 && i < text.length && ((/[\uDC00-\uDFFF]/.test(text[i] as string) && /[\uD800-\uDBFF]/.test(text[i - 1] as string)) || (text[i] === '\n' && text[i - 1] === '\r'))) i--;
  return i;
}

/**
 * The next random edit. The text is kept near its first size (pastes when it has
 * shrunk, deletions when it has grown), so memory at the end is compared with
 * memory at the same document size.
 */
function makeEdit(text: string, baseLength: number, next: () => number, paragraphs: string[], undo: Edit[]): Edit {
  const at = boundary(text, Math.floor(next() * text.length));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const words = ['och', 'beslut', 'ansökan', 'handläggningen', 'the', 'decision', 'päätös', 'vedtak', 'ska', 'inte', 'erhålla', 'ifråga'];
  const span = (max: number): number => boundary(text, Math.min(text.length, at + 1 + Math.floor(next() * max)));
  const roll = next();
  if (text.length > baseLength * 1.1 && roll < 0.5) return { start: at, end: span(2000), text: '' };
  if (text.length < baseLength * 0.9 && roll < 0.5) return { start: at, end: at, text: `\n\n${pick(paragraphs)}\n\n` };
  if (roll < 0.35) return { start: at, end: at, text: pick('aeiourstnlkm ,.'.split('')) };
  if (roll < 0.5) return { start: at, end: at, text: `${pick(words)} ` };
  if (roll < 0.65) return { start: at, end: span(40), text: '' };
  if (roll < 0.78) return { start: at, end: span(30), text: pick(words) };
  if (roll < 0.83) return { start: at, end: at, text: `\n\n${pick(paragraphs)}\n\n` };
  if (roll < 0.86) return { start: at, end: span(600), text: '' };
  // Undo: the inverse of a recent edit, as an editor's undo sends it.
  const last = undo.pop();
  return last ? { ...last, isUndo: true } : { start: at, end: at, text: pick(words) };
}

async function soakServer(options: Options): Promise<string[]> {
  const failures: string[] = [];
  const { text: corpus, source } = corpusText();
  const paragraphs = corpus.split(/\n\s*\n/).filter((p) => p.trim());
  let text = repeatTo(corpus, PAGES * PAGE_BYTES);
  const baseLength = text.length;
  const folder = mkdtempSync(join(tmpdir(), 'klar-soak-lsp-'));
  const uri = pathToFileURL(join(folder, 'soak.txt')).href;
  process.stdout.write(`language server: ${options.edits} edits of ${(Buffer.byteLength(text) / 1000).toFixed(0)} KB (${paragraphCount(text)} paragraphs) from ${source}\n`);

  const server = Server.start(folder);
  try {
    await server.initialize(folder);
    await server.open(uri, text);
    const next = random(20_261_124);
    const undo: Edit[] = [];
    let version = 1;
    let warm: Awaited<ReturnType<Server['memory']>> | undefined;
    const began = performance.now();
    for (let done = 0; done < options.edits; ) {
      const burst = Math.min(options.edits - done, 1 + Math.floor(next() * MAX_BURST));
      for (let k = 0; k < burst; k++) {
        const edit = makeEdit(text, baseLength, next, paragraphs, undo);
        const range = { start: position(text, edit.start), end: position(text, edit.end) };
        const removed = text.slice(edit.start, edit.end);
        text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
        if (!edit.isUndo) undo.push({ start: edit.start, end: edit.start + edit.text.length, text: removed });
        if (undo.length > 50) undo.shift();
        // One notification per edit as editors send them, each its own version.
        version++;
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: edit.text }] });
      }
      done += burst;
      await server.diagnostics(version);
      if (!warm && done >= Math.min(WARM_UP_EDITS, options.edits)) {
        warm = await server.memory();
        process.stdout.write(`  after ${done} edits (warm-up): RSS ${mb(warm.rss)} (${warm.source}), heap ${warm.heapUsed} MB, ${warm.cachedBlocks} cached blocks\n`);
      }
      // A trend, not only two points: slow growth shows before it crosses the limit.
      if (Math.floor(done / TREND_EVERY) > Math.floor((done - burst) / TREND_EVERY) && done < options.edits) {
        const m = await server.memory();
        process.stdout.write(
          `  after ${done} edits: RSS ${mb(m.rss)}, heap ${m.heapUsed} MB, ${m.cachedBlocks} cached blocks, ${((performance.now() - began) / 1000).toFixed(0)} s, document ${(text.length / 1000).toFixed(0)} K chars in ${paragraphCount(text)} paragraphs\n`,
        );
      }
    }
    const end = await server.memory();
    const seconds = (performance.now() - began) / 1000;
    const peak = server.child.pid === undefined ? null : procRss(server.child.pid, 'VmHWM');
    const growth = warm ? end.rss / warm.rss - 1 : 0;
    process.stdout.write(
      `  after ${options.edits} edits: RSS ${mb(end.rss)}, heap ${end.heapUsed} MB${peak === null ? '' : `, peak RSS ${mb(peak)}`}; ` +
        `growth since the warm-up ${(growth * 100).toFixed(1)} % (limit ${MAX_RSS_GROWTH * 100} %); ${seconds.toFixed(0)} s, ${((seconds * 1000) / options.edits).toFixed(1)} ms an edit\n`,
    );
    if (growth >= MAX_RSS_GROWTH) failures.push(`language server RSS grew ${(growth * 100).toFixed(1)} % from edit ${WARM_UP_EDITS} to edit ${options.edits} (limit ${MAX_RSS_GROWTH * 100} %)`);

    // The diagnostics kept through all the edits must be those of the final text checked from scratch.
    const edited = server.latest.get(uri);
    const fresh = Server.start(folder);
    try {
      await fresh.initialize(folder);
      const reopened = await fresh.open(uri, text, version);
      const a = comparable(edited?.diagnostics ?? []);
      const b = comparable(reopened.diagnostics);
      if (a !== b) {
        const ea = JSON.parse(a) as unknown[];
        const eb = JSON.parse(b) as unknown[];
        const i = ea.findIndex((d, k) => JSON.stringify(d) !== JSON.stringify(eb[k]));
        failures.push(
          `language server diagnostics after the edits differ from a fresh open of the final text: ${ea.length} vs ${eb.length}; first difference at #${i}: ${JSON.stringify(ea[i])} vs ${JSON.stringify(eb[i])}`,
        );
      } else process.stdout.write(`  final diagnostics equal a fresh open of the final text (${reopened.diagnostics.length} diagnostics)\n`);
    } finally {
      await fresh.stop();
    }
  } catch (error) {
    failures.push(`language server: ${error instanceof Error ? error.message : String(error)}${server.stderr ? `\nserver stderr: ${server.stderr.slice(-2000)}` : ''}`);
  } finally {
    await server.stop().catch(() => server.child.kill());
    rmSync(folder, { recursive: true, force: true });
  }
  return failures;
}

/** Paragraphs as the server splits plain text (at blank lines): its cache holds about this many results plus spares. */
function paragraphCount(text: string): number {
  return text.split(/\n[ \t]*\n/).filter((p) => p.trim()).length;
}

/** Diagnostics in a stable order, for comparison. */
function comparable(diagnostics: Diagnostic[]): string {
  const key = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}:${d.message}`;
  return JSON.stringify([...diagnostics].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)));
}

// ---------------------------------------------------------------- command line

interface Run {
  status: number | null;
  signal: string | null;
  sha256: string;
  bytes: number;
  seconds: number;
  peakRssKb: number | null;
  stderr: string;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One `klar check` with its standard output in a file (the JSON of 10 000 files is large). */
async function runCheck(tree: string, format: string, out: string): Promise<Run> {
  const args = [BIN, 'check', tree, '--format', format, '--jobs', '2'];
  const timeFile = `${out}.time`;
  const useTime = existsSync(TIME_BIN);
  const fd = openSync(out, 'w');
  const began = performance.now();
  const child = useTime
    ? spawn(TIME_BIN, ['-f', '%M', '-o', timeFile, process.execPath, ...args], { cwd: tree, stdio: ['ignore', fd, 'pipe'] })
    : spawn(process.execPath, args, { cwd: tree, stdio: ['ignore', fd, 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [status, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, sig) => resolve([code, sig])));
  const seconds = (performance.now() - began) / 1000;
  closeSync(fd);
  let peakRssKb: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
    peakRssKb = /^\d+$/.test(last) ? Number(last) : null;
  }
  return { status, signal, sha256: await sha256(out), bytes: statSync(out).size, seconds, peakRssKb, stderr };
}

async function soakCli(options: Options): Promise<string[]> {
  const failures: string[] = [];
  const { text, source } = corpusText();
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  // Outside the repository: klar walks folders respecting .gitignore.
  const work = mkdtempSync(join(tmpdir(), 'klar-soak-cli-'));
  try {
    const tree = join(work, 'tree');
    const bytes = writeTree(tree, options.files, paragraphs);
    process.stdout.write(`command line: ${options.files} files, ${(bytes / 1e6).toFixed(1)} MB from ${source}, --jobs 2\n`);
    for (const format of ['json', 'sarif']) {
      const runs: Run[] = [];
      for (const n of [1, 2]) {
        const run = await runCheck(tree, format, join(work, `out-${format}-${n}`));
        runs.push(run);
        process.stdout.write(
          `  --format ${format} run ${n}: exit ${run.status ?? run.signal}, ${run.seconds.toFixed(1)} s, ${(run.bytes / 1e6).toFixed(1)} MB of output` +
            `${run.peakRssKb === null ? '' : `, peak RSS ${(run.peakRssKb / 1024).toFixed(0)} MB`}, sha256 ${run.sha256.slice(0, 16)}\n`,
        );
        // 0: no finding at the failing severity, 1: findings; anything else is a crash or a usage error.
        if (run.status !== 0 && run.status !== 1) failures.push(`--format ${format} run ${n} ended with ${run.status ?? run.signal}: ${run.stderr.trim().slice(-1000)}`);
      }
      const [a, b] = runs as [Run, Run];
      if (a.status !== b.status) failures.push(`--format ${format}: exit codes differ between runs (${a.status} vs ${b.status})`);
      if (a.sha256 !== b.sha256) failures.push(`--format ${format}: the two runs' outputs differ (${a.bytes} vs ${b.bytes} bytes); kept in ${work}`);
      else if (a.bytes === 0) failures.push(`--format ${format}: no output`);
      else process.stdout.write(`  --format ${format}: both runs byte-identical, same exit code\n`);
    }
  } finally {
    if (failures.some((f) => f.includes(work))) process.stderr.write(`outputs kept in ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
  return failures;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`soak: ${(error as Error).message}\nusage: node --expose-gc dist/scripts/soak.js [--lsp] [--cli] [--edits N] [--files N]\n`);
    return 2;
  }
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('soak: dist/ is missing; run `npm run build` first\n');
    return 2;
  }
  const failures: string[] = [];
  if (options.lsp) failures.push(...(await soakServer(options)));
  globalThis.gc?.();
  if (options.cli) failures.push(...(await soakCli(options)));
  if (failures.length) {
    process.stderr.write(`soak FAILED:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write('soak passed\n');
  return 0;
}

process.exitCode = await main();
