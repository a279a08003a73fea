/** Inputs and statistics shared by the benchmark scripts, so every benchmark times the same text. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../node/atomic.js';

/** dist/scripts/ and src/scripts/ both sit two levels below the repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sharedCorpus = join(repoRoot, '..', 'shared', 'corpus');

/** The corpus texts joined (the repository's examples when ../shared is absent), and where they came from. */
export function corpusText(): { text: string; source: string } {
  const fromShared = existsSync(sharedCorpus);
  const folder = fromShared ? sharedCorpus : join(repoRoot, 'examples');
  const names = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const text = names.map((f) => readFileSync(join(folder, f), 'utf8')).join('\n\n');
  return { text, source: `${fromShared ? '../shared/corpus' : 'examples/ (../shared absent)'} (${names.length} .txt files)` };
}

/** The text repeated, paragraph-separated, until it reaches `bytes` of UTF-8. */
export function repeatTo(text: string, bytes: number): string {
  const chunks: string[] = [];
  let size = 0;
  while (size < bytes) {
    chunks.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return chunks.join('\n\n');
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * A tree of `files` one-page documents (about 2 KB of whole paragraphs each), 100 to a
 * folder, as a web site's export would be. Each file starts at another paragraph so the
 * files differ. Shared by the peer benchmark and the soak run. Returns the bytes written.
 */
export function writeTree(folder: string, files: number, paragraphs: string[]): number {
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const dir = join(folder, `d${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    const taken: string[] = [];
    let size = 0;
    for (let p = (i * 7) % paragraphs.length; size < 2_000; p = (p + 1) % paragraphs.length) {
      const para = paragraphs[p] as string;
      taken.push(para);
      size += Buffer.byteLength(para) + 2;
    }
    const body = taken.join('\n\n');
    bytes += Buffer.byteLength(body);
    writeFileSync(join(dir, `f${String(i).padStart(5, '0')}.txt`), body);
  }
  return bytes;
}

/** A deterministic generator (mulberry32): the benchmarks and the soak run edit the same places every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Replaces one benchmark's section of bench/RESULTS.md (between `<!-- bench:KEY:begin -->` and its end marker), or
 * appends it under `heading` with the command that made it. The file is re-read just before, so sections other
 * scripts wrote meanwhile survive, and written atomically.
 */
export function writeResultsSection(key: string, heading: string, command: string, table: string): void {
  const path = join(repoRoot, 'bench', 'RESULTS.md');
  const begin = `<!-- bench:${key}:begin -->`;
  const end = `<!-- bench:${key}:end -->`;
  const section = `${begin}\n${table}\n${end}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n';
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next =
    start >= 0 && stop > start
      ? current.slice(0, start) + section + current.slice(stop + end.length)
      : `${current.trimEnd()}\n\n## ${heading}\n\nCommand: \`${command}\`\n\n${section}\n`;
  writeFileAtomic(path, next);
}
