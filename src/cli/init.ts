/** `klar init`: a commented starter configuration. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../node/atomic.js';
import { EXIT, UserError } from './errors.js';

const STARTER = `# klar configuration. klar reads the nearest .klarrc.yaml, .klarrc.json or
# package.json "klar" field above each checked file. All settings are optional.
# Reference: the rules format is in docs/rules-format.md; list every rule with \`klar rules\`.

# Language of your texts: auto (detect per document and paragraph), sv, fi, nb, nn or en.
language: auto

# plain (klarspråk / selkeä yleiskieli) or easy-read (lättläst / selkokieli / lettlest).
profile: plain

# Build on a shared configuration (paths are relative to this file).
# extends: ../shared/klar-base.yaml

# Turn rules off or change their severity (off, error, warning, info).
# An id ending in / covers a whole group.
rules: {}
  # sv/passive/: off
  # sv/officialese/samt: info
  # long-word: off

# Limits for long sentences (words) and very long words (letters).
# thresholds:
#   sentenceWords: 20
#   wordLetters: 18

# Names and terms of your organisation that are never reported as unfamiliar.
words: []

# Every <!-- klar-disable … --> comment must say why after "--".
# requireSuppressionReason: true

# Your own terms, in the same schema as klar's rule files.
terms: []
#  - id: sv/jargon/synergieffekt
#    category: jargon
#    kind: word
#    severity: warning
#    lemmas: [synergieffekt]
#    suggestions: [samverkan]
#    message:
#      sv: "”{match}” är jargong. Skriv hellre ”samverkan”."
#      en: "“{match}” is jargon. Prefer “samverkan”."
#    profiles: [plain, easy-read]
#    source: "Our style guide, section 3"

# Rule files of your own (YAML, same schema), relative to this file.
# ruleFiles: [klar-rules.yaml]
`;

export function runInit(folder: string): number {
  const path = join(folder, '.klarrc.yaml');
  if (existsSync(path)) throw new UserError(`${path}: already exists; edit it, or remove it to start again`);
  writeFileAtomic(path, STARTER);
  process.stdout.write(`Wrote ${path}\n`);
  return EXIT.ok;
}
