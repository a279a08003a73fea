#!/usr/bin/env node
// Builds the data klar ships in dictionaries/, so that an npm install alone is
// enough at run time (nothing outside the package is read then).
//
//   node scripts/build-dictionaries.mjs
//
// 1. dictionaries/hunspell/{sv,nb,nn}/: the Hunspell files of the dictionary-*
//    dev dependencies, with their licence and a README on where they came from.
// 2. dictionaries/frequency/{sv,fi,no,en}.txt: word-form rank tables derived
//    from the FrequencyWords lists in ../shared/reference/frequency/. That
//    folder is only present in the development workspace; without it this step
//    is skipped and the committed tables are kept.
//
// The output is deterministic, so re-running it on unchanged inputs gives no diff.

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = path.join(repoRoot, 'dictionaries');
const require = createRequire(import.meta.url);

/** Hunspell dictionaries: what the npm package does not say in machine-readable form. */
const HUNSPELL = [
  {
    lang: 'sv',
    packageName: 'dictionary-sv',
    languageName: 'Swedish',
    upstream:
      'Den stora svenska ordlistan, the Swedish spelling dictionary maintained by Göran Andersson ' +
      '(distributed as a LibreOffice extension)',
    licence: 'LGPL-3.0',
    licenceUrl: 'https://www.gnu.org/licenses/lgpl-3.0.html',
  },
  {
    lang: 'nb',
    packageName: 'dictionary-nb',
    languageName: 'Norwegian Bokmål',
    upstream: 'the spell-norwegian project (http://no.speling.org), generated from spell-norwegian v2.2',
    licence: 'GPL-2.0',
    licenceUrl: 'https://www.gnu.org/licenses/old-licenses/gpl-2.0.html',
  },
  {
    lang: 'nn',
    packageName: 'dictionary-nn',
    languageName: 'Norwegian Nynorsk',
    upstream: 'the spell-norwegian project (http://no.speling.org), generated from spell-norwegian v2.2',
    licence: 'GPL-2.0',
    licenceUrl: 'https://www.gnu.org/licenses/old-licenses/gpl-2.0.html',
  },
];

/** Frequency lists; `no` is Norwegian as subtitled and serves both nb and nn. */
const FREQUENCY_LANGS = [
  { code: 'sv', name: 'Swedish' },
  { code: 'fi', name: 'Finnish' },
  { code: 'no', name: 'Norwegian (mostly bokmål; used for nb and nn)' },
  { code: 'en', name: 'English' },
];
const FREQUENCY_LIMIT = 50_000;
const FREQUENCY_SOURCE = path.join(repoRoot, '..', 'shared', 'reference', 'frequency');

async function main() {
  for (const spec of HUNSPELL) {
    await buildHunspell(spec);
  }
  if (existsSync(FREQUENCY_SOURCE)) {
    await buildFrequencyTables();
  } else {
    console.log(
      'frequency: ../shared/reference/frequency not found, skipping; ' +
        'the committed tables in dictionaries/frequency/ are kept.',
    );
  }
}

// ---------------------------------------------------------------------------
// Hunspell

async function buildHunspell(spec) {
  const packageDir = findPackageDir(spec.packageName);
  const manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  const outDir = path.join(outRoot, 'hunspell', spec.lang);
  await mkdir(outDir, { recursive: true });

  await copyFile(path.join(packageDir, 'index.aff'), path.join(outDir, `${spec.lang}.aff`));
  await copyFile(path.join(packageDir, 'index.dic'), path.join(outDir, `${spec.lang}.dic`));
  // The package's own licence file is the upstream notice; it must travel with the word list.
  await copyFile(path.join(packageDir, 'license'), path.join(outDir, 'LICENSE'));
  await writeFile(path.join(outDir, 'README.md'), hunspellReadme(spec, manifest));
  console.log(`hunspell/${spec.lang}: copied from ${manifest.name}@${manifest.version}`);
}

/**
 * Resolves a dictionary package's folder. The packages expose only their JS
 * entry point (no `./package.json` export), so resolve that and go up from it.
 */
