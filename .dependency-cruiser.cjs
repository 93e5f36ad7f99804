/**
 * Import direction between the layers of src/, checked in CI (npm run depcheck).
 *
 *   shared ← data ← auth ← modules ← server      ("A ← B": B may import A, never the reverse)
 *
 * - src/shared   leaf utilities: errors, clock, scalars, global ids, connections, config, trace.
 *                config.ts is here because it imports nothing of the app and every layer reads it
 *                (the server, auth's token verification, the rate limiter, the CLI).
 * - src/data     SQL helpers on MikroORM's connection: raw queries, row mapping, group commit.
 * - src/auth     actors, tokens, the access policy and the household scope.
 * - src/modules  the domains; src/modules/context.ts (RequestContext) and src/modules/loaders.ts
 *                (the loader registry) are their common base and import no domain module.
 * - src/server   HTTP, Apollo, request context creation, plugins.
 *
 * Composition roots may import everything, and only they import each other: src/main.ts,
 * src/cli/, src/seed/ and src/db/ (ORM config with every entity, demo data, the embedded
 * PostgreSQL, the migration runner).
 *
 * Type-only imports count (tsPreCompilationDeps): a type import upward is still an upward
 * dependency. Violations in files that are being rewritten elsewhere are listed in
 * .dependency-cruiser-known-violations.json (npm run depcheck ignores those, and only those).
 * Folder cycles are checked by .dependency-cruiser-folders.cjs (npm run depcheck:folders).
 */
const SHARED = '^src/shared/';
const DATA = '^src/data/';
const AUTH = '^src/auth/';
const MODULES = '^src/modules/';
const SERVER = '^src/server/';
const ROOTS = '^src/(main[.]ts$|cli/|seed/|db/)';

const upward = (name, from, to, comment) => ({ name, severity: 'error', comment, from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    upward('shared-imports-upward', SHARED, `${DATA}|${AUTH}|${MODULES}|${SERVER}|${ROOTS}`, 'shared is the bottom layer: it imports only node_modules and itself'),
    upward('data-imports-upward', DATA, `${AUTH}|${MODULES}|${SERVER}|${ROOTS}`, 'data imports only shared'),
    upward('auth-imports-upward', AUTH, `${MODULES}|${SERVER}|${ROOTS}`, 'auth imports only data and shared'),
    upward('modules-import-server', MODULES, `${SERVER}|${ROOTS}`, 'modules import auth, data and shared, never the server or a composition root'),
    upward('server-imports-composition-root', SERVER, ROOTS, 'the server is built by main.ts and the CLI, it does not import them'),
    {
      name: 'modules-base-imports-a-domain',
      severity: 'error',
      comment:
        'src/modules/context.ts and loaders.ts are what every domain module imports; importing a domain back would tie all modules into one cycle. ' +
        'accesslog is the exception: it is the access-recording machinery the request context carries, and imports no module.',
      from: { path: '^src/modules/[^/]+[.]ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/accesslog/' },
    },
    {
      name: 'not-in-a-layer',
      severity: 'error',
      comment: 'every file under src belongs to a layer or a composition root; a new top-level folder needs a place in this file first',
      from: { path: '^src/', pathNot: `${SHARED}|${DATA}|${AUTH}|${MODULES}|${SERVER}|${ROOTS}` },
      to: {},
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
