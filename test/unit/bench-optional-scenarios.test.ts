import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The optional benchmark scenarios c (vroegsignalen) and d (KOO delivery) are plug-ins for features
// outside the harness. bench/tools/check-optional.mjs runs them against a sample schema: detected only
// when the root field exists, operations valid, requests as declared. (The harness is ESM, hence
// the child process.)

it('bench scenarios c and d detect their root field and generate valid operations', () => {
  const r = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'bench', 'tools', 'check-optional.mjs')], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('optional scenarios c and d: ok');
  expect(r.status).toBe(0);
});