function findPackageDir(packageName) {
  let dir = path.dirname(require.resolve(packageName));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${packageName}`);
    dir = parent;
  }
  return dir;
}

function hunspellReadme(spec, manifest) {
  return `# ${spec.languageName} Hunspell dictionary (${spec.lang})

\`${spec.lang}.aff\` and \`${spec.lang}.dic\` are \`index.aff\` and \`index.dic\` of the npm package
\`${manifest.name}\` version ${manifest.version}, copied unchanged by \`scripts/build-dictionaries.mjs\`.

- Packaged by: Titus Wormer's dictionaries collection, ${manifest.repository}
- Upstream: ${spec.upstream}
- Licence: ${spec.licence} (${spec.licenceUrl}); see \`LICENSE\` for the upstream notice.
  This licence covers these two files only, not the rest of klar.

klar loads them at run time with hunspell-asm to tell known words from unknown ones.
Report spelling errors in the word list upstream, not to klar.
`;
}

// ---------------------------------------------------------------------------
// Frequency rank tables

async function buildFrequencyTables() {
  const outDir = path.join(outRoot, 'frequency');
  await mkdir(outDir, { recursive: true });
  const sizes = {};
  for (const { code } of FREQUENCY_LANGS) {
    const source = await readFile(path.join(FREQUENCY_SOURCE, `${code}_50k.txt`), 'utf8');
    const words = rankedWordForms(source, FREQUENCY_LIMIT);
    await writeFile(path.join(outDir, `${code}.txt`), words.join('\n') + '\n');
    sizes[code] = words.length;
    console.log(`frequency/${code}.txt: ${words.length} word forms`);
  }
  await writeFile(path.join(outDir, 'README.md'), frequencyReadme(sizes));
  await writeFile(path.join(outDir, 'LICENSE'), FREQUENCY_LICENSE);
}

/**
 * Turns `word count` lines (most frequent first) into lowercase word forms in
 * rank order. Lowercasing merges forms like `Det`/`det`; the first (most
 * frequent) occurrence keeps its place.
 */
export function rankedWordForms(source, limit) {
  const seen = new Set();
  const words = [];
  for (const line of source.split(/\r?\n/)) {
    const form = line.trim().split(/\s+/)[0];
    if (!form || !isWordForm(form)) continue;
    const word = form.normalize('NFC').toLowerCase();
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
    if (words.length === limit) break;
  }
  return words;
}

/** Subtitle counts include numbers, times and punctuation runs; a text's words never match those. */
function isWordForm(form) {
  return /\p{L}/u.test(form) && !/\p{N}/u.test(form);
}

function frequencyReadme(sizes) {
  const rows = FREQUENCY_LANGS.map(
    ({ code, name }) => `| \`${code}.txt\` | ${name} | ${sizes[code].toLocaleString('en-US')} |`,
  ).join('\n');
  return `# Word frequency rank tables

One lowercase word form per line, most frequent first: line *n* holds the form of rank *n*.
klar uses the rank as a proxy for how familiar a word is to an ordinary reader.

| file | language | forms |
|---|---|---|
${rows}

## Source and attribution

Derived from **FrequencyWords** by Hermit Dave, https://github.com/hermitdave/FrequencyWords
(\`content/2018/<lang>/<lang>_50k.txt\`), which counts word forms in the OpenSubtitles 2018 corpus
of film and TV subtitles.

## Changes made

\`scripts/build-dictionaries.mjs\` dropped the counts, dropped entries containing a digit or no letter,
lowercased the forms (Unicode NFC), removed the duplicates this created (keeping the highest rank)
and kept at most ${FREQUENCY_LIMIT.toLocaleString('en-US')} forms.

## Licence

The original lists are licensed under the Creative Commons Attribution-ShareAlike 4.0 International
licence (CC BY-SA 4.0). These tables are a derived work and are distributed under the same licence;
see \`LICENSE\`. This licence covers the files in this folder only, not the rest of klar.

Caveats: word forms, not lemmas; subtitles are spoken, everyday language and under-represent the
vocabulary of official texts; the lists contain names and some noise (abbreviations, web addresses).
`;
}

const FREQUENCY_LICENSE = `The word frequency rank tables in this folder (sv.txt, fi.txt, no.txt, en.txt)
are derived from FrequencyWords by Hermit Dave
(https://github.com/hermitdave/FrequencyWords), built from OpenSubtitles 2018.

Original work: licensed under CC BY-SA 4.0.
Changes: counts removed, non-word entries removed, forms lowercased and
deduplicated, truncated to the most frequent forms (see README.md).

These derived tables are licensed under the Creative Commons
Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0):
https://creativecommons.org/licenses/by-sa/4.0/
Full legal code: https://creativecommons.org/licenses/by-sa/4.0/legalcode

This licence applies to the files in this folder only; the rest of klar is
licensed under the MIT licence.
`;

// Run only when executed directly, so rankedWordForms can be imported by a test.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
