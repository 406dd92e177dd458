// Self time per function and per place (a package in node_modules, a project directory, V8's own
// "(garbage collector)", "(idle)", …) from a V8 CPU profile. Pure, for bench/tools/profile-summary.
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** [place, ms], largest first. */
  byPlace: [string, number][];
  /** ["function (file:line)", ms], largest first. */
  byFunction: [string, number][];
}

/** node_modules/<pkg> (scoped too), or the project directory, or V8's bracketed pseudo-frames. */
export function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: (Node built-ins)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  const project = /\/(server|src-main|src-shared|bench|tests)\/(?:([^/]+)\/)?/.exec(url);
  if (project?.[1])
    return project[2] && !project[2].includes('.') ? `${project[1]}/${project[2]}` : project[1];
  return url;
}

const sorted = (m: Map<string, number>): [string, number][] =>
  [...m.entries()].sort((a, b) => b[1] - a[1]);

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; it is charged to that sample's frame.
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    totalMs += ms;
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + ms);
    const file = url.split('/').slice(-1)[0] ?? '';
    const fn = `${functionName || '(anonymous)'}${file ? ` (${file}:${lineNumber + 1})` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  return { totalMs, byPlace: sorted(places), byFunction: sorted(functions) };
}
