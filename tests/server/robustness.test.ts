/**
 * The server answers bad input with an error or a notice and keeps serving: it
 * ends only when the client says shutdown and exit.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, fileUri, root } from './client.js';

/** The bundled examples, one after another: a realistic official text. */
function exampleText(): string {
  const folder = join(root, 'examples');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .join('\n\n');
}

function repeatTo(text: string, chars: number): string {
  return text.repeat(Math.ceil(chars / (text.length + 2)) + 1).slice(0, chars);
}

/** A request the server must still answer: proof that it serves. */
async function stillServes(client: TestClient, folder: string): Promise<void> {
  const uri = fileUri(join(folder, `probe-${client.mark()}-${Math.random().toString(36).slice(2)}.txt`));
  await client.open(uri, 'plaintext', 'Vi erhåller ansökan.\n');
  expect((await client.diagnostics(uri)).map((d) => d.code)).toEqual(['sv/officialese/erhalla']);
  await client.close(uri);
}

describe('robustness', () => {
  let client: TestClient;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'klar-lsp-'));
    client = await TestClient.start({ folder });
  });
  afterAll(async () => {
    // Alive through everything above; it ends when asked, with code 0.
    expect(client.process.exitCode).toBeNull();
    expect(await client.stop()).toBe(0);
  });

  it('survives malformed JSON-RPC and answers unknown methods with an error', async () => {
    const raw = (body: string): void => {
      client.process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    raw('{"jsonrpc": "2.0", "id": 9001, "method": "textDocument/hover", "params": {');
    raw('{"jsonrpc": "2.0", "neither": "request nor notification"}');
    raw('[1, 2, 3]');
    await expect(client.request('klar/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    // Requests with nonsense parameters get an empty answer or an error, not a crash.
    expect(await client.request('textDocument/hover', { textDocument: 42 })).toBeNull();
    await expect(client.request('klar/documentStats', null)).rejects.toMatchObject({ code: -32602 });
    await stillServes(client, folder);
    // The invalid message was reported to the client's log.
    expect(client.logs.some((line) => line.includes('neither a response nor a notification'))).toBe(true);
  });

  it('answers requests for documents it does not have', async () => {
    const uri = fileUri(join(folder, 'never-opened.txt'));
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        context: { diagnostics: [] },
      }),
    ).toEqual([]);
    expect(await client.request('textDocument/codeLens', { textDocument: { uri } })).toEqual([]);
    await expect(client.request('klar/documentStats', { textDocument: { uri } })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('is not open'),
    });
    await client.close(uri);
    await client.change(uri, [{ text: 'Vi erhåller.' }]);
    await stillServes(client, folder);
  });

  it('drops the work on a document closed while it is analysed', async () => {
    const uri = fileUri(join(folder, 'closed-early.txt'));
    const mark = client.mark();
    await client.open(uri, 'plaintext', repeatTo(exampleText(), 1_500_000));
    await client.close(uri);
    await stillServes(client, folder);
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })).toBeNull();
    // Whatever was published before the close, the editor is left with no findings for it.
    const forIt = client.published.slice(mark).filter((p) => p.uri === uri);
    expect(forIt.length === 0 || forIt[forIt.length - 1]?.diagnostics.length === 0).toBe(true);
  });

  it('says a 20 MB document is too large to check while editing, and goes on serving', async () => {
    const uri = fileUri(join(folder, 'huge.txt'));
    await client.open(uri, 'plaintext', repeatTo(exampleText(), 20_000_000));
    const notice = await client.notice((m) => m.message.includes('huge.txt'));
    expect(notice.message).toMatch(/huge\.txt is 20\.0 MB; klar checks documents up to 4\.0 MB while you edit\. Run “klar check” on it instead\./);
    await expect(client.request('klar/documentStats', { textDocument: { uri } })).rejects.toMatchObject({
      message: expect.stringContaining('huge.txt is 20.0 MB'),
    });
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })).toBeNull();
    await stillServes(client, folder);
    // Cut down to a normal size, it is checked again.
    await client.change(uri, [{ text: 'Vi erhåller ansökan.\n' }]);
    expect((await client.diagnostics(uri)).map((d) => d.code)).toEqual(['sv/officialese/erhalla']);
    await client.close(uri);
  });

  it('keeps the last good rules while a rule file is broken, and says so', async () => {
    const project = mkdtempSync(join(tmpdir(), 'klar-lsp-project-'));
    writeFileSync(join(project, '.klarrc.yaml'), 'ruleFiles: [egna-regler.yaml]\n');
    const rules = (severity: string): string =>
      [
        'rules:',
        '  - id: sv/jargon/kompetensvaxling',
        '    category: jargon',
        '    kind: word',
        `    severity: ${severity}`,
        '    lemmas: [kompetensväxling]',
        '    suggestions: [byte av kompetens]',
        '    message: { sv: "”{match}” är jargong.", en: "“{match}” is jargon." }',
        '    profiles: [plain]',
        '    source: Vår skrivhandbok',
        '',
      ].join('\n');
    writeFileSync(join(project, 'egna-regler.yaml'), rules('warning'));
    const uri = fileUri(join(project, 'text.txt'));
    await client.open(uri, 'plaintext', 'Vi ser en tydlig kompetensväxling i kommunen.\n');
    const term = (ds: Diagnostic[]) => ds.find((d) => d.code === 'sv/jargon/kompetensvaxling');
    expect(term(await client.diagnostics(uri))?.severity).toBe(2);

    writeFileSync(join(project, 'egna-regler.yaml'), 'rules:\n  - id: sv/jargon/kompetensvaxling\n    category: [oops\n');
    let mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(project, 'egna-regler.yaml')), type: 2 }] });
    const notice = await client.notice((m) => m.message.includes('egna-regler.yaml'));
    expect(notice.message).toMatch(/egna-regler\.yaml:\d+: .*last configuration that worked/);
    expect(term(await client.diagnosticsAfter(uri, mark))?.severity).toBe(2);

    writeFileSync(join(project, 'egna-regler.yaml'), rules('error'));
    mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(project, 'egna-regler.yaml')), type: 2 }] });
    expect(term(await client.diagnosticsAfter(uri, mark))?.severity).toBe(1);
    await client.close(uri);
    await stillServes(client, folder);
  });

  it('ends a burst of edits with the findings of the last version, as a fresh open gives them', async () => {
    const uri = fileUri(join(folder, 'burst.txt'));
    const text = exampleText();
    await client.open(uri, 'plaintext', text);
    await client.diagnostics(uri);
    // Fifty edits without waiting: each one makes the running analysis stale.
    for (let i = 0; i < 50; i++) {
      const line = (i * 7) % 40;
      await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 2 ? 'Härmed ' : 'erhåller ' }]);
    }
    const last = await client.diagnostics(uri);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));

    const fresh = fileUri(join(folder, 'burst-fresh.txt'));
    await client.open(fresh, 'plaintext', client.texts.get(uri) ?? '');
    const expected = await client.diagnostics(fresh);
    expect(last).toEqual(expected);
    expect(last.length).toBeGreaterThan(50);
  });

  it('with the usual typing pause, ends a burst with the findings of the last version', async () => {
    const typing = await TestClient.start({ folder, initializationOptions: { debounceMs: 150 } });
    const uri = fileUri(join(folder, 'typing.txt'));
    await typing.open(uri, 'plaintext', 'Vi skickar beslutet.\n');
    expect(await typing.diagnostics(uri)).toEqual([]);
    for (const letter of 'Härmed ') {
      const at = (typing.texts.get(uri) ?? '').indexOf('Vi');
      await typing.change(uri, [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, text: letter }]);
    }
    expect(typing.texts.get(uri)).toBe('Härmed Vi skickar beslutet.\n');
    expect((await typing.diagnostics(uri)).map((d) => d.code)).toEqual(['sv/officialese/harmed']);
    expect(await typing.stop()).toBe(0);
  });
});
