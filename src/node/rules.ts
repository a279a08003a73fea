/**
 * Loads rule files (YAML) from disk, validates them against rules/schema.json and
 * reports the first problem of a broken file as `file:line: what is wrong`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import type { RuleEntry } from '../core/rules/types.js';
import { LANGUAGES, type Language } from '../core/types.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES_DIR = join(PACKAGE_ROOT, 'rules');

/** A rule file that cannot be used; the message is `file:line: what is wrong`. */
export class RuleFileError extends Error {}

/**
 * How many alias expansions a YAML file may ask for (the yaml package's own default,
 * stated here because it is a promise): configuration and rule files are small data, and
 * nested aliases ("billion laughs") would otherwise expand to gigabytes.
 */
const MAX_YAML_ALIASES = 100;

/**
 * A parsed YAML (or JSON) file as plain data. Aliases that expand beyond the limit are
 * refused as a `file:line` error instead of escaping as the yaml package's ReferenceError,
 * which the command line would report as an internal error.
 */
export function yamlData(file: string, doc: Document, counter: LineCounter): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    let line = 1;
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = counter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    throw new RuleFileError(`${file}:${line}: too many YAML aliases (more than ${MAX_YAML_ALIASES} expansions); write the values out instead`);
  }
}

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(RULES_DIR, 'schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number {
  // Walk up the path until a node with a source range is found.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath.split('/').filter(Boolean);
  const field = where.filter((p) => !/^\d+$/.test(p)).slice(1).join('.') || 'rule';
  switch (error.keyword) {
    case 'required':
      return `${field === 'rule' ? 'rule' : field}: missing required field "${String(error.params.missingProperty)}"`;
    case 'additionalProperties':
      return `${field}: unknown field "${String(error.params.additionalProperty)}"`;
    case 'enum':
      return `${field}: must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      return `${field}: must look like <lang>/<category>/<name> in lower case, e.g. sv/officialese/erhalla`;
    case 'anyOf':
      return `${field}: a word rule needs "lemmas" or "forms"`;
    default:
      return `${field}: ${error.message ?? 'is invalid'}`;
  }
}

/** The error a writer can act on: an unknown field or bad value before what a branch of anyOf wanted. */
function mostUseful(errors: ErrorObject[]): ErrorObject {
  const rank = ['additionalProperties', 'enum', 'pattern', 'type', 'minItems', 'anyOf', 'required'];
  const outer = errors.filter((e) => !/\/anyOf\/\d+\//.test(e.schemaPath) && e.keyword !== 'if');
  const score = (e: ErrorObject): number => (rank.includes(e.keyword) ? rank.indexOf(e.keyword) : rank.length);
  return [...outer].sort((a, b) => score(a) - score(b))[0] ?? (errors[0] as ErrorObject);
}

const PHRASE_WORD = /^(?:\{[^{}|\s]+\}|[^{}\s]+)$/u;

/** Checks what JSON Schema cannot: ids match the language folder, phrase syntax, unique ids. */
function checkEntry(raw: Record<string, unknown>, language: Language | undefined): string | undefined {
  const id = String(raw.id);
  const [lang, category] = id.split('/') as [Language, string];
  if (language && lang !== language) return `id: "${id}" must start with "${language}/" in rules/${language}/`;
  if (category !== raw.category) return `id: the middle part of "${id}" must be the category "${String(raw.category)}"`;
  for (const phrase of (raw.phrases as string[] | undefined) ?? []) {
    const words = phrase.trim().split(/\s+/);
    const bad = words.find((w) => !PHRASE_WORD.test(w));
    if (words.length < 2 || bad) return `phrases: "${phrase}" must be two or more words; a lemma is written {lemma}`;
  }
  const message = raw.message as Record<string, string> | undefined;
  if (message && !message[lang]) return `message: needs a "${lang}" text (the rule's language) as well as "en"`;
  return undefined;
}

/** Parses and validates one rule file's text; `language` pins the folder language for built-in rules. */
export function parseRuleFile(file: string, text: string, language?: Language): RuleEntry[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = counter.linePos(syntax.pos[0]).line;
    throw new RuleFileError(`${file}:${line}: not valid YAML (${syntax.code.toLowerCase().replace(/_/g, ' ')})`);
  }
  const data = yamlData(file, doc, counter);
  const check = validate();
  if (!check(data)) {
    const error = mostUseful(check.errors ?? []);
    const path = error.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    throw new RuleFileError(`${file}:${lineOf(doc, counter, path)}: ${describe(error)}`);
  }
  const rules = (data as { rules: Record<string, unknown>[] }).rules;
  return rules.map((raw, index) => {
    const problem = checkEntry(raw, language);
    const line = lineOf(doc, counter, ['rules', index]);
    if (problem) throw new RuleFileError(`${file}:${line}: ${problem}`);
    const id = String(raw.id);
    return {
      ...(raw as unknown as RuleEntry),
      examples: (raw.examples as RuleEntry['examples'] | undefined) ?? { bad: [], good: [] },
      language: id.split('/')[0] as Language,
      file,
      line,
    };
  });
}

function readRuleFile(path: string): RuleEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RuleFileError(`${path}:1: cannot be read`);
  }
  return parseRuleFile(relative(process.cwd(), path) || path, text);
}

