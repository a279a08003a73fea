// Shared generator for dictionaries/morphology/nb.tsv and nn.tsv (see nb.mjs and nn.mjs).
//
// For every lemma the language's rules use (`lemmas`, `{lemma}` in phrases, and the support verbs
// in the options of the nominalisation rule), it finds the lemma's entries in the Hunspell .dic,
// keeps only their inflectional suffix flags, writes them to a small .dic of their own and lets
// `unmunch` (Debian package `hunspell-tools`) expand them with the language's .aff. Forms the
// dictionary lacks are added by hand in the language's script; forms that would make a rule fire
// on another word (a homograph) are dropped there too.
//
// Why only some flags: in these dictionaries the lower-case flags a–s are prefixes (u-, for-,
// gjen-, over- …) that make other words (forbenytte), and Y, Z and t–y derive new words
// (benyttelse, benytting, behandlingar), which would be matched as if they were the verb.
// Upper-case A–X are inflection: plural and definite forms, genitive/passive -s, tenses and
// participles, comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { collectLemmas, morphologyTsv, root } from './lemmas.mjs';

const INFLECTIONAL_FLAGS = new Set('ABCDEFGHIJKLMNOPQRSTUVWX'.split(''));
const WORD = /^[\p{L}][\p{L}\p{M}'’-]*$/u;

/** Lemmas named in the options of code-backed entries (the support verbs of nominalisation). */
function optionLemmas(lang) {
  const folder = join(root, 'rules', lang);
  const out = new Set();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(join(folder, file), 'utf8'));
    for (const rule of doc?.rules ?? []) {
      for (const lemma of rule.options?.supportVerbs ?? []) out.add(String(lemma).normalize('NFC').toLowerCase());
    }
  }
  return out;
}

/** word → list of flag strings, for the words asked for only (the .dic has hundreds of thousands of lines). */
function dictionaryEntries(dicPath, wanted) {
  const entries = new Map();
  const lines = readFileSync(dicPath, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const slash = line.indexOf('/');
    const word = (slash < 0 ? line : line.slice(0, slash)).normalize('NFC');
    const key = word.toLowerCase();
    if (!wanted.has(key)) continue;
    const flags = slash < 0 ? '' : line.slice(slash + 1).split(/\s/)[0];
    if (!entries.has(key)) entries.set(key, []);
    entries.get(key).push({ word, flags });
  }
  return entries;
}

function unmunch(work, affPath, entries) {
  const dic = join(work, 'mini.dic');
  writeFileSync(dic, `${entries.length}\n${entries.map((e) => (e.flags ? `${e.word}/${e.flags}` : e.word)).join('\n')}\n`);
  const out = execFileSync('unmunch', [dic, affPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
  return out
    .split('\n')
    .map((l) => l.trim().normalize('NFC').toLowerCase())
    .filter((l) => WORD.test(l));
}

/**
 * @param {object} config
 * @param {'nb'|'nn'} config.lang
 * @param {Record<string, string[]>} config.handForms  forms the dictionary lacks, by lemma
 * @param {Record<string, string[]>} config.exclude    generated forms to drop, by lemma
 * @param {Record<string, string>} config.flags        inflectional flags to keep for a lemma, when its entry mixes word classes
 * @param {Record<string, string[]>} config.roots      other dictionary spellings to expand for a lemma
 */
export function buildNorwegianMorphology({ lang, handForms = {}, exclude = {}, flags = {}, roots = {} }) {
  const dictionary = join(root, 'dictionaries', 'hunspell', lang);
  const affPath = join(dictionary, `${lang}.aff`);
  const lemmas = [...new Set([...collectLemmas(lang), ...optionLemmas(lang)])].sort();
  const wanted = new Set(lemmas);
  for (const list of Object.values(roots)) for (const r of list) wanted.add(r);
  const entries = dictionaryEntries(join(dictionary, `${lang}.dic`), wanted);
  const work = mkdtempSync(join(tmpdir(), `klar-morphology-${lang}-`));
  const pairs = [];
  const missing = [];
  try {
    for (const lemma of lemmas) {
      const keep = flags[lemma] ? new Set(flags[lemma].split('')) : INFLECTIONAL_FLAGS;
      const own = [lemma, ...(roots[lemma] ?? [])].flatMap((w) => entries.get(w) ?? []);
      const cleaned = own.map((e) => ({ word: e.word, flags: [...e.flags].filter((f) => keep.has(f)).join('') }));
      const forms = new Set(cleaned.length > 0 ? unmunch(work, affPath, cleaned) : []);
      for (const form of handForms[lemma] ?? []) forms.add(form.normalize('NFC').toLowerCase());
      for (const form of exclude[lemma] ?? []) forms.delete(form.normalize('NFC').toLowerCase());
      if (cleaned.length === 0 && !handForms[lemma] && lemma.includes(' ') === false) missing.push(lemma);
      forms.add(lemma);
      for (const form of forms) pairs.push([form, lemma]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const header =
    `Generated by scripts/morphology/${lang}.mjs (do not edit): inflected forms of the lemmas in rules/${lang}, ` +
    `expanded with unmunch from the Hunspell dictionary dictionaries/hunspell/${lang} (dictionary-${lang}, ` +
    `spell-norwegian v2.2, GPL-2.0), inflectional suffix flags only; forms the dictionary lacks are added by hand ` +
    `in that script. form<TAB>lemma, lower case.`;
  mkdirSync(join(root, 'dictionaries', 'morphology'), { recursive: true });
  const out = join(root, 'dictionaries', 'morphology', `${lang}.tsv`);
  writeFileSync(out, morphologyTsv(pairs, header));
  const forms = new Set(pairs.map(([f]) => f)).size;
  console.log(`${out}: ${lemmas.length} lemmas, ${forms} forms, ${pairs.length} lines`);
  if (missing.length > 0) console.log(`not in the dictionary and no hand forms (matched as written): ${missing.join(', ')}`);
}
