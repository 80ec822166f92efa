/**
 * The rules of a professional's request for a talentontwikkelgesprek, with small fakes of the
 * ports: what is sent, under which key, to whom and about whom, and what is never sent.
 */
import { DomainError, isDomainError } from '../../src/domain/shared/errors';
import { ManagerDirectory } from '../../src/domain/directory/manager-directory';
import { ReviewRequest, ReviewRequestDelivery } from '../../src/domain/talent-review/review-request';
import { TalentReview } from '../../src/domain/talent-review/review';
import { createTranslator } from '../../src/i18n/i18n';
import { RenderedMessage } from '../../src/outbox/outbox-job';
import { TalentReviewFeatureDeps } from '../../src/teams/features/talent-review/deps';
import { chatReviewRequests } from '../../src/teams/features/talent-review/review-requests';
import { requestConversation } from '../../src/usecases/talent-review/request-review';
import { cardText } from '../support/group-driver';

const NOW = new Date('2026-11-23T08:00:00Z');
const managers: Record<string, string> = { 'aad-anna': 'aad-mia', 'aad-mia': 'aad-olga' };
const names: Record<string, { id: string; name: string }[]> = { 'aad-olga': [{ id: 'aad-mia', name: 'Mia' }] };

function fakes(opts: { directory?: Partial<ManagerDirectory>; planned?: Pick<TalentReview, 'reportId' | 'date' | 'timeZone'>[] } = {}) {
  const sent: { request: ReviewRequest; key: string }[] = [];
  const delivery: ReviewRequestDelivery = { deliver: async (request, key) => void sent.push({ request, key }) };
  const directory: ManagerDirectory = {
    managerOf: async (id) => managers[id],
    directReports: async (id) => names[id] ?? [],
    teamOf: async () => undefined,
    ...opts.directory,
  };
  const reviews = { listAbout: async () => (opts.planned ?? []) as TalentReview[] };
  const deps = { directory, reviews, clock: { now: () => NOW } } as unknown as Parameters<typeof requestConversation>[0];
  return { deps, delivery, sent };
}

