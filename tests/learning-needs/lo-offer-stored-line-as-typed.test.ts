import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna');
const iris = user('Iris');

async function formFor(hr: PersonalChat, theme: string): Promise<any> {
  const overview = (await hr.say('aanbod')).cards[0];
  return hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme });
}

/** Every TextBlock's text (Markdown is read there; a RichTextBlock's TextRun is shown as typed). */
function markdownTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/**
 * Found in review, stop 46. Iris and Hanna (both HR/L&O) have the same theme's form open; Iris
 * saves first, with Markdown characters in her words. Hanna's save is refused because another save
 * came first, and her form says what is stored now ("Nu opgeslagen: ..."), the line she decides on.
 * L&O's words are shown as typed everywhere else (plain text); this line must be too: no bold, no
 * italics, and no link text that points somewhere other than it says. The same holds for the link.
 */
describe('the stored offer shown after a concurrent save', () => {
  let t: TestApp;
  afterAll(() => t.stop());

  it('shows the other save as typed, not formatted', async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris' }, '2026-11-23T08:00:00Z');
    const hr = new PersonalChat(t, hanna);
    const other = new PersonalChat(t, iris);
    const mine = await formFor(hr, 'samenwerken');
    const theirs = await formFor(other, 'samenwerken');
    const stored = '**Gratis** training _feedback_, zie [het leerplatform](https://elders.example.com)';
    const link = 'https://leren.voorbeeld.nl/_gratis_/**nu**';
    expect(cardText(await other.press('loOffer.save', { ...actionData(theirs, 'loOffer.save'), offerText: stored, offerLink: link }))).toContain('opgeslagen');

    const back = await hr.press('loOffer.save', { ...actionData(mine, 'loOffer.save'), offerText: 'Intervisie op afroep', offerLink: '' });
    expect(cardText(back)).toContain('intussen gewijzigd');
    // The stored offer is on the card, as Iris typed it ...
    expect(cardText(back)).toContain(`Nu opgeslagen: ${stored}`);
    expect(cardText(back)).toContain(`Nu opgeslagen als link: ${link}`);
    // ... and no Markdown TextBlock carries it raw (bold, italic and a link with another target).
    expect(markdownTexts(back).filter((text) => text.includes('[het leerplatform](https://elders.example.com)') || text.includes('**Gratis**') || text.includes(link))).toEqual([]);
  });
});
