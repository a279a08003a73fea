/**
 * `node dist/scripts/bench-profile.js FILE.cpuprofile... [--top N]`: what costs the time in
 * a V8 CPU profile written by `node --cpu-prof`, as plain text for docs/benchmarks.md —
 * the functions with the most self time, the functions with the most total time (each
 * counted once per stack, so recursion is not double-counted), and self time per source
 * file. Several profiles (one per worker thread) are added up.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** A readable place: paths shown relative to the working folder so no machine path leaks into notes. */
function where(frame: CallFrame): string {
  if (!frame.url) return '';
  const path = frame.url.startsWith('file://') ? relative(process.cwd(), new URL(frame.url).pathname) : frame.url;
  return `${path}:${frame.lineNumber + 1}`;
}

function label(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  const at = where(frame);
  return at ? `${name} ${at}` : name;
}

function fileOf(frame: CallFrame): string {
  const at = where(frame);
  return at ? at.replace(/:\d+$/, '') : frame.functionName || '(native)';
}

const add = (m: Map<string, number>, k: string, v: number): void => {
  m.set(k, (m.get(k) ?? 0) + v);
};

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((a, i) => a !== '--top' && i !== topAt + 1);
  if (files.length === 0) {
    process.stderr.write('usage: node dist/scripts/bench-profile.js FILE.cpuprofile... [--top N]\n');
    process.exitCode = 2;
    return;
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byFile = new Map<string, number>();
  let wall = 0;
  let sampled = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    wall += (profile.endTime - profile.startTime) / 1000;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // timeDeltas[i] is the time before sample i; attributing it to sample i is the usual reading.
    const perNode = new Map<number, number>();
    profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    for (const [id, ms] of perNode) {
      const node = nodes.get(id);
      if (!node) continue;
      sampled += ms;
      add(self, label(node.callFrame), ms);
      add(byFile, fileOf(node.callFrame), ms);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = nodes.get(cur);
        if (!n) break;
        const l = label(n.callFrame);
        if (seen.has(l)) continue;
        seen.add(l);
        add(total, l, ms);
      }
    }
  }
  const table = (title: string, m: Map<string, number>): string => {
    const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
    return [`${title}`, ...rows.map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / sampled).toFixed(1).padStart(5)} %  ${k}`)].join('\n');
  };
  process.stdout.write(
    [
      `${files.length} profile(s), ${wall.toFixed(0)} ms profiled (summed over threads), ${sampled.toFixed(0)} ms sampled`,
      '',
      table('self time by function', self),
      '',
      table('total time by function (once per stack)', total),
      '',
      table('self time by file', byFile),
      '',
    ].join('\n'),
  );
}

main();
