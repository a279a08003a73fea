/**
 * The fuzz job (`npm run fuzz`; not a test): generated inputs through the core
 * analyser, the Markdown and HTML front ends, and the language server's document
 * sync, each checked for the invariants in src/scripts/fuzz/invariants.ts.
 *
 *   node --expose-gc dist/scripts/fuzz.js [--runs N] [--seed S] [--target core|formats|lsp|all] [--path P]
 *
 * N inputs in all (default 100 000): with --target all, 70 % to the core, 20 % to
 * the front ends (Markdown and HTML alike), 10 % to the language server, where the
 * opening and each edit count as one input; a few one-megabyte inputs are part of
 * the core and front-end shares. On a failure it prints the seed, the path and the
 * shrunk counterexample, and exits with 1; `--seed S --target T --path P` replays it.
 */
import fc from 'fast-check';
import { fuzzMaterial, hugeInput, type Material } from './fuzz/generate.js';
import { heapAfterGc } from './fuzz/invariants.js';
import { FuzzServer, lspScenario } from './fuzz/lsp.js';
import { analysisSettings, checkCore, checkFormat, checkHuge, coreInput, formatInput, fuzzEnv, type FuzzEnv } from './fuzz/targets.js';

type Target = 'core' | 'formats' | 'lsp' | 'huge';

/** One-megabyte kinds the Markdown front end cannot read in reasonable time (an open bug; they go to HTML instead). */
const MARKDOWN_TOO_SLOW = new Set(['emphasis']);

interface Args {
  runs: number;
  seed: number;
  target: 'core' | 'formats' | 'lsp' | 'huge' | 'all';
  path?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 100_000, seed: Date.now() % 2 ** 31, target: 'all' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--runs':
        args.runs = Number(value);
        i++;
        break;
      case '--seed':
        args.seed = Number(value);
        i++;
        break;
      case '--target':
        if (!['core', 'formats', 'lsp', 'huge', 'all'].includes(value ?? '')) throw new Error(`--target: core, formats, lsp, huge or all, not ${value}`);
        args.target = value as Args['target'];
        i++;
        break;
      case '--path':
        args.path = value;
        i++;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}; usage: fuzz.js [--runs N] [--seed S] [--target core|formats|lsp|all] [--path P]`);
    }
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs: a positive whole number');
  if (!Number.isInteger(args.seed)) throw new Error('--seed: a whole number');
  return args;
}

/** One-megabyte inputs: about one per 2 500 inputs, at least 2 per run of the core and front ends. */
function hugeShare(runs: number): number {
  return Math.max(2, Math.round(runs / 2500));
}

/** Inputs per target for a run of `runs`. */
function plan(args: Args): Partial<Record<Target, number>> {
  if (args.target !== 'all') return { [args.target]: args.runs };
  const huge = hugeShare(args.runs);
  const lsp = Math.round(args.runs * 0.1);
  const formats = Math.round(args.runs * 0.2);
  return { core: args.runs - lsp - formats - huge, formats, huge, lsp };
}

interface Outcome {
  target: Target;
  inputs: number;
  seconds: number;
  heap: [number, number];
  failure?: string;
}

function describeFailure<T>(target: Target, details: fc.RunDetails<T>, seed: number): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const example = JSON.stringify(details.counterexample);
  return [
    `FAILED: ${target} after ${details.numRuns} inputs (${details.numShrinks} shrinks)`,
    `  ${error.split('\n').join('\n  ')}`,
    `  counterexample: ${example.length > 4000 ? `${example.slice(0, 4000)}… (${example.length} characters)` : example}`,
    `  replay: node --expose-gc dist/scripts/fuzz.js --target ${target} --seed ${seed} --path ${details.counterexamplePath ?? ''}`,
  ].join('\n');
}

function progress(target: Target, total: number): () => void {
  let done = 0;
  const step = Math.max(1, Math.floor(total / 10));
  const started = performance.now();
  return () => {
    done++;
    if (done % step === 0 || done === total) {
      process.stdout.write(`  ${target}: ${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  };
}

