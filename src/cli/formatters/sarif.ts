/**
 * `sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. One run, rule metadata for every
 * rule that has a result, columns in UTF-16 code units as klar counts them.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Artifact } from 'sarif';
import type { RuleEntry } from '../../core/rules/types.js';
import type { Diagnostic, Severity } from '../../core/types.js';
import { forwardSlashes, helpUri, isDocument, placeOf, placeText, shortExcerpt } from './shared.js';
import type { FileReport, FormatOptions } from './types.js';
import { uiStrings } from './ui-strings.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/cos02/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The core's own checks have no rule file; their descriptions live here. */
const CORE_RULES: Record<string, { description: string; category: string }> = {
  'long-sentence': { description: 'A sentence with more words than the profile allows.', category: 'long-sentence' },
  'long-word': { description: 'A very long word that is hard to read at a glance.', category: 'long-word' },
};

/** A relative URI for a relative path (what code scanning expects), a file: URI for an absolute one. */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return forwardSlashes(path).split('/').map(encodeURIComponent).join('/');
}

/** The project's home page, from the rule pages' address (…/blob/main/docs/rules/ → the repository). */
function informationUri(options: FormatOptions): string | undefined {
  const base = options.rulesBaseUrl;
  if (!/^https?:\/\//i.test(base)) return undefined;
  const repository = base.replace(/\/(?:blob|tree)\/[^/]+\/docs\/rules\/?$/, '');
  if (repository !== base) return repository;
  return base.replace(/docs\/rules\/?$/, '');
}

/** A rule's message with its placeholders filled from its own data: "“erhålla” is officialese. Prefer “få”." */
function describeEntry(entry: RuleEntry): string {
  const match = entry.lemmas?.[0] ?? entry.forms?.[0] ?? entry.phrases?.[0]?.replace(/[{}]/g, '') ?? '…';
  return entry.message.en.replace(/\{match\}/g, match).replace(/\{\w+\}/g, '…');
}

function ruleDescriptor(id: string, first: Diagnostic, entry: RuleEntry | undefined, options: FormatOptions): ReportingDescriptor {
  const core = CORE_RULES[id];
  const category = entry?.category ?? core?.category ?? first.category;
  const descriptor: ReportingDescriptor = {
    id,
    shortDescription: { text: entry ? describeEntry(entry) : (core?.description ?? first.messageEn) },
    defaultConfiguration: { level: LEVEL[entry?.severity ?? first.severity] },
    properties: { category, tags: [category, ...(entry ? [entry.language] : [])] },
  };
  const help = helpUri(id, options);
  if (help) descriptor.helpUri = help;
  if (entry) {
    const instead = entry.suggestions.length ? `Write instead: ${entry.suggestions.join(', ')}. ` : '';
    descriptor.fullDescription = { text: `${describeEntry(entry)} ${instead}Source: ${entry.source}`.replace(/\s+/g, ' ').trim() };
  }
  return descriptor;
}

export function formatSarif(reports: FileReport[], options: FormatOptions): string {
  const ui = uiStrings(options.locale);
  const entries = new Map((options.rules ?? []).map((r) => [r.id, r]));
  const firstById = new Map<string, Diagnostic>();
  for (const report of reports) for (const d of report.diagnostics) if (!firstById.has(d.ruleId)) firstById.set(d.ruleId, d);
  const ids = [...firstById.keys()].sort();
  const ruleIndex = new Map(ids.map((id, index) => [id, index]));
  const rules = ids.map((id) => ruleDescriptor(id, firstById.get(id) as Diagnostic, entries.get(id), options));

  const artifacts: Artifact[] = [];
  const results: Result[] = [];
  reports.forEach((report, artifactIndex) => {
    const uri = artifactUri(report.path);
    const m = report.metrics;
    artifacts.push({
      location: { uri },
      // Readability travels with the file, so a SARIF viewer's artifact view shows it too.
      properties: { language: report.language, profile: report.profile, words: m.words, lix: m.lix, difficulty: m.difficulty },
    });
    const document = isDocument(report);
    for (const d of report.diagnostics) {
      const suggestions = d.suggestions.length ? ` → ${d.suggestions.join(', ')}` : '';
      const result: Result = {
        ruleId: d.ruleId,
        ruleIndex: ruleIndex.get(d.ruleId) as number,
        level: LEVEL[d.severity],
        message: { text: `${d.message}${suggestions}` },
        properties: { category: d.category, messageEn: d.messageEn },
      };
      if (document) {
        // Lines of text extracted from a Word or PDF file point nowhere in the file itself: say where a reader finds it.
        const place = placeOf(d, report);
        const where = place ? `${placeText(place, ui)}: ` : '';
        result.message.text = `${where}“${shortExcerpt(d.excerpt)}” — ${d.message}${suggestions}`;
        result.locations = [{ physicalLocation: { artifactLocation: { uri, index: artifactIndex } } }];
        result.properties = { ...result.properties, ...(place?.page !== undefined ? { page: place.page } : {}), ...(place?.paragraph !== undefined ? { paragraphNumber: place.paragraph } : {}) };
      } else {
        const region: NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>['region'] = {
          startLine: d.line,
          startColumn: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
        };
        // The excerpt is cut at 200 characters; a snippet must be the whole region or nothing.
        if (d.excerpt.length === d.endOffset - d.offset) region.snippet = { text: d.excerpt };
        result.locations = [{ physicalLocation: { artifactLocation: { uri, index: artifactIndex }, region } }];
      }
      results.push(result);
    }
  });

  const driverUri = informationUri(options);
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'klar',
            version: options.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(options.toolVersion) ? { semanticVersion: options.toolVersion } : {}),
            ...(driverUri ? { informationUri: driverUri } : {}),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
