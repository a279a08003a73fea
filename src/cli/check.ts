/** `klar check`: check documents and report in the chosen format. */
import { availableParallelism } from 'node:os';
import type { Language } from '../core/types.js';
import { encodeText } from '../formats/encoding.js';
import { AtomicFile, writeFileAtomic } from '../node/atomic.js';
import { ConfigError } from '../node/config.js';
import { RuleFileError } from '../node/rules.js';
import { checkDocument, ConfigResolver, preflight, type CheckSettings, type FileResult } from './check-file.js';
import { EXIT, UserError } from './errors.js';
import { expandPaths, shard } from './files.js';
import { applyFixes, unifiedDiff } from './fix.js';
import { format, FORMATS, isFormatName } from './formatters/index.js';
import { fails } from './formatters/shared.js';
import { JsonStream } from './formatters/json.js';
import { deliver, summarise, type Checked, type Delivery, type FileSummary } from './delivery.js';
import { configuredRules, emptyConfig, findConfigFile, loadConfigFile } from '../node/config.js';
import type { FileReport } from './formatters/types.js';
import { CheckPool } from './pool.js';
import { Progress } from './progress.js';
import { readBytes } from './read.js';
import type { SuppressionUse } from './suppress.js';

export const VERSION = '0.1.0';

export interface CheckOptions extends CheckSettings {
  format?: string;
  output?: string;
  quiet?: boolean;
  color?: boolean;
  locale?: Language;
  failOn?: 'error' | 'warning' | 'never';
  maxDifficulty?: number;
  maxLix?: number;
  stdinFilename?: string;
  shard?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  reportSuppressions?: boolean;
  jobs?: number;
  docsUrl?: string;
}

const FIXABLE_FORMATS = new Set(['text', 'markdown', 'html']);

/** Below this many files the workers' start-up costs more than it saves. */
const POOL_THRESHOLD = 8;

function localeFromEnvironment(): Language {
  const lang = (process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '').slice(0, 2).toLowerCase();
  if (lang === 'sv' || lang === 'fi' || lang === 'nn' || lang === 'en') return lang;
  if (lang === 'nb' || lang === 'no') return 'nb';
  return 'en';
}

function rethrowFatal(error: unknown): never {
  // A broken configuration or rule file affects every file: stop at once.
  if (error instanceof ConfigError || error instanceof RuleFileError) throw new UserError(error.message);
  throw error;
}

/** How the files' outcomes reach the output: in the order the files were given, as each is ready. */
type Consume = (checked: Checked) => void;

function settingsOf(opts: CheckOptions): CheckSettings {
  return {
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.config ? { config: opts.config } : {}),
    ...(opts.requireSuppressionReason ? { requireSuppressionReason: true } : {}),
    ...(opts.spelling ? { spelling: true } : {}),
  };
}

async function runAll(files: string[], opts: CheckOptions, stdinName: string | undefined, delivery: Delivery, progress: Progress, consume: Consume): Promise<void> {
  const configs = new ConfigResolver(opts.config);
  const settings = settingsOf(opts);
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), 8));
  const inProcess = async (path: string, read: Promise<Uint8Array> = readBytes(path)): Promise<Checked> => {
    try {
      const bytes = await read;
      const label = path === '-' ? (stdinName ?? '-') : path;
      const r = await checkDocument(label === '-' ? '-' : label, bytes, settings, configs);
      if (path === '-' && !stdinName) r.report.path = '<stdin>';
      return deliver(r, delivery);
    } catch (error) {
      if (error instanceof UserError) return { ok: false, user: true, message: error.message };
      return rethrowFatal(error);
    }
  };
  const checkConfigs = (): void => {
    try {
      preflight(files, configs);
    } catch (error) {
      rethrowFatal(error);
    }
  };
  if (jobs === 1 || files.length < POOL_THRESHOLD) {
    checkConfigs();
    // Each file is read while the one before it is analysed (standard input is read in its turn).
    const readAhead = (index: number): Promise<Uint8Array> | undefined => {
      const f = files[index];
      if (f === undefined || f === '-') return undefined;
      const read = readBytes(f);
      read.catch(() => undefined); // reported when its turn comes
      return read;
    };
    let next = readAhead(0);
    for (let i = 0; i < files.length; i++) {
      const read = next;
      next = readAhead(i + 1);
      consume(await inProcess(files[i] as string, read));
      progress.tick();
    }
    return;
  }
  // The workers start on their own threads while this one reads every folder's configuration, so
  // a broken .klarrc stops the run before any output is written.
  const pool = new CheckPool(jobs, { settings, delivery });
  try {
    checkConfigs();
    const ready = new Map<number, Checked>();
    let next = 0;
    await Promise.all(
      files.map((f, index) =>
        (f === '-' ? inProcess(f) : pool.run(f)).then((checked) => {
          ready.set(index, checked);
          for (let c = ready.get(next); c !== undefined; c = ready.get(next)) {
            ready.delete(next++);
            consume(c);
            progress.tick();
          }
        }),
      ),
    );
  } finally {
    await pool.close();
  }
}

