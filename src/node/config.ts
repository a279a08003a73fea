/**
 * klar's configuration: `.klarrc.json`, `.klarrc.yaml` / `.klarrc.yml` or the `klar`
 * field of package.json, found from a file's folder upwards, merged along
 * `extends`. Configuration files are data: nothing in them is executed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import type { RuleEntry } from '../core/rules/types.js';
import type { Language, Profile, Severity, Thresholds } from '../core/types.js';
import { checkUniqueIds, loadBuiltinRules, loadRuleFile, parseRuleFile, RuleFileError, yamlData } from './rules.js';

export type RuleSetting = 'off' | Severity;

export interface KlarConfig {
  language?: Language | 'auto';
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  terms: RuleEntry[];
  words: string[];
  thresholds: Partial<Thresholds>;
  requireSuppressionReason?: boolean;
  spelling?: boolean;
  /** Files this configuration was read from, most general first. */
  files: string[];
}

/** A configuration file that cannot be used: `file:line: what is wrong`. */
export class ConfigError extends Error {}

const CONFIG_NAMES = ['.klarrc.json', '.klarrc.yaml', '.klarrc.yml', 'package.json'];
const SCHEMA_PATH = fileURLToPath(new URL('../../schemas/klarrc.schema.json', import.meta.url));

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (!validator) validator = new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  return validator;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

interface RawConfig {
  extends?: string | string[];
  language?: Language | 'auto';
  profile?: Profile;
  rules?: Record<string, RuleSetting>;
  terms?: unknown[];
  ruleFiles?: string[];
  words?: string[];
  thresholds?: Partial<Thresholds>;
  requireSuppressionReason?: boolean;
  spelling?: boolean;
}

function parseConfigText(path: string, text: string): RawConfig | undefined {
  const name = display(path);
  if (path.endsWith('package.json')) {
    let pkg: { klar?: unknown };
    try {
      pkg = JSON.parse(text) as { klar?: unknown };
    } catch {
      throw new ConfigError(`${name}:1: not valid JSON`);
    }
    return pkg.klar === undefined ? undefined : checkConfig(name, pkg.klar, 1);
  }
  const counter = new LineCounter();
  // JSON is YAML, so one parser reads both and gives line numbers for both.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) throw new ConfigError(`${name}:${counter.linePos(syntax.pos[0]).line}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}`);
  // A key left empty in YAML ("rules:" with only comments below) means "not set".
  let data: Record<string, unknown>;
  try {
    data = (yamlData(name, doc, counter) ?? {}) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof RuleFileError) throw new ConfigError(error.message);
    throw error;
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) for (const key of Object.keys(data)) if (data[key] === null) delete data[key];
  return checkConfig(name, data, 1, doc, counter);
}

function checkConfig(name: string, data: unknown, line: number, doc?: ReturnType<typeof parseDocument>, counter?: LineCounter): RawConfig {
  const check = validate();
  if (!check(data)) {
    const error = check.errors?.[0];
    const path = (error?.instancePath ?? '').split('/').filter(Boolean);
    let at = line;
    if (doc && counter) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), true) as { range?: [number, number] } | undefined;
        if (node?.range) {
          at = counter.linePos(node.range[0]).line;
          break;
        }
      }
    }
    const field = path.join('.') || 'configuration';
    const detail =
      error?.keyword === 'additionalProperties'
        ? `unknown setting "${String(error.params.additionalProperty)}"`
        : error?.keyword === 'enum'
          ? `must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`
          : (error?.message ?? 'is invalid');
    throw new ConfigError(`${name}:${at}: ${field}: ${detail}`);
  }
  return data as RawConfig;
}

