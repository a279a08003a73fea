import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import type { RuleEntry } from '../../src/core/rules/types.js';
import type { Resources } from '../../src/core/types.js';
import { format } from '../../src/cli/formatters/index.js';
import type { FileReport, FormatOptions } from '../../src/cli/formatters/types.js';
import { loadResources } from '../../src/node/resources.js';
import { loadBuiltinRules, RuleFileError } from '../../src/node/rules.js';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8')) as Record<string, unknown>;
const OPTIONS: FormatOptions = { color: false, locale: 'en', toolVersion: '0.1.0', rulesBaseUrl: 'https://example.org/docs/rules/' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The published schema lets consumers meet fields it does not know (later versions add fields).
 * The test is stricter: every object refuses undeclared fields, so a field added to the report
 * without a description in the schema fails here.
 */
function closed(node: Json): Json {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k, closed(v)])) : closed(value);
  if (out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

function validator(strict: boolean): (data: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(strict ? (closed(schema as Json) as object) : schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}

function builtinRules(): RuleEntry[] {
  try {
    return loadBuiltinRules();
  } catch (error) {
    // A broken rule file is the loader tests' business; the report's shape does not depend on it.
    if (!(error instanceof RuleFileError)) throw error;
    console.warn(`report-schema test: running without rule files: ${error.message}`);
    return [];
  }
}

let resources: Resources;
let examples: FileReport[];

beforeAll(async () => {
  resources = await loadResources(['sv', 'fi', 'nb', 'nn', 'en'], { lexicons: false });
  const rules = builtinRules();
  examples = readdirSync(join(root, 'examples'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(root, 'examples', name), 'utf8');
      return { path: `examples/${name}`, format: name.endsWith('.md') ? 'markdown' : 'text', source: text, ...analyse(text, { resources, rules }) };
    });
});

describe('schemas/report.schema.json', () => {
  it('compiles in Ajv strict mode (no unknown keywords) as JSON Schema draft-07', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => validator(false)).not.toThrow();
  });

  it('describes every field', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== 'string' || property.description.length < 10) missing.push(`${path}.${name}`);
        walk(property, `${path}.${name}`);
      }
      if (record.items) walk(record.items, `${path}[]`);
      for (const [name, definition] of Object.entries((record.definitions as Record<string, unknown>) ?? {})) walk(definition, `#${name}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('accepts the real JSON output for every bundled example, and documents every field in it', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const output = JSON.parse(format('json', examples, OPTIONS)) as unknown;
    expect(validator(false)(output)).toEqual([]);
    expect(validator(true)(output)).toEqual([]);
  });

  it('accepts one file per example run separately, and every language, Finnish Survo and English formulas included', () => {
    const languages = new Set<string>();
    for (const example of examples) {
      const output = JSON.parse(format('json', [example], OPTIONS)) as { files: Array<{ language: string; metrics: Record<string, unknown> }> };
      expect(validator(true)(output), example.path).toEqual([]);
      languages.add(output.files[0]?.language as string);
    }
    expect([...languages].sort()).toEqual(['en', 'fi', 'nb', 'nn', 'sv']);
  });

  it('accepts the optional fields the CLI adds: format, page and paragraphNumber, fix and explanation', () => {
    const text = 'Beslut\n\nAnsökan har granskats av handläggaren på socialförvaltningens arbetsmarknadsutbildningsavdelning, som efter att ha gått igenom dina inkomster och kostnader har kommit fram till att du har rätt till bidrag för hela året.';
    const report: FileReport = {
      path: 'beslut.pdf',
      format: 'pdf',
      source: text,
      locators: [
        { start: 0, end: 6, paragraph: 1, page: 1 },
        { start: 8, end: text.length, paragraph: 2, page: 1 },
      ],
      ...analyse(text, { resources }),
    };
    const first = report.diagnostics[0];
    if (!first) throw new Error('expected findings in the sample');
    report.diagnostics.push({ ...first, ruleId: 'sv/easy-read/test', category: 'easy-read', explanation: 'Ett ord som förklaras.', fix: { replacement: 'x' } });
    const output = JSON.parse(format('json', [report], OPTIONS)) as { files: Array<{ diagnostics: Array<Record<string, unknown>> }> };
    expect(output.files[0]?.diagnostics[0]).toMatchObject({ page: 1, paragraphNumber: 2 });
    expect(validator(true)(output)).toEqual([]);
  });

  it('refuses what breaks the contract', () => {
    const good = JSON.parse(format('json', examples.slice(0, 1), OPTIONS)) as { files: Array<Record<string, Record<string, unknown>>> };
    const validate = validator(false);
    const broken = (change: (file: Record<string, Record<string, unknown>>) => void): string[] => {
      const copy = JSON.parse(JSON.stringify(good)) as typeof good;
      change(copy.files[0] as Record<string, Record<string, unknown>>);
      return validate(copy);
    };
    expect(broken((f) => delete f.metrics?.words)).not.toEqual([]);
    expect(broken((f) => ((f.metrics as Record<string, unknown>).lix = 'high'))).not.toEqual([]);
    expect(broken((f) => ((f as Record<string, unknown>).language = 'de'))).not.toEqual([]);
    expect(broken((f) => ((f as Record<string, unknown>).format = 'rtf'))).not.toEqual([]);
    expect(broken((f) => ((f.metrics as Record<string, unknown>).difficulty = 140))).not.toEqual([]);
  });

  it('lets consumers meet fields added later, while the test refuses undocumented ones', () => {
    const output = JSON.parse(format('json', examples.slice(0, 1), OPTIONS)) as { files: Array<{ diagnostics: Array<Record<string, unknown>>; metrics: Record<string, unknown> }> };
    (output.files[0] as { metrics: Record<string, unknown> }).metrics.newMeasure = 1;
    expect(validator(false)(output)).toEqual([]);
    expect(validator(true)(output).join('\n')).toMatch(/\/files\/0\/metrics must NOT have additional properties.*newMeasure/);
  });
});
