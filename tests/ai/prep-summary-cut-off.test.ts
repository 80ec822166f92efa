import { createPrepSummarizer } from '../../src/ai/azure-openai-prep-summarizer';
import type { AppConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { FakeAzureOpenAi, startFakeAzureOpenAi, truncated } from '../support/fake-azure-openai';

const settingsFor = (fake: FakeAzureOpenAi): AppConfig['ai'] => ({ enabled: true, endpoint: fake.url, apiKey: fake.apiKey, deployment: fake.deployment, apiVersion: '2024-10-21', timeoutMs: 5000, maxRetries: 0 });
const items = ['Ik wil meer regie over mijn rooster', 'Ik twijfel of ik de avonddiensten wil blijven doen'];

/**
 * The manager's prep card shows an AI summary of what the professional shares. When the
 * model's answer runs into max_tokens (finish_reason "length"), what comes back is the first part
 * of a sentence. The proposal drafter treats such an answer as no answer ('too-long'); the prep
 * summarizer returns the cut-off text as if it were the whole summary, and the manager reads a
 * half sentence about their report ("Anna overweegt te stoppen met") as the AI's summary. Now a
 * cut-off answer gives no summary, and one too long for the card ends at a whole sentence with
 * "…". Found in review, stop 39.
 */
describe('a prep summary the model cut off at its token limit', () => {
  let fake: FakeAzureOpenAi;
  beforeAll(async () => { fake = await startFakeAzureOpenAi(); });
  afterAll(() => fake.close());

  it('is not shown as the summary', async () => {
    const summarizer = createPrepSummarizer(settingsFor(fake), createLogger('silent', { write: () => undefined }));
    fake.script(truncated('Anna wil meer regie over haar rooster. Daarnaast overweegt zij te stoppen met'));
    const from = fake.requests.length;
    const summary = await summarizer.summarize({ language: 'nl', items });
    expect(fake.requests.length - from).toBe(1);
    // A cut-off answer is partial model output: no summary (the card is complete without it).
    expect(summary).toBeUndefined();
  });

  // The same in the app's own cut: a whole answer (finish_reason "stop") longer than 1200 characters
  // is sliced at 1200, mid-word, with nothing to say that the rest is missing.
  it('too long for the card, ends at a whole sentence and says more was cut', async () => {
    const summarizer = createPrepSummarizer(settingsFor(fake), createLogger('silent', { write: () => undefined }));
    const sentence = 'Anna beschrijft uitgebreid hoe zij haar rooster wil inrichten en welke diensten haar energie geven of juist kosten. ';
    const whole = sentence.repeat(11) + 'Zij wil daarom niet langer avonddiensten draaien.';
    fake.script({ kind: 'success', content: whole });
    const summary = await summarizer.summarize({ language: 'nl', items });
    // The card keeps 1200 characters of it, " …" included: the whole sentences that fit in the
    // rest, and a mark that more was said.
    const fitting = Math.floor((1200 - ' …'.length) / sentence.length);
    expect(summary).toBe(`${sentence.repeat(fitting).trimEnd()} …`);
  });
});