function readConfigFile(path: string, seen: Set<string>): KlarConfig {
  const full = resolve(path);
  if (seen.has(full)) throw new ConfigError(`${display(full)}:1: "extends" loops back to this file`);
  seen.add(full);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new ConfigError(`${display(full)}:1: cannot be read; check the path`);
  }
  const raw = parseConfigText(full, text) ?? {};
  const base = dirname(full);
  let merged = emptyConfig();
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const parent of parents) merged = mergeConfigs(merged, readConfigFile(resolve(base, parent), seen));
  const terms: RuleEntry[] = [];
  (raw.terms ?? []).forEach((term, i) => {
    try {
      terms.push(...parseRuleFile(display(full), JSON.stringify({ rules: [term] })).map((t) => ({ ...t, line: i + 1 })));
    } catch (error) {
      const message = error instanceof RuleFileError ? error.message.replace(/^[^:]+:\d+: /, '') : String(error);
      throw new ConfigError(`${display(full)}:1: terms[${i}]: ${message}`);
    }
  });
  for (const file of raw.ruleFiles ?? []) {
    try {
      terms.push(...loadRuleFile(resolve(base, file)));
    } catch (error) {
      if (error instanceof RuleFileError) throw new ConfigError(error.message);
      throw error;
    }
  }
  const own: KlarConfig = {
    ...(raw.language ? { language: raw.language } : {}),
    ...(raw.profile ? { profile: raw.profile } : {}),
    rules: raw.rules ?? {},
    terms,
    words: raw.words ?? [],
    thresholds: raw.thresholds ?? {},
    ...(raw.requireSuppressionReason !== undefined ? { requireSuppressionReason: raw.requireSuppressionReason } : {}),
    ...(raw.spelling !== undefined ? { spelling: raw.spelling } : {}),
    files: [full],
  };
  return mergeConfigs(merged, own);
}

export function emptyConfig(): KlarConfig {
  return { rules: {}, terms: [], words: [], thresholds: {}, files: [] };
}

/** `over` wins; lists are joined. */
export function mergeConfigs(base: KlarConfig, over: KlarConfig): KlarConfig {
  return {
    ...(over.language ?? base.language ? { language: over.language ?? base.language } : {}),
    ...(over.profile ?? base.profile ? { profile: over.profile ?? base.profile } : {}),
    rules: { ...base.rules, ...over.rules },
    terms: [...base.terms, ...over.terms],
    words: [...base.words, ...over.words],
    thresholds: { ...base.thresholds, ...over.thresholds },
    ...((over.requireSuppressionReason ?? base.requireSuppressionReason) !== undefined
      ? { requireSuppressionReason: over.requireSuppressionReason ?? base.requireSuppressionReason }
      : {}),
    ...((over.spelling ?? base.spelling) !== undefined ? { spelling: over.spelling ?? base.spelling } : {}),
    files: [...base.files, ...over.files],
  };
}

/** The configuration file that applies to `folder`: the nearest one upwards, if any. */
export function findConfigFile(folder: string): string | undefined {
  let dir = resolve(folder);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (!existsSync(candidate)) continue;
      if (name === 'package.json') {
        try {
          if ((JSON.parse(readFileSync(candidate, 'utf8')) as { klar?: unknown }).klar === undefined) continue;
        } catch {
          continue;
        }
      }
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a configuration file (and what it extends). */
export function loadConfigFile(path: string): KlarConfig {
  return readConfigFile(path, new Set());
}

/** Built-in rules plus the organisation's terms, with the configuration's on/off and severities applied. */
export function configuredRules(config: KlarConfig): { rules: RuleEntry[]; disabled: Set<string> } {
  const all = [...loadBuiltinRules(), ...config.terms];
  try {
    checkUniqueIds(all);
  } catch (error) {
    if (error instanceof RuleFileError) throw new ConfigError(error.message);
    throw error;
  }
  const setting = (id: string): RuleSetting | undefined => {
    if (config.rules[id]) return config.rules[id];
    // The longest matching prefix ("sv/passive/") decides.
    let best: string | undefined;
    for (const key of Object.keys(config.rules)) if (key.endsWith('/') && id.startsWith(key) && (!best || key.length > best.length)) best = key;
    return best ? config.rules[best] : undefined;
  };
  const rules: RuleEntry[] = [];
  for (const entry of all) {
    const s = setting(entry.id);
    if (s === 'off') continue;
    rules.push(s ? { ...entry, severity: s } : entry);
  }
  const disabled = new Set(Object.entries(config.rules).filter(([, v]) => v === 'off').map(([k]) => k));
  return { rules, disabled };
}

/** The project's word list, beside its configuration: one word a line; editors add to it. */
export const WORDS_FILE = join('.klar', 'words.txt');

/** One word a line; blank lines and lines starting with # are left out. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The words of a word-list file; none when it does not exist. */
export function readWordList(path: string): string[] {
  try {
    return parseWordList(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
}
