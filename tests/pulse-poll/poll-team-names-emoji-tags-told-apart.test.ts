// Found in review, stop 59 (fixed then: names are compared without stray gaps and invisible ends only; joiners and tag characters stay).
/**
 * An earlier change of stop 59 (c34f790) compared a team's name without invisible characters (`norm` in poll-results.ts uses
 * `withoutInvisibleCharacters`, which drops every \p{Cf}: also the tag characters that make a
 * subdivision flag, and the zero-width joiner inside emoji). Two teams whose names SHOW differently
 * (Scotland's flag, Wales's flag) then compare equal, so HR can name neither: every command is
 * "Meerdere teams passen" with a list of two names, and typing the full name does not help. Before
 * c34f790, and again since, each whole name matches its own team.
 */
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { hrChatReply } from './support-hr-chat';

const SCOTLAND = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
const WALES = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}';

describe('two teams whose names differ in a flag made of tag characters', () => {
  let t: TestApp;
  let d: PulseDriver;
  const scots: TestTeam = team(`Zorgteam ${SCOTLAND}`, 'scots', [HR, ...members('scots', 3)]);
  const welsh: TestTeam = team(`Zorgteam ${WALES}`, 'welsh', [HR, ...members('welsh', 3)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'team-names-flags'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(scots, 'peiling start dit team 2026-12-04');
    await d.settle();
    await d.install(welsh);
  }, 90_000);
  afterAll(() => t?.stop());

  const reply = hrChatReply(() => t, () => d);

  it("the Scottish team's whole name finds its poll (not 'several teams fit')", async () => {
    const said = await reply(`peiling status Zorgteam ${SCOTLAND}`);
    expect(said).not.toMatch(/Meerdere teams passen/);
    expect(said).toMatch(/Voortgang B3-spiegel/);
  }, 60_000);

  it("the Welsh team's whole name is that team (no poll), not 'several teams fit'", async () => {
    const said = await reply(`peiling status Zorgteam ${WALES}`);
    expect(said).not.toMatch(/Meerdere teams passen/);
  }, 60_000);
});