describe('a request for a talentontwikkelgesprek', () => {
  it('keys a request by its press: the same press twice has one key, another press another', async () => {
    const { deps, delivery, sent } = fakes();
    await requestConversation(deps, delivery, { professionalId: 'aad-anna', pressKey: 'form-1' });
    await requestConversation(deps, delivery, { professionalId: 'aad-anna', pressKey: 'form-1' });
    await requestConversation(deps, delivery, { professionalId: 'aad-anna', pressKey: 'form-2' });
    const [first, again, other] = sent.map((s) => s.key);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    // The key names nobody: no id or press key in the clear.
    expect(sent[0]!.key).not.toMatch(/aad-anna|form-1/);
  });

  it('sends the message trimmed, and no message for blank words', async () => {
    const { deps, delivery, sent } = fakes();
    const outcome = await requestConversation(deps, delivery, { professionalId: 'aad-anna', professionalName: ' Anna ', text: '  Graag\u0007 in december  ', pressKey: 'a' });
    await requestConversation(deps, delivery, { professionalId: 'aad-anna', text: ' \u200B ', pressKey: 'b' });
    expect(sent.map((s) => s.request)).toEqual([
      { professionalId: 'aad-anna', professionalName: 'Anna', managerId: 'aad-mia', message: 'Graag in december' },
      { professionalId: 'aad-anna', managerId: 'aad-mia' },
    ]);
    expect(outcome).toEqual({ status: 'sent', managerName: 'Mia', message: 'Graag in december' });
  });

  it('refuses a message over 500 characters, about the field, before anything is looked up or sent', async () => {
    const asked: string[] = [];
    const { deps, delivery, sent } = fakes({ directory: { managerOf: async (id) => {
      asked.push(id);
      return managers[id];
    } } });
    const err = await requestConversation(deps, delivery, { professionalId: 'aad-anna', text: 'x'.repeat(501), pressKey: 'a' }).catch((e: unknown) => e);
    expect(isDomainError(err) && err.input).toEqual({ field: 'text', rule: 'tooLong', params: { max: 500, count: 501 } });
    expect(asked).toEqual([]);
    expect(sent).toEqual([]);
    expect(await requestConversation(deps, delivery, { professionalId: 'aad-anna', text: 'x'.repeat(500), pressKey: 'b' })).toMatchObject({ status: 'sent' });
  });

  it('sends nothing without a manager, nor with a conversation planned for today or later; one held does not count', async () => {
    const none = fakes();
    expect(await requestConversation(none.deps, none.delivery, { professionalId: 'aad-dewi', pressKey: 'a' })).toEqual({ status: 'noManager' });
    const today = fakes({ planned: [{ reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam' }, { reportId: 'aad-anna', date: '2026-11-23', timeZone: 'Europe/Amsterdam' }] });
    expect(await requestConversation(today.deps, today.delivery, { professionalId: 'aad-anna', pressKey: 'a' })).toEqual({ status: 'alreadyPlanned', date: '2026-11-23' });
    const held = fakes({ planned: [{ reportId: 'aad-anna', date: '2026-11-20', timeZone: 'Europe/Amsterdam' }] });
    expect(await requestConversation(held.deps, held.delivery, { professionalId: 'aad-anna', pressKey: 'a' })).toMatchObject({ status: 'sent' });
    expect([...none.sent, ...today.sent]).toEqual([]);
  });

  it('is refused, not read as "no manager", when the directory does not answer; a name it cannot find only leaves the name out', async () => {
    const down = fakes({ directory: { managerOf: async () => { throw new DomainError('directoryUnavailable', 'test'); } } });
    await expect(requestConversation(down.deps, down.delivery, { professionalId: 'aad-anna', pressKey: 'a' })).rejects.toMatchObject({ code: 'directoryUnavailable' });
    expect(down.sent).toEqual([]);
    const noName = fakes({ directory: { directReports: async () => { throw new DomainError('directoryUnavailable', 'test'); } } });
    expect(await requestConversation(noName.deps, noName.delivery, { professionalId: 'aad-anna', pressKey: 'a' })).toEqual({ status: 'sent' });
    expect(noName.sent).toHaveLength(1);
  });
});

describe('the request delivered to the manager\'s chat', () => {
  const ref = { serviceUrl: 'https://smba.example', bot: { id: '28:bot' }, conversation: { id: 'a:personal-anna', tenantId: 'tenant-1' } };
  const deliveryWith = (chosen: Record<string, 'nl' | 'en'>, shownIn?: 'nl' | 'en') => {
    const queued: RenderedMessage[] = [];
    const deps = {
      talentReview: { verantwoording: { records: { get: async (userId: string) => (chosen[userId] ? { type: 'preferences', language: chosen[userId] } : undefined) } } },
      translator: createTranslator(),
      outbox: { queue: async (m: RenderedMessage) => (queued.some((q) => q.key === m.key) ? 'alreadyQueued' : (queued.push(m), 'queued')) },
      defaultLanguage: 'nl',
    } as unknown as TalentReviewFeatureDeps;
    return { delivery: chatReviewRequests(deps, ref, shownIn), queued };
  };

  it('goes to the manager, about the professional (their erasure removes it), under the request\'s key, in the manager\'s language', async () => {
    const { delivery, queued } = deliveryWith({ 'aad-mia': 'en', 'aad-anna': 'nl' }, 'nl');
    expect(await delivery.deliver({ professionalId: 'aad-anna', professionalName: 'Anna', managerId: 'aad-mia', message: 'Graag' }, 'talentReview.request:rq_x')).toBeUndefined();
    expect(queued).toHaveLength(1);
    const m = queued[0]!;
    expect({ tenantId: m.tenantId, route: m.route, target: m.target, key: m.key, about: m.about }).toEqual({
      tenantId: 'tenant-1',
      route: { serviceUrl: 'https://smba.example', botId: '28:bot' },
      target: { kind: 'person', userId: 'aad-mia', appUserId: 'aad-mia' },
      key: 'talentReview.request:rq_x',
      about: ['aad-anna'],
    });
    // Refused for good, the professional hears it in the chat they asked from, in their language.
    expect(m.onRefused).toEqual({ kind: 'talentReview.requestRefused', args: { professionalId: 'aad-anna', conversationId: 'a:personal-anna', language: 'nl' } });
    expect(cardText(m.payload.attachments)).toContain('Anna requests a talent development conversation.');
  });

  it('says when the press had been queued before (its first words went)', async () => {
    const { delivery, queued } = deliveryWith({});
    await delivery.deliver({ professionalId: 'aad-anna', managerId: 'aad-mia', message: 'Eerst' }, 'k');
    expect(await delivery.deliver({ professionalId: 'aad-anna', managerId: 'aad-mia', message: 'Daarna' }, 'k')).toBe('alreadyQueued');
    expect(queued).toHaveLength(1);
  });

  it('speaks the organisation\'s language to a manager who chose none', async () => {
    const { delivery, queued } = deliveryWith({ 'aad-anna': 'en' });
    await delivery.deliver({ professionalId: 'aad-anna', professionalName: 'Anna', managerId: 'aad-mia' }, 'k');
    expect(cardText(queued[0]!.payload.attachments)).toContain('Anna vraagt een talentontwikkelgesprek aan.');
  });
});
