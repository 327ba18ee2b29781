// Where a process's resident memory is (Linux): what /proc/self/smaps says per kind of mapping, and what V8 has
// committed for the calling thread's heap. The RSS after a day moves by ±20 MB between runs of the same code
// (decision 0036, 0047); this names the part that moves.
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** Resident MB per kind: the malloc heap, anonymous mappings (V8 heaps, thread stacks, arenas), the node binary, libraries, other files. */
export function residentByKind(): Record<string, number> {
  let text: string;
  try {
    text = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return {};
  }
  const kinds: Record<string, number> = {};
  let kind = 'other';
  for (const line of text.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1] ?? '';
      kind =
        name === '[heap]'
          ? 'malloc heap'
          : name === ''
            ? 'anonymous'
            : name.startsWith('[')
              ? 'kernel'
              : name === process.execPath
                ? 'node binary'
                : /\.so|\.node$/.test(name)
                  ? 'libraries'
                  : 'files';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kinds[kind] = (kinds[kind] ?? 0) + Number(rss[1]);
  }
  return Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, mb(v)]));
}

/** MB V8 has committed (physically) per space of this thread's heap, and how much of it holds objects: live ones and
 * garbage not yet collected (a heap snapshot, which collects first, tells them apart). */
export function v8Spaces(): Record<string, { committed: number; used: number }> {
  return Object.fromEntries(
    getHeapSpaceStatistics().map((s) => [
      s.space_name,
      { committed: mb(s.physical_space_size / 1024), used: mb(s.space_used_size / 1024) },
    ]),
  );
}
