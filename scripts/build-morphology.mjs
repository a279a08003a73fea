// Regenerates dictionaries/morphology/<lang>.tsv for every language that has a
// generator in scripts/morphology/<lang>.mjs. Needs the build-time tools those
// generators name (unmunch, hunspell, voikkospell); klar itself never does.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './morphology/lemmas.mjs';

let failed = false;
for (const lang of ['sv', 'fi', 'nb', 'nn', 'en']) {
  const script = join(root, 'scripts', 'morphology', `${lang}.mjs`);
  if (!existsSync(script)) continue;
  const r = spawnSync(process.execPath, [script], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`build-morphology: ${lang} failed (exit ${r.status})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
