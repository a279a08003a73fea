/**
 * The floor for benchmarks: the least work any checker must do, a bare regex
 * split of a file into paragraphs, sentences and words, in a fresh process.
 */
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2] as string, 'utf8');
let paragraphs = 0;
let sentences = 0;
let words = 0;
for (const paragraph of text.split(/\n\s*\n/)) {
  if (!paragraph.trim()) continue;
  paragraphs++;
  for (const sentence of paragraph.split(/(?<=[.!?])\s+/)) {
    if (!sentence.trim()) continue;
    sentences++;
    words += sentence.match(/\p{L}[\p{L}\p{M}]*(?:[-:’'][\p{L}\p{M}]+)*/gu)?.length ?? 0;
  }
}
process.stdout.write(`${JSON.stringify({ paragraphs, sentences, words })}\n`);
