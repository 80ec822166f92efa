import { randomUUID } from 'node:crypto';
import { Attachment, CardFactory, MessagingExtensionResult, TaskModuleTaskInfo } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { z } from 'zod';
import { isDomainError } from '../../../domain/shared/errors';
import { cleanNoteText } from '../../../domain/verantwoording/accountability-note';
import { addMessageNote } from '../../../usecases/verantwoording/notes';
import { Translate } from '../../../i18n/i18n';
import { myGroups, ProposalHit, searchProposals, SEARCH_LIMITS } from '../../../usecases/verantwoording/search-proposals';
import { proposalResultCard } from '../../cards/verantwoording/proposal-result.card';
import { aiTextLabel, rejectionLine } from '../../cards/verantwoording/proposal-summary';
import { AdaptiveCardJson, refusalNotice } from '../../cards/card-kit';
import { saveNoteDialogCard } from '../../cards/verantwoording/save-note-dialog.card';
import { actorOf } from '../../turn';
import { userT, VerantwoordingFeatureDeps } from './deps';
import { htmlToText } from './html-to-text';
import { verantwoordingReason } from './refusal-forms';

/** Command ids, as in appPackage/manifest.json (composeExtensions). */
export const EXTENSION_COMMANDS = { saveMessage: 'bewaarInVerantwoording', searchProposals: 'zoekVoorstellen' } as const;
export const SEARCH_PARAMETER = 'zoekterm';

/**
 * The most a message's HTML (or subject) can hold as it arrives: the server reads no request body
 * over 1 MiB (server.ts), so no string in it is longer. A lower cap here made a longer body (an
 * e-mail to the channel: Outlook's markup around a few paragraphs) arrive as no body at all, an
 * empty dialog. htmlToText reads it in one pass; the dialog shows at most MAX_DIALOG_TEXT of it.
 */
const MAX_MESSAGE_CHARS = 1024 * 1024;

/**
 * What Teams sends about the message the action was started on (composeExtension/fetchTask,
 * submitAction). Each field on its own: one of an odd kind (a null link, a link too long to keep)
 * is left out, never the message's text with it.
 */
const messagePayloadSchema = z
  .object({
    id: z.string().min(1).max(100).optional().catch(undefined),
    // A channel post's heading (plain text): often the only words that say what the post is about.
    subject: z.string().max(MAX_MESSAGE_CHARS).optional().catch(undefined),
    body: z.object({ contentType: z.string().max(40).optional().catch(undefined), content: z.string().max(MAX_MESSAGE_CHARS).optional().catch(undefined) }).partial().optional().catch(undefined),
    linkToMessage: z.string().max(4000).optional().catch(undefined),
    // Read one by one (see `attachmentLines`): an odd one is left out, never the others.
    attachments: z.array(z.unknown()).max(50).optional().catch(undefined),
  })
  .partial();

/** A file the message holds, as Teams sends it in `attachments` (the body only names its id); a bot's file too. */
const fileAttachmentSchema = z.object({ contentType: z.enum(['reference', 'application/vnd.microsoft.teams.file.download.info']), name: z.string().min(1).max(1000) });
/** A card the message holds (Adaptive, hero, thumbnail, a connector's): its content as an object, or as JSON in a string. */
const cardAttachmentSchema = z.object({
  contentType: z.string().max(200).refine((c) => c.startsWith('application/vnd.microsoft.card.') || c === 'application/vnd.microsoft.teams.card.o365connector'),
  content: z.unknown(),
});
const actionValueSchema = z.object({ commandContext: z.string().max(40).optional().catch(undefined), messagePayload: messagePayloadSchema.optional().catch(undefined) }).partial();
/**
 * The text is read whatever its length (the server's body limit bounds it): a cap here made a
 * long text arrive as nothing, refused as empty and lost. The domain refuses it as too long.
 */
// Each field on its own: a link or key of the wrong kind (a tampered or odd client) is left out, never the typed text with it.
const submitSchema = z.object({
  noteText: z.string().default(''),
  link: z.string().max(4000).optional().catch(undefined),
  key: z.string().min(1).max(100).optional().catch(undefined),
  message: z.string().min(1).max(100).optional().catch(undefined),
});

/**
 * How much of a refused text the dialog shows again: the most the dialog ever took in, and well
 * inside the size of a card Teams shows. A note is far shorter, so nothing needed is cut off.
 */
export const MAX_DIALOG_TEXT = 20_000;

