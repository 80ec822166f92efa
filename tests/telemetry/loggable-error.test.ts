import { loggableError, stackFrames, withoutEchoedContent } from '../../src/log/loggable-error';

/**
 * What a log line keeps of an error: an HTTP client's error by kind and status (its message may be
 * the response body), any other's message without what a library quoted into it. Found in
 * review, stop 33 (the e2e attacks are in tests/privacy/logs-*-body.test.ts).
 */
describe('an error as a log line may hold it', () => {
  it('attack: a non-2xx answer whose body is the message (a roster with names) is logged by its status only', () => {
    const err = Object.assign(new Error('{"members":[{"name":"Zyxwv-Anna","email":"zyxwv@example.org"}]}'), { name: 'RestError', statusCode: 502, code: 'REQUEST_SEND_ERROR' });
    expect(loggableError(err)).toEqual({ err: 'RestError (HTTP 502)', errorType: 'RestError', status: 502, code: 'REQUEST_SEND_ERROR' });
  });

  it('attack: a JSON.parse message quoting a body keeps the kind of error, not the body', () => {
    let parseError: Error | undefined;
    try {
      JSON.parse('{"a":1,"name":Zyxwv-Anna}');
    } catch (err) {
      parseError = err as Error;
    }
    expect(parseError!.message).toContain('Zyxwv'); // what V8 does, and why this exists
    expect(loggableError(parseError).err).not.toContain('Zyxwv');
    expect(withoutEchoedContent(`Invalid JSON: ${parseError!.message}`)).toBe('Invalid JSON: not valid JSON (content not logged)');
  });

  it('keeps a message that quotes nothing, and a stack\'s frames without its message line', () => {
    const err = new Error('session opening refused (409)');
    expect(loggableError(err)).toEqual({ err: 'session opening refused (409)', errorType: 'Error' });
    const secret = new Error('Zyxwv-Anna');
    expect(stackFrames(secret)).not.toContain('Zyxwv');
    expect(stackFrames(secret)).toMatch(/^\s+at /);
  });
});
