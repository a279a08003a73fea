/**
 * Diagnostics over the protocol: what an editor shows and where, pushed and
 * pulled, and the same findings as `klar check` for the same file and settings.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, fileUri, root, textAt } from './client.js';

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'klar-lsp-'));
}

/** UTF-16 position of the first `word` in a one-line text, as LSP counts. */
function characterOf(text: string, word: string): number {
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return at;
}

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} in ${diagnostics.map((d) => d.code).join(', ')}`);
  return found;
}

describe('push diagnostics', () => {
  let client: TestClient;
  let folder: string;
  beforeAll(async () => {
    folder = tempFolder();
    client = await TestClient.start({ folder, settings: { docsUrl: 'https://example.org/klar/docs/rules' } });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it('answers initialize with what it serves', () => {
    expect(client.initializeResult).toMatchObject({
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: true },
        executeCommandProvider: { commands: ['klar.addToWordList'] },
      },
      serverInfo: { name: 'klar' },
    });
    // This client takes pushed diagnostics, so the server offers no pull.
    expect(client.initializeResult).not.toHaveProperty('capabilities.diagnosticProvider');
  });

  it('puts Swedish findings at UTF-16 columns after å, ä, ö and an emoji', async () => {
    const text = 'Hej på er 😀 – vi erhåller ansökan och skickar t.ex. beslutet i dag.\n';
    const uri = fileUri(join(folder, 'brev-sv.txt'));
    await client.open(uri, 'plaintext', text);
    const diagnostics = await client.diagnostics(uri);
    const erhalla = byCode(diagnostics, 'sv/officialese/erhalla');
    expect(erhalla.range.start).toEqual({ line: 0, character: characterOf(text, 'erhåller') });
    expect(textAt(text, erhalla.range)).toBe('erhåller');
    expect(erhalla).toMatchObject({
      source: 'klar',
      severity: DiagnosticSeverity.Warning,
      message: '”erhåller” är myndighetsspråk. Skriv hellre ”få”.',
      data: { category: 'officialese' },
      codeDescription: { href: 'https://example.org/klar/docs/rules/sv/officialese/erhalla.md' },
    });
    const tex = byCode(diagnostics, 'sv/abbreviation/t-ex');
    expect(textAt(text, tex.range)).toBe('t.ex.');
    expect(tex.data).toMatchObject({ category: 'abbreviation' });
  });

  it('puts Finnish findings at the right columns', async () => {
    const text = 'Hyvä hakija 🙂 maksu suoritetaan tilille ennen määräpäivää.\n';
    const uri = fileUri(join(folder, 'paatos-fi.txt'));
    await client.open(uri, 'plaintext', text);
    const diagnostics = await client.diagnostics(uri);
    const suorittaa = byCode(diagnostics, 'fi/officialese/suorittaa');
    expect(suorittaa.range.start.character).toBe(characterOf(text, 'suoritetaan'));
    expect(textAt(text, suorittaa.range)).toBe('suoritetaan');
    expect(suorittaa.message).toMatch(/suoritetaan/);
  });

  it('puts bokmål findings at the right columns, with the text’s own form as related information', async () => {
    const text = 'Kjære søker 😀 vi vil foreta en vurdering av søknaden. Vi kan ikkje svare før fredag, men vi svarer ikke på e-post.\n';
    const uri = fileUri(join(folder, 'vedtak-nb.txt'));
    await client.open(uri, 'plaintext', text);
    const diagnostics = await client.diagnostics(uri);
    const foreta = byCode(diagnostics, 'nb/officialese/foreta');
    expect(foreta.range.start.character).toBe(characterOf(text, 'foreta'));
    expect(textAt(text, foreta.range)).toBe('foreta');
    const ikkje = byCode(diagnostics, 'nb/consistency/nynorsk-i-bokmal');
    expect(textAt(text, ikkje.range)).toBe('ikkje');
    expect(ikkje.relatedInformation).toHaveLength(1);
    const related = ikkje.relatedInformation?.[0];
    expect(related?.location.uri).toBe(uri);
    expect(textAt(text, related?.location.range ?? ikkje.range)).toBe('ikke');
    expect(related?.message).toMatch(/ikke/);
  });

  it('puts nynorsk findings at the right columns', async () => {
    const text = 'Kjære søkjar 😀 kommunen vil ikke vurdere søknaden før fredag, og vi kan ikkje svare no.\n';
    const uri = fileUri(join(folder, 'info-nn.txt'));
    client.settings = { language: 'nn' };
    await client.open(uri, 'plaintext', text);
    const diagnostics = await client.diagnostics(uri);
    const ikke = byCode(diagnostics, 'nn/consistency/bokmal-i-nynorsk');
    expect(ikke.range.start.character).toBe(characterOf(text, 'ikke'));
    expect(textAt(text, ikke.range)).toBe('ikke');
    client.settings = {};
  });

  it('checks Markdown and HTML at source positions, and leaves other language ids alone', async () => {
    const md = '# Beslut\n\nVi **erhåller** din ansökan.\n\n```\nerhåller i kod\n```\n';
    const mdUri = fileUri(join(folder, 'sida.md'));
    await client.open(mdUri, 'markdown', md);
    const mdDiagnostics = await client.diagnostics(mdUri);
    expect(mdDiagnostics.map((d) => [d.code, textAt(md, d.range)])).toEqual([['sv/officialese/erhalla', 'erhåller']]);
    expect(mdDiagnostics[0]?.range.start).toEqual({ line: 2, character: 5 });

    const html = '<!doctype html>\n<html lang="sv"><body><p>Vi <em>erhåller</em> din ansökan.</p></body></html>\n';
    const htmlUri = fileUri(join(folder, 'sida.html'));
    await client.open(htmlUri, 'html', html);
    const htmlDiagnostics = await client.diagnostics(htmlUri);
    expect(htmlDiagnostics.map((d) => [d.code, textAt(html, d.range)])).toEqual([['sv/officialese/erhalla', 'erhåller']]);

    const rstUri = fileUri(join(folder, 'sida.rst'));
    const mark = client.mark();
    await client.open(rstUri, 'restructuredtext', 'Vi erhåller din ansökan.\n');
    // Asked for something else, the server answers; the unchecked document has no diagnostics.
    expect(await client.request('textDocument/hover', { textDocument: { uri: rstUri }, position: { line: 0, character: 4 } })).toBeNull();
    expect(client.published.slice(mark).filter((p) => p.uri === rstUri)).toEqual([]);
  });

  it('updates diagnostics after an edit, at the moved positions', async () => {
    const uri = fileUri(join(folder, 'edit.txt'));
    const text = 'Första stycket är kort.\n\nVi erhåller ansökan.\n';
    await client.open(uri, 'plaintext', text);
    const before = byCode(await client.diagnostics(uri), 'sv/officialese/erhalla');
    expect(before.range.start).toEqual({ line: 2, character: 3 });
    // Two lines and a word in front: unchanged paragraphs move, their findings with them.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Rubrik\n\n' }]);
    await client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'Nu ' }]);
    const after = await client.diagnostics(uri);
    expect(byCode(after, 'sv/officialese/erhalla').range.start).toEqual({ line: 4, character: 6 });
    expect(textAt(client.texts.get(uri) ?? '', byCode(after, 'sv/officialese/erhalla').range)).toBe('erhåller');
  });
});

describe('pull diagnostics (LSP 3.17)', () => {
  it('answers textDocument/diagnostic and pushes nothing', async () => {
    const folder = tempFolder();
    const client = await TestClient.start({ folder, pull: true });
    const uri = fileUri(join(folder, 'a.txt'));
    const text = 'Vi erhåller ansökan.\n';
    await client.open(uri, 'plaintext', text);
    type Report = { kind: string; resultId?: string; items?: Diagnostic[] };
    const first = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    expect(first.kind).toBe('full');
    expect(first.items?.map((d) => [d.code, textAt(text, d.range)])).toEqual([['sv/officialese/erhalla', 'erhåller']]);
    const again = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    expect(again).toEqual({ kind: 'unchanged', resultId: first.resultId });
    await client.change(uri, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 11 } }, text: 'får' }]);
    const changed = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    expect(changed).toMatchObject({ kind: 'full', items: [] });
    const unknown = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: fileUri(join(folder, 'not-open.txt')) } });
    expect(unknown).toMatchObject({ kind: 'full', items: [] });
    expect(client.published).toEqual([]);
    expect(await client.stop()).toBe(0);
  });
});

describe('the same findings as klar check', () => {
  it('for text, Markdown and HTML files under one .klarrc', async () => {
    const folder = tempFolder();
    writeFileSync(
      join(folder, '.klarrc.yaml'),
      [
        'rules:',
        '  sv/passive/: info',
        '  long-word: off',
        'thresholds: { sentenceWords: 18 }',
        'terms:',
        '  - id: sv/jargon/kompetensvaxling',
        '    category: jargon',
        '    kind: word',
        '    severity: warning',
        '    lemmas: [kompetensväxling]',
        '    suggestions: [byte av kompetens]',
        '    message: { sv: "”{match}” är jargong.", en: "“{match}” is jargon." }',
        '    profiles: [plain]',
        '    source: Our style guide',
        '',
      ].join('\n'),
    );
    const files = [
      join(root, 'examples', 'sv-beslut-bostadsbidrag.txt'),
      join(root, 'examples', 'nb-vedtak-startlan.txt'),
      join(root, 'examples', 'fi-paatos-asumistuki.txt'),
      join(root, 'tests', 'fixtures', 'text', 'vagledning.md'),
      join(root, 'tests', 'fixtures', 'text', 'sida.html'),
    ].map((file) => {
      const target = join(folder, basename(file));
      copyFileSync(file, target);
      return target;
    });
    writeFileSync(join(folder, 'kompetens.md'), '# Samarbete\n\nVi ser en tydlig kompetensväxling när kommunerna samarbetar, vilket har konstaterats av många.\n');
    files.push(join(folder, 'kompetens.md'));

    const cli = spawnSync(process.execPath, [join(root, 'bin', 'klar.js'), 'check', '--format', 'json', ...files.map((f) => basename(f))], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    const report = JSON.parse(cli.stdout) as { files: { path: string; diagnostics: Record<string, number | string>[] }[] };
    const severity: Record<string, number> = { error: 1, warning: 2, info: 3 };

    const client = await TestClient.start({ folder });
    let compared = 0;
    for (const file of files) {
      const uri = fileUri(file);
      const languageId = file.endsWith('.md') ? 'markdown' : file.endsWith('.html') ? 'html' : 'plaintext';
      await client.open(uri, languageId, readFileSync(file, 'utf8'));
      const fromServer = (await client.diagnostics(uri)).map((d) => [d.code, d.severity, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message]);
      const fromCli = (report.files.find((f) => f.path === basename(file))?.diagnostics ?? []).map((d) => [
        d.ruleId,
        severity[String(d.severity)],
        d.line,
        d.column,
        d.endLine,
        d.endColumn,
        d.message,
      ]);
      expect(fromServer, basename(file)).toEqual(fromCli);
      compared += fromCli.length;
    }
    // The configuration took effect on both sides: the organisation's term, passive as info, no long-word.
    const all = report.files.flatMap((f) => f.diagnostics);
    expect(all.some((d) => d.ruleId === 'sv/jargon/kompetensvaxling')).toBe(true);
    expect(all.filter((d) => String(d.ruleId).startsWith('sv/passive/')).every((d) => d.severity === 'info')).toBe(true);
    expect(all.some((d) => d.ruleId === 'long-word')).toBe(false);
    expect(compared).toBeGreaterThan(20);
    expect(await client.stop()).toBe(0);
  });
});
