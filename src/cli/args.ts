/** Minimal `--name value` / `--flag` parser for the project's own commands (node:util parseArgs). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(options: T, argv = process.argv.slice(2)) {
  return parseArgs({ options, args: argv, strict: true, allowPositionals: false }).values;
}

export function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}