function suppressionReport(reports: { path: string; uses: SuppressionUse[] }[]): string {
  const lines: string[] = [];
  for (const { path, uses } of reports) {
    for (const { suppression: s, hidden } of uses) {
      const rules = s.rules.length ? s.rules.join(', ') : 'all rules';
      lines.push(`${path}:${s.line}  ${s.kind}  ${rules}  ${s.reason ? `reason: ${s.reason}` : 'NO REASON'}  (hides ${hidden} finding${hidden === 1 ? '' : 's'})`);
    }
  }
  return `${lines.length ? lines.join('\n') : 'No klar suppressions found.'}\n`;
}

function fixFiles(results: FileResult[], dryRun: boolean): { diff: string; fixed: number } {
  let diff = '';
  let fixed = 0;
  for (const r of results) {
    const { document, report } = r;
    if (!FIXABLE_FORMATS.has(document.format) || report.path === '<stdin>' || document.source === undefined) continue;
    const { text, applied } = applyFixes(document.source, report.diagnostics);
    if (applied === 0) continue;
    fixed += applied;
    if (dryRun) diff += unifiedDiff(report.path, document.source, text);
    else if (document.encoding) writeFileAtomic(report.path, encodeText(text, document.encoding));
  }
  return { diff, fixed };
}

/** The rules in force from the working folder, for rule descriptions in SARIF and the HTML report. */
function activeRules(explicit: string | undefined) {
  const file = explicit ?? findConfigFile(process.cwd());
  return configuredRules(file ? loadConfigFile(file) : emptyConfig()).rules;
}

/** `--format docx`: a copy of the Word document with each finding as a comment; the original is never touched. */
async function writeWordCopy(done: FileResult[], opts: CheckOptions, inputError: boolean): Promise<number> {
  const words = done.filter((d) => d.document.format === 'docx');
  if (words.length !== 1 || done.length !== 1) throw new UserError('--format docx needs exactly one .docx file to check');
  if (!opts.output) throw new UserError('--format docx writes a Word file: give --output FILE.docx');
  const [only] = words as [FileResult];
  if (opts.output === only.report.path) throw new UserError('--output must not be the checked file: klar never writes into a document it was given');
  const bytes = only.bytes;
  if (!bytes) throw new UserError(`${only.report.path}: the original file is needed to add comments; check it by path, not from standard input`);
  // Loaded on demand: the Word machinery costs start-up time every other run would pay.
  const { writeDocxWithComments } = await import('./docx-comments.js');
  writeFileAtomic(opts.output, writeDocxWithComments(bytes, only.document, only.report.diagnostics, { date: new Date(), path: only.report.path }));
  if (!opts.quiet) process.stderr.write(`klar: wrote ${opts.output} with ${only.report.diagnostics.length} comments\n`);
  return inputError ? EXIT.usage : EXIT.ok;
}

/** What the run has to remember about the files it has already reported. */
interface Outcome {
  inputError: boolean;
  /** A broken configuration or rule file met in a worker. */
  fatal?: string;
  /** An unexpected failure in a worker. */
  internal?: string;
  summaries: FileSummary[];
  done: FileResult[];
}

function deliveryFor(opts: CheckOptions): Delivery {
  if (opts.fix || opts.fixDryRun || opts.format === 'docx') return 'full';
  const name = opts.format ?? 'stylish';
  if (opts.reportSuppressions || name === 'stylish' || name === 'github' || name === 'sarif') return 'slim';
  return name === 'json' ? 'json' : 'full';
}

/** The report file, opened before the work starts: a folder that does not exist is reported at once. */
function openOutput(path: string): AtomicFile {
  try {
    return new AtomicFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UserError(`cannot write ${path} (${code}); check that its folder exists and that you may write there`);
  }
}

