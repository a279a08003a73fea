/**
 * Hover, document statistics, code lenses and configuration, over the protocol.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeLens, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, fileUri, root } from './client.js';

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'klar-lsp-'));
}

interface Stats {
  uri: string;
  language: string;
  profile: string;
  metrics: Record<string, unknown>;
  sections: { heading: string | null; range: { start: { line: number } }; metrics: Record<string, unknown> }[];
}

const EXAMPLE = join(root, 'examples', 'sv-beslut-bostadsbidrag.txt');

describe('hover', () => {
  it('explains a finding: message, alternatives, source, rule page', async () => {
    const folder = tempFolder();
    const client = await TestClient.start({ folder, locale: 'en', settings: { docsUrl: 'https://example.org/rules/' } });
    const uri = fileUri(join(folder, 'a.txt'));
    await client.open(uri, 'plaintext', 'Vi erhåller ansökan.\n');
    const finding = (await client.diagnostics(uri))[0] as Diagnostic;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
    const value = (hover.contents as MarkupContent).value;
    expect((hover.contents as MarkupContent).kind).toBe('markdown');
    expect(hover.range).toEqual(finding.range);
    expect(value).toContain('**Officialese** · `sv/officialese/erhalla`');
    expect(value).toContain('”erhåller” är myndighetsspråk. Skriv hellre ”få”.');
    expect(value).toContain('*In English*: “erhåller” is officialese.');
    expect(value).toContain('**Write instead**: få');
    expect(value).toMatch(/\*\*Source\*\*: Språkrådet, Myndigheternas skrivregler/);
    expect(value).toContain('[Rule page](https://example.org/rules/sv/officialese/erhalla.md)');
    // Nothing to say between findings.
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.stop()).toBe(0);
  });

  it('gives a heading its section’s difficulty and LIX', async () => {
    const folder = tempFolder();
    const client = await TestClient.start({ folder, locale: 'sv' });
    const uri = fileUri(join(folder, 'beslut.txt'));
    const text = readFileSync(EXAMPLE, 'utf8');
    await client.open(uri, 'plaintext', text);
    await client.diagnostics(uri);
    const stats = await client.request<Stats>('klar/documentStats', { textDocument: { uri } });
    const section = stats.sections.find((s) => s.heading === 'Vad gör jag om jag inte håller med?');
    expect(section).toBeDefined();
    const line = section?.range.start.line ?? 0;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('**Avsnitt: Vad gör jag om jag inte håller med?**');
    const lix = Math.round(section?.metrics.lix as number);
    const difficulty = Math.round(section?.metrics.difficulty as number);
    expect(value).toContain(`Svårighet ${difficulty} (${String(section?.metrics.difficultyBand)}) · LIX ${lix} (${String(section?.metrics.lixBand)})`);
    expect(await client.stop()).toBe(0);
  });
});

describe('klar/documentStats', () => {
  it('gives the scores klar check gives, for the document and each section', async () => {
    const folder = tempFolder();
    copyFileSync(EXAMPLE, join(folder, 'beslut.txt'));
    const cli = spawnSync(process.execPath, [join(root, 'bin', 'klar.js'), 'check', '--format', 'json', 'beslut.txt'], { cwd: folder, encoding: 'utf8' });
    const file = (JSON.parse(cli.stdout) as { files: { metrics: unknown; sections: { heading: string | null; line: number; metrics: unknown }[] }[] }).files[0];
    const client = await TestClient.start({ folder });
    const uri = fileUri(join(folder, 'beslut.txt'));
    await client.open(uri, 'plaintext', readFileSync(EXAMPLE, 'utf8'));
    const stats = await client.request<Stats>('klar/documentStats', { textDocument: { uri } });
    expect(stats).toMatchObject({ uri, language: 'sv', profile: 'plain' });
    expect(stats.metrics).toEqual(file?.metrics);
    expect(stats.sections.map((s) => [s.heading, s.range.start.line + 1, s.metrics])).toEqual(file?.sections.map((s) => [s.heading, s.line, s.metrics]));

    // Edited, the scores follow the text.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Kort rad.\n\n' }]);
    const edited = await client.request<Stats>('klar/documentStats', { textDocument: { uri } });
    expect(edited.metrics.words).toBe((file?.metrics as { words: number }).words + 2);
    expect(await client.stop()).toBe(0);
  });
});

describe('klar/documentStats sentences', () => {
  it('lists every sentence with its length when asked', async () => {
    const folder = tempFolder();
    const client = await TestClient.start({ folder });
    const uri = fileUri(join(folder, 'a.txt'));
    const text = 'Vi har fått din ansökan. Den är komplett och vi börjar handlägga den nu.\n\nSvar kommer i maj.\n';
    await client.open(uri, 'plaintext', text);
    const plain = await client.request<Stats & { sentences?: unknown }>('klar/documentStats', { textDocument: { uri } });
    expect(plain.sentences).toBeUndefined();
    const withSentences = await client.request<{ sentences: { range: { start: { line: number; character: number } }; words: number }[] }>(
      'klar/documentStats',
      { textDocument: { uri }, sentences: true },
    );
    expect(withSentences.sentences.map((s) => [s.range.start, s.words])).toEqual([
      [{ line: 0, character: 0 }, 5],
      [{ line: 0, character: 25 }, 9],
      [{ line: 2, character: 0 }, 4],
    ]);
    expect(await client.stop()).toBe(0);
  });
});

describe('code lens', () => {
  it('is off by default and shows each heading’s difficulty when turned on', async () => {
    const folder = tempFolder();
    const client = await TestClient.start({ folder, locale: 'en' });
    const uri = fileUri(join(folder, 'beslut.txt'));
    await client.open(uri, 'plaintext', readFileSync(EXAMPLE, 'utf8'));
    expect(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).toEqual([]);
    client.settings = { codeLens: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const stats = await client.request<Stats>('klar/documentStats', { textDocument: { uri } });
    const headings = stats.sections.filter((s) => s.heading !== null);
    expect(lenses.map((l) => l.range.start.line)).toEqual(headings.map((s) => s.range.start.line));
    expect(lenses[0]?.command?.title).toMatch(/^Difficulty \d+ \(.+\) · LIX \d+ \(.+\)$/);
    expect(await client.stop()).toBe(0);
  });
});

describe('configuration', () => {
  it('follows workspace/configuration and didChangeConfiguration', async () => {
    const folder = tempFolder();
    const client = await TestClient.start({ folder });
    const uri = fileUri(join(folder, 'a.txt'));
    const text = 'Din handläggare erhåller ansökan. Beslutet fattades i går.\n';
    await client.open(uri, 'plaintext', text);
    const codes = (ds: Diagnostic[]) => ds.map((d) => `${String(d.code)}:${d.severity}`);
    expect(codes(await client.diagnostics(uri))).toEqual(['sv/officialese/erhalla:2', 'sv/passive/s-passive:3']);

    client.settings = { profile: 'easy-read', rules: { 'sv/passive/': 'off', 'sv/officialese/erhalla': 'error' } };
    let mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(codes(await client.diagnosticsAfter(uri, mark))).toEqual(['sv/easy-read/handlaggare:3', 'sv/officialese/erhalla:1']);

    client.settings = { language: 'nb' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // The document's language is the one the settings give (paragraphs in another language keep their own).
    expect((await client.request<Stats>('klar/documentStats', { textDocument: { uri } })).language).toBe('nb');
    expect(await client.stop()).toBe(0);
  });

  it('takes settings from initializationOptions and didChangeConfiguration when the client has no workspace/configuration', async () => {
    const folder = tempFolder();
    const client = await TestClient.start({ folder, noConfigurationRequests: true, initializationOptions: { settings: { rules: { 'sv/officialese/': 'off' } } } });
    const uri = fileUri(join(folder, 'a.txt'));
    await client.open(uri, 'plaintext', 'Vi erhåller ansökan.\n');
    expect(await client.diagnostics(uri)).toEqual([]);
    const mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { klar: { rules: {} } } });
    expect((await client.diagnosticsAfter(uri, mark)).map((d) => d.code)).toEqual(['sv/officialese/erhalla']);
    expect(await client.stop()).toBe(0);
  });

  it('reads no .klarrc and no word list in an untrusted workspace', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.klarrc.yaml'), 'rules:\n  sv/officialese/: off\n');
    const client = await TestClient.start({ folder, initializationOptions: { trusted: false }, settings: { profile: 'easy-read' } });
    const uri = fileUri(join(folder, 'a.txt'));
    await client.open(uri, 'plaintext', 'Vi erhåller en remiss från kardiologen.\n');
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.map((d) => d.code)).toContain('sv/officialese/erhalla');
    const unfamiliar = diagnostics.find((d) => d.code === 'sv/easy-read/unfamiliar-word') as Diagnostic;
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: unfamiliar.range,
      context: { diagnostics: [unfamiliar] },
    });
    expect(actions.map((a) => a.title).filter((t) => t.includes('word list'))).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it('reads the nearest .klarrc, over the editor’s settings, and re-reads it when it changes', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.klarrc.yaml'), 'rules:\n  sv/passive/: off\n');
    const client = await TestClient.start({ folder, settings: { rules: { 'sv/passive/': 'error' } } });
    const uri = fileUri(join(folder, 'a.txt'));
    await client.open(uri, 'plaintext', 'Vi erhåller ansökan. Beslutet fattades i går.\n');
    expect((await client.diagnostics(uri)).map((d) => d.code)).toEqual(['sv/officialese/erhalla']);

    // Changed on disk, reported by the client's file watcher.
    writeFileSync(join(folder, '.klarrc.yaml'), 'rules:\n  sv/officialese/: off\n');
    let mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, '.klarrc.yaml')), type: 2 }] });
    // The .klarrc no longer says anything about passive, so the editor's "error" applies.
    expect((await client.diagnosticsAfter(uri, mark)).map((d) => `${String(d.code)}:${d.severity}`)).toEqual(['sv/passive/s-passive:1']);

    // Saved from the editor: re-read on save, without a watcher notification.
    const rc = fileUri(join(folder, '.klarrc.yaml'));
    await client.open(rc, 'yaml', 'rules:\n  sv/officialese/: off\n');
    writeFileSync(join(folder, '.klarrc.yaml'), 'profile: easy-read\n');
    mark = client.mark();
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: rc } });
    const codes = (await client.diagnosticsAfter(uri, mark)).map((d) => String(d.code));
    expect(codes).toContain('sv/officialese/erhalla');
    expect(codes).toContain('sv/passive/s-passive');
    expect(await client.stop()).toBe(0);
  });
});
