// ESLint, for one thing only: no read of the wall clock outside the clock module (src/shared/clock.ts).
// "Today" and "now" come from the Clock the code is given (ctx.clock, or the clock handed to an engine,
// CLI command or seeder), so tests can pin the date and replays can run as of another day.
// Syntax only (typescript-eslint's parser, no type information): it stays fast. Type errors are
// `npm run typecheck`'s job.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const USE_THE_CLOCK =
  'use the Clock: ctx.clock.today() / ctx.clock.now() in a request, or the clock given to the engine, CLI command or seeder ' +
  '(only src/shared/clock.ts reads the wall clock). To measure a duration, use performance.now().';

const noWallClock = {
  'no-restricted-syntax': [
    'error',
    { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: `new Date() reads the wall clock; ${USE_THE_CLOCK}` },
    { selector: 'CallExpression[callee.name="Date"]', message: `Date() (without new) reads the wall clock; ${USE_THE_CLOCK}` },
    {
      selector: 'CallExpression[arguments.length=0]:matches([callee.name="todayInNL"], [callee.property.name="todayInNL"])',
      message: `todayInNL() without a date reads the wall clock; ${USE_THE_CLOCK}`,
    },
  ],
  // Date.now, called or passed on (`Date.now()`, `new Date(Date.now() - d)`, `.map(Date.now)`).
  'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: `Date.now reads the wall clock; ${USE_THE_CLOCK}` }],
};

export default defineConfig([
  // TypeScript only: the .js/.mjs/.cjs files (scripts/, bench/, jest's setup and reporter) are not linted.
  { ignores: ['dist/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    // The plugin is registered (none of its rules is on) so that the existing
    // `eslint-disable-next-line @typescript-eslint/...` comments name a known rule; those directives
    // are then unused, hence not reported.
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    // The clock module itself; test helpers may use real time (e.g. token expiry against the server).
    ignores: ['src/shared/clock.ts', 'test/support/**'],
    rules: noWallClock,
  },
]);
