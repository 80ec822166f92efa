import pino, { Logger } from 'pino';
import { withoutEchoedContent } from './loggable-error';

export type { Logger };

/**
 * Logs carry ids and outcomes only. Anything that could hold message text, names or secrets is
 * redacted by path as a second line of defence: callers should not pass such fields at all.
 */
const REDACTED_PATHS = [
  'text', '*.text', 'name', '*.name', 'userName', '*.userName', 'answer', '*.answer',
  'authorization', '*.authorization', 'headers.authorization', 'apiKey', '*.apiKey', 'password', '*.password',
  'key', '*.key', 'token', '*.token',
];

/** An error's message and stack, wherever a caller logged them, without content a library quoted into them (see loggableError). */
function withoutEchoes(fields: Record<string, unknown>): Record<string, unknown> {
  if (typeof fields.err !== 'string' && typeof fields.stack !== 'string') return fields;
  return {
    ...fields,
    ...(typeof fields.err === 'string' ? { err: withoutEchoedContent(fields.err) } : {}),
    ...(typeof fields.stack === 'string' ? { stack: withoutEchoedContent(fields.stack) } : {}),
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'lerend-werken' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, formatters: { log: withoutEchoes } }, destination);
}
