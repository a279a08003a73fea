/**
 * klar's language server in editors nobody on the team wrote: headless Neovim and Emacs
 * with eglot open Swedish, Finnish and Norwegian documents, show klar's findings on the
 * right words, and apply the preferred quick fix. The Lua and Elisp drivers beside this
 * file play the user with the configuration docs/editors.md gives; this file judges what
 * they saw.
 *
 * The editors come from Debian (scripts/install-editors.sh). Without them the tests skip,
 * unless KLAR_REQUIRE_EDITORS=1, which makes a missing editor a failure (CI sets it).
 * KLAR_NVIM and KLAR_EMACS name other binaries; KLAR_EDITORS_SERVER (a JSON array) runs
 * another server command instead of this checkout's `klar lsp --stdio`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** A diagnostic as the driver saw it in the editor. */
interface SeenDiagnostic {
  source: string;
  code: string;
  severity: string;
  message: string;
  /** 1-based; the column in UTF-16 code units (Neovim, converted from bytes) or characters (Emacs). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Neovim only: the 1-based byte column it keeps internally. */
  byteColumn?: number;
  /** Emacs only: the line Flymake shows. */
  shown?: string;
  /** The buffer text the diagnostic covers. */
  text?: string;
}

/** What one driver run reports. */
interface EditorRun {
  editor: string;
  error?: string;
  diagnostics?: SeenDiagnostic[];
  /** The titles in the code-action menu, and the one the server marked as preferred. */
  actions?: string[];
  preferred?: string | null;
  actionError?: string;
  firstPublish?: { code?: string; message?: string }[];
  after?: string;
}

interface CliDiagnostic {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const root = join(import.meta.dirname, '..', '..');
const documents = join(import.meta.dirname, 'documents');
const serverCommand: string[] = process.env.KLAR_EDITORS_SERVER
  ? (JSON.parse(process.env.KLAR_EDITORS_SERVER) as string[])
  : [process.execPath, join(root, 'bin', 'klar.js'), 'lsp', '--stdio'];
/** How long a driver waits for the server before it gives up: a guard against hanging, not a speed check. */
const WAIT_MS = 60_000;
const requireEditors = process.env.KLAR_REQUIRE_EDITORS === '1';

const nvim = process.env.KLAR_NVIM ?? 'nvim';
const emacs = process.env.KLAR_EMACS ?? 'emacs';
const hasNvim = spawnSync(nvim, ['--version'], { stdio: 'ignore' }).status === 0;
// Emacs 28 needs Debian's elpa-eglot; 29 and later have eglot built in.
const hasEmacs =
  spawnSync(emacs, ['--batch', '-q', '--eval', "(kill-emacs (if (require 'eglot nil t) 0 1))"], { stdio: 'ignore' }).status === 0;

interface Editor {
  name: string;
  available: boolean;
  missing: string;
  command: (driver: string) => [string, string[]];
  driver: string;
}

const editors: Editor[] = [
  {
    name: 'Neovim',
    available: hasNvim,
    missing: `no ${nvim} (Debian: neovim)`,
    driver: join(import.meta.dirname, 'nvim-driver.lua'),
    // --clean: no user configuration; -n: no swap file next to the document.
    command: (driver) => [nvim, ['--headless', '--clean', '-n', '-S', driver]],
  },
  {
    name: 'Emacs',
    available: hasEmacs,
    missing: `no ${emacs} with eglot (Debian: emacs-nox elpa-eglot)`,
    driver: join(import.meta.dirname, 'emacs-driver.el'),
    command: (driver) => [emacs, ['--batch', '-q', '-l', driver]],
  },
];

/**
 * Runs a driver on a copy of a document in a fresh folder, with HOME and the XDG folders
 * inside it so neither editor writes into the user's home.
 */
async function runEditor(
  editor: Editor,
  document: string,
  task: ({ target: string } | { type: string }) & { settings?: object },
): Promise<{ run: EditorRun; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'klar-editor-'));
  try {
    const home = join(dir, 'home');
    for (const sub of ['config', 'cache', 'data', 'state']) mkdirSync(join(home, sub), { recursive: true });
    const file = join(dir, document);
    copyFileSync(join(documents, document), file);
    const out = join(dir, 'result.json');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_STATE_HOME: join(home, 'state'),
      KLAR_SERVER_CMD: JSON.stringify(serverCommand),
      KLAR_FILE: file,
      KLAR_OUT: out,
      KLAR_WAIT_MS: String(WAIT_MS),
      ...('target' in task ? { KLAR_TARGET: task.target } : { KLAR_TYPE: task.type }),
      ...(task.settings ? { KLAR_SETTINGS: JSON.stringify(task.settings) } : {}),
    };
    const [bin, args] = editor.command(editor.driver);
    const log = await new Promise<string>((resolve, reject) => {
      // Its own process group, so the editor and the server it started can be ended together.
      const child = spawn(bin, args, { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (b: Buffer) => (text += b.toString()));
      child.stderr.on('data', (b: Buffer) => (text += b.toString()));
      const killGroup = () => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group has already gone.
        }
      };
      const guard = setTimeout(killGroup, 3 * WAIT_MS);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(guard);
        killGroup(); // a server the editor failed to stop would otherwise outlive the test
        resolve(`${editor.name} exited with ${code}\n${text}`);
      });
    });
    let run: EditorRun;
    try {
      run = JSON.parse(readFileSync(out, 'utf8')) as EditorRun;
    } catch {
      throw new Error(`the ${editor.name} driver wrote no result\n${log}`);
    }
    return { run, log };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** klar check's findings for a document, to compare with what the editor shows: on a copy in a
 * fresh folder, as the editor has it, so no .klarrc around the repository applies to one and not the other. */
