import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { DIFFICULTY_FEATURES } from '../../src/core/metrics/difficulty.js';
import { CATEGORIES, type RuleEntry } from '../../src/core/rules/types.js';
import { LANGUAGES, type Diagnostic, type Language, type Resources } from '../../src/core/types.js';
import { FORMATS, format, UnknownFormatError } from '../../src/cli/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/cli/formatters/github.js';
import type { FileReport, FormatOptions } from '../../src/cli/formatters/types.js';
import { UI_STRINGS } from '../../src/cli/formatters/ui-strings.js';
import { loadResources } from '../../src/node/resources.js';
import { loadBuiltinRules, RuleFileError } from '../../src/node/rules.js';

const root = join(import.meta.dirname, '..', '..');
const BASE = 'https://example.org/klar/blob/main/docs/rules/';

/** A decision letter of our own: one sentence over the 25-word limit, one word over 20 letters. */
const SV = [
  'Ditt beslut om bostadsbidrag',
  '',
  'Vi har tagit emot din ansökan. Ansökan har granskats av handläggaren på socialförvaltningens arbetsmarknadsutbildningsavdelning, som efter att ha gått igenom dina inkomster och dina kostnader för boendet under hela förra året har kommit fram till att du har rätt till bidrag.',
  '',
  'Du får pengarna den 25:e varje månad. Ring oss om du har frågor om beslutet.',
  '',
].join('\n');

const FI = 'Päätös asumistuesta\n\nOlemme käsitelleet hakemuksesi. Sinulle myönnetään asumistukea ajalle 1.4.–30.9.2025. Tuki maksetaan tilillesi kuukauden ensimmäisenä päivänä.\n';

let resources: Resources;

beforeAll(async () => {
  resources = await loadResources(['sv', 'fi', 'nb', 'nn', 'en'], { lexicons: false });
});

/** A report as the CLI builds it; only the core's own checks, so the findings do not move when rule files change. */
function report(path: string, text: string, extra: Partial<FileReport> = {}): FileReport {
  return { path, source: text, format: 'text', ...analyse(text, { resources }), ...extra };
}

function options(over: Partial<FormatOptions> = {}): FormatOptions {
  return { color: false, locale: 'en', toolVersion: '0.1.0', rulesBaseUrl: BASE, ...over };
}

/** A finding placed by hand, for tests that need a given severity or text. */
function diagnostic(text: string, needle: string, over: Partial<Diagnostic> = {}): Diagnostic {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1) as string).length + 1;
  return {
    ruleId: 'sv/officialese/test',
    category: 'officialese',
    severity: 'warning',
    message: `”${needle}” är myndighetsspråk.`,
    messageEn: `“${needle}” is officialese.`,
    line,
    column,
    endLine: line,
    endColumn: column + needle.length,
    offset,
    endOffset: offset + needle.length,
    suggestions: [],
    excerpt: needle,
    ...over,
  };
}

/** Paragraphs joined as a Word front end does, with a locator per paragraph. */
function wordDocument(format: 'docx' | 'pdf'): FileReport {
  const parts = [
    'Beslut om bostadsbidrag',
    'Vi har tagit emot din ansökan och gått igenom den.',
    'Ansökan har granskats av handläggaren på socialförvaltningens arbetsmarknadsutbildningsavdelning, som efter att ha gått igenom dina inkomster och dina kostnader för boendet under hela förra året har kommit fram till att du har rätt till bidrag.',
  ];
  const text = parts.join('\n\n');
  let start = 0;
  const locators = parts.map((p, i) => {
    const locator = { start, end: start + p.length, paragraph: i + 1, ...(format === 'pdf' ? { page: i < 2 ? 1 : 2 } : {}) };
    start += p.length + 2;
    return locator;
  });
  return { ...report(`beslut.${format}`, text), format, locators };
}

/**
 * The shipped rules. Rule files are data other people edit; a broken one is the loader tests'
 * business, so here it only narrows the run to the core's own findings, and says so.
 */
