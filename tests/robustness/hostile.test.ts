/**
 * Hostile input that is not a web page (issue 7, "Hostile input"): configuration
 * that tries to be a program or a pattern, archives built to exhaust the reader, and
 * globs built to backtrack. Everything runs through the command line as a user would
 * run it; the kill timeout is a safety net so a hang fails the test instead of the
 * run, never a speed assertion. The Chromium half is hostile-browser.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readOfficeDocument } from '../../src/formats/office.js';
import { MAX_XML_DEPTH } from '../../src/formats/zip.js';
import { ConfigError, loadConfigFile } from '../../src/node/config.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'klar.js');
const fixtures = join(root, 'tests', 'fixtures', 'office');
/** Only so a hang ends the test; every run here takes a second or two. */
const KILL_AFTER_MS = 60_000;

const folders: string[] = [];
function folder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'klar-hostile-'));
  folders.push(dir);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function klar(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 });
  // A kill by the timeout is a hang, never an answer.
  expect(r.signal, `klar ${args.join(' ')} did not finish within ${KILL_AFTER_MS / 1000} s`).toBeNull();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Refused as klar promises: exit 2 and one line on standard error. */
function expectRefused(run: Run, message: string | RegExp): void {
  expect(run.status).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(typeof message === 'string' ? new RegExp(`^klar: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
}

interface Finding {
  ruleId: string;
  excerpt: string;
  offset: number;
  endOffset: number;
}
function findings(run: Run): Finding[] {
  expect([0, 1], run.stderr).toContain(run.status);
  return (JSON.parse(run.stdout) as { files: { diagnostics: Finding[] }[] }).files.flatMap((f) => f.diagnostics);
}

const term = (id: string, extra: Record<string, unknown>) => ({
  id: `en/jargon/${id}`,
  category: 'jargon',
  kind: 'word',
  severity: 'warning',
  message: { en: 'Pattern “{match}”.' },
  suggestions: ['x'],
  profiles: ['plain'],
  source: 'hostile test',
  ...extra,
});

const CATASTROPHIC = ['(a+)+$', '(.*a){20}', '^(\\w+\\s?)*$', '(a|aa)+!', '[a-z]*a*a*a*a*a*a*a*b', `(${Array.from({ length: 500 }, (_, i) => `a{${i}}`).join('|')})!`];

describe('rule patterns from configuration are text, not regular expressions', () => {
  // 50 000 a's and a '!': what each pattern above backtracks on as a regular expression.
  const ADVERSARIAL = `${'a'.repeat(50_000)}!\n\nThe guide says (a+)+$ and (.*a){20} and ^(\\w+\\s?)*$ are patterns.\n\nA ${'a-'.repeat(20_000)}!\n`;

  it('matches catastrophic-looking forms, phrases and lemmas literally and finishes', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `${'a'.repeat(i % 50)}a-${i}!`);
    const dir = folder({
      '.klarrc.json': JSON.stringify({
        language: 'en',
        terms: [
          term('forms', { forms: CATASTROPHIC }),
          term('phrases', { kind: 'phrase', phrases: ['(a+)+ $', '.* .* .*', '{(a+)+} again'] }),
          term('lemmas', { lemmas: ['(a+)+', '.*'] }),
          // 10 000 terms with punctuation: one alternation of them all was linear only in name.
          term('many', { forms: many }),
        ],
      }),
      'doc.txt': ADVERSARIAL,
    });
    const found = findings(klar(dir, 'check', 'doc.txt', '--format', 'json')).filter((d) => d.ruleId.startsWith('en/jargon/'));
    // Exactly the three patterns the text quotes, each as its own characters; nothing in the runs of a's.
    expect(found.map((d) => [d.ruleId, d.excerpt])).toEqual([
      ['en/jargon/forms', '(a+)+$'],
      ['en/jargon/forms', '(.*a){20}'],
      ['en/jargon/forms', '^(\\w+\\s?)*$'],
    ]);
    for (const d of found) expect(ADVERSARIAL.slice(d.offset, d.endOffset)).toBe(d.excerpt);
  });

  it('still finds a configured form written with punctuation among 10 000 others', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `x.${i}.y`);
    const dir = folder({
      '.klarrc.json': JSON.stringify({ language: 'en', terms: [term('many', { forms: many })] }),
      'doc.txt': `Read x.4711.y and X.9999.Y, but not x.4711.yz or ax.1.y.\n\n${'x.'.repeat(20_000)}\n`,
    });
    const found = findings(klar(dir, 'check', 'doc.txt', '--format', 'json')).filter((d) => d.ruleId === 'en/jargon/many');
    expect(found.map((d) => d.excerpt)).toEqual(['x.4711.y', 'X.9999.Y']);
  });

  it('reads catastrophic-looking .klarignore patterns as gitignore globs, without hanging on long names', () => {
    const long = 'a'.repeat(200);
    const dir = folder({
      '.klarignore': ['a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/**/**/**/**/**/**/**/**/**/**/**/b', '(a+)+$', '[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*!', 'skip-*.txt'].join('\n'),
      [`${long}.txt`]: 'Text.',
      [`${long}/${long}.txt`]: 'Text.',
      'skip-me.txt': 'Text.',
    });
    const run = klar(dir, 'check', '.', '--format', 'json');
    const paths = (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path).sort();
    expect(paths).toEqual([`${long}.txt`, `${long}/${long}.txt`]);
  });

  it('refuses a command-line glob with more wildcards in one name than can be matched in time', () => {
    const dir = folder({ [`${'a'.repeat(200)}.txt`]: 'Text.' });
    expectRefused(klar(dir, 'check', 'a*a*a*a*a*a*b'), 'a*a*a*a*a*a*b: too many wildcards in one name (6, at most 4); matching it could take hours');
    expectRefused(klar(dir, 'check', '@(a*)@(a*)@(a*)!'), /^klar: @\(a\*\)@\(a\*\)@\(a\*\)!: too many wildcards in one name/);
    // Ordinary globs, ** included, are untouched.
    expect(klar(dir, 'check', '**/**/*.txt', '--format', 'json').status).toBe(0);
  });
});

describe('archives are capped', () => {
  const letter = unzipSync(readFileSync(join(fixtures, 'letter-sv.docx')));
  const documentXml = strFromU8(letter['word/document.xml'] as Uint8Array);
  const withBody = (inner: string): string => documentXml.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${inner}</w:body>`);
  const para = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const docx = (xml: string, extra: Record<string, Uint8Array> = {}): Uint8Array => zipSync({ ...letter, 'word/document.xml': strToU8(xml), ...extra });

  it('refuses a zip bomb through the command line, with one line and exit 2', () => {
    // 60 MB of zeros deflate to about 60 kB.
    const bomb = zipSync({ ...letter, 'word/document.xml': new Uint8Array(60_000_000) }, { level: 1 });
    const dir = folder({ 'bomb.docx': bomb });
    expectRefused(klar(dir, 'check', 'bomb.docx'), 'bomb.docx: the document expands to more than 50 MB; klar refuses it to stay safe');
  });

  it('refuses entity expansion ("billion laughs") in document.xml', () => {
    let dtd = '<!DOCTYPE w:document [<!ENTITY lol "lol">';
    for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
    dtd += ']>';
    const xml = withBody(para('&lol9;')).replace(/(<\?xml[^>]*\?>)/, `$1${dtd}`);
    expect(xml).toContain('<!ENTITY lol9');
    const dir = folder({ 'laughs.docx': docx(xml) });
    expectRefused(klar(dir, 'check', 'laughs.docx'), 'laughs.docx: not a valid Word document (.docx)');
  });

  it('refuses elements nested deeper than any real document, and reads ordinary depth', async () => {
    const deep = 100_000;
    const dir = folder({ 'deep.docx': docx(withBody(`${para('Djup text.')}<w:p>${'<x>'.repeat(deep)}${'</x>'.repeat(deep)}</w:p>`)) });
    expectRefused(klar(dir, 'check', 'deep.docx'), 'deep.docx: not a valid Word document (.docx)');
    const fine = MAX_XML_DEPTH - 10;
    const doc = await readOfficeDocument('fine.docx', docx(withBody(`${para('Ytlig text.')}<w:p>${'<x>'.repeat(fine)}${'</x>'.repeat(fine)}</w:p>`)));
    expect(doc.text).toContain('Ytlig text.');
  });

  it('refuses the same in an OpenDocument file', async () => {
    const odt = unzipSync(readFileSync(join(fixtures, 'letter-sv.odt')));
    const content = strFromU8(odt['content.xml'] as Uint8Array);
    const nested = content.replace('<office:text>', `<office:text>${'<text:section>'.repeat(100_000)}${'</text:section>'.repeat(100_000)}`);
    const laughs = content.replace(/(<\?xml[^>]*\?>)/, '$1<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>');
    // Stored, not deflated: the nesting compresses so well that the ratio cap would refuse it first.
    const pack = (xml: string): Uint8Array => zipSync({ ...odt, 'content.xml': strToU8(xml) }, { level: 0 });
    for (const xml of [nested, laughs]) {
      await expect(readOfficeDocument('brev.odt', pack(xml))).rejects.toThrow(/^brev\.odt: not a valid OpenDocument text/);
    }
  });

  it('reads a .docx with 20 000 entries like any other', () => {
    const extra: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20_000; i++) extra[`word/media/pad${i}.bin`] = strToU8('x');
    const dir = folder({ 'many.docx': zipSync({ ...letter, ...extra }, { level: 0 }) });
    const found = findings(klar(dir, 'check', 'many.docx', '--format', 'json', '--lang', 'sv'));
    expect(found.map((d) => d.ruleId)).toContain('sv/officialese/erhalla');
  });
});

