import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LANGUAGES, PROFILES } from '../core/types.js';
import { ConfigError } from '../node/config.js';
import { RuleFileError } from '../node/rules.js';
import { runCheck, VERSION, type CheckOptions } from './check.js';
import { EXIT, UserError } from './errors.js';
import { FORMATS } from './formatters/index.js';
import { runInit } from './init.js';
import { runRules, type RulesOptions } from './rules-command.js';
import { runStats, type StatsOptions } from './stats.js';

function number(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${name} needs a number, e.g. ${name} 50`);
    return n;
  };
}

function program(): Command {
  const cmd = new Command('klar')
    .description('Plain-language and easy-read checker for Swedish, Finnish, Norwegian and English official texts')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  cmd
    .command('check')
    .description('check documents (.txt, .md, .html, .docx, .odt, .pdf), folders of them, globs, or standard input (-)')
    .argument('<paths...>', 'files, folders, globs, or - for standard input')
    .addOption(new Option('--lang <language>', 'language of the text (default: detected per document and paragraph)').choices([...LANGUAGES, 'auto']))
    .addOption(new Option('--profile <profile>', 'plain language or easy-read (default: plain)').choices([...PROFILES]))
    .addOption(new Option('--format <format>', 'output format (default: stylish); docx writes a commented copy of a Word file to --output').choices([...FORMATS, 'docx']))
    .option('--docs-url <url>', 'where the rule pages (docs/rules) are published, for help links in SARIF and HTML')
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--config <file>', 'use this configuration file instead of the nearest .klarrc')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'never']).default('error'))
    .option('--max-difficulty <n>', 'exit 1 when a document’s difficulty is above n (0–100)', number('--max-difficulty'))
    .option('--max-lix <n>', 'exit 1 when a document’s LIX is above n', number('--max-lix'))
    .option('--stdin-filename <name>', 'name (and so format) of the text read from standard input')
    .option('--shard <i/n>', 'check only the i-th of n equal shares of the files (for CI matrix jobs)')
    .option('--fix', 'apply safe replacements to .txt, .md and .html files (never to .docx or .pdf)')
    .option('--fix-dry-run', 'print the safe replacements as a unified diff without writing')
    .option('--report-suppressions', 'list the inline klar-disable comments and what they hide')
    .option('--require-suppression-reason', 'report klar-disable comments that give no reason')
    .option('--spelling', 'also report words the spelling dictionary does not know (sv, nb, nn)')
    .option('-j, --jobs <n>', 'worker threads for many files (default: the number of cores)', number('--jobs'))
    .option('-q, --quiet', 'print only findings, no summaries or progress')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .addOption(new Option('--locale <locale>', 'language of klar’s own messages').choices([...LANGUAGES]))
    .exitOverride()
    .action(async (paths: string[], opts: CheckOptions & { requireSuppressionReason?: boolean }) => {
      process.exitCode = await runCheck(paths, opts);
    });

  cmd
    .command('stats')
    .description('print the readability summary of documents as a table')
    .argument('<paths...>', 'files, folders, globs, or - for standard input')
    .addOption(new Option('--lang <language>', 'language of the text (default: detected)').choices([...LANGUAGES, 'auto']))
    .addOption(new Option('--profile <profile>', 'plain language or easy-read').choices([...PROFILES]))
    .option('--config <file>', 'use this configuration file instead of the nearest .klarrc')
    .addOption(new Option('--locale <locale>', 'language of klar’s own messages').choices([...LANGUAGES]))
    .exitOverride()
    .action(async (paths: string[], opts: StatsOptions) => {
      process.exitCode = await runStats(paths, opts);
    });

  cmd
    .command('rules')
    .description('list every rule: built-in and the organisation’s, after configuration')
    .addOption(new Option('--lang <language>', 'only this language').choices([...LANGUAGES]))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--config <file>', 'use this configuration file instead of the nearest .klarrc')
    .exitOverride()
    .action((opts: RulesOptions) => {
      process.exitCode = runRules(opts);
    });

  cmd
    .command('lsp')
    .description('start the language server (for editors): --stdio, or --node-ipc for the VS Code client')
    .option('--stdio', 'talk over standard input and output')
    .option('--node-ipc', 'talk over Node IPC (the VS Code client)')
    .allowUnknownOption()
    .exitOverride()
    .action(async () => {
      // The server reads its transport from process.argv, as vscode-languageserver expects.
      // Loaded only for this command: the checker never pays the server's start-up.
      const { startServer } = await import('../server/main.js');
      startServer();
      await new Promise<never>(() => undefined);
    });

  cmd
    .command('init')
    .description('write a commented starter .klarrc.yaml in the current folder')
    .exitOverride()
    .action(() => {
      process.exitCode = runInit(process.cwd());
    });
  return cmd;
}

/**
 * `klar check … | head`: once the reader has closed the pipe, nothing more can be said. Stop at
 * once and quietly, with the status a shell reports for a program ended by SIGPIPE (128 + 13),
 * as other command-line tools do — not with Node's unhandled-error stack trace.
 */
function stopWhenOutputCloses(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.closedOutput);
    process.stderr.write(`klar: cannot write to standard output (${error.code ?? error.message})\n`);
    process.exit(EXIT.internal);
  });
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  stopWhenOutputCloses();
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RuleFileError || error instanceof UserError) {
      process.stderr.write(`klar: ${error.message}\n`);
      return error instanceof UserError ? error.exitCode : EXIT.usage;
    }
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its one line.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    process.stderr.write(`klar: internal error: ${error instanceof Error ? error.message : String(error)}; please report it\n`);
    return EXIT.internal;
  }
}
