/**
 * `npm run bench`: times `klar check` on the corpus repeated to 1 MB against the
 * floor (a bare regex split in a fresh process), interleaved in one run, and
 * records medians and the ratio in bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusText, median, repeatTo, writeResultsSection } from './bench-common.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'bench', 'out');
const RUNS = Number(process.env.KLAR_BENCH_RUNS ?? 7);
const TARGET_BYTES = 1_000_000;

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 300)}`);
  return ms;
}

const { text, source } = corpusText();
mkdirSync(outDir, { recursive: true });
const input = join(outDir, 'corpus-1mb.txt');
writeFileSync(input, repeatTo(text, TARGET_BYTES));
const size = readFileSync(input).length;

const runs = {
  klar: [] as number[],
  floor: [] as number[],
};
const klarArgs = ['bin/klar.js', 'check', '--format', 'json', input];
const floorArgs = ['dist/scripts/floor.js', input];
time(klarArgs); // warm the file cache and the compile cache once
for (let i = 0; i < RUNS; i++) {
  runs.klar.push(time(klarArgs));
  runs.floor.push(time(floorArgs));
}
const klar = median(runs.klar);
const floor = median(runs.floor);
const ratio = klar / floor;
const table = [
  `Input: ${source} repeated to ${(size / 1e6).toFixed(2)} MB as one file; ${RUNS} interleaved runs each, wall time including Node start-up; Node ${process.version}.`,
  '',
  '| run | median | ratio to floor |',
  '|---|---|---|',
  `| \`klar check --format json\` (full analysis, plain profile) | ${klar.toFixed(0)} ms | ${ratio.toFixed(2)}× |`,
  `| floor: regex paragraph/sentence/word split, fresh process | ${floor.toFixed(0)} ms | 1.00× |`,
].join('\n');
process.stdout.write(`${table}\n`);

writeResultsSection('core', 'klar check vs the floor, 1 MB', 'npm run bench', table);