/** The first `max` characters, never ending in half a surrogate pair (an emoji cut in two). */
function firstChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * The dialog's Save carries its key: set when the dialog is first shown and kept when it comes
 * back (refused, or the store failed). It keys the note: this Save delivered again finds it (see
 * `addMessageNote`), while the same message saved anew in another dialog is found by its link and
 * words. The message's id goes with it, for a submit that comes without the message. Keyed per
 * person, so a key names only their notes.
 */
function withDialogKeys(card: AdaptiveCardJson, keys: { key: string; message?: string }): AdaptiveCardJson {
  const data = { key: keys.key, ...(keys.message ? { message: keys.message } : {}) };
  return { ...card, actions: card.actions?.map((a) => (a.type === 'Action.Submit' ? { ...a, data: { ...a.data, ...data } } : a)) };
}

/** A file's or card's line in the note: without line breaks, and short enough to leave room for words. */
const MAX_ATTACHMENT_LINE = 300;

/** What a card calls itself: a hero or thumbnail card's title, else an Adaptive Card's first text. */
function cardTitle(content: unknown): string | undefined {
  let card = content;
  if (typeof card === 'string') {
    try {
      card = JSON.parse(card) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!card || typeof card !== 'object') return undefined;
  const { title, body } = card as { title?: unknown; body?: unknown };
  if (typeof title === 'string' && title.trim()) return title;
  // The first text as the card reads, through its containers and columns; a bounded number of elements.
  const toVisit: unknown[] = Array.isArray(body) ? body.slice(0, 50).reverse() : [];
  for (let seen = 0; seen < 200 && toVisit.length > 0; seen++) {
    const e = toVisit.pop() as { type?: unknown; text?: unknown; items?: unknown; columns?: unknown } | null;
    if (!e || typeof e !== 'object') continue;
    if (e.type === 'TextBlock' && typeof e.text === 'string' && e.text.trim()) return e.text;
    for (const inner of [e.columns, e.items]) if (Array.isArray(inner)) toVisit.push(...inner.slice(0, 50).reverse());
  }
  return undefined;
}

/**
 * What a message holds besides its text, as lines for the note: each file by name, each card by
 * its title. A message that is only a file (its body names just the file's id) or only a card
 * then opens with what was chosen, not an empty dialog refused as empty on Save.
 */
function attachmentLines(attachments: unknown[] | undefined, t: Translate): string[] {
  const oneLine = (s: string) => firstChars(s.replace(/\s+/g, ' ').trim(), MAX_ATTACHMENT_LINE);
  return (attachments ?? []).flatMap((a) => {
    const file = fileAttachmentSchema.safeParse(a);
    if (file.success) return oneLine(file.data.name) ? [t('verantwoording.extension.file', { name: oneLine(file.data.name) })] : [];
    const card = cardAttachmentSchema.safeParse(a);
    if (!card.success) return [];
    const title = cardTitle(card.data.content);
    return [title && oneLine(title) ? t('verantwoording.extension.card', { title: oneLine(title) }) : t('verantwoording.extension.cardUntitled')];
  });
}

type MessagePayload = z.infer<typeof messagePayloadSchema>;

/**
 * The message as the note's text: a channel post's subject as its first line, then its body as
 * plain text (a pasted image as a line that says so), then its files and cards, one a line.
 */
function messageAsText(payload: MessagePayload | undefined, t: Translate): string {
  const subject = payload?.subject?.replace(/\s+/g, ' ').trim();
  const body = htmlToText(payload?.body?.content ?? '', payload?.body?.contentType ?? 'html', { image: t('verantwoording.extension.image') });
  return [subject, body, ...attachmentLines(payload?.attachments, t)].filter(Boolean).join('\n');
}

/** The save failed (the store, not the input): the line that says so, right above the kept text. */
function withSaveFailed(card: AdaptiveCardJson, line: string): AdaptiveCardJson {
  const at = card.body.findIndex((e) => (e as { id?: string }).id === 'noteText');
  return { ...card, body: [...card.body.slice(0, Math.max(at, 0)), refusalNotice(line), ...card.body.slice(Math.max(at, 0))] };
}

/**
 * Why a message's text cannot be saved as it is, when it is longer than a note: the same words
 * and count as when Save is pressed on it. Empty is no problem yet (it is said on Save).
 */
function tooLongReason(text: string, t: Translate): string | undefined {
  try {
    cleanNoteText(text);
    return undefined;
  } catch (err) {
    if (!isDomainError(err) || err.input?.rule !== 'tooLong') return undefined;
    return verantwoordingReason({ field: err.input.field, code: err.code, rule: err.input.rule, params: err.input.params ?? {} }, t, { text });
  }
}

/** How much of a proposal's text the result list shows: a line or two in Teams' list. */
const PREVIEW_CHARS = 120;

/**
 * A hit as the searcher's result list shows it. AI text says there too that AI wrote it (an
 * undecided concept, or a draft the group adopted as it is); a rejection, which keeps no text,
 * shows the group's reason.
 */
function resultPreview(p: ProposalHit, t: Translate): Attachment {
  const status = t(`verantwoording.proposal.status.${p.status}`);
  const aiLabel = aiTextLabel(p, t);
  const subtitle = aiLabel ? `${status} · ${aiLabel}` : status;
  const text = p.text || rejectionLine(p, t) || t('verantwoording.proposal.noText');
  const shown = firstChars(text, PREVIEW_CHARS);
  return CardFactory.thumbnailCard(p.groupName, asCardHtmlText(shown.length < text.length ? `${shown}…` : text), undefined, undefined, { subtitle });
}

/**
 * Teams reads a thumbnail card's text (not its title or subtitle) as HTML: what a member wrote is
 * shown as the characters they typed, never as a link or formatting in someone else's list.
 */
function asCardHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The one message extension of the app: "Bewaar in mijn verantwoording" on any message (a
 * dialog prefilled with the message as plain text; saving makes a private note with a link
 * back) and "Zoek voorstellen" (proposals of the caller's own groups, inserted as a card).
 * Every answer is built from bounded queries, well inside Teams' five seconds.
 */
export function registerMessageExtension(app: Application<TurnState>, deps: VerantwoordingFeatureDeps): void {
  const v = deps.verantwoording;
  const dialog = (title: string, card: AdaptiveCardJson, keys: { key: string; message?: string }): TaskModuleTaskInfo => ({ title, height: 'medium', width: 'medium', card: CardFactory.adaptiveCard(withDialogKeys(card, keys)) });

  app.messageExtensions.fetchTask(EXTENSION_COMMANDS.saveMessage, async (context) => {
    const { t } = await userT(deps, context);
    try {
      const value = actionValueSchema.safeParse(context.activity.value ?? {});
      const payload = value.success ? value.data.messagePayload : undefined;
      // From the compose box Teams sends no message: the dialog then is for a note of one's own.
      const fromMessage = (value.success && value.data.commandContext === 'message') || Boolean(payload);
      const text = messageAsText(payload, t);
      // A message longer than a note is shown whole (up to what the dialog holds) with the limit
      // next to it, never cut silently: Save on a cut text would store part of it as if whole.
      // Nothing was saved or typed yet, so only the limit is said, not that Save was refused.
      const shown = firstChars(text, MAX_DIALOG_TEXT);
      const problem = tooLongReason(text, t);
      const card = saveNoteDialogCard({ text: shown, link: payload?.linkToMessage, problem, cut: shown.length < text.length, fromMessage, firstShown: true }, t);
      return dialog(t('verantwoording.extension.dialogTitle'), card, { key: randomUUID(), message: payload?.id });
    } catch (err) {
      deps.logger.error({ err: (err as Error).message }, 'message extension fetchTask failed');
      return t('verantwoording.extension.failed');
    }
  });

  app.messageExtensions.submitAction<Record<string, unknown>>(EXTENSION_COMMANDS.saveMessage, async (context, _state, data) => {
    const { t } = await userT(deps, context);
    const input = submitSchema.safeParse(data ?? {});
    const value = actionValueSchema.safeParse(context.activity.value ?? {});
    const text = input.success ? input.data.noteText : '';
    // Teams sends the message again with the submit; the dialog's copy of the link is the fallback.
    const link = (value.success ? value.data.messagePayload?.linkToMessage : undefined) || (input.success ? input.data.link : undefined) || undefined;
    // The dialog's key (see withDialogKeys); a submit without one (an older dialog) keys on the activity.
    const key = (input.success ? input.data.key : undefined) ?? context.activity.id ?? randomUUID();
    const messageId = (value.success ? value.data.messagePayload?.id : undefined) ?? (input.success ? input.data.message : undefined);
    const keys = { key, message: messageId };
    const shown = firstChars(text, MAX_DIALOG_TEXT);
    const fromMessage = (value.success && value.data.commandContext === 'message') || Boolean(link);
    const again = (problem: string | undefined) => saveNoteDialogCard({ text: shown, link, problem, cut: shown.length < text.length, fromMessage }, t);
    try {
      // Keyed on the dialog's key, never on the words (what a delete leaves under the id tells nothing
      // of them); the same words from the same message in another dialog are found as one note. The
      // message (a message's id is unique within its chat only) finds notes saved before stop 57.
      const note = await addMessageNote(v, actorOf(context).id, {
        dialogKey: key,
        text,
        ...(messageId ? { message: { chat: context.activity.conversation?.id ?? '', id: messageId } } : {}),
        ...(fromMessage ? { source: { kind: 'message' as const, link } } : {}),
      });
      deps.logger.info({ noteId: note.id, withLink: Boolean(note.source?.link) }, 'note saved from a message');
      // How the note stands now: one found again (a Save delivered twice) may have been shared since.
      const saved = t(note.visibility === 'shared' ? 'verantwoording.extension.savedShared' : 'verantwoording.extension.saved');
      return `${saved}${note.source?.link ? ` ${t('verantwoording.extension.linkKept')}` : ''}`;
    } catch (err) {
      if (isDomainError(err) && err.code === 'invalidInput') {
        // Empty or too long: show the dialog again with what was typed and why, so nothing is lost.
        const problem = err.input ? verantwoordingReason({ field: err.input.field, code: err.code, rule: err.input.rule, params: err.input.params ?? {} }, t, { text }) : t('verantwoording.error.invalidInput');
        return dialog(t('verantwoording.extension.dialogTitle'), again(problem), keys);
      }
      // The note this dialog saved was deleted since (its Save delivered or pressed again): not brought back.
      if (isDomainError(err) && err.code === 'notFound') return t('verantwoording.extension.deletedMeanwhile');
      // Their erasure is unfinished: nothing new is kept until it is, so the words stay in the dialog to save afterwards.
      if (isDomainError(err) && err.code === 'erasureUnderway') return dialog(t('verantwoording.extension.dialogTitle'), withSaveFailed(again(undefined), t('verantwoording.extension.erasing')), keys);
      // Stored too late (a slow store, or an erasure ran meanwhile) and taken back: nothing kept, the
      // words stay in the dialog, as the chat keeps them (found in review, stop 58: the dialog closed).
      if (isDomainError(err) && err.code === 'saveTooSlow') return dialog(t('verantwoording.extension.dialogTitle'), withSaveFailed(again(undefined), t('error.saveTooSlow')), keys);
      deps.logger.error({ err: (err as Error).message }, 'message extension submitAction failed');
      // The store failed (e.g. busy): the dialog again with what was typed, to press Save once more.
      // The same key goes with it, so a write that landed after all is not stored a second time.
      if (!isDomainError(err)) return dialog(t('verantwoording.extension.dialogTitle'), withSaveFailed(again(undefined), t('verantwoording.tab.saveFailed')), keys);
      return t('verantwoording.extension.failed');
    }
  });

  app.messageExtensions.query(EXTENSION_COMMANDS.searchProposals, async (context, _state, query): Promise<MessagingExtensionResult> => {
    const { t, locale } = await userT(deps, context);
    try {
      const raw = query.parameters?.[SEARCH_PARAMETER];
      const term = typeof raw === 'string' ? raw.slice(0, SEARCH_LIMITS.termLength) : '';
      const userId = actorOf(context).id;
      const skip = Number(query.skip) || 0;
      const hits = await searchProposals(v, userId, term, { skip, count: Number(query.count) || SEARCH_LIMITS.results });
      // A next page past the last hit is an empty page of results: the first page listed them.
      if (hits.length === 0 && skip > 0) return { type: 'result', attachmentLayout: 'list', attachments: [] };
      if (hits.length === 0) {
        const member = (await myGroups(v, userId, 5)).length > 0;
        return { type: 'message', text: t(member ? 'verantwoording.extension.noResults' : 'verantwoording.extension.noGroups') };
      }
      const attachments = hits.map((p): Attachment & { preview: Attachment } => ({
        ...CardFactory.adaptiveCard(proposalResultCard(p, t, locale, deps.timeZone)),
        preview: resultPreview(p, t),
      }));
      return { type: 'result', attachmentLayout: 'list', attachments };
    } catch (err) {
      deps.logger.error({ err: (err as Error).message }, 'message extension query failed');
      return { type: 'message', text: t('verantwoording.extension.failed') };
    }
  });
}
