/**
 * The server as the .vsix ships it: its bundle started on its own (no
 * node_modules, no repository beside it), driven over LSP the way VS Code's
 * client drives it. Catches a bundle that cannot find its rules, dictionaries or
 * schemas, or that needs a module it did not take along.
 *
 * KLAR_SERVER_ROOT: the server folder to test (scripts/e2e.sh passes the one in
 * the unpacked .vsix); by default the one the build wrote.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { DocumentStats } from '../src/protocol.js';

const built = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'server');
const serverRoot = process.env.KLAR_SERVER_ROOT ?? built;

const BESLUT = [
  '# Beslut om bostadsbidrag',
  '',
  'Vi har erhållit din ansökan om bostadsbidrag. Försäkringskassan kommer att fatta beslut i ärendet så snart som möjligt.',
  '',
  '## Vad händer nu?',
  '',
  'Du ska inkomma med en kopia av hyresavtalet för år 2024 samt lönebesked för de tre senaste månaderna.',
  '',
].join('\n');

/** The settings VS Code sends for the `klar` section when the user has changed nothing. */
const DEFAULT_SETTINGS = { language: 'auto', profile: 'auto', rules: {}, spelling: null, languageIds: ['plaintext', 'markdown', 'html'], docsUrl: '', codeLens: false };

interface Server {
  connection: ProtocolConnection;
  process: ChildProcess;
  diagnostics: Map<string, Diagnostic[]>;
  waitForDiagnostics(uri: string): Promise<Diagnostic[]>;
}

let scratch: string;
let serverCopy: string;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'klar-server-bundle-'));
  // A copy far from the repository: only what the .vsix holds is there.
  serverCopy = join(scratch, 'extension', 'server');
  cpSync(serverRoot, serverCopy, { recursive: true });
});

after(() => rmSync(scratch, { recursive: true, force: true }));

async function startServer(workspace: string, trusted: boolean): Promise<Server> {
  const child = spawn(process.execPath, [join(serverCopy, 'dist', 'server', 'main.mjs'), '--stdio'], {
    cwd: workspace,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`server exited with ${code}: ${stderr}`);
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiting = new Map<string, Array<(d: Diagnostic[]) => void>>();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics: list }) => {
    diagnostics.set(uri, list);
    if (list.length === 0) return;
    for (const resolveWaiter of waiting.get(uri) ?? []) resolveWaiter(list);
    waiting.delete(uri);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => DEFAULT_SETTINGS));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const rootUri = pathToFileURL(workspace).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    initializationOptions: { trusted },
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    diagnostics,
    waitForDiagnostics(uri) {
      const known = diagnostics.get(uri);
      if (known?.length) return Promise.resolve(known);
      return new Promise((resolveWaiter) => waiting.set(uri, [...(waiting.get(uri) ?? []), resolveWaiter]));
    },
  };
}

async function stopServer(server: Server): Promise<void> {
  await server.connection.sendRequest(ShutdownRequest.type);
  await server.connection.sendNotification(ExitNotification.type);
  await new Promise((resolveExit) => (server.process.exitCode !== null ? resolveExit(null) : server.process.once('exit', resolveExit)));
  server.connection.dispose();
}

function workspaceWith(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function open(server: Server, path: string, text: string): Promise<string> {
  const uri = pathToFileURL(path).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  return uri;
}

describe('the bundled server, started from a copy of the .vsix’s server folder', () => {
  test('reports Swedish officialese at the right UTF-16 columns and fixes it', async () => {
    const ws = workspaceWith('plain', { 'beslut.md': BESLUT });
    const server = await startServer(ws, true);
    try {
      const uri = await open(server, join(ws, 'beslut.md'), BESLUT);
      const diagnostics = await server.waitForDiagnostics(uri);
      const erhalla = diagnostics.find((d) => d.code === 'sv/officialese/erhalla');
      assert.ok(erhalla, `erhalla among ${diagnostics.map((d) => String(d.code)).join(', ')}`);
      assert.equal(erhalla.source, 'klar');
      assert.deepEqual(erhalla.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 15 } });

      // "samt" comes after "för år": å counts as one UTF-16 unit, as VS Code counts it.
      const samt = diagnostics.find((d) => d.code === 'sv/officialese/samt');
      assert.ok(samt);
      const line = BESLUT.split('\n')[6] ?? '';
      assert.equal(line.slice(samt.range.start.character, samt.range.end.character), 'samt');

      const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: samt.range,
        context: { diagnostics: [samt], only: ['quickfix'] },
      })) as CodeAction[];
      const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
      assert.ok(edits.some((e) => e.newText === 'och' && e.range.start.character === samt.range.start.character), JSON.stringify(actions.map((a) => a.title)));

      const stats = (await server.connection.sendRequest('klar/documentStats', { textDocument: { uri } })) as DocumentStats;
      assert.equal(stats.language, 'sv');
      assert.equal(stats.sections.length, 2);
      assert.deepEqual(stats.sections.map((s) => s.heading), ['Beslut om bostadsbidrag', 'Vad händer nu?']);
      assert.ok(stats.metrics.lix !== null && stats.metrics.lix > 20 && stats.metrics.lix < 60, `LIX ${String(stats.metrics.lix)}`);
      assert.equal(typeof stats.metrics.difficultyBand, 'string');
    } finally {
      await stopServer(server);
    }
  });

  test('reads the project’s .klarrc only in a trusted workspace', async () => {
    const files = { '.klarrc.yaml': 'rules:\n  sv/officialese/erhalla: off\n', 'beslut.md': BESLUT };
    const results: Record<string, string[]> = {};
    for (const trusted of [true, false]) {
      const ws = workspaceWith(trusted ? 'trusted' : 'untrusted', files);
      const server = await startServer(ws, trusted);
      try {
        const uri = await open(server, join(ws, 'beslut.md'), BESLUT);
        results[String(trusted)] = (await server.waitForDiagnostics(uri)).map((d) => String(d.code));
      } finally {
        await stopServer(server);
      }
    }
    assert.equal(results.true?.includes('sv/officialese/erhalla'), false, 'trusted: the project turned the rule off');
    assert.equal(results.false?.includes('sv/officialese/erhalla'), true, 'untrusted: built-in rules only');
    assert.ok(results.true?.includes('sv/officialese/samt'));
  });
});
