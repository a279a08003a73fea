/** `klar check`: check documents and report in the chosen format. */
import { availableParallelism } from 'node:os';
import type { Language, Severity } from '../core/types.js';
import { encodeText } from '../formats/encoding.js';
import { writeFileAtomic } from '../node/atomic.js';
import { ConfigError } from '../node/config.js';
import { RuleFileError } from '../node/rules.js';
import { checkDocument, ConfigResolver, type CheckSettings, type FileResult } from './check-file.js';
import { EXIT, UserError } from './errors.js';
import { expandPaths, shard } from './files.js';
import { applyFixes, unifiedDiff } from './fix.js';
import { format } from './formatters/index.js';
import { configuredRules, emptyConfig, findConfigFile, loadConfigFile } from '../node/config.js';
import type { FileReport } from './formatters/types.js';
import { CheckPool, type PoolResult } from './pool.js';
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

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
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

async function runAll(files: string[], opts: CheckOptions, stdinName: string | undefined): Promise<PoolResult[]> {
  const progress = new Progress(files.length, !opts.quiet && process.stderr.isTTY === true);
  const configs = new ConfigResolver(opts.config);
  const settings: CheckSettings = {
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.config ? { config: opts.config } : {}),
    ...(opts.requireSuppressionReason ? { requireSuppressionReason: true } : {}),
    ...(opts.spelling ? { spelling: true } : {}),
  };
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), 8));
  const inProcess = async (path: string): Promise<PoolResult> => {
    try {
      const bytes = await readBytes(path);
      const label = path === '-' ? (stdinName ?? '-') : path;
      const r = await checkDocument(label === '-' ? '-' : label, bytes, settings, configs);
      if (path === '-' && !stdinName) r.report.path = '<stdin>';
      return { ok: true, report: r.report, suppressions: r.suppressions, document: r.document, ...(r.bytes ? { bytes: r.bytes } : {}) };
    } catch (error) {
      if (error instanceof UserError) return { ok: false, user: true, message: error.message };
      return rethrowFatal(error);
    }
  };
  const results: PoolResult[] = [];
  try {
    if (jobs === 1 || files.length < POOL_THRESHOLD) {
      for (const f of files) {
        results.push(await inProcess(f));
        progress.tick();
      }
    } else {
      const pool = new CheckPool(jobs, settings);
      try {
        const pending = files.map((f) =>
          (f === '-' ? inProcess(f) : pool.run(f)).then((r) => {
            progress.tick();
            return r;
          }),
        );
        results.push(...(await Promise.all(pending)));
      } finally {
        await pool.close();
      }
    }
  } finally {
    progress.done();
  }
  // Errors from workers that are not about one file (a broken configuration) stop the run.
  const fatal = results.find((r) => !r.ok && r.fatal);
  if (fatal && !fatal.ok) throw new UserError(fatal.message);
  const internal = results.find((r) => !r.ok && !r.user);
  if (internal && !internal.ok) throw new Error(internal.message);
  return results;
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

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  let files = await expandPaths(paths);
  if (opts.shard) files = shard(files, opts.shard);
  const stdinName = opts.stdinFilename;
  const results = await runAll(files, opts, stdinName);

  let inputError = false;
  const done: FileResult[] = [];
  for (const r of results) {
    if (r.ok) done.push({ report: r.report, suppressions: r.suppressions, document: r.document, ...(r.bytes ? { bytes: r.bytes } : {}) });
    else {
      process.stderr.write(`klar: ${r.message}\n`);
      inputError = true;
    }
  }

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
  const name = opts.format ?? 'stylish';
  const output = format(name, reports, {
    color,
    locale,
    failOn: opts.failOn ?? 'error',
    quiet: opts.quiet === true,
    toolVersion: VERSION,
    rulesBaseUrl: opts.docsUrl ?? '',
    rules: activeRules(opts.config),
  });
  if (opts.output) writeFileAtomic(opts.output, output);
  else process.stdout.write(output);

  if (inputError) return EXIT.usage;
  const failOn = opts.failOn ?? 'error';
  let failed = false;
  if (failOn !== 'never') {
    const limit = SEVERITY_RANK[failOn];
    failed = reports.some((r) => r.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= limit));
  }
  for (const r of reports) {
    const { difficulty, lix } = r.metrics;
    if (opts.maxDifficulty !== undefined && difficulty !== null && difficulty > opts.maxDifficulty) {
      process.stderr.write(`klar: ${r.path}: difficulty ${difficulty.toFixed(0)} is above --max-difficulty ${opts.maxDifficulty}\n`);
      failed = true;
    }
    if (opts.maxLix !== undefined && lix !== null && lix > opts.maxLix) {
      process.stderr.write(`klar: ${r.path}: LIX ${lix.toFixed(0)} is above --max-lix ${opts.maxLix}\n`);
      failed = true;
    }
  }
  return failed ? EXIT.findings : EXIT.ok;
}

