/**
 * jose 6 ships as ESM only. This project compiles to CommonJS, so it is loaded with a native dynamic
 * import (kept as `import()` by TypeScript's node16 module mode), which works on every Node 20+.
 */
export type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });

let cached: Promise<Jose> | undefined;
export function loadJose(): Promise<Jose> {
  cached ??= import('jose');
  return cached;
}
