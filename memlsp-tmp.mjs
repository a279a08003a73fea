// Drives the server with edits and reads its heap via a tiny side channel: RSS only, plus max-old-space cap.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
const dir = '/work/shared/corpus/';
const corpus = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(dir + f, 'utf8')).join('\n\n');
let text = ''; while (text.length < 150000) text += corpus + '\n\n';
const child = spawn(process.execPath, [...(process.env.SRV_FLAGS ? process.env.SRV_FLAGS.split(' ') : []), 'bin/klar.js', 'lsp', '--stdio']);
child.stderr.on('data', (d) => process.stderr.write(d));
child.on('exit', (c, s) => { console.log('EXIT', c, s); process.exit(1); });
const c = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
c.onNotification('textDocument/publishDiagnostics', (p) => { waiting.get(p.version)?.(); waiting.delete(p.version); });
c.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
c.listen();
await c.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { debounceMs: 0 } });
await c.sendNotification('initialized', {});
const uri = 'file:///tmp/m.txt';
let v = 1; let p = new Promise((r) => waiting.set(1, r));
await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
await p;
const rss = () => Number(spawnSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
let seed = 3; const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
for (let i = 1; i <= Number(process.argv[2]); i++) {
  const at = Math.floor(rnd() * text.length);
  const before = text.slice(0, at); const line = before.split('\n').length - 1; const ch = at - (before.lastIndexOf('\n') + 1);
  text = before + 'e' + text.slice(at); v++;
  p = new Promise((r) => waiting.set(v, r));
  await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'e' }] });
  await p;
  if (i % 500 === 0) console.log(i, rss().toFixed(0));
}
await c.sendRequest('shutdown'); await c.sendNotification('exit');
