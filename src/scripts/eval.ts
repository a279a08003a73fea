/**
 * `npm run eval`: how well klar's difficulty score separates real easy-read texts from standard
 * official texts, per language, compared with LIX alone.
 *
 * Reads ../shared/eval/<lang>/{easy,standard}/*.txt relative to the repository root (easy = 0,
 * standard = 1), analyses every text with `analyse()`, and prints per language the ROC AUC of LIX
 * and the leave-pair-out cross-validated AUC of the difficulty score: every (easy, standard) pair
 * is scored by a model fitted without both texts, so no figure is measured on what it was tuned
 * on. The texts stay outside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { analyse } from '../core/analyse.js';
import { difficultyFeatures } from '../core/metrics/difficulty.js';
import { auc, calibrationOptions, leavePairOutAuc, type Sample } from '../core/metrics/fit.js';
import type { Language, Metrics } from '../core/types.js';
import { loadResources } from '../node/resources.js';

/** The calibration languages, in the order they are reported. */
export const EVAL_LANGUAGES: readonly Language[] = ['sv', 'fi', 'nb', 'nn'];

export interface EvalText extends Sample {
  id: string;
  metrics: Metrics;
}

/** dist/scripts/ and src/scripts/ both sit two levels below the repository root. */
export function defaultEvalDir(): string {
  return fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
}

/** Analyse every calibration text; an empty list when the directory is absent. */
export async function loadEvalTexts(dir: string = defaultEvalDir()): Promise<EvalText[]> {
  const languages = EVAL_LANGUAGES.filter((language) => existsSync(join(dir, language)));
  if (languages.length === 0) return [];
  // Lexicons as well as frequency tables: the segmenter uses them to join words broken at a line
  // end, and the texts must be segmented exactly as the CLI would segment them.
  const resources = await loadResources(languages, { lexicons: true });
  const texts: EvalText[] = [];
  for (const language of languages) {
    for (const [kind, label] of [
      ['easy', 0],
      ['standard', 1],
    ] as const) {
      const folder = join(dir, language, kind);
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()) {
        const text = readFileSync(join(folder, file), 'utf8');
        const report = analyse(text, { language, profile: 'plain', resources });
        texts.push({
          id: `${language}/${kind}/${file}`,
          language,
          label,
          metrics: report.metrics,
          features: difficultyFeatures(report.metrics),
        });
      }
    }
  }
  return texts;
}

/**
 * The groups reported: each language, plus bokmål and nynorsk together, because three + three
 * nynorsk texts make only nine pairs (one pair moves the AUC by 0.11), while the two written
 * standards share vocabulary, frequency list and standard deviations in the model.
 */
export const EVAL_GROUPS: Readonly<Record<string, readonly Language[]>> = {
  sv: ['sv'],
  fi: ['fi'],
  nb: ['nb'],
  nn: ['nn'],
  'nb+nn': ['nb', 'nn'],
};

interface GroupRow {
  group: string;
  easy: number;
  standard: number;
  lixAuc: number | null;
  difficultyAuc: number | null;
  inSampleAuc: number | null;
  meanLix: [number | null, number | null];
  meanDifficulty: [number | null, number | null];
}

export function evaluate(texts: readonly EvalText[]): GroupRow[] {
  const options = calibrationOptions(texts);
  const crossValidated = leavePairOutAuc(texts, options, EVAL_GROUPS);
  return Object.entries(EVAL_GROUPS).flatMap(([group, members]) => {
    const own = texts.filter((text) => members.includes(text.language));
    if (own.length === 0) return [];
    const byLabel = (label: 0 | 1): EvalText[] => own.filter((text) => text.label === label);
    const cvScore = (text: EvalText): number | null => crossValidated.meanScore.get(text) ?? null;
    return [
      {
        group,
        easy: byLabel(0).length,
        standard: byLabel(1).length,
        lixAuc: auc(own.map((text) => ({ score: text.metrics.lix, label: text.label }))),
        difficultyAuc: crossValidated.auc[group] ?? null,
        inSampleAuc: auc(own.map((text) => ({ score: text.metrics.difficulty, label: text.label }))),
        meanLix: [mean(byLabel(0).map((t) => t.metrics.lix)), mean(byLabel(1).map((t) => t.metrics.lix))],
        meanDifficulty: [mean(byLabel(0).map(cvScore)), mean(byLabel(1).map(cvScore))],
      },
    ];
  });
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

function fixed(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

export function markdownTable(rows: readonly GroupRow[]): string {
  const lines = [
    '| texts | n (easy + standard) | AUC LIX | AUC difficulty (leave-pair-out CV) | AUC difficulty (shipped model, in-sample) | mean LIX easy / standard | mean difficulty (CV) easy / standard |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.group} | ${row.easy + row.standard} (${row.easy} + ${row.standard}) | ${fixed(row.lixAuc, 3)} | ${fixed(
        row.difficultyAuc,
        3,
      )} | ${fixed(row.inSampleAuc, 3)} | ${fixed(row.meanLix[0], 1)} / ${fixed(row.meanLix[1], 1)} | ${fixed(
        row.meanDifficulty[0],
        1,
      )} / ${fixed(row.meanDifficulty[1], 1)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? defaultEvalDir();
  const texts = await loadEvalTexts(dir);
  if (texts.length === 0) {
    console.log(`No calibration texts found under ${dir}; nothing to evaluate.`);
    return;
  }
  const rows = evaluate(texts);
  for (const row of rows) {
    const verdict =
      row.lixAuc !== null && row.difficultyAuc !== null
        ? row.difficultyAuc > row.lixAuc
          ? 'beats LIX'
          : row.difficultyAuc === row.lixAuc
            ? 'ties LIX'
            : 'BELOW LIX'
        : '';
    console.log(
      `${row.group}: n=${row.easy + row.standard} (${row.easy} easy, ${row.standard} standard)  ` +
        `AUC LIX ${fixed(row.lixAuc, 3)}  AUC difficulty (LPO-CV) ${fixed(row.difficultyAuc, 3)}  ${verdict}  ` +
        `mean LIX ${fixed(row.meanLix[0], 1)}/${fixed(row.meanLix[1], 1)}  ` +
        `mean difficulty ${fixed(row.meanDifficulty[0], 1)}/${fixed(row.meanDifficulty[1], 1)}`,
    );
  }
  console.log('');
  console.log(
    'AUC = probability that a standard text scores above an easy one. The difficulty AUC is leave-pair-out ' +
      'cross-validated (each pair scored by a model fitted without both texts); the in-sample column uses the ' +
      'shipped model, which was fitted on these very texts, and is shown only as a check of the build.',
  );
  console.log('');
  console.log(markdownTable(rows));
}

// Run only as a script, not when calibrate.ts imports the loader.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