function builtinRules(): RuleEntry[] {
  try {
    return loadBuiltinRules();
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    console.warn(`formatters test: running without rule files: ${error.message}`);
    return [];
  }
}

const ANSI = /\u001b\[[0-9;]*m/g;

describe('stylish', () => {
  it('lists each finding as line:col, severity, message and rule id, then a readable summary and a total', () => {
    const out = format('stylish', [report('letters/beslut.txt', SV)], options());
    const lines = out.split('\n');
    expect(lines[0]).toBe('letters/beslut.txt');
    expect(lines[1]).toMatch(/^ {2}3:32 {2}warning {2}Lång mening: 35 ord \(högst 25\)\. Dela upp den i kortare meningar\. {2}long-sentence$/);
    expect(lines[2]).toMatch(/^ {2}3:94 {2}info {5}Mycket långt ord: 34 bokstäver\. .* {2}long-word$/);
    expect(out).toMatch(
      /\n {2}Swedish \(detected\) · 60 words · 5 sentences · LIX \d+ \((?:very easy|easy|medium|difficult|very difficult)\) · difficulty \d+ \((?:easy|fairly easy|medium|hard|very hard)\), mostly because of: [a-z ]+\n/,
    );
    expect(out.trimEnd().split('\n').at(-1)).toBe('⚠ 2 problems (1 warning, 1 info) in 1 file');
    expect(out).not.toMatch(ANSI);
  });

  it('colours with ANSI codes only when asked, and the text under the colours is the same', () => {
    const reports = [report('a.txt', SV)];
    const plain = format('stylish', reports, options());
    const coloured = format('stylish', reports, options({ color: true }));
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('aligns the columns of a file and shows suggestions after an arrow', () => {
    const r = report('a.txt', SV);
    r.diagnostics.push(diagnostic(SV, 'Du får', { severity: 'info', suggestions: ['Ni får', 'Man får'], ruleId: 'sv/test/x' }));
    const rows = format('stylish', [r], options()).split('\n').slice(1, 4);
    const messageStart = rows.map((row) => row.search(/(?:Lång|Mycket|”)/));
    expect(new Set(messageStart).size).toBe(1);
    expect(rows[2]).toMatch(/^ {2}5:1 {3}info {5}”Du får” är myndighetsspråk\. {2}→ Ni får, Man får {2}sv\/test\/x$/);
  });

  it('speaks the UI language: labels, severities, bands and the total line', () => {
    const expected: Record<Language, RegExp> = {
      sv: /svenska \(identifierat\) · 60 ord · 5 meningar · LIX \d+ \(.+\) · svårighet \d+ \(.+\), mest på grund av: .+\n\n⚠ 2 problem \(1 varning, 1 info\) i 1 fil\n$/,
      fi: /ruotsi \(tunnistettu\) · 60 sanaa · 5 virkettä · LIX \d+ \(.+\) · vaikeus \d+ \(.+\), pääsyy: .+\n\n⚠ 2 ongelmaa \(1 varoitus, 1 huomautus\) 1 tiedostossa\n$/,
      nb: /svensk \(gjenkjent\) · 60 ord · 5 setninger · LIX \d+ \(.+\) · vanskegrad \d+ \(.+\), mest på grunn av: .+\n\n⚠ 2 problemer \(1 advarsel, 1 info\) i 1 fil\n$/,
      nn: /svensk \(oppdaga\) · 60 ord · 5 setningar · LIX \d+ \(.+\) · vanskegrad \d+ \(.+\), mest på grunn av: .+\n\n⚠ 2 problem \(1 åtvaring, 1 info\) i 1 fil\n$/,
      en: /Swedish \(detected\) · 60 words · 5 sentences · LIX \d+ \(.+\) · difficulty \d+ \(.+\), mostly because of: .+\n\n⚠ 2 problems \(1 warning, 1 info\) in 1 file\n$/,
    };
    for (const locale of LANGUAGES) {
      const out = format('stylish', [report('a.txt', SV)], options({ locale }));
      expect(out, locale).toMatch(expected[locale]);
    }
    const sv = format('stylish', [report('a.txt', SV)], options({ locale: 'sv' }));
    expect(sv).toMatch(/ {2}3:32 {2}varning {2}Lång mening/);
  });

  it('shows no LIX band for Finnish text, which has no LIX scale, but its Survo band', () => {
    const out = format('stylish', [report('paatos.txt', FI)], options());
    expect(out).toMatch(/Finnish \(detected\) · 15 words · 4 sentences · LIX \d+ · Survo \d+ \([a-zä ]+\) · difficulty/);
  });

  it('counts errors, warnings and info in the total and marks a failing run', () => {
    const a = report('a.txt', SV);
    a.diagnostics.push(diagnostic(SV, 'Ring oss', { severity: 'error' }), diagnostic(SV, 'Du får', { severity: 'info' }));
    const b = report('b.txt', 'Hej.\n');
    const out = format('stylish', [a, b], options());
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 4 problems (1 error, 1 warning, 2 info) in 2 files');
    const clean = format('stylish', [b], options());
    expect(clean.trimEnd().split('\n').at(-1)).toBe('✔ no problems in 1 file');
    const warn = format('stylish', [report('a.txt', SV)], options({ failOn: 'warning' }));
    expect(warn.trimEnd().split('\n').at(-1)).toBe('✖ 2 problems (1 warning, 1 info) in 1 file');
  });

  it('under --quiet lists only findings that fail the run, without summaries', () => {
    const a = report('a.txt', SV);
    a.diagnostics.push(diagnostic(SV, 'Ring oss', { severity: 'error' }));
    const quiet = format('stylish', [a, report('b.txt', 'Hej.\n')], options({ quiet: true }));
    expect(quiet).toBe('a.txt\n  5:39  error  ”Ring oss” är myndighetsspråk.  sv/officialese/test\n\n✖ 1 problem (1 error) in 2 files\n');
    expect(format('stylish', [report('a.txt', SV)], options({ quiet: true }))).toBe('');
  });

  it('points to paragraph and page with a quoted excerpt for Word and PDF files', () => {
    const docx = format('stylish', [wordDocument('docx')], options()).split('\n');
    expect(docx[1]).toMatch(/^ {2}paragraph 3 {2}warning {2}Lång mening: 35 ord/);
    expect(docx[2]).toBe('               “Ansökan har granskats av handläggaren på…”');
    expect(docx[3]).toMatch(/^ {2}paragraph 3 {2}info {5}Mycket långt ord/);
    expect(docx[4]).toBe('               “arbetsmarknadsutbildningsavdelning”');
    const pdf = format('stylish', [wordDocument('pdf')], options({ locale: 'sv' })).split('\n');
    expect(pdf[1]).toMatch(/^ {2}sida 2, stycke 3 {2}varning {2}Lång mening/);
    expect(format('stylish', [wordDocument('docx')], options())).not.toMatch(/\b3:\d+\b/);
  });
});

describe('json', () => {
  it('prints { files } with the report contract, without the analysed text', () => {
    const r = report('a.txt', SV);
    const out = format('json', [r], options());
    expect(out.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(out) as { files: Array<Record<string, unknown>> };
    const file = parsed.files[0] as Record<string, unknown>;
    expect(Object.keys(file).slice(0, 3)).toEqual(['path', 'format', 'language']);
    expect(file).not.toHaveProperty('source');
    expect(file).not.toHaveProperty('locators');
    const { source: _source, ...contract } = r;
    expect(file).toEqual(JSON.parse(JSON.stringify(contract)));
  });

  it('adds page and paragraph numbers to findings in Word and PDF files', () => {
    const parsed = JSON.parse(format('json', [wordDocument('pdf')], options())) as { files: Array<{ format: string; diagnostics: Diagnostic[] }> };
    const file = parsed.files[0] as { format: string; diagnostics: Diagnostic[] };
    expect(file.format).toBe('pdf');
    expect(file.diagnostics.map((d) => [d.ruleId, d.page, d.paragraphNumber])).toEqual([
      ['long-sentence', 2, 3],
      ['long-word', 2, 3],
    ]);
  });
});

/** The official SARIF 2.1.0 schema is draft-04, which Ajv 8 does not read; the Ajv 6 that ships with @microsoft/jest-sarif does. */
function sarifValidator(): ((log: unknown) => string[]) | undefined {
  const require = createRequire(import.meta.url);
  let sarifPackage: string;
  try {
    sarifPackage = require.resolve('@microsoft/jest-sarif/package.json');
  } catch {
    return undefined;
  }
  const fromSarif = createRequire(sarifPackage);
  interface Ajv6 {
    addMetaSchema(schema: object): void;
    compile(schema: object): ((data: unknown) => boolean) & { errors?: Array<{ dataPath: string; message?: string }> | null };
  }
  const Ajv = fromSarif('ajv') as new (options: object) => Ajv6;
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, validateSchema: false });
  ajv.addMetaSchema(fromSarif('ajv/lib/refs/json-schema-draft-04.json') as object);
  const schema = JSON.parse(readFileSync(join(sarifPackage, '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''}`));
}

interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri?: string; rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string }; properties: { category: string } }> } };
  columnKind: string;
  artifacts: Array<{ location: { uri: string } }>;
  results: Array<{
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
    properties?: Record<string, unknown>;
  }>;
}

