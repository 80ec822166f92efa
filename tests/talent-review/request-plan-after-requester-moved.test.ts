/**
 * Found in review, stop 43. Mia manages Anna and Cem. Anna asks Mia for a talentontwikkelgesprek;
 * then Anna moves to Olga. Mia presses "Gesprek plannen" on Anna's request: the plan card opened
 * with Cem chosen (the first report left in her list), so one press on "Plannen" planned, and
 * announced to Cem, a conversation nobody asked for.
 *
 * What must hold: a plan card opened for someone who is not (or no longer) among the manager's
 * direct reports chooses nobody ("Kies een medewerker") and says why; Save as opened plans nothing.
 * The same for an id that was never theirs (a forged press). "Plan another conversation" (nobody
 * asked for) still starts at the first report.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { buttonData, inputValue, inputValues } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const ORG = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
  { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
  { id: 'aad-olga', name: 'Olga' },
];
const NOT_THEIRS = 'staat volgens de directory niet (meer) bij je directe medewerkers';

/** The placeholder of the card's report choice (what Teams shows when nothing is chosen). */
function reportPlaceholder(card: unknown): unknown {
  const find = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) return node.map(find).find((x) => x !== undefined);
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.ChoiceSet' && o.id === 'reportId') return o.placeholder;
    return Object.values(o).map(find).find((x) => x !== undefined);
  };
  return find(card);
}

describe('the request\'s plan button after the professional moved to another manager', () => {
  let t: TestApp;
  let file = '';
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const reviewsFor = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'request-plan-moved-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: ORG }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('opens the plan card with nobody chosen and says the requester is no longer among the reports', async () => {
    const form = await press(anna, 'review.request.open', {});
    const sent = await press(anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: 'Graag over mijn ontwikkeling' });
    expect(cardText(sent)).toContain('Je verzoek is naar Mia gestuurd.');
    await t.app.outbox.drain(60_000);
    const request = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => c.card).find((c) => cardText(c).includes('Anna vraagt'));
    expect(request).toBeDefined();

    // Before the move, the button opens the card with Anna chosen.
    const before = await press(mia, 'review.plan.open', buttonData(request, 'review.plan.open'));
    expect({ chosen: inputValue(before, 'reportId'), notice: cardText(before).includes(NOT_THEIRS) }).toEqual({ chosen: 'aad-anna', notice: false });

    // Anna moves to Olga before Mia gets to the request.
    writeFileSync(file, JSON.stringify({ users: ORG.map((u) => (u.id === 'aad-anna' ? { ...u, managerId: 'aad-olga' } : u)) }));

    const plan = await press(mia, 'review.plan.open', buttonData(request, 'review.plan.open'));
    expect(cardText(plan)).toContain('Talentontwikkelgesprek plannen');
    // Cem never asked: nobody is chosen, the choice asks for one, and the card says why.
    expect({ chosen: inputValue(plan, 'reportId'), placeholder: reportPlaceholder(plan), notice: cardText(plan).includes(NOT_THEIRS) }).toEqual({ chosen: '', placeholder: 'Kies een medewerker', notice: true });

    // Pressing Save on the card as opened plans nothing, for Cem or anyone.
    const saved = await press(mia, 'review.plan.save', { ...buttonData(plan, 'review.plan.save'), ...inputValues(plan) });
    expect(cardText(saved)).not.toContain('Gepland:');
    expect({ cem: await reviewsFor('aad-cem'), anna: await reviewsFor('aad-anna') }).toEqual({ cem: [], anna: [] });
  });

  it('chooses nobody for an id that was never the manager\'s, and still starts "plan another" at the first report', async () => {
    const forged = await press(mia, 'review.plan.open', { reportId: 'aad-olga' });
    expect({ chosen: inputValue(forged, 'reportId'), notice: cardText(forged).includes(NOT_THEIRS) }).toEqual({ chosen: '', notice: true });

    const another = await press(mia, 'review.plan.open', {});
    expect({ chosen: inputValue(another, 'reportId'), notice: cardText(another).includes(NOT_THEIRS) }).toEqual({ chosen: 'aad-cem', notice: false });
  });
});
