import pino, { type DestinationStream, type Logger } from 'pino';

/** Any run of 9 digits could be a BSN: masked in every logged error text, whatever produced it. */
const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g;
export const maskBsns = (text: string): string => text.replace(NINE_DIGITS, '*********');

/**
 * Structured JSON logs. Tokens and BSN-bearing fields are redacted by path; error messages and
 * stacks (which may quote SQL with its parameters) have every 9-digit run masked. Code never passes
 * a BSN to the logger in the first place (actors are logged by role and non-personal ids).
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'toeslagen-api' },
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'token', '*.token', 'bsn', '*.bsn', 'variables'],
      censor: '[redacted]',
    },
    serializers: {
      err(err: unknown) {
        const s = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
        for (const k of ['message', 'stack', 'detail', 'where']) {
          if (typeof s[k] === 'string') s[k] = maskBsns(s[k] as string);
        }
        return s;
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };

/**
 * The server's stdout, written asynchronously (sonic-boom): log lines written while a write is in
 * flight go out together, instead of one blocking write system call per line on the request
 * path. pino flushes it synchronously on exit, on an uncaught exception and on SIGINT/SIGTERM;
 * what a power cut can lose is the lines not yet written, as with any buffered log.
 */
export function asyncStdout(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}
