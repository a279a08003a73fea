import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { configuredRules, loadConfigFile } from '../../src/node/config.js';
import { parseRuleFile } from '../../src/node/rules.js';

const root = join(import.meta.dirname, '..', '..');

const GOOD_RULE = `rules:
  - id: sv/jargon/synergi
    category: jargon
    kind: word
    severity: warning
    lemmas: [synergi]
    suggestions: [samverkan]
    message:
      sv: "”{match}” är jargong."
      en: "“{match}” is jargon."
    profiles: [plain]
    source: "Our style guide"
    examples:
      bad: ["Vi söker synergier."]
      good: ["Vi samarbetar."]
`;

function expectError(text: string, message: string, language?: 'sv'): void {
  expect(() => parseRuleFile('org.yaml', text, language)).toThrowError(message);
}

describe('rule files: a broken file says file:line: what is wrong', () => {
  it('accepts a valid file and records where each entry is', () => {
    const [rule] = parseRuleFile('org.yaml', GOOD_RULE);
    expect(rule).toMatchObject({ id: 'sv/jargon/synergi', language: 'sv', file: 'org.yaml', line: 2 });
  });

  it('reports invalid YAML with its line', () => {
    expectError(GOOD_RULE.replace('    severity: warning\n', '    severity: warning\n    severity: info\n'), 'org.yaml:6: not valid YAML (duplicate key)');
  });

  it('reports a missing field at the entry', () => {
    expectError(GOOD_RULE.replace('    severity: warning\n', ''), 'org.yaml:2: rule: missing required field "severity"');
  });

  it('reports a wrong value at its own line', () => {
    expectError(GOOD_RULE.replace('severity: warning', 'severity: fatal'), 'org.yaml:5: severity: must be one of error, warning, info');
    expectError(GOOD_RULE.replace('profiles: [plain]', 'profiles: [simple]'), 'org.yaml:11: profiles: must be one of plain, easy-read');
  });

  it('reports an unknown field', () => {
    expectError(GOOD_RULE.replace('    lemmas: [synergi]', '    lemma: [synergi]'), 'org.yaml:2: rule: unknown field "lemma"');
  });

  it('reports an id outside its language folder or category', () => {
    expectError(GOOD_RULE.replace('sv/jargon/synergi', 'fi/jargon/synergi').replace('sv: "', 'fi: "'), 'org.yaml:2: id: "fi/jargon/synergi" must start with "sv/"', 'sv');
    expectError(GOOD_RULE.replace('sv/jargon/synergi', 'sv/officialese/synergi'), 'org.yaml:2: id: the middle part of "sv/officialese/synergi" must be the category "jargon"');
  });

  it('reports a word rule without lemmas or forms, and a bad phrase', () => {
    expectError(GOOD_RULE.replace('    lemmas: [synergi]\n', ''), 'org.yaml:2: rule: a word rule needs "lemmas" or "forms"');
    expectError(
      GOOD_RULE.replace('kind: word', 'kind: phrase').replace('lemmas: [synergi]', 'phrases: ["{skapa synergi"]'),
      'org.yaml:2: phrases: "{skapa synergi" must be two or more words; a lemma is written {lemma}',
    );
  });
});

describe('configuration', () => {
  function writeConfig(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'klar-config-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  }

  it('adds an organisation’s own terms, turns rules off and changes severities, through extends', () => {
    const dir = writeConfig({
      'base.yaml': `rules:\n  long-word: off\nterms:\n${GOOD_RULE.replace('rules:\n', '')}`,
      '.klarrc.yaml': 'extends: ./base.yaml\nrules:\n  sv/jargon/synergi: error\n',
    });
    const config = loadConfigFile(join(dir, '.klarrc.yaml'));
    const { rules, disabled } = configuredRules(config);
    const own = rules.find((r) => r.id === 'sv/jargon/synergi');
    expect(own?.severity).toBe('error');
    const report = analyse('Vi skapar synergier med kommunikationsavdelningsmedarbetarna.', { language: 'sv', rules, disabled });
    expect(report.diagnostics.map((d) => [d.ruleId, d.severity, d.excerpt])).toEqual([['sv/jargon/synergi', 'error', 'synergier']]);
  });

  it('turns a whole group off by prefix', () => {
    const dir = writeConfig({ '.klarrc.json': JSON.stringify({ rules: { 'sv/jargon/': 'off' }, terms: [] }) });
    const config = loadConfigFile(join(dir, '.klarrc.json'));
    expect(configuredRules(config).rules.some((r) => r.id.startsWith('sv/jargon/'))).toBe(false);
  });

  it('stops the CLI with exit 2 and file:line for a broken configuration', () => {
    const dir = writeConfig({ '.klarrc.yaml': 'profile: simple\n', 'a.txt': 'Hej.\n' });
    const r = spawnSync(process.execPath, [join(root, 'bin', 'klar.js'), 'check', join(dir, 'a.txt')], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('klar: .klarrc.yaml:1: profile: must be one of plain, easy-read\n');
    expect(r.stdout).toBe('');
  });

  it('stops the CLI with exit 2 for a broken rule file named by the configuration', () => {
    const dir = writeConfig({
      '.klarrc.yaml': 'ruleFiles: [org.yaml]\n',
      'org.yaml': GOOD_RULE.replace('severity: warning', 'severity: loud'),
      'a.txt': 'Hej.\n',
    });
    const r = spawnSync(process.execPath, [join(root, 'bin', 'klar.js'), 'check', join(dir, 'a.txt')], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('klar: org.yaml:5: severity: must be one of error, warning, info\n');
  });
});
