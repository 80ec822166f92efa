/**
 * The OpenAI SDK never prints the API key or the group's answers.
 * Problem this guards against: the openai package console.logs every request, its api-key header
 * and the prompt with the group's answers, when DEBUG=true: a generic switch an operator may set
 * on App Service while looking into something else, and one that passes the logger's redaction.
 * The configuration refuses DEBUG=true while Azure OpenAI is set.
 */
import { createProposalDrafter } from '../../src/ai/azure-openai-proposal-drafter';
import { AppConfig, ConfigError, parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { startFakeAzureOpenAi, success } from '../support/fake-azure-openai';

describe('the OpenAI SDK\'s own debug output', () => {
  const saved = process.env.DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = saved;
  });

  it('prints the API key and the group\'s answers under DEBUG=true (why the configuration refuses it)', async () => {
    const fake = await startFakeAzureOpenAi('gpt-4o-test', 'sk-PROBE-DEBUG-KEY-42');
    const printed: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
    try {
      // A generic switch an operator may well set on App Service while looking into something else.
      process.env.DEBUG = 'true';
      const settings: AppConfig['ai'] = { enabled: true, endpoint: fake.url, apiKey: fake.apiKey, deployment: fake.deployment, apiVersion: '2024-10-21', timeoutMs: 5000, maxRetries: 0 };
      fake.script(success({ proposal: 'p', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] }));
      const result = await createProposalDrafter(settings, createLogger('info', { write: () => undefined })).draft({ language: 'nl', answers: [{ questionId: 1, question: 'Welke werksituatie?', answer: 'PRIVE-ANTWOORD van de groep over Anna' }] });
      expect(result.ok).toBe(true);
    } finally {
      spy.mockRestore();
      await fake.close();
    }
    const out = printed.join('\n');
    expect({ apiKey: out.includes('sk-PROBE-DEBUG-KEY-42'), answer: out.includes('PRIVE-ANTWOORD') }).toEqual({ apiKey: true, answer: true });
  });

  const ai = { AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' };

  it('is refused by the configuration while Azure OpenAI is set, naming DEBUG and why', () => {
    let error: unknown;
    try {
      parseConfig({ ...ai, DEBUG: 'true' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^DEBUG: must not be true while AZURE_OPENAI_ENDPOINT is set: .*API key/)]);
  });

  it('is allowed without AI, and any other DEBUG value (a debug namespace) with it', () => {
    expect(parseConfig({ DEBUG: 'true' }).ai.enabled).toBe(false);
    expect(parseConfig({ ...ai, DEBUG: 'lerend:*' }).ai.enabled).toBe(true);
  });
});
