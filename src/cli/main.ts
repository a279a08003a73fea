import { Command, CommanderError, Option } from 'commander';
import { LANGUAGES, PROFILES } from '../core/types.js';
import { runCheck, type CheckOptions } from './check.js';
import { runRules, type RulesOptions } from './rules-command.js';
import { ConfigError } from '../node/config.js';
import { RuleFileError } from '../node/rules.js';
import { EXIT, UserError } from './errors.js';

const VERSION = '0.1.0';

function program(): Command {
  const cmd = new Command('klar')
    .description('Plain-language checker for Swedish, Finnish, Norwegian and English official texts')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  cmd
    .command('check')
    .description('check text files, folders of them, or standard input (-)')
    .argument('<paths...>', 'files, folders or - for standard input')
    .addOption(new Option('--lang <language>', 'language of the text (default: detected)').choices([...LANGUAGES, 'auto']))
    .addOption(new Option('--profile <profile>', 'plain language or easy-read (default: plain)').choices([...PROFILES]))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--config <file>', 'use this configuration file instead of the nearest .klarrc')
    .exitOverride()
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(paths, opts);
    });
  cmd
    .command('rules')
    .description('list every rule: built-in and the organisation\'s, after configuration')
    .addOption(new Option('--lang <language>', 'only this language').choices([...LANGUAGES]))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--config <file>', 'use this configuration file instead of the nearest .klarrc')
    .exitOverride()
    .action((opts: RulesOptions) => {
      process.exitCode = runRules(opts);
    });
  return cmd;
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RuleFileError) {
      process.stderr.write(`klar: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      process.stderr.write(`klar: ${error.message}\n`);
      return error.exitCode;
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
