/**
 * A manager of a large ward (a Dutch care "teamleider" over 90 direct reports; the directory reads
 * 100 per page): the `prep` list gave each report without a conversation a line and a "plan"
 * button, about 1.1 KB each, and grew past what Teams takes in one message (card-size.ts). The
 * list now comes a page at a time (LIST_PAGE), with a press to the next page and back, and each
 * page is built to fit.
 * 1. The card alone, for 75, 90 and 150 reports (English, GUID ids, names of about 37
 *    characters): within the validator's size; the first page names the first LIST_PAGE reports
 *    and offers the next ones.
 *    With names as long as Teams allows (256 characters) a page holds fewer, and still fits.
 * 2. Through the app: Mia (90 reports) types "prep"; the card in her chat fits, and "Next" and
 *    "Previous" walk the whole list, every report on exactly one page.
 * 3. Pages smaller than LIST_PAGE (long names): "Previous" went back LIST_PAGE lines, not one page
 *    (from the third page to the first, the second's lines skipped), and "Next N" promised
 *    LIST_PAGE lines. One page size now holds for the whole list: "Previous" from the third page
 *    shows the second, and "Next N" says how many the next page names.
 */
import { randomUUID } from 'node:crypto';
import { createTranslator } from '../../src/i18n/i18n';
import { LIST_PAGE, reviewsListCard } from '../../src/teams/cards/talent-review/reviews-list.card';
import { message, user } from '../support/activities';
import { maybeButtonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { nameOf } from '../cards/largest-content';
import { startTestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from './support/proposal-put-before';

const SURNAMES = ['van der Heijden-Bakker', 'de Vries-Jansen', 'El Amrani', 'Schoonderwoerd', 'van den Berg'];
const reports = (n: number) => Array.from({ length: n }, (_, i) => ({ id: randomUUID(), name: `Medewerker ${String(i + 1).padStart(3, '0')} ${SURNAMES[i % SURNAMES.length]}` }));
const sizeProblems = (card: object) => cardProblems(card).filter((p) => p.startsWith('size'));
/** The reports a page names: "Medewerker 007 …" lines. */
const namedOn = (card: object) => [...new Set(cardText(card).match(/Medewerker \d{3}/g) ?? [])];

describe('the prep list of a manager with many direct reports', () => {
  const t = createTranslator().t('en');

  it.each([75, 90, 150])('fits, a page at a time, with %i reports without a conversation', (n) => {
    const withoutPlan = reports(n).map((r, i) => ({ reportId: r.id, name: r.name, ...(i % 2 ? { lastHeld: '2025-11-03' } : {}) }));
    const card = reviewsListCard([], t, 'en', undefined, { withoutPlan, today: '2026-11-23' });
    expect({ size: sizeProblems(card), named: namedOn(card).length, next: maybeButtonData(card, 'review.list') }).toEqual({ size: [], named: LIST_PAGE, next: { skip: LIST_PAGE } });
  });

  it('fits with names as long as Teams allows: a smaller page, and the next one offered from where it stopped', () => {
    const withoutPlan = reports(90).map((r, i) => ({ reportId: r.id, name: nameOf(r.name), ...(i % 2 ? { lastHeld: '2025-11-03' } : {}) }));
    const card = reviewsListCard([], t, 'en', undefined, { withoutPlan, today: '2026-11-23' });
    const named = namedOn(card).length;
    expect({ size: sizeProblems(card), fewer: named > 0 && named < LIST_PAGE, next: maybeButtonData(card, 'review.list') }).toEqual({ size: [], fewer: true, next: { skip: named } });
  });

  it('through the app: Mia (90 reports) types "prep", gets a card that fits, and pages through all of them', async () => {
    const mia = user('Mia');
    const ward = reports(90);
    const app = await startTestApp({ DIRECTORY_FILE: directoryFile([...ward.map((r) => ({ ...r, managerId: mia.aadObjectId })), { id: mia.aadObjectId, name: 'Mia' }]) }, '2026-11-23T08:00:00Z');
    try {
      await app.send({ ...message(personalChat(app, mia), mia, 'prep'), locale: 'en-US' });
      const sent = app.connector.calls.filter((c) => c.conversationId === personalChat(app, mia).id).map((c) => c.activity);
      expect({ sent: sent.length, over100KB: sent.map((a) => Buffer.byteLength(JSON.stringify(a), 'utf16le')).filter((b) => b > 100 * 1024) }).toEqual({ sent: 1, over100KB: [] });

      const pages = [sent[0]!.attachments[0].content];
      for (let next = pageButton(pages[0], NEXT); next && pages.length < 5; next = pageButton(pages.at(-1), NEXT)) pages.push(await pressIn(app, mia, 'review.list', next));
      const named = pages.flatMap(namedOn);
      expect({ pages: pages.length, problems: pages.flatMap(sizeProblems), named: named.length, distinct: new Set(named).size }).toEqual({ pages: 3, problems: [], named: 90, distinct: 90 });
      // "Previous" from the last page goes back one page.
      const back = await pressIn(app, mia, 'review.list', pageButton(pages.at(-1), PREVIOUS)!);
      expect(namedOn(back)).toEqual(namedOn(pages[1]));
    } finally {
      await app.stop();
    }
  }, 120_000);

  describe('pages smaller than LIST_PAGE (names as long as Teams allows)', () => {
    const withoutPlan = reports(90).map((r) => ({ reportId: r.id, name: nameOf(r.name) }));
    const pageFrom = (skip: number) => reviewsListCard([], t, 'en', undefined, { withoutPlan, today: '2026-11-23', skip });
    const pressed = (card: object, title: RegExp) => pageFrom(Number(pageButton(card, title)!.skip));

    it('"Previous" from the third page goes back to the second', () => {
      const first = pageFrom(0);
      const second = pressed(first, NEXT);
      const third = pressed(second, NEXT);
      expect({ smaller: namedOn(first).length < LIST_PAGE, back: namedOn(pressed(third, PREVIOUS)) }).toEqual({ smaller: true, back: namedOn(second) });
    });

    it('"Next N" says how many the next page names, on every page', () => {
      const said: string[] = [];
      const shown: string[] = [];
      for (let card = pageFrom(0), n = 0; pageButton(card, NEXT) && n < 100; n++) {
        said.push(buttonTitle(card, NEXT)!);
        card = pressed(card, NEXT);
        shown.push(`Next ${namedOn(card).length}`);
      }
      expect({ pages: said.length > 1, said }).toEqual({ pages: true, said: shown });
    });
  });
});

/** The title of the page button (NEXT, PREVIOUS) that matches, if the card has one. */
function buttonTitle(card: unknown, title: RegExp): string | undefined {
  const titles: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === 'review.list') titles.push(String(o.title));
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return titles.find((x) => title.test(x));
}

/** The page buttons in either language: Mia's presses carry no Teams locale, so her later pages are Dutch. */
const NEXT = /^(Next|Volgende)\b/;
const PREVIOUS = /^(Previous|Vorige)\b/;

/** The data of the page button (NEXT, PREVIOUS) whose title matches, if the card has one. */
function pageButton(card: unknown, title: RegExp): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === 'review.list' && title.test(String(o.title))) found = o.data as Record<string, unknown>;
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}
