/**
 * `klar/serverStatus`: the server's version, uptime, documents, cached results and
 * memory, like the status requests other language servers have. `collectGarbage`
 * runs a full garbage collection first, so that memory figures say what the
 * server keeps rather than what the collector has not got round to yet.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Connection } from 'vscode-languageserver';
import type { Checker } from '../checker.js';
import { SERVER_STATUS_METHOD, type ServerStatus, type ServerStatusParams } from '../protocol.js';

const MB = 1024 * 1024;

/** A full collection without starting Node with --expose-gc: the flag is set, and `gc` taken from a fresh context. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

export function registerStatus(connection: Connection, checker: Checker, version: string): void {
  connection.onRequest(SERVER_STATUS_METHOD, (params: ServerStatusParams | null | undefined): ServerStatus => {
    if (params?.collectGarbage === true) collectGarbage();
    const memory = process.memoryUsage();
    const round = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;
    return {
      version,
      uptimeSeconds: Math.round(process.uptime()),
      ...checker.status(),
      memory: { rss: round(memory.rss), heapUsed: round(memory.heapUsed), heapTotal: round(memory.heapTotal), external: round(memory.external) },
    };
  });
}
