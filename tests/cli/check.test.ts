import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'klar.js');

function klar(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'klar-test-'));
}

describe('klar check --format json', () => {
  it('prints the report contract for a file', () => {
    const r = klar(['check', '--format', 'json', 'examples/sv-beslut-bostadsbidrag.txt']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(1);
    const file = report.files[0];
    expect(file).toMatchObject({ path: 'examples/sv-beslut-bostadsbidrag.txt', language: 'sv', profile: 'plain' });
    for (const key of ['words', 'sentences', 'meanSentenceLength', 'longWordShare', 'lix', 'lixBand', 'ovix', 'difficulty']) {
      expect(file.metrics).toHaveProperty(key);
    }
    expect(file.metrics.sentences).toBe(12);
    expect(file.sections.map((s: { heading: string }) => s.heading)).toEqual(['Beslut om bostadsbidrag', 'Vad gör jag om jag inte håller med?']);
    const d = file.diagnostics.find((x: { ruleId: string }) => x.ruleId === 'long-sentence');
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining(['ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'suggestions']),
    );
    expect(d).toMatchObject({ line: 3, column: 68, severity: 'warning' });
    expect(d.message).toMatch(/^Lång mening: 38 ord/);
  });

  it('reads standard input with a forced language and profile', () => {
    const r = klar(['check', '-', '--lang', 'nn', '--profile', 'easy-read', '--format', 'json'], 'Eg veit ikkje kva som skjer no. Kommunen gjer vedtak om kva du får etter at søknaden er send inn og handsama av sakshandsamaren.');
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file).toMatchObject({ path: '<stdin>', language: 'nn', languageSource: 'option', profile: 'easy-read' });
    const found = file.diagnostics.map((d: { ruleId: string; excerpt: string }) => [d.ruleId, d.excerpt.slice(0, 16)]);
    expect(found).toEqual([
      ['long-sentence', 'Kommunen gjer ve'],
      ['nn/easy-read/vedtak', 'vedtak'],
      ['nn/easy-read/unfamiliar-word', 'handsama'],
      ['nn/easy-read/sakshandsamar', 'sakshandsamaren'],
    ]);
    const byId = (id: string) => file.diagnostics.find((d: { ruleId: string }) => d.ruleId === id);
    expect(byId('long-sentence').message).toBe('Lang setning: 17 ord (høgst 15). Del han opp i kortare setningar.');
    expect(byId('nn/easy-read/unfamiliar-word').message).toBe('«handsama» er eit uvanleg ord. Forklar det eller vel eit vanlegare ord.');
    expect(byId('nn/easy-read/vedtak').explanation).toBeTruthy();
  });

  it('checks every text file of a folder in a stable order', () => {
    const r = klar(['check', '--format', 'json', 'examples']);
    expect(r.code).toBe(0);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(JSON.parse(r.stdout).files.map((f: { language: string }) => f.language))).toEqual(new Set(['sv', 'fi', 'nb', 'nn', 'en']));
  });

  it('writes null, never NaN, for a file without words', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'numbers.txt'), '12 345 678\n');
    const r = klar(['check', '--format', 'json', join(dir, 'numbers.txt')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].metrics).toMatchObject({ words: 0, lix: null, difficulty: null });
  });
});

describe('klar check: bad usage and unreadable input', () => {
  it('exits 2 with one line for a missing file', () => {
    const r = klar(['check', 'no-such-file.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('klar: no-such-file.txt: no such file or folder; check the path\n');
  });

  it('decodes a legacy Windows-1252 file, and exits 2 for a binary one while still checking the others', () => {
    const dir = tempDir();
    // "Hälsa på oss i Göteborg." in Windows-1252.
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('H\xe4lsa p\xe5 oss i G\xf6teborg.\n', 'latin1'));
    writeFileSync(join(dir, 'data.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 5, 6]));
    const r = klar(['check', '--format', 'json', join(dir, 'latin1.txt'), join(dir, 'data.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/data\.txt: binary file, not text/);
    const [file] = JSON.parse(r.stdout).files;
    expect(file).toMatchObject({ path: join(dir, 'latin1.txt'), language: 'sv' });
    expect(file.metrics.words).toBe(5);
  });

  it('exits 2 for an unknown option or language, without a stack trace', () => {
    for (const args of [['check', '--bogus', 'x.txt'], ['check', '--lang', 'de', 'x.txt'], ['frobnicate']]) {
      const r = klar(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  it('exits 2 for a folder with nothing to check', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const r = klar(['check', join(dir, 'empty')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty: no documents to check in this folder \(\.txt, \.md, \.html, \.docx, \.odt, \.pdf\)/);
  });
});
