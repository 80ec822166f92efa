import { ConversationSpec, execute, message, TestUser } from './activities';
import { TestApp } from './test-app';
import { cardText } from './group-driver';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

/**
 * What `who` sees after typing `text` (a `rapport` command): in a channel or group chat the bot
 * posts a card that Teams refreshes for the asker alone, so this is the asker's own view of it
 * (the refresh invoke their Teams sends without a click); in the 1:1 chat, the card as posted.
 * `posted` is the card every reader of the conversation sees; both undefined for a text answer.
 */
export async function askReport(t: TestApp, conv: ConversationSpec, who: TestUser, text: string): Promise<{ card: any; posted: any } | undefined> {
  const before = t.connector.calls.length;
  await t.send(message(conv, who, text));
  const reply = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity?.attachments?.length).at(-1);
  const posted = reply?.activity.attachments[0].content;
  if (!posted) return undefined;
  const refresh = posted.refresh as { action?: { verb?: string; data?: Record<string, unknown> }; userIds?: string[] } | undefined;
  if (!refresh?.action?.verb || !refresh.userIds?.includes(who.id)) return { card: posted, posted };
  const res = await t.send(execute(conv, who, refresh.action.verb, refresh.action.data ?? {}, reply!.id));
  if (res.status !== 200) throw new Error(`refresh ${refresh.action.verb} answered ${res.status}`);
  return { card: res.body.value, posted };
}

/** The report card as the asker sees it; fails the test when the bot answered with text only. */
export async function reportCard(t: TestApp, conv: ConversationSpec, who: TestUser, text: string): Promise<any> {
  const seen = await askReport(t, conv, who, text);
  if (!seen) throw new Error(`no report card for ${JSON.stringify(text)}`);
  return seen.card;
}

/** What anyone holding a signed download link of the report gets (the link names the app's public URL; the test app listens elsewhere). */
export async function downloadText(t: TestApp, url: string): Promise<string> {
  const link = new URL(url);
  return (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text();
}

/** The report card `reader` sees in the HR channel for the period, and its two signed download links. */
export async function reportLinks(t: TestApp, reader: TestUser, from: string, to: string): Promise<{ card: any; csv: string; summary: string }> {
  const card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), reader, `rapport ${from} ${to}`);
  return { card, csv: card.actions[0].url as string, summary: card.actions[1].url as string };
}

/** The cards in a person's own 1:1 chat (by Entra id) whose text holds `title`. */
export function personalCardsTitled(t: TestApp, aadId: string, title: string): Record<string, unknown>[] {
  return t.connector
    .cards((c) => c.conversationId === t.connector.personalChats.get(aadId))
    .map((c) => c.card as Record<string, unknown>)
    .filter((c) => cardText(c).includes(title));
}
