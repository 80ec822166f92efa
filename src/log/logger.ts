import pino, { Logger } from 'pino';

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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'lerend-werken' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
