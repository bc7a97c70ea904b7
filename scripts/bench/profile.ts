// Summary of a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes it): where the time
// goes, by function, with its self time and its total time (its own and its callees'),
// as shares of the profile. Only functions whose script path contains `filter` are listed,
// plus the sum for each package of node_modules.
import * as fs from 'fs';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface ProfileEntry { name: string; where: string; selfShare: number; totalShare: number }

function where(url: string, line: number, root: string): string {
  const p = url.replace(/^file:\/\//, '');
  const rel = root && p.startsWith(root) ? p.slice(root.length).replace(/^\//, '') : p;
  return `${rel}:${line + 1}`;
}

/** Functions of scripts whose path contains `filter` (and node_modules packages), biggest total first. */
export function summarizeProfile(file: string, filter: string, root = ''): { totalMs: number; entries: ProfileEntry[]; packages: Record<string, number> } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}@${n.callFrame.url}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const packages: Record<string, number> = {};
  let sum = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    sum += dt;
    const leaf = byId.get(id)!;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    const pkgs = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = parent.has(n.id) ? byId.get(parent.get(n.id)!) : undefined) {
      const k = key(n);
      if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); }
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(n.callFrame.url);
      if (m) pkgs.add(m[1]);
    }
    for (const p of pkgs) packages[p] = (packages[p] ?? 0) + dt;
  });
  const entries: ProfileEntry[] = [];
  for (const n of profile.nodes) {
    const k = key(n);
    if (!n.callFrame.url.includes(filter) || entries.some((e) => e.name === k)) continue;
    entries.push({ name: k, where: where(n.callFrame.url, n.callFrame.lineNumber, root), selfShare: (self.get(k) ?? 0) / sum, totalShare: (total.get(k) ?? 0) / sum });
  }
  entries.sort((a, b) => b.totalShare - a.totalShare);
  for (const e of entries) e.name = e.name.split('@')[0];
  for (const p of Object.keys(packages)) packages[p] /= sum;
  return { totalMs: sum / 1000, entries, packages };
}