function cliDiagnostics(document: string): CliDiagnostic[] {
  const dir = mkdtempSync(join(tmpdir(), 'klar-cli-'));
  try {
    copyFileSync(join(documents, document), join(dir, document));
    const r = spawnSync(process.execPath, [join(root, 'bin', 'klar.js'), 'check', '--format', 'json', document], { encoding: 'utf8', cwd: dir });
    const report = JSON.parse(r.stdout) as { files: { diagnostics: CliDiagnostic[] }[] };
    return report.files[0]?.diagnostics ?? [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function place(d: { line: number; column: number; endLine: number; endColumn: number }, code: string): string {
  return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${code}`;
}

/** Lines of a buffer, without the final newline one editor keeps and the other drops. */
function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/**
 * One document per language. Each finding sits after å/ä/ö/æ/ø on its line, so a client or
 * server that counted bytes or code points where LSP counts UTF-16 units would miss the word.
 */
const cases = [
  {
    lang: 'sv',
    document: 'sv-beslut.md',
    code: 'sv/officialese/erhalla',
    word: 'erhålla',
    at: { line: 3, column: 72, endLine: 3, endColumn: 79 },
    byteColumn: 77,
    suggestion: 'få',
    fixed: 'Försäkringskassan har gått igenom din ansökan. Från och med maj kan du få 1 200 kronor i månaden.',
  },
  {
    lang: 'fi',
    document: 'fi-paatos.txt',
    code: 'fi/officialese/mikali',
    word: 'Mikäli',
    at: { line: 4, column: 25, endLine: 4, endColumn: 31 },
    byteColumn: 26,
    suggestion: 'jos',
    // The sentence starts with the word, so the replacement keeps the capital.
    fixed: 'Hyväksymme hakemuksesi. Jos tarvitset apua, soita meille.',
  },
  {
    lang: 'nb',
    document: 'nb-vedtak.html',
    code: 'nb/officialese/benytte',
    word: 'benytte',
    at: { line: 6, column: 73, endLine: 6, endColumn: 80 },
    byteColumn: 77,
    suggestion: 'bruke',
    fixed: '<p>Søknaden din er ferdig. Når du får svar fra kontoret i Bærum, kan du bruke skjemaet på nettsiden vår.</p>',
  },
] as const;

const CLEAN = 'sv-utan-anmarkningar.txt';
const TYPED = 'Vår handläggare säger att du kan erhålla svar i juni.';

for (const editor of editors) {
  if (!editor.available && !requireEditors) {
    console.warn(`editor tests: ${editor.name} skipped: ${editor.missing}; run scripts/install-editors.sh (KLAR_REQUIRE_EDITORS=1 makes this a failure)`);
  }

  describe.skipIf(!editor.available && !requireEditors)(`klar in ${editor.name}`, () => {
    beforeAll(() => {
      if (!editor.available) throw new Error(`KLAR_REQUIRE_EDITORS=1 but there is ${editor.missing}; run scripts/install-editors.sh`);
    });

    for (const c of cases) {
      it(`shows ${c.code} on “${c.word}” in a ${c.lang} document and applies the preferred quick fix`, async () => {
        const { run, log } = await runEditor(editor, c.document, { target: `${c.code}@${c.at.line}` });
        expect(run.error, log).toBeUndefined();
        const seen = run.diagnostics ?? [];

        const finding = seen.find((d) => d.code === c.code && d.line === c.at.line);
        expect(finding, log).toBeDefined();
        expect(finding).toMatchObject({ source: 'klar', ...c.at, text: c.word });
        expect(finding?.message).toContain(c.word);
        if (editor.name === 'Neovim') expect(finding?.byteColumn).toBe(c.byteColumn);
        if (editor.name === 'Emacs') expect(finding?.shown).toContain(c.code);

        // The editor shows what `klar check` reports for the same file: same rules, same places.
        const cli = cliDiagnostics(c.document).map((d) => place(d, d.ruleId)).sort();
        expect(seen.map((d) => place(d, d.code)).sort()).toEqual(cli);

        expect(run.actionError, log).toBeUndefined();
        expect(run.actions?.length, log).toBeGreaterThan(0);
        expect(run.preferred?.toLowerCase()).toContain(c.suggestion);

        const original = lines(readFileSync(join(documents, c.document), 'utf8'));
        const expected = original.map((l, i) => (i === c.at.line - 1 ? c.fixed : l));
        expect(lines(run.after ?? '')).toEqual(expected);
      });
    }

    it('shows nothing on a document without officialese, then the finding in a line the user types', async () => {
      const { run, log } = await runEditor(editor, CLEAN, { type: TYPED });
      expect(run.error, log).toBeUndefined();
      // The server answered for the document as opened, and had nothing to say.
      expect(run.firstPublish).toEqual([]);
      // The same server does find officialese once the user writes some: so the silence was a finding.
      const seen = run.diagnostics ?? [];
      expect(seen.map((d) => place(d, d.code)), log).toEqual([place({ line: 4, column: 34, endLine: 4, endColumn: 41 }, 'sv/officialese/erhalla')]);
      expect(seen[0]?.text).toBe('erhålla');
      if (editor.name === 'Neovim') expect(seen[0]?.byteColumn).toBe(37);
      expect(lines(run.after ?? '').at(-1)).toBe(TYPED);
    });

    it('takes the settings given in the editor, as docs/editors.md sets them', async () => {
      const settings = { klar: { rules: { 'sv/passive/': 'off' } } };
      const { run, log } = await runEditor(editor, 'sv-beslut.md', { target: 'sv/officialese/erhalla@3', settings });
      expect(run.error, log).toBeUndefined();
      // Without the setting the document also shows sv/passive/s-passive on line 5 (see above).
      expect((run.diagnostics ?? []).map((d) => place(d, d.code))).toEqual([place(cases[0].at, 'sv/officialese/erhalla')]);
    });
  });
}

