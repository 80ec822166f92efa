/**
 * Error messages from HTTP and JSON libraries can quote what they were given: V8's JSON.parse
 * quotes the text around a bad token (a request body: a name, a note), and @azure/core-client
 * puts the whole response body in its error when it cannot parse it (a chat roster: names and
 * e-mail addresses). A log keeps the kind of error, never that content.
 */
const ECHOED_CONTENT: [RegExp, string][] = [
  [/( occurred while parsing the response body)[\s\S]*/, '$1 (not logged)'],
  [/(Unexpected token|Unexpected non-whitespace character|Unterminated string|Bad (control|escaped) character|Expected [^\n]*? in JSON|Unexpected end of JSON)[\s\S]*/, 'not valid JSON (content not logged)'],
];

/** The message without any content a library quoted into it (see ECHOED_CONTENT). */
export function withoutEchoedContent(message: string): string {
  return ECHOED_CONTENT.reduce((m, [pattern, replacement]) => m.replace(pattern, replacement), message);
}

/**
 * An error as a log line may hold it. An HTTP client's error (it has a status) is told by its
 * kind, status and code only: its message may be the response body itself. Any other error's
 * message loses what a library quoted into it.
 */
export function loggableError(err: unknown): { err: string; errorType?: string; status?: number; code?: string } {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; statusCode?: unknown; status?: unknown; code?: unknown };
  const errorType = typeof e.name === 'string' ? e.name : typeof err;
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code).slice(0, 60) : undefined;
  if (status !== undefined) return { err: `${errorType} (HTTP ${status})`, errorType, status, ...(code ? { code } : {}) };
  return { err: withoutEchoedContent(String(e.message ?? err)), errorType, ...(code ? { code } : {}) };
}

/** Where an error came from: its stack's frames, without the first line, which repeats the message. */
export function stackFrames(err: unknown): string | undefined {
  const stack = (err as { stack?: unknown } | undefined)?.stack;
  if (typeof stack !== 'string') return undefined;
  return stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
}