describe('configuration files are data and never run code', () => {
  const DOC = 'Vi har erhållit din ansökan.\n';
  /** A file the configuration would write if any of it ran. */
  const PWNED = 'PWNED';

  it('does not load .klarrc.js, .klarrc.cjs or .klarrc.mjs', () => {
    const code = `require("fs").writeFileSync(${JSON.stringify(PWNED)}, "1"); module.exports = { language: "en" };`;
    const plain = findings(klar(folder({ 'a.txt': DOC }), 'check', 'a.txt', '--format', 'json', '--lang', 'sv'));
    for (const name of ['.klarrc.js', '.klarrc.cjs', '.klarrc.mjs']) {
      const dir = folder({ [name]: name.endsWith('.mjs') ? `import fs from "fs"; fs.writeFileSync(${JSON.stringify(PWNED)}, "1"); export default {};` : code, 'a.txt': DOC });
      const run = klar(dir, 'check', 'a.txt', '--format', 'json', '--lang', 'sv');
      expect(existsSync(join(dir, PWNED)), name).toBe(false);
      // Not a configuration name: the defaults apply, as with no file at all.
      expect(findings(run)).toEqual(plain);
    }
  });

  it('ignores or refuses YAML tags that other loaders turn into code', () => {
    const cases: [string, number, string?][] = [
      ['words: !!js/function "function () { require(\'fs\').writeFileSync(\'PWNED\', \'1\') }"\n', 2, '.klarrc.yaml:1: words: must be array'],
      ['rules: !!js/regexp /a/\n', 2, '.klarrc.yaml:1: rules: must be object'],
      ['words: !!js/undefined ""\n', 2, '.klarrc.yaml:1: words: must be array'],
      // Unknown tags leave plain data: a list of words, nothing run.
      ['words: !!python/object/apply:os.system ["touch PWNED"]\n', 0],
      ['words: !custom [a]\n', 0],
      ['%TAG ! tag:evil.example,2000:\n---\nwords: !x [a]\n', 0],
    ];
    for (const [yaml, status, message] of cases) {
      const dir = folder({ '.klarrc.yaml': yaml, 'a.txt': DOC });
      const run = klar(dir, 'check', 'a.txt', '--fail-on', 'never');
      if (message) expectRefused(run, message);
      else expect(run.status, `${yaml}: ${run.stderr}`).toBe(status);
      expect(existsSync(join(dir, PWNED)), yaml).toBe(false);
      expect(existsSync(join(root, PWNED))).toBe(false);
    }
  });

  it('refuses an alias bomb ("billion laughs") in .klarrc.yaml and in a rule file, with file:line', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const prev = i === 0 ? 'a' : (['b', 'c', 'd', 'e', 'f', 'g', 'h'][i - 1] as string);
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const yaml = `${laughs.join('\n')}\nwords: *i\n`;
    expectRefused(klar(folder({ '.klarrc.yaml': yaml, 'a.txt': DOC }), 'check', 'a.txt'), '.klarrc.yaml:2: too many YAML aliases (more than 100 expansions); write the values out instead');
    const ruleFile = `${laughs.join('\n')}\nrules: *i\n`;
    expectRefused(
      klar(folder({ '.klarrc.yaml': 'ruleFiles: [lol.yaml]\n', 'lol.yaml': ruleFile, 'a.txt': DOC }), 'check', 'a.txt'),
      'lol.yaml:2: too many YAML aliases (more than 100 expansions); write the values out instead',
    );
    // A few aliases, as people use them to share a list, are fine.
    const shared = 'language: sv\nwords: &w [Skatteverket, Försäkringskassan]\nthresholds: { sentenceWords: 20 }\n';
    expect(klar(folder({ '.klarrc.yaml': shared, 'a.txt': DOC }), 'check', 'a.txt', '--fail-on', 'never').status).toBe(0);
  });

  it('never pollutes Object.prototype through __proto__ or constructor.prototype keys', () => {
    const attempts: Record<string, string> = {
      '.klarrc.json': '{"__proto__": {"polluted": "json"}}',
      '.klarrc.yaml': '__proto__:\n  polluted: yaml\n',
      'rules.yaml': 'rules:\n  __proto__:\n    polluted: nested\n',
      'constructor.json': '{"rules": {"constructor": {"prototype": {"polluted": "ctor"}}}}',
      'package.json': '{"name": "x", "klar": {"__proto__": {"polluted": "pkg"}}}',
      'pkg-rules.json': '{"rules": {"__proto__": "off", "constructor": "off"}}',
    };
    for (const [name, text] of Object.entries(attempts)) {
      const dir = folder({ [name]: text });
      try {
        loadConfigFile(join(dir, name));
      } catch (error) {
        expect(error, name).toBeInstanceOf(ConfigError);
      }
      expect(({} as { polluted?: unknown }).polluted, name).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
    // The command line refuses them as unknown settings, in one line.
    expectRefused(klar(folder({ '.klarrc.json': attempts['.klarrc.json'] as string, 'a.txt': DOC }), 'check', 'a.txt'), '.klarrc.json:1: configuration: unknown setting "__proto__"');
    expectRefused(klar(folder({ 'package.json': attempts['package.json'] as string, 'a.txt': DOC }), 'check', 'a.txt'), 'package.json:1: configuration: unknown setting "__proto__"');
    expectRefused(
      klar(folder({ '.klarrc.json': attempts['constructor.json'] as string, 'a.txt': DOC }), 'check', 'a.txt'),
      '.klarrc.json:1: rules.constructor: must be one of off, error, warning, info',
    );
  });
});

describe('a reader that stops reading', () => {
  // `klar check <folder> | head` once ended with an unhandled EPIPE 'error' event and a Node stack trace.
  it('gets no stack trace when standard output closes early, and the status of a closed pipe', async () => {
    const letter = readFileSync(join(root, 'examples', 'sv-beslut-bostadsbidrag.txt'), 'utf8');
    const dir = folder(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}.txt`, letter])));
    const child = spawn(process.execPath, [bin, 'check', '.', '--format', 'json'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/Unhandled 'error' event|EPIPE|\n\s+at /);
    expect(code).toBe(141);
  });
});
