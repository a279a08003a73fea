/**
 * End to end: the built CLI on documents of every format, in the output formats
 * users read. Fixtures in tests/fixtures/office are made by scripts/make-fixtures.mjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const office = join('tests', 'fixtures', 'office');
const text = join('tests', 'fixtures', 'text');

function klar(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'klar.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(path: string) {
  const r = klar(['check', '--format', 'json', path]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).files[0];
}

describe('Word, OpenDocument and PDF input', () => {
  for (const ext of ['docx', 'odt', 'pdf']) {
    it(`finds officialese in the Swedish letter (.${ext}) and says where a reader finds it`, () => {
      const file = json(join(office, `letter-sv.${ext}`));
      expect(file).toMatchObject({ language: 'sv', format: ext });
      const erhalla = file.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'sv/officialese/erhalla');
      expect(erhalla).toMatchObject({ excerpt: 'erhålla', suggestions: ['få'], paragraphNumber: 2 });
      if (ext === 'pdf') expect(erhalla.page).toBe(1);
      expect(file.sections[0].heading).toMatch(/\S/);
    });
  }

  it('shows page and paragraph instead of line and column in the terminal report', () => {
    const r = klar(['check', join(office, 'letter-sv.pdf')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/page 1, paragraph 2\s+warning\s+”erhålla” är myndighetsspråk\. Skriv hellre ”få”\./);
    expect(r.stdout).not.toMatch(/^\s+\d+:\d+\s/m);
  });

  it('reads the Finnish and Norwegian letters in their languages', () => {
    expect(json(join(office, 'letter-fi.odt')).language).toBe('fi');
    expect(json(join(office, 'letter-nb.docx')).language).toBe('nb');
  });

  it('writes a commented copy of a Word file and never touches the original', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'klar-docx-')), 'kommenterad.docx');
    const before = readFileSync(join(root, office, 'letter-sv.docx'));
    const r = klar(['check', '--format', 'docx', '--output', out, join(office, 'letter-sv.docx')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, office, 'letter-sv.docx')).equals(before)).toBe(true);
    const parts = unzipSync(readFileSync(out));
    const comments = strFromU8(parts['word/comments.xml'] as Uint8Array);
    expect(comments).toContain('”erhålla” är myndighetsspråk');
    expect(strFromU8(parts['word/document.xml'] as Uint8Array)).toContain('w:commentRangeStart');
    expect(klar(['check', '--format', 'docx', join(office, 'letter-sv.docx')]).stderr).toBe('klar: --format docx writes a Word file: give --output FILE.docx\n');
  });

  it('refuses broken, encrypted and scanned documents with one line each, exit 2', () => {
    const r = klar(['check', join(office, 'truncated.docx'), join(office, 'encrypted.pdf'), join(office, 'scanned.pdf'), join(office, 'letter-nb.odt')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `klar: ${join(office, 'truncated.docx')}: not a valid Word document (.docx)`,
      `klar: ${join(office, 'encrypted.pdf')}: the PDF is encrypted; remove the password and try again`,
      `klar: ${join(office, 'scanned.pdf')}: this PDF has no text; run OCR first`,
    ]);
    expect(r.stdout).toContain('letter-nb.odt');
  });
});

describe.skipIf(!existsSync(join(root, text)))('Markdown and HTML input', () => {
  it('reports source positions in Markdown and never flags code or front matter', () => {
    const file = json(join(text, 'vagledning.md'));
    const source = readFileSync(join(root, text, 'vagledning.md'), 'utf8');
    const lines = source.split('\n');
    for (const d of file.diagnostics) {
      // Each finding's line and column point at its own words in the source file.
      expect(lines[d.line - 1]!.slice(d.column - 1, d.column - 1 + d.excerpt.split('\n')[0].length)).toBe(d.excerpt.split('\n')[0]);
    }
  });

  it('reports source positions in HTML', () => {
    const file = json(join(text, 'sida.html'));
    const source = readFileSync(join(root, text, 'sida.html'), 'utf8');
    for (const d of file.diagnostics) expect(source.slice(d.offset, d.endOffset).replace(/\s+/g, ' ')).toBe(d.excerpt.replace(/\s+/g, ' '));
  });
});

describe('output formats from the CLI', () => {
  it('prints GitHub annotations, a Markdown summary and SARIF for the same file', () => {
    const file = join(office, 'letter-sv.odt');
    // A Word or OpenDocument file has no lines: the annotation names the paragraph and quotes the words.
    expect(klar(['check', '--format', 'github', file]).stdout).toContain(
      '::warning file=tests/fixtures/office/letter-sv.odt,title=sv/officialese/erhalla::paragraph 2: “erhålla” — ”erhålla” är myndighetsspråk. Skriv hellre ”få”. → få',
    );
    expect(klar(['check', '--format', 'github', join('examples', 'sv-beslut-bostadsbidrag.txt')]).stdout).toMatch(
      /^::warning file=examples\/sv-beslut-bostadsbidrag\.txt,line=3,col=68,endLine=3,endColumn=\d+,title=long-sentence::/m,
    );
    expect(klar(['check', '--format', 'markdown', file]).stdout).toMatch(/\| tests\/fixtures\/office\/letter-sv\.odt \| Swedish \| \d+ \| \d+ \(easy\) \|/);
    const sarif = JSON.parse(klar(['check', '--format', 'sarif', '--docs-url', 'https://example.org/klar/docs/rules/', file]).stdout);
    expect(sarif.version).toBe('2.1.0');
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'sv/officialese/erhalla');
    expect(rule.helpUri).toBe('https://example.org/klar/docs/rules/sv/officialese/erhalla.md');
    expect(rule.fullDescription.text).toMatch(/Source: /);
  });
});
