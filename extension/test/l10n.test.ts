/**
 * Every text a writer sees has its Swedish, Finnish, bokmål and nynorsk version:
 * the strings passed to `l10n.t`/`t` in the sources, and the keys of package.nls.json.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const LOCALES = ['sv', 'fi', 'nb', 'nn'];

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;
}

function sourceStrings(): Set<string> {
  const strings = new Set<string>();
  for (const file of readdirSync(join(root, 'src')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(root, 'src', file), 'utf8');
    for (const match of text.matchAll(/(?:l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add((match[1] ?? '').replace(/\\(.)/g, '$1'));
  }
  return strings;
}

const placeholders = (text: string): string => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();

test('every UI string of the extension is translated, with the same placeholders', () => {
  const strings = sourceStrings();
  assert.ok(strings.size > 40, `found ${strings.size} strings`);
  for (const locale of LOCALES) {
    const bundle = readJson(`l10n/bundle.l10n.${locale}.json`);
    const missing = [...strings].filter((s) => !(s in bundle));
    assert.deepEqual(missing, [], `${locale}: missing translations`);
    const unused = Object.keys(bundle).filter((k) => !strings.has(k));
    assert.deepEqual(unused, [], `${locale}: translations of strings no longer used`);
    for (const s of strings) assert.equal(placeholders(bundle[s] ?? ''), placeholders(s), `${locale}: placeholders of “${s}”`);
  }
});

test('every setting, command and walkthrough text has its description in each language', () => {
  const english = readJson('package.nls.json');
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] ?? ''));
  assert.deepEqual([...used].filter((k) => !(k in english)), [], 'package.json names a key package.nls.json lacks');
  for (const locale of LOCALES) {
    const translated = readJson(`package.nls.${locale}.json`);
    assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `package.nls.${locale}.json`);
  }
});