/** Rejects two entries with one id, naming both places. */
export function checkUniqueIds(entries: RuleEntry[]): void {
  const seen = new Map<string, RuleEntry>();
  for (const e of entries) {
    const first = seen.get(e.id);
    if (first) throw new RuleFileError(`${e.file}:${e.line}: id "${e.id}" is already used at ${first.file}:${first.line}`);
    seen.set(e.id, e);
  }
}

let builtin: RuleEntry[] | undefined;

/** Built-in rules, validated at build time, as JSON: parsing the YAML takes about a second. */
const CACHE_PATH = join(RULES_DIR, '.cache', 'builtin.json');

interface RuleFileRef {
  path: string;
  language: Language;
}

function builtinRuleFiles(): RuleFileRef[] {
  const files: RuleFileRef[] = [];
  for (const language of LANGUAGES) {
    const folder = join(RULES_DIR, language);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()) {
      files.push({ path: join(folder, name), language });
    }
  }
  return files;
}

/**
 * A hash of every rule file's name and content and of the schema: any edit makes the
 * cache stale, while copying or installing the files (which resets their times) does not.
 */
function fingerprint(files: RuleFileRef[]): string {
  const hash = createHash('sha256');
  for (const path of [...files.map((f) => f.path), join(RULES_DIR, 'schema.json')]) {
    hash.update(relative(PACKAGE_ROOT, path).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function parseBuiltin(files: RuleFileRef[]): RuleEntry[] {
  const entries: RuleEntry[] = [];
  for (const { path, language } of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new RuleFileError(`${path}:1: cannot be read`);
    }
    // Named from the package root, so messages and the cache do not depend on the working folder.
    entries.push(...parseRuleFile(relative(PACKAGE_ROOT, path).split('\\').join('/'), text, language));
  }
  checkUniqueIds(entries);
  return entries;
}

function readCache(print: string): RuleEntry[] | undefined {
  try {
    const cache = JSON.parse(readFileSync(CACHE_PATH, 'utf8')) as { fingerprint: string; rules: RuleEntry[] };
    return cache.fingerprint === print ? cache.rules : undefined;
  } catch {
    return undefined;
  }
}

/** All rules shipped in rules/<lang>/*.yaml: from the build's cache when it is current, else parsed and validated. */
export function loadBuiltinRules(): RuleEntry[] {
  if (!builtin) {
    const files = builtinRuleFiles();
    builtin = readCache(fingerprint(files)) ?? parseBuiltin(files);
  }
  return builtin;
}

/** Validates the built-in rules and writes the cache (run by the build). */
export function writeBuiltinRulesCache(): number {
  const files = builtinRuleFiles();
  const rules = parseBuiltin(files);
  mkdirSync(dirname(CACHE_PATH), { recursive: true });
  writeFileAtomic(CACHE_PATH, JSON.stringify({ fingerprint: fingerprint(files), rules }));
  return rules.length;
}

/** An organisation's own rule file (same schema). */
export function loadRuleFile(path: string): RuleEntry[] {
  return readRuleFile(path);
}