describe('sarif', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 with rule metadata, help links and UTF-16 columns', () => {
    if (!validate) throw new Error('the SARIF schema validator (Ajv 6 inside @microsoft/jest-sarif) is missing; run npm ci');
    // An astral character before the finding: two UTF-16 code units, one code point.
    const text = `${SV.replace('Vi har', '𝔙i har')}`;
    const r = report('letters\\brev med mellanslag.txt', text);
    r.diagnostics.push(diagnostic(text, 'Ring oss', { severity: 'info', ruleId: 'sv/abbreviation/test', category: 'abbreviation', suggestions: ['Ring till oss'] }));
    const log = JSON.parse(format('sarif', [r, wordDocument('docx')], options({ toolVersion: '1.2.3' }))) as { version: string; runs: SarifRun[] };
    expect(validate(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0] as SarifRun;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'klar', version: '1.2.3', informationUri: 'https://example.org/klar' });
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['long-sentence', 'long-word', 'sv/abbreviation/test']);
    expect(run.tool.driver.rules[2]).toMatchObject({ helpUri: `${BASE}sv/abbreviation/test.md`, properties: { category: 'abbreviation' } });
    expect(run.tool.driver.rules[0]?.shortDescription.text).toMatch(/sentence/);

    const [sentence, word, info] = run.results;
    expect(sentence).toMatchObject({ ruleId: 'long-sentence', ruleIndex: 0, level: 'warning' });
    expect(info).toMatchObject({ ruleId: 'sv/abbreviation/test', ruleIndex: 2, level: 'note', message: { text: '”Ring oss” är myndighetsspråk. → Ring till oss' } });
    const location = word?.locations[0]?.physicalLocation;
    expect(location?.artifactLocation.uri).toBe('letters/brev%20med%20mellanslag.txt');
    const region = location?.region as { startLine: number; startColumn: number; endLine: number; endColumn: number };
    const line = text.split('\n')[region.startLine - 1] as string;
    // JavaScript strings are UTF-16, so slicing by the columns must give exactly the word.
    expect(line.slice(region.startColumn - 1, region.endColumn - 1)).toBe('arbetsmarknadsutbildningsavdelning');
    expect(region.startColumn).toBe(r.diagnostics[1]?.column);

    const docxResults = run.results.filter((x) => x.locations[0]?.physicalLocation.artifactLocation.uri === 'beslut.docx');
    expect(docxResults).toHaveLength(2);
    expect(docxResults[0]?.locations[0]?.physicalLocation.region).toBeUndefined();
    expect(docxResults[0]?.message.text).toMatch(/^paragraph 3: “Ansökan har granskats.*” — Lång mening/);
    expect(docxResults[0]?.properties).toMatchObject({ paragraphNumber: 3 });
  });

  it('is valid for the bundled examples with the built-in rules, and describes each rule from its entry', () => {
    if (!validate) throw new Error('the SARIF schema validator (Ajv 6 inside @microsoft/jest-sarif) is missing; run npm ci');
    const rules = builtinRules();
    const reports = readdirSync(join(root, 'examples'))
      .sort()
      .map((name) => {
        const text = readFileSync(join(root, 'examples', name), 'utf8');
        return { path: `examples/${name}`, source: text, ...analyse(text, { resources, rules }) };
      });
    const log = JSON.parse(format('sarif', reports, options({ rules }))) as { runs: SarifRun[] };
    expect(validate(log)).toEqual([]);
    const run = log.runs[0] as SarifRun;
    const ids = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.ruleId)));
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(run.results).toHaveLength(reports.reduce((n, r) => n + r.diagnostics.length, 0));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toMatch(/\{\w+\}/);
      const entry = rules.find((e) => e.id === rule.id);
      if (entry) expect(rule.properties.category).toBe(entry.category);
    }
  });

  it('finds a schema violation (the validator is not a no-op)', () => {
    if (!validate) throw new Error('the SARIF schema validator is missing');
    const log = JSON.parse(format('sarif', [report('a.txt', SV)], options())) as { runs: Array<Record<string, unknown>> };
    (log.runs[0] as Record<string, unknown>).columnKind = 'characters';
    expect(validate(log).length).toBeGreaterThan(0);
  });
});

