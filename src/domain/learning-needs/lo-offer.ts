import { RefusedField } from '../shared/errors';
import { stableId } from '../shared/ids';
import { overLimit, trimText, withoutControlCharacters } from '../shared/text';
import { Mutate } from '../week-cycle/ports';
import { LEARNING_THEMES, LearningTheme } from './learning-need';

/**
 * L&O's answer to the learning needs handed over to it: per theme of the fixed list, a short
 * offer (an e-learning, a training, a colleague on call) for the whole tenant. It names nobody:
 * after the weekly handover the app does not know who passed which theme on, and never learns it.
 * Members find it themselves (pull): on their own learning-need card and in their tab.
 */
export const MAX_LO_OFFER_TEXT = 500;
/** A link is an address, not a text: far above any real one, far below what a document may hold. */
export const MAX_LO_OFFER_LINK = 2000;
/** How many presses' keys an offer keeps: a save Teams delivers again finds its key and stores nothing. */
export const LO_OFFER_KEYS_KEPT = 20;

/**
 * The key of one press on an offer form: the form's key (new each time it is drawn) and what was
 * pressed with what, "clear" or "save" with the words and link as read. Both buttons of one form
 * share the form's key, and the form may be open on a second device: the same press delivered
 * again has this key, another press on the same form (other words, or the other button) does not,
 * and is checked against the revision like any save.
 */
export function loOfferPressKey(formKey: string, press: { clear: true } | { offer: { text?: string; link?: string } }): string {
  const what = 'clear' in press ? ['clear'] : ['save', press.offer.text ?? '', press.offer.link ?? ''];
  return stableId('lok', formKey, ...what);
}

/**
 * One tenant's offer for one theme. Organisation data: no author, no editor, no person it was
 * made for, so a person's export and erasure have nothing to take from it. Without `text` it
 * was cleared (the document stays, so its revision keeps counting and two saves still meet).
 */
export interface LoOffer {
  tenantId: string;
  theme: LearningTheme;
  text?: string;
  link?: string;
  /** Counts the saves: the form names the revision it showed; 0 is never stored. */
  revision: number;
  updatedAt: string;
  /** The keys of the latest presses that saved (random per rendered form, no person). */
  keys: string[];
}

/** An offer a member can read: it has words. */
export type CurrentLoOffer = LoOffer & { text: string };

export function isCurrentOffer(offer: LoOffer | undefined): offer is CurrentLoOffer {
  return !!offer?.text;
}

/** Port: the offers, one small document per tenant and theme, written under the document's ETag. */
export interface LoOfferRepository {
  get(tenantId: string, theme: LearningTheme): Promise<LoOffer | undefined>;
  /** Every offer of one tenant (one partition, at most one per theme). */
  listOfTenant(tenantId: string): Promise<LoOffer[]>;
  /** Creates the theme's offer; when it exists already, returns that one with `created: false`. */
  create(offer: LoOffer): Promise<{ offer: LoOffer; created: boolean }>;
  /** ETag read-modify-write; a mutate that returns its input writes nothing. */
  update(tenantId: string, theme: LearningTheme, mutate: Mutate<LoOffer>): Promise<LoOffer>;
}

export function isLearningTheme(value: unknown): value is LearningTheme {
  return typeof value === 'string' && (LEARNING_THEMES as readonly string[]).includes(value);
}

/** The offer's input fields, by the names the form gives them. */
export type LoOfferField = 'offerText' | 'offerLink';

/**
 * Reads an offer as the form sent it. Both empty: no offer (cleared). The words at most 500
 * characters; a link only with words, an https address without spaces, as `https://` and the host.
 * Every refused input is named.
 */
export function readOffer(values: { offerText?: unknown; offerLink?: unknown }): { offer: { text?: string; link?: string }; problems: (RefusedField & { field: LoOfferField })[] } {
  const text = typeof values.offerText === 'string' ? trimText(withoutControlCharacters(values.offerText)) : '';
  const link = withLowerCaseScheme(typeof values.offerLink === 'string' ? trimText(withoutControlCharacters(values.offerLink)) : '');
  const problems: (RefusedField & { field: LoOfferField })[] = [];
  const over = overLimit(text, MAX_LO_OFFER_TEXT);
  if (over) problems.push({ field: 'offerText', rule: 'tooLong', params: { max: MAX_LO_OFFER_TEXT, count: over } });
  if (link && !text) problems.push({ field: 'offerText', rule: 'required' });
  if (link && !isHttpsLink(link)) problems.push({ field: 'offerLink', rule: 'format', params: { max: MAX_LO_OFFER_LINK } });
  return { offer: { ...(text ? { text } : {}), ...(link ? { link } : {}) }, problems };
}

/** `Https://` as a phone's keyboard capitalises it is the same address: stored with the scheme as every client reads it. */
function withLowerCaseScheme(link: string): string {
  return /^https:\/\//i.test(link) ? `https://${link.slice('https://'.length)}` : link;
}

/**
 * An https address of a host, without spaces, that Teams can open: nothing a card would render as
 * something else. Literally `https://` and the host: `new URL` repairs `https:/host`, `https:host`,
 * `https:///host` and backslashes, but the link is stored and handed to members as typed, and a
 * client that parses strictly (iOS, Android) finds no host in those.
 */
export function isHttpsLink(link: string): boolean {
  if (link.length > MAX_LO_OFFER_LINK || /[\s\\]/.test(link) || !/^https:\/\/[^/]/.test(link)) return false;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}
