// Keeps the incremental build honest. tsc --incremental neither deletes the output of a removed or
// renamed source nor re-emits an output that was deleted by hand; for migrations either would be
// dangerous (a stale .js would be applied as a migration). So before each build: remove outputs
// without a source, and drop the build info when a source has no output, forcing a full emit.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const roots = ['src', 'migrations'];
const dist = 'dist';
let missing = false;

function walk(dir, visit) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, visit);
    else visit(p);
  }
}

for (const root of roots) {
  walk(path.join(dist, root), (out) => {
    const m = /^(.*)\.js(\.map)?$/.exec(out);
    if (!m) return;
    const source = path.relative(dist, m[1]) + '.ts';
    if (!existsSync(source)) rmSync(out);
  });
  walk(root, (source) => {
    if (!source.endsWith('.ts') || source.endsWith('.d.ts')) return;
    if (!existsSync(path.join(dist, source.replace(/\.ts$/, '.js')))) missing = true;
  });
}
if (missing) rmSync(path.join(dist, '.tsbuildinfo.build'), { force: true });
