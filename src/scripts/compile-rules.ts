/**
 * Part of the build (`npm run build`, `npm ci`): validates the built-in rule files
 * and writes them as JSON to rules/.cache, so klar starts without parsing YAML.
 * A broken rule file fails the build with `file:line: what is wrong`.
 */
import { RuleFileError, writeBuiltinRulesCache } from '../node/rules.js';

try {
  const count = writeBuiltinRulesCache();
  process.stdout.write(`klar: ${count} built-in rules validated\n`);
} catch (error) {
  process.stderr.write(`klar: ${error instanceof RuleFileError ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
