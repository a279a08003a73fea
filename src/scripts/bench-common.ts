/** Inputs and statistics shared by the benchmark scripts, so every benchmark times the same text. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
