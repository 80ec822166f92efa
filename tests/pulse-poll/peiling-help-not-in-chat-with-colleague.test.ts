/**
 * Found in review, stop 47 (left over from stop 46's own-chat check for HR's poll commands).
 * Teams calls a 1:1 chat between two people "personal" too (its id is a thread's, "19:…"; the
 * bot's own chat's is "a:…"). Every poll command typed in such a chat was answered only with the
 * pointer to the own chat, except `peiling help` (and `poll help`, and an unknown verb, which is
 * the help too): that still posted the help card into the chat with the colleague.
 *
 * Clock: Monday 23 November 2026; no poll is needed (the help names none).
 * 1. Hanna (HR) types `peiling help` and `poll help` in her 1:1 chat with Bram; Bram types
 *    `peiling help` in the same chat.
 * 2. Hanna types `peiling help` in her own chat with the bot, in Zorgteam Noord's channel and in
 *    a group chat, and `poll help` in her own chat.
 * Must hold: in the chat with Bram each command gets one answer, the pointer to the own chat with
 * Lerend Werken (in the language of the command word), and no help. In the own chat, the team's
 * channel and the group chat the help card comes as before, without the pointer.
 */
import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const WITH_BRAM = '19:hanna-and-bram@unq.gbl.spaces';
const POINTER = { nl: 'alleen in je eigen chat met Lerend Werken', en: 'only in your own chat with Lerend Werken' };
const HELP = { nl: 'B3-spiegel: peilingen voor HR', en: 'B3 mirror: polls for HR' };

describe('the poll help in a 1:1 chat with a colleague', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const bram = noord.members[1]!;

  /** What the bot posted into `conversationId` for one activity: per answer, is it the help, the pointer (and which language)? */
  const answersTo = async (activity: Record<string, unknown>, conversationId: string) => {
    const before = t.connector.calls.length;
    const res = await t.send(activity);
    await d.settle();
    const said = t.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === conversationId && c.activity?.type !== 'typing')
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'));
    return {
      status: res.status,
      answers: said.map((s) => ({
        help: s.includes(HELP.nl) ? 'nl' : s.includes(HELP.en) ? 'en' : false,
        pointer: s.includes(POINTER.nl) ? 'nl' : s.includes(POINTER.en) ? 'en' : false,
      })),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'help-colleague-chat'.padEnd(40, 'h') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('answers there only with where to go, in the language of the command word', async () => {
    const withBram = () => t.conversation('personal', WITH_BRAM);
    const told = {
      'Hanna: peiling help': await answersTo(message(withBram(), HR, 'peiling help'), WITH_BRAM),
      'Hanna: poll help': await answersTo(message(withBram(), HR, 'poll help'), WITH_BRAM),
      'Hanna: peiling iets': await answersTo(message(withBram(), HR, 'peiling iets'), WITH_BRAM),
      'Bram: peiling help': await answersTo(message(withBram(), bram, 'peiling help'), WITH_BRAM),
    };
    expect(told).toEqual({
      'Hanna: peiling help': { status: 200, answers: [{ help: false, pointer: 'nl' }] },
      'Hanna: poll help': { status: 200, answers: [{ help: false, pointer: 'en' }] },
      'Hanna: peiling iets': { status: 200, answers: [{ help: false, pointer: 'nl' }] },
      'Bram: peiling help': { status: 200, answers: [{ help: false, pointer: 'nl' }] },
    });
  });

  it('answers with the help as before in the own chat, a team channel and a group chat', async () => {
    const own = t.conversation('personal', 'a:personal-hanna');
    const groupChat = t.conversation('groupChat', '19:hanna-and-friends@thread.v2');
    const told = {
      'own chat: peiling help': await answersTo(message(own, HR, 'peiling help'), own.id),
      'own chat: poll help': await answersTo(message(own, HR, 'poll help'), own.id),
      'team channel: peiling help': await answersTo(d.inTeam(message(d.channel(noord), HR, 'peiling help'), noord), noord.id),
      'group chat: peiling help': await answersTo(message(groupChat, HR, 'peiling help'), groupChat.id),
    };
    expect(told).toEqual({
      'own chat: peiling help': { status: 200, answers: [{ help: 'nl', pointer: false }] },
      'own chat: poll help': { status: 200, answers: [{ help: 'en', pointer: false }] },
      'team channel: peiling help': { status: 200, answers: [{ help: 'nl', pointer: false }] },
      'group chat: peiling help': { status: 200, answers: [{ help: 'nl', pointer: false }] },
    });
  });
});
