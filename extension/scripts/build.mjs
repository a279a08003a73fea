// Builds everything the .vsix holds, from the repository's sources:
//   dist/extension.js          the VS Code client (CommonJS; VS Code loads it)
//   dist/webview/report.js     the report page's script
//   server/                    the language server as a copy of the npm package's layout:
//     dist/server/main.mjs     src/server bundled with its dependencies (one ES module, plus
//                              lazily loaded chunks such as the Word/PDF readers)
//     rules/ dictionaries/ schemas/   the data the server finds at ../../ from its module
//   media/icon.png, LICENSE, THIRD_PARTY_NOTICES.md
//   dist/test/, dist/e2e/      the extension's own tests (not packaged)
// Usage: node scripts/build.mjs [--production]   (production: no source maps)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeIcon } from './icon.mjs';

const EXTENSION = fileURLToPath(new URL('..', import.meta.url));
const REPO = join(EXTENSION, '..');
const production = process.argv.includes('--production');
const SERVER_ENTRY = join(REPO, 'src', 'server', 'main.ts');
const SERVER_ROOT = join(EXTENSION, 'server');
const DATA_FOLDERS = ['rules', 'dictionaries', 'schemas'];

if (!existsSync(SERVER_ENTRY)) {
  console.error(`build: ${relative(EXTENSION, SERVER_ENTRY)} is missing; the extension bundles the repository's language server`);
  process.exit(1);
}
if (!existsSync(join(REPO, 'node_modules', 'vscode-languageserver'))) {
  console.error('build: run `npm ci` in the repository root first; the server is bundled from its dependencies');
  process.exit(1);
}

rmSync(join(EXTENSION, 'dist'), { recursive: true, force: true });
rmSync(SERVER_ROOT, { recursive: true, force: true });

const common = { absWorkingDir: EXTENSION, bundle: true, sourcemap: production ? false : 'linked', logLevel: 'warning', legalComments: 'none' };

// The client runs in VS Code's extension host, which loads CommonJS extensions.
const client = await esbuild.build({
  ...common,
  entryPoints: [join(EXTENSION, 'src', 'extension.ts')],
  outfile: join(EXTENSION, 'dist', 'extension.js'),
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  metafile: true,
});

await esbuild.build({
  ...common,
  entryPoints: [join(EXTENSION, 'src', 'webview', 'report.ts')],
  outfile: join(EXTENSION, 'dist', 'webview', 'report.js'),
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
});

// The server stays an ES module so that `import.meta.url` keeps pointing at its
// own file, as src/node expects. Some bundled dependencies are CommonJS and call
// `require` (hunspell-asm's wasm glue checks that it exists): give them one.
const server = await esbuild.build({
  ...common,
  stdin: {
    contents: "import { startServer } from './src/server/main.ts';\nstartServer();\n",
    resolveDir: REPO,
    sourcefile: 'klar-server-entry.ts',
    loader: 'ts',
  },
  outdir: join(SERVER_ROOT, 'dist', 'server'),
  entryNames: 'main',
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  metafile: true,
  banner: { js: "import { createRequire as __klarCreateRequire } from 'node:module';\nconst require = __klarCreateRequire(import.meta.url);" },
});

// Timestamps kept: src/node/rules.ts trusts its rule cache only while the rule files' times match.
for (const folder of DATA_FOLDERS) cpSync(join(REPO, folder), join(SERVER_ROOT, folder), { recursive: true, preserveTimestamps: true });
// The server's own package.json: marks the folder as ES modules and names what it is.
const rootPackage = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
writeFileSync(
  join(SERVER_ROOT, 'package.json'),
  `${JSON.stringify({ name: 'klar-server', version: rootPackage.version, private: true, type: 'module', license: rootPackage.license }, null, 2)}\n`,
);

mkdirSync(join(EXTENSION, 'media'), { recursive: true });
writeIcon(join(EXTENSION, 'media', 'icon.png'));
cpSync(join(REPO, 'LICENSE'), join(EXTENSION, 'LICENSE'));
writeFileSync(join(EXTENSION, 'THIRD_PARTY_NOTICES.md'), thirdPartyNotices([client.metafile, server.metafile]));

// Tests: one ES module per test file; their dependencies stay in node_modules.
const testDir = join(EXTENSION, 'test');
const tests = readdirSync(testDir).filter((name) => name.endsWith('.test.ts'));
await esbuild.build({
  ...common,
  sourcemap: 'inline',
  entryPoints: tests.map((name) => join(testDir, name)),
  outdir: join(EXTENSION, 'dist', 'test'),
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
});

// The workbench driver sits outside dist/test: node --test runs every module under a folder named test.
await esbuild.build({
  ...common,
  sourcemap: 'inline',
  entryPoints: [join(testDir, 'e2e', 'code-server.ts')],
  outfile: join(EXTENSION, 'dist', 'e2e', 'code-server.mjs'),
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
});

console.log(`build: extension, report script and server bundled${production ? ' (production)' : ''}`);

/**
 * The repository's notices for its data, then every npm package the bundles
 * contain with its licence: the .vsix ships their code.
 */
function thirdPartyNotices(metafiles) {
  const packages = new Map();
  for (const input of metafiles.flatMap((m) => Object.keys(m.inputs))) {
    const match = /(?:^|[\\/])node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(input);
    if (!match) continue;
    const name = match[1].split(sep).join('/');
    // Metafile paths are relative to absWorkingDir (the extension folder).
    const dir = join(EXTENSION, input.slice(0, match.index + match[0].length));
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const key = `${name}@${meta.version}`;
    if (packages.has(key)) continue;
    const licenseFile = readdirSync(dir).find((f) => /^licen[cs]e(?:\.(?:md|txt))?$/i.test(f));
    packages.set(key, { name, version: meta.version, license: meta.license ?? 'see package', text: licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').trim() : '' });
  }
  const sorted = [...packages.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = [
    readFileSync(join(REPO, 'THIRD_PARTY_NOTICES.md'), 'utf8').trim(),
    '',
    '# npm packages bundled into the extension (dist/extension.js) and the language server (server/dist/server)',
    '',
    '| package | version | licence |',
    '|---|---|---|',
    ...sorted.map(([, p]) => `| ${p.name} | ${p.version} | ${p.license} |`),
    '',
  ];
  for (const [, p] of sorted) {
    if (p.text) lines.push(`## ${p.name} ${p.version}`, '', '```text', p.text, '```', '');
  }
  return `${lines.join('\n')}\n`;
}
