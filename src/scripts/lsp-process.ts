/** `klar lsp --stdio` in a child process with a protocol connection to it: what the benchmark, soak and fuzz drivers talk to. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { repoRoot } from './bench-common.js';

export interface LanguageServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Not yet listening: register handlers, then call `listen()`. */
  connection: ProtocolConnection;
}

export function startLanguageServer(cwd: string): LanguageServerProcess {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'klar.js'), 'lsp', '--stdio'], { cwd, stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  return { child, connection };
}
