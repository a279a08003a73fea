import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file written in pieces that readers see either as it was or complete, never half-written:
 * the pieces go to a temporary file beside it, which `commit` flushes and renames over it and
 * `abort` removes.
 */
export class AtomicFile {
  private readonly tmp: string;
  private readonly mode: number | undefined;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.klar-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    let mode: number | undefined;
    try {
      mode = statSync(path).mode;
    } catch {
      // A new file gets the default mode.
    }
    this.mode = mode;
    this.fd = openSync(this.tmp, 'w', mode ?? 0o666);
  }

  write(data: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path}: written after commit or abort`);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  commit(): void {
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.path}: committed after abort`);
    try {
      fsyncSync(fd);
      closeSync(fd);
      this.fd = undefined;
      if (this.mode !== undefined) chmodSync(this.tmp, this.mode);
      renameSync(this.tmp, this.path);
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /** Drops what was written; the file at `path` stays as it was. Safe to call twice. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      // nothing to clean up
    }
  }
}

/** Writes a whole file atomically (see {@link AtomicFile}). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  file.write(data);
  file.commit();
}
