/**
 * The CLI as users run it: exit codes, thresholds, --fix, suppressions, folders
 * with ignore files, globs, shards, stats and init. Spawns the built CLI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'klar.js');

function klar(args: string[], cwd = root, input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function dir(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'klar-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), content);
  }
  return d;
}

const LONG = `Kommunen har efter en noggrann genomgång av samtliga inkomna handlingar och med beaktande av de riktlinjer som gäller för verksamheten beslutat att bevilja ansökan om bidrag för hela den period som ansökan avser och som anges i beslutet.`;

describe('exit codes', () => {
  it('exits 0 when nothing reaches --fail-on, 1 when something does', () => {
    const d = dir({ 'a.txt': `${LONG}\n` });
    expect(klar(['check', join(d, 'a.txt')]).code).toBe(0); // long-sentence is a warning
    const r = klar(['check', '--fail-on', 'warning', join(d, 'a.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Lång mening: \d+ ord/);
    expect(klar(['check', '--fail-on', 'never', join(d, 'a.txt')]).code).toBe(0);
  });

  it('exits 1 when a document is harder than --max-difficulty or --max-lix, and says so', () => {
    const d = dir({ 'a.txt': `${LONG}\n` });
    const r = klar(['check', '--max-lix', '30', join(d, 'a.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.txt: LIX \d+ is above --max-lix 30/);
    expect(klar(['check', '--max-difficulty', '100', join(d, 'a.txt')]).code).toBe(0);
  });

  it('exits 2 for an unsupported file, a binary file and a too-large file, still checking the rest', () => {
    const d = dir({ 'ok.txt': 'Hej.\n', 'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'data.txt': Buffer.from([0, 1, 2, 3, 0, 0, 5]) });
    const r = klar(['check', '--format', 'json', join(d, 'image.png'), join(d, 'data.txt'), join(d, 'ok.txt')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/image\.png: /);
    expect(lines[1]).toMatch(/data\.txt: .*binary/);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([join(d, 'ok.txt')]);
  });
});

describe('--fix', () => {
  const text = 'Rubrik\r\n\r\nVi skickar papper, pennor m.m. till er.\r\nDet gäller t.ex. skolor.\r\n';

  it('prints a unified diff with --fix-dry-run and writes nothing', () => {
    const d = dir({ 'a.txt': text });
    const r = klar(['check', '--fix-dry-run', join(d, 'a.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-Det gäller t.ex. skolor.');
    expect(r.stdout).toContain('+Det gäller till exempel skolor.');
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(text);
  });

  it('rewrites only the fixed words, keeping line endings byte-exact', () => {
    const d = dir({ 'a.txt': text });
    const r = klar(['check', '--fix', join(d, 'a.txt')]);
    expect(r.code).toBe(0);
    const after = readFileSync(join(d, 'a.txt'), 'utf8');
    expect(after).toBe(text.replace('t.ex.', 'till exempel').replace('m.m.', 'med mera'));
    // No temporary file is left behind.
    expect(readdirSync(d)).toEqual(['a.txt']);
  });
});

describe('suppressions', () => {
  const md = `# Rubrik\n\n<!-- klar-disable-next-line long-sentence -- citat ur lagen -->\n${LONG}\n\n<!-- klar-disable long-sentence -->\n${LONG}\n`;

  it('hides findings by comment and lists the comments with --report-suppressions', () => {
    const d = dir({ 'a.md': md });
    const json = JSON.parse(klar(['check', '--format', 'json', join(d, 'a.md')]).stdout);
    expect(json.files[0].diagnostics.filter((x: { ruleId: string }) => x.ruleId === 'long-sentence')).toEqual([]);
    const r = klar(['check', '--report-suppressions', join(d, 'a.md')]);
    expect(r.stdout).toContain('a.md:3  disable-next-line  long-sentence  reason: citat ur lagen  (hides 1 finding)');
    expect(r.stdout).toContain('a.md:6  disable  long-sentence  NO REASON  (hides 1 finding)');
  });

  it('reports a suppression without a reason when reasons are required', () => {
    const d = dir({ 'a.md': md });
    const r = klar(['check', '--require-suppression-reason', '--format', 'json', join(d, 'a.md')]);
    expect(r.code).toBe(1);
    const ids = JSON.parse(r.stdout).files[0].diagnostics.map((x: { ruleId: string; line: number }) => [x.ruleId, x.line]);
    expect(ids).toContainEqual(['klar/suppression-reason', 6]);
  });
});

describe('many files', () => {
  it('walks folders respecting .gitignore and .klarignore, and expands globs', () => {
    const d = dir({
      '.gitignore': 'build/\n',
      'docs/.klarignore': 'draft.md\n',
      'docs/a.md': 'Hej.\n',
      'docs/draft.md': 'Hej.\n',
      'docs/b.txt': 'Hej.\n',
      'build/c.md': 'Hej.\n',
      'notes.html': '<p>Hej.</p>\n',
    });
    const paths = (args: string[]): string[] => JSON.parse(klar(['check', '--format', 'json', ...args], d).stdout).files.map((f: { path: string }) => f.path);
    expect(paths(['.'])).toEqual(['docs/a.md', 'docs/b.txt', 'notes.html'].map((p) => join('.', p)));
    expect(paths(['docs/*.md'])).toEqual(['docs/a.md', 'docs/draft.md']);
  });

  it('splits files into shards that together cover every file once', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`f${i}.txt`] = `Text nummer ${i}.\n`;
    const d = dir(files);
    const shardPaths = (i: number): string[] => JSON.parse(klar(['check', '--format', 'json', '--shard', `${i}/3`, '.'], d).stdout).files.map((f: { path: string }) => f.path);
    const all = [1, 2, 3].flatMap(shardPaths);
    expect(all.sort()).toEqual(Object.keys(files).map((f) => join('.', f)).sort());
    expect(klar(['check', '--shard', '4/3', '.'], d).code).toBe(2);
  });

  it('gives the same report with worker threads as in one thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.txt`] = `${LONG} Nummer ${i}.\n`;
    const d = dir(files);
    const one = klar(['check', '--format', 'json', '--jobs', '1', '.'], d).stdout;
    const two = klar(['check', '--format', 'json', '--jobs', '2', '.'], d).stdout;
    expect(JSON.parse(two)).toEqual(JSON.parse(one));
    expect(JSON.parse(one).files).toHaveLength(12);
  });

  it('writes the same bytes in every format whether files are checked in workers or in one thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`d${i % 3}/f${String(i).padStart(2, '0')}.txt`] = `${LONG} Nummer ${i}.\n\nVi erhåller er ansökan.\n`;
    files['d1/bad.txt'] = Buffer.from([0, 1, 2, 3, 0, 0, 5]).toString('latin1');
    const d = dir(files);
    for (const format of ['json', 'sarif', 'github', 'stylish']) {
      const one = klar(['check', '--format', format, '--jobs', '1', '.'], d);
      const two = klar(['check', '--format', format, '--jobs', '2', '.'], d);
      expect(two.stdout, format).toBe(one.stdout);
      expect(two.stderr, format).toBe(one.stderr);
      expect([one.code, two.code], format).toEqual([2, 2]);
    }
  });

  it('gives the same report when workers are replaced between files', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.txt`] = `${LONG} Nummer ${i}.\n`;
    const d = dir(files);
    const one = klar(['check', '--format', 'json', '--jobs', '1', '.'], d);
    // Every worker's heap is over a 1 MB limit after its first file, so each is retired and replaced.
    const two = klar(['check', '--format', 'json', '--jobs', '2', '.'], d, undefined, { KLAR_WORKER_RETIRE_MB: '1' });
    expect(two.stderr).toBe('');
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('stops before writing anything when a folder’s configuration is broken', () => {
    const files: Record<string, string> = { 'sub/.klarrc.json': '{ "profile": ' };
    for (let i = 0; i < 10; i++) files[`${i < 9 ? '' : 'sub/'}f${i}.txt`] = `${LONG}\n`;
    const d = dir(files);
    for (const jobs of ['1', '2']) {
      const r = klar(['check', '--format', 'json', '--jobs', jobs, '--output', 'report.json', '.'], d);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/\.klarrc\.json:1: not valid JSON/);
      expect(r.stdout).toBe('');
      expect(readdirSync(d).filter((f) => f.startsWith('report') || f.includes('.tmp'))).toEqual([]);
    }
  });

  it('leaves neither the report nor its temporary copy behind when stopped with Ctrl+C', async () => {
    const files: Record<string, string> = { 'report.json': 'the old report\n' };
    for (let i = 0; i < 400; i++) files[`f${String(i).padStart(3, '0')}.txt`] = `${LONG}\n`;
    const d = dir(files);
    const child = spawn(process.execPath, [bin, 'check', '--format', 'json', '--jobs', '1', '--output', 'report.json', '.'], { cwd: d });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the run has started writing its temporary copy, then interrupt it.
    const temporary = (): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));
    for (let waited = 0; temporary().length === 0 && waited < 600; waited++) await new Promise((r) => setTimeout(r, 50));
    expect(temporary()).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(temporary()).toEqual([]);
    expect(readFileSync(join(d, 'report.json'), 'utf8')).toBe('the old report\n');
  });

  it('says so in one line, before any work, when the report cannot be written', () => {
    const d = dir({ 'a.txt': `${LONG}\n` });
    for (const format of ['json', 'stylish']) {
      const r = klar(['check', '--format', format, '--output', join(d, 'missing', 'report.out'), 'a.txt'], d);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^klar: cannot write .*report\.out \(ENOENT\); check that its folder exists/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('stats and init', () => {
  it('prints a table per document with its sections', () => {
    const r = klar(['stats', 'examples/sv-beslut-bostadsbidrag.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/examples\/sv-beslut-bostadsbidrag\.txt \(sv\)\s+133\s+12/);
    expect(r.stdout).toContain('Vad gör jag om jag inte håller med?');
  });

  it('writes a starter configuration that klar then reads, and refuses to overwrite it', () => {
    const d = dir({ 'a.txt': 'Hej.\n' });
    expect(klar(['init'], d).code).toBe(0);
    expect(readFileSync(join(d, '.klarrc.yaml'), 'utf8')).toContain('profile: plain');
    expect(klar(['check', 'a.txt'], d).code).toBe(0);
    const again = klar(['init'], d);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('writes --output atomically and prints nothing on standard output', () => {
    const d = dir({ 'a.txt': 'Hej på dig.\n' });
    const r = klar(['check', '--format', 'json', '--output', 'report.json', 'a.txt'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(d, 'report.json'), 'utf8')).files[0].path).toBe('a.txt');
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'report.json']);
  });
});

describe('limits', () => {
  it('refuses a file over 64 MB with one line, without reading it', () => {
    const d = dir({});
    const big = join(d, 'huge.txt');
    // A sparse file: its size is checked before anything is read.
    spawnSync('truncate', ['-s', '70M', big]);
    const r = klar(['check', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`klar: ${big}: 70 MB is more than klar checks at once (64 MB); split the document\n`);
  });

  it('stops with file:line when a configuration breaks, also with worker threads', () => {
    const files: Record<string, string> = { '.klarrc.yaml': 'rules:\n  long-word: sometimes\n' };
    for (let i = 0; i < 10; i++) files[`f${i}.txt`] = 'Hej.\n';
    const d = dir(files);
    const r = klar(['check', '--jobs', '2', '.'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('klar: .klarrc.yaml:2: rules.long-word: must be one of off, error, warning, info\n');
  });
});