/** Runs one in-process target; the heap is sampled after a full collection at the start (after a warm-up) and the end. */
async function runSync(target: Exclude<Target, 'lsp'>, runs: number, args: Args, env: FuzzEnv, m: Material): Promise<Outcome> {
  const tick = progress(target, runs);
  const started = performance.now();
  let heapStart = heapAfterGc();
  const warmUp = Math.min(200, Math.floor(runs / 10));
  let seen = 0;
  const observe = (): void => {
    seen++;
    if (seen === warmUp) heapStart = heapAfterGc();
    tick();
  };
  const property =
    target === 'core'
      ? fc.property(coreInput(m), (input) => {
          observe();
          checkCore(env, input);
        })
      : target === 'formats'
        ? fc.property(formatInput(m), (input) => {
            observe();
            checkFormat(env, input);
          })
        : fc.property(hugeInput(m), fc.constantFrom('core' as const, 'markdown' as const, 'html' as const), analysisSettings, (huge, on, settings) => {
            // Known: micromark takes hours on a megabyte of nested emphasis (see docs/reliability.md).
            if (on === 'markdown' && MARKDOWN_TOO_SLOW.has(huge.kind)) on = 'html';
            observe();
            checkHuge(env, { ...huge, target: on, settings });
          });
  // The three properties differ in their inputs only; fc.check's overloads cannot take their union.
  const details = fc.check(property as fc.IProperty<unknown[]>, { numRuns: runs, seed: args.seed, ...(args.path ? { path: args.path } : {}), endOnFailure: false });
  const heapEnd = heapAfterGc();
  return {
    target,
    inputs: Math.min(seen, runs),
    seconds: (performance.now() - started) / 1000,
    heap: [heapStart, heapEnd],
    ...(details.failed ? { failure: describeFailure(target, details, args.seed) } : {}),
  };
}

/** The language server: scenarios until `inputs` edits and openings are done. */
async function runLsp(inputs: number, args: Args, m: Material): Promise<Outcome> {
  const started = performance.now();
  const server = await FuzzServer.start();
  try {
    const first = await server.status();
    let heapStart = first.heapUsed;
    let done = 0;
    let scenarios = 0;
    const tick = progress('lsp', inputs);
    // A scenario is 1 + up to 30 inputs, about 6.5 on average (fast-check favours short arrays).
    const numRuns = Math.max(1, Math.ceil(inputs / 6.5));
    const details = await fc.check(
      fc.asyncProperty(lspScenario(m), async (scenario) => {
        const counted = await server.run(scenario);
        scenarios++;
        for (let k = 0; k < counted; k++) {
          done++;
          tick();
        }
        if (scenarios === 20) heapStart = (await server.status()).heapUsed;
      }),
      { numRuns, seed: args.seed, ...(args.path ? { path: args.path } : {}), endOnFailure: false, interruptAfterTimeLimit: 3_600_000 },
    );
    const last = await server.status();
    const leaks = last.documents !== 0 || last.cachedBlocks !== 0 ? `\n  after closing every document the server still follows ${last.documents} documents and ${last.cachedBlocks} cached blocks` : '';
    const failure = details.failed ? describeFailure('lsp', details, args.seed) + leaks : leaks ? `FAILED: lsp${leaks}` : undefined;
    return { target: 'lsp', inputs: done, seconds: (performance.now() - started) / 1000, heap: [heapStart, last.heapUsed], ...(failure ? { failure } : {}) };
  } finally {
    const code = await server.stop();
    if (code !== 0) process.stdout.write(`  the language server exited with ${code}\n${server.stderr.slice(-2000)}\n`);
  }
}

/** Heap growth over a run beyond what warm caches explain (a leak grows with the number of inputs). */
function heapProblem(o: Outcome): string | undefined {
  const [start, end] = o.heap;
  const limit = Math.max(64, start * 0.5);
  return end - start > limit ? `heap grew from ${start.toFixed(1)} MB to ${end.toFixed(1)} MB after a full collection` : undefined;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const shares = plan(args);
  process.stdout.write(`klar fuzz: seed ${args.seed}, ${args.runs} inputs: ${Object.entries(shares).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
  const m = fuzzMaterial();
  const env = await fuzzEnv();
  const outcomes: Outcome[] = [];
  for (const [target, runs] of Object.entries(shares) as [Target, number][]) {
    if (runs <= 0) continue;
    const outcome = target === 'lsp' ? await runLsp(runs, args, m) : await runSync(target, runs, args, env, m);
    const heap = heapProblem(outcome);
    if (heap && !outcome.failure) outcome.failure = `FAILED: ${target}: ${heap}`;
    outcomes.push(outcome);
    if (outcome.failure) break;
  }
  process.stdout.write('\ntarget   inputs   time (s)   heap after GC, start → end (MB)\n');
  for (const o of outcomes) {
    process.stdout.write(`${o.target.padEnd(8)} ${String(o.inputs).padStart(7)} ${o.seconds.toFixed(1).padStart(10)}   ${o.heap[0].toFixed(1)} → ${o.heap[1].toFixed(1)}${o.target === 'lsp' ? ' (server)' : ''}\n`);
  }
  const total = outcomes.reduce((n, o) => n + o.inputs, 0);
  const seconds = outcomes.reduce((n, o) => n + o.seconds, 0);
  process.stdout.write(`all      ${String(total).padStart(7)} ${seconds.toFixed(1).padStart(10)}   seed ${args.seed}\n`);
  const failed = outcomes.filter((o) => o.failure);
  for (const o of failed) process.stdout.write(`\n${o.failure}\n`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