function exitCode(summaries: FileSummary[], opts: CheckOptions, inputError: boolean): number {
  if (inputError) return EXIT.usage;
  let failed = summaries.some((s) => s.worst !== null && fails(s.worst, opts.failOn ?? 'error'));
  for (const { path, difficulty, lix } of summaries) {
    if (opts.maxDifficulty !== undefined && difficulty !== null && difficulty > opts.maxDifficulty) {
      process.stderr.write(`klar: ${path}: difficulty ${difficulty.toFixed(0)} is above --max-difficulty ${opts.maxDifficulty}\n`);
      failed = true;
    }
    if (opts.maxLix !== undefined && lix !== null && lix > opts.maxLix) {
      process.stderr.write(`klar: ${path}: LIX ${lix.toFixed(0)} is above --max-lix ${opts.maxLix}\n`);
      failed = true;
    }
  }
  return failed ? EXIT.findings : EXIT.ok;
}

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  let files = await expandPaths(paths);
  if (opts.shard) files = shard(files, opts.shard);
  const delivery = deliveryFor(opts);
  const name = opts.format ?? 'stylish';
  if (name !== 'docx' && !isFormatName(name)) throw new UserError(`unknown format "${name}"; use one of ${FORMATS.join(', ')}`);

  // The report file is opened before any work, so a folder that does not exist is said at once; --format json
  // is written to it (or standard output) file by file as the files are done. A Word copy has its own writer.
  const file = opts.output && name !== 'docx' ? openOutput(opts.output) : undefined;
  const removeOnSignal = file ? abortOnSignal(file) : undefined;
  try {
    return await checkInto(files, opts, delivery, file);
  } finally {
    removeOnSignal?.();
  }
}

/** The run itself, once the report file (if any) is open. */
async function checkInto(files: string[], opts: CheckOptions, delivery: Delivery, file: AtomicFile | undefined): Promise<number> {
  const json = delivery === 'json' ? new JsonStream<Uint8Array>((text) => (file ? file.write(text) : process.stdout.write(text))) : undefined;
  const progress = new Progress(files.length, !opts.quiet && process.stderr.isTTY === true);
  const outcome: Outcome = { inputError: false, summaries: [], done: [] };
  try {
    await runAll(files, opts, opts.stdinFilename, delivery, progress, (checked) => {
      if (!checked.ok) {
        if (checked.fatal) outcome.fatal ??= checked.message;
        else if (!checked.user) outcome.internal ??= checked.message;
        else {
          progress.clear();
          process.stderr.write(`klar: ${checked.message}\n`);
          outcome.inputError = true;
        }
      } else if (checked.kind === 'json') {
        json?.add(checked.chunk);
        outcome.summaries.push(checked.summary);
      } else outcome.done.push(checked.result);
    });
  } catch (error) {
    file?.abort();
    throw error;
  } finally {
    progress.done();
  }
  // Errors from workers that are not about one file (a broken configuration) stop the run.
  if (outcome.fatal !== undefined || outcome.internal !== undefined) {
    file?.abort();
    if (outcome.fatal !== undefined) throw new UserError(outcome.fatal);
    throw new Error(outcome.internal);
  }
  if (json) {
    json.end();
    file?.commit();
    return exitCode(outcome.summaries, opts, outcome.inputError);
  }
  try {
    return await report(outcome, opts, file);
  } catch (error) {
    file?.abort();
    throw error;
  }
}

/**
 * The report file's temporary copy exists for the whole run: Ctrl+C or a kill must not leave it
 * behind. Returns the function that takes the handlers away again.
 */
function abortOnSignal(file: AtomicFile): () => void {
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = (): void => {
      file.abort();
      // The conventional status of a program ended by a signal: 128 + its number.
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    };
    process.once(signal, handler);
    return () => process.removeListener(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}


/** Every format but streamed JSON: the reports are formatted together once all files are done. */
async function report(outcome: Outcome, opts: CheckOptions, file: AtomicFile | undefined): Promise<number> {
  const { done, inputError } = outcome;
  if (opts.reportSuppressions || opts.fixDryRun) file?.abort(); // these print to standard output only
  if (opts.reportSuppressions) {
    process.stdout.write(suppressionReport(done.map((d) => ({ path: d.report.path, uses: d.suppressions }))));
    return inputError ? EXIT.usage : EXIT.ok;
  }

  if (opts.fix || opts.fixDryRun) {
    const { diff, fixed } = fixFiles(done, opts.fixDryRun === true);
    if (opts.fixDryRun) process.stdout.write(diff);
    if (!opts.quiet) process.stderr.write(`klar: ${opts.fixDryRun ? 'would apply' : 'applied'} ${fixed} fix${fixed === 1 ? '' : 'es'}\n`);
    if (opts.fixDryRun) return inputError ? EXIT.usage : EXIT.ok;
  }

  const reports: FileReport[] = done.map((d) => d.report);
  if (opts.format === 'docx') return await writeWordCopy(done, opts, inputError);
  const locale = opts.locale ?? localeFromEnvironment();
  const color = opts.color !== false && !process.env.NO_COLOR && !opts.output && process.stdout.isTTY === true;
  const output = format(opts.format ?? 'stylish', reports, {
    color,
    locale,
    failOn: opts.failOn ?? 'error',
    quiet: opts.quiet === true,
    toolVersion: VERSION,
    rulesBaseUrl: opts.docsUrl ?? '',
    rules: activeRules(opts.config),
  });
  if (file) {
    file.write(output);
    file.commit();
  } else process.stdout.write(output);
  return exitCode(reports.map(summarise), opts, inputError);
}
