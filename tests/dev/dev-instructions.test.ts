import * as fs from 'fs';
import * as path from 'path';
import { devInstructions, playgroundGroupChat } from '../../scripts/dev-instructions';

const yml = fs.readFileSync(path.resolve(__dirname, '../../.m365agentsplayground.yml'), 'utf8');

/** `npm run dev` tells a newcomer what the README tells them, in the Playground's own names. */
describe('npm run dev\'s instructions', () => {
  const text = devInstructions({ port: 3978, playgroundPort: 56150, groupChat: playgroundGroupChat(yml), userId: '00000000-0000-0000-0000-000000000020' });

  it('name the Playground\'s real group chat', () => {
    expect(playgroundGroupChat(yml)).toBe('Vitale Weekcyclus Zorg');
    expect(text).toContain('"Vitale Weekcyclus Zorg"');
    expect(text).not.toContain('Group Chat');
  });

  it('walk the card-driven flow of the README, not typed commands', () => {
    for (const button of ['Groep instellen', 'Opslaan', 'Start week 1', 'Sessie starten', 'Mijn invulvelden', 'Volgende vraag', 'Sessie afronden']) {
      expect(text).toContain(`"${button}"`);
    }
    expect(text).not.toMatch(/"(groep|nieuwe cyclus|start)"/);
  });

  it('say that a group chat or channel needs an @mention', () => {
    expect(text).toContain('@mention');
  });
});
