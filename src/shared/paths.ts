import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (the folder holding package.json), from source or from dist/. */
export const projectRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
})();

/** True when running TypeScript sources directly (jest with @swc/jest), false for compiled dist/. */
export const runningTs = __filename.endsWith('.ts');