describe('github', () => {
  it('escapes data and property values as the runner expects', () => {
    expect(escapeData('100% sure\r\nnext')).toBe('100%25 sure%0D%0Anext');
    expect(escapeProperty('dir,a:b%.txt')).toBe('dir%2Ca%3Ab%25.txt');
  });

  it('prints one workflow command per finding with position, rule id as title and suggestions', () => {
    const r = report('docs\\a,b:c.txt', SV);
    r.diagnostics.push(diagnostic(SV, 'Ring oss', { severity: 'info', suggestions: ['Ring'], message: 'Två\nrader 100%' }));
    r.diagnostics.push(diagnostic(SV, 'Du får', { severity: 'error' }));
    const lines = format('github', [r], options()).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::warning file=docs/a%2Cb%3Ac.txt,line=3,col=32,endLine=3,endColumn=276,title=long-sentence::Lång mening: 35 ord (högst 25). Dela upp den i kortare meningar.',
    );
    expect(lines[2]).toBe('::notice file=docs/a%2Cb%3Ac.txt,line=5,col=39,endLine=5,endColumn=47,title=sv/officialese/test::Två%0Arader 100%25 → Ring');
    expect(lines[3]).toMatch(/^::error file=docs\/a%2Cb%3Ac\.txt,line=5,col=1,/);
    expect(lines[4]).toBe('klar: 4 problems (1 error, 1 warning, 2 info) in 1 file');
  });

  it('names paragraph and page for Word and PDF files instead of a line', () => {
    const lines = format('github', [wordDocument('pdf')], options()).split('\n');
    expect(lines[0]).toMatch(/^::warning file=beslut\.pdf,title=long-sentence::page 2, paragraph 3: “Ansökan har granskats av handläggaren på…” — Lång mening: \d+ ord/);
  });

  it('says first when there are more findings of a kind than GitHub shows as annotations', () => {
    const r = report('a.txt', SV);
    r.diagnostics = Array.from({ length: 11 }, () => diagnostic(SV, 'Ring oss'));
    const lines = format('github', [r], options()).trimEnd().split('\n');
    expect(lines[0]).toBe('::notice title=klar::11 problems (11 warnings) in 1 file. GitHub shows at most 10 annotations of each kind per step; the log lists every finding.');
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(11);
    expect(format('github', [report('a.txt', SV)], options()).startsWith('::warning ')).toBe(true);
  });

  it('under --quiet prints nothing when nothing fails', () => {
    expect(format('github', [report('a.txt', SV)], options({ quiet: true }))).toBe('');
  });
});

