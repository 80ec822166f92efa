import { CONFIG_VARIABLES, parseConfig } from '../../src/config/config';

const AI = { AZURE_OPENAI_ENDPOINT: 'https://lw-oai.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' };

/**
 * An empty value means "not set" (README, Configuration) and takes the documented default. It
 * did not: `z.coerce.number()` turned `PREP_DAYS_BEFORE=` and `AI_MAX_RETRIES=` into 0, and
 * `PORT=`, `DECISION_QUORUM=`, `LOG_LEVEL=` and `MICROSOFT_APP_TYPE=` stopped the app. A `.env`
 * copied from .env.example (every line `NAME=`) hits this. Empty values are now dropped before the
 * schema, for every variable at once.
 *
 * Found in review, stop 38.
 */
describe('empty values take the defaults', () => {
  it('PREP_DAYS_BEFORE= (empty) takes the default 3, not 0', () => {
    expect(parseConfig({ PREP_DAYS_BEFORE: '' }).talentReview.prepDaysBefore).toBe(3);
  });

  it('AI_MAX_RETRIES= (empty) takes the default 2, not 0', () => {
    const ai = parseConfig({ ...AI, AI_MAX_RETRIES: '' }).ai;
    expect(ai.enabled && ai.maxRetries).toBe(2);
  });

  it('PORT=, DECISION_QUORUM=, LOG_LEVEL= and MICROSOFT_APP_TYPE= start the app with their defaults', () => {
    const c = parseConfig({ PORT: '', DECISION_QUORUM: '', LOG_LEVEL: '', MICROSOFT_APP_TYPE: '' });
    expect({ port: c.port, quorum: c.weekCycle.decisionQuorum, logLevel: c.logLevel }).toEqual({ port: 3978, quorum: 0.5, logLevel: 'info' });
    const bot = parseConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'ten', MICROSOFT_APP_PASSWORD: 'pw', COSMOS_EMBEDDED: 'true', MICROSOFT_APP_TYPE: '' }).bot;
    expect(bot.mode).toBe('SingleTenant');
  });

  it('a value of only spaces is empty too, not 0', () => {
    expect(parseConfig({ PREP_DAYS_BEFORE: '  ', RETENTION_OUTBOX_DAYS: ' ' })).toMatchObject({ talentReview: { prepDaysBefore: 3 }, retention: { outboxDays: 30 } });
  });

  it('a .env with every variable empty (a copied .env.example) gives the same configuration as none at all', () => {
    const allEmpty = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, '']));
    expect(parseConfig(allEmpty)).toEqual(parseConfig({}));
  });

  it('an explicit 0 still counts: empty is not the same as zero', () => {
    expect(parseConfig({ PREP_DAYS_BEFORE: '0' }).talentReview.prepDaysBefore).toBe(0);
  });
});

