#!/usr/bin/env node
/**
 * The unified peer for klar's benchmarks: retext-latin (a language-agnostic
 * parser, as klar's texts are Nordic) with retext-readability and
 * retext-simplify, run over each file given, as a CLI would. It lives under
 * bench/ so that it resolves its packages from bench/node_modules, which the
 * root package never depends on.
 *
 * Usage: node bench/peers/retext.mjs FILE...   (prints a message count per file)
 */
import { readFileSync } from 'node:fs';
import retextLatin from 'retext-latin';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import { unified } from 'unified';

const processor = unified().use(retextLatin).use(retextReadability).use(retextSimplify);
const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node bench/peers/retext.mjs FILE...\n');
  process.exit(2);
}
let total = 0;
/** Parse and run every plugin: a linter's whole work (retext has no compiler to stringify with here). */
function check(text) {
  const tree = processor.parse(text);
  return new Promise((resolve, reject) => {
    // The callback form is the one that hands back the file with its messages.
    processor.run(tree, text, (error, _tree, file) => (error || !file ? reject(error) : resolve(file.messages.length)));
  });
}

for (const path of files) {
  const count = await check(readFileSync(path, 'utf8'));
  total += count;
  process.stdout.write(`${path}: ${count} messages\n`);
}
process.stdout.write(`${total} messages in ${files.length} files\n`);