describe('markdown', () => {
  it('summarises files, categories and findings in tables', () => {
    const a = report('a.txt', SV);
    a.diagnostics.push(diagnostic(SV, 'Ring oss', { severity: 'error', message: 'Pipe | and <script>alert(1)</script> *bold*' }));
    const out = format('markdown', [a, report('paatos.txt', FI)], options());
    const lines = out.split('\n');
    expect(lines[0]).toBe('### ❌ klar: 3 problems (1 error, 1 warning, 1 info) in 2 files');
    expect(lines).toContain('| File | Language | Words | LIX | Difficulty | Error | Warning | Info |');
    expect(out).toMatch(/\n\| a\.txt \| Swedish \| 60 \| \d+ \([a-z ]+\) \| \d+ \([a-z ]+\) \| 1 \| 1 \| 1 \|\n/);
    expect(out).toMatch(/\n\| paatos\.txt \| Finnish \| 15 \| \d+ \| \d+ \([a-z ]+\) \| 0 \| 0 \| 0 \|\n/);
    expect(out).toContain('| long sentence | 0 | 1 | 0 | 1 |');
    expect(out).toContain('| officialese | 1 | 0 | 0 | 1 |');
    expect(out).toContain(`| a.txt:5:39 | error | Pipe \\| and \\<script\\>alert(1)\\</script\\> \\*bold\\* | [sv/officialese/test](<${BASE}sv/officialese/test.md>) |`);
    expect(out).toContain('<details><summary>Findings (3)</summary>');
  });

  it('caps long runs with "and N more" and stays under GitHub’s comment limit', () => {
    const many = Array.from({ length: 60 }, (_, i) => {
      const r = report(`docs/page-${String(i).padStart(2, '0')}.txt`, SV);
      r.diagnostics = Array.from({ length: 10 }, () => diagnostic(SV, 'Ring oss', { message: 'x'.repeat(2000) }));
      return r;
    });
    const out = format('markdown', many, options());
    expect(out.length).toBeLessThan(65_536);
    expect(out).toContain('\n…and 10 more\n');
    expect(out).toMatch(/\n…and 5\d\d more\n/);
    expect(out.match(/^\| docs\/page-\d\d\.txt \|/gm)?.length).toBe(50);
  });

  it('uses the UI language', () => {
    const out = format('markdown', [report('a.txt', SV)], options({ locale: 'fi' }));
    expect(out.split('\n')[0]).toBe('### ⚠️ klar: 2 ongelmaa (1 varoitus, 1 huomautus) 1 tiedostossa');
    expect(out).toContain('| Tiedosto | Kieli | Sanat | LIX | Vaikeus | Virhe | Varoitus | Huomautus |');
    expect(out).toContain('| pitkä virke | 0 | 1 | 0 | 1 |');
  });
});

describe('format()', () => {
  it('knows every format and refuses others with a message naming them', () => {
    expect([...FORMATS]).toEqual(['stylish', 'json', 'sarif', 'github', 'markdown', 'html']);
    for (const name of FORMATS) expect(format(name, [report('a.txt', SV)], options()).endsWith('\n')).toBe(true);
    expect(() => format('xml', [], options())).toThrow(UnknownFormatError);
    expect(() => format('xml', [], options())).toThrow('unknown format "xml"; use one of stylish, json, sarif, github, markdown, html');
  });

  it('has every UI string for every category and difficulty measure in all five languages', () => {
    for (const locale of LANGUAGES) {
      const ui = UI_STRINGS[locale];
      for (const category of CATEGORIES) expect(ui.categories[category], `${locale} ${category}`).toBeTruthy();
      for (const feature of DIFFICULTY_FEATURES) expect(ui.factors[feature], `${locale} ${feature}`).toBeTruthy();
      for (const language of LANGUAGES) expect(ui.languageNames[language]).toBeTruthy();
    }
  });
});
