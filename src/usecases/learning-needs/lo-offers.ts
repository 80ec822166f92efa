import { HrCheck } from '../../domain/hr-report/ports';
import { LEARNING_THEMES, LearningNeedPassOn, LearningTheme } from '../../domain/learning-needs/learning-need';
import { CurrentLoOffer, isCurrentOffer, isLearningTheme, LO_OFFER_KEYS_KEPT, LoOffer, loOfferPressKey, LoOfferRepository, readOffer } from '../../domain/learning-needs/lo-offer';
import { LearningNeedStore } from '../../domain/learning-needs/ports';
import { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';

export interface LoOfferDeps {
  offers: LoOfferRepository;
  isHr: HrCheck;
  clock: Clock;
}

/** HR's overview: every theme, with the tenant's current offer for it where there is one. */
export async function openLoOffers(deps: LoOfferDeps, actorId: string, tenantId: string): Promise<{ theme: LearningTheme; offer?: CurrentLoOffer }[]> {
  if (!(await deps.isHr(actorId))) throw new DomainError('forbidden', 'not HR');
  const stored = await deps.offers.listOfTenant(tenantId);
  return LEARNING_THEMES.map((theme) => {
    const offer = stored.find((o) => o.theme === theme);
    return isCurrentOffer(offer) ? { theme, offer } : { theme };
  });
}

/** The theme's form for HR: what is stored (if anything), whose revision the save names. */
export async function openLoOffer(deps: LoOfferDeps, actorId: string, tenantId: string, theme: string): Promise<{ theme: LearningTheme; offer?: LoOffer }> {
  if (!(await deps.isHr(actorId))) throw new DomainError('forbidden', 'not HR');
  return loOfferView(deps, tenantId, theme);
}

/** Whether the person may write L&O's offers (HR): the form asking for a theme reads no theme's offer. */
export async function mayEditLoOffers(deps: Pick<LoOfferDeps, 'isHr'>, actorId: string): Promise<boolean> {
  return deps.isHr(actorId);
}

/** The view itself, read only behind the HR check of `openLoOffer` (every form, also a refused save's, comes through it). */
async function loOfferView(deps: Pick<LoOfferDeps, 'offers'>, tenantId: string, theme: string): Promise<{ theme: LearningTheme; offer?: LoOffer }> {
  if (!isLearningTheme(theme)) throw new DomainError('invalidInput', { detail: 'offer theme', input: { field: 'theme', rule: 'required' } });
  const offer = await deps.offers.get(tenantId, theme);
  return { theme, ...(offer ? { offer } : {}) };
}

export interface LoOfferSave {
  theme: string;
  /** The words and link as typed; both empty (or `clear`) clears the offer. */
  values: { offerText?: unknown; offerLink?: unknown };
  clear?: boolean;
  /** The revision the form showed (0: none stored then). */
  rev: number;
  /** The form's key, new each time it is drawn (shared by its buttons: see `loOfferPressKey`). */
  key: string;
}

/** The refusal of a save made on a form that showed an older revision: the form comes back with the stored value. */
export const OFFER_CHANGED_MEANWHILE = { field: 'rev', rule: 'format', params: { changedMeanwhile: 1 } } as const;

/**
 * Saves (or clears) a theme's offer for the tenant. HR only. The save names the revision its form
 * showed: when another save came first, nothing is written and the refusal (`conflict`) says so.
 * A press that saved already (its key, the form's and what was pressed, is kept) writes nothing
 * again and answers with what is stored; another press on the same form is an ordinary save.
 */
export async function saveLoOffer(deps: LoOfferDeps, actorId: string, tenantId: string, save: LoOfferSave): Promise<LoOffer> {
  if (!(await deps.isHr(actorId))) throw new DomainError('forbidden', 'not HR');
  if (!isLearningTheme(save.theme)) throw new DomainError('invalidInput', { detail: 'offer theme', input: { field: 'theme', rule: 'required' } });
  const theme = save.theme;
  const { offer, problems } = save.clear ? { offer: {}, problems: [] } : readOffer(save.values);
  if (problems.length) throw new DomainError('invalidInput', { detail: 'offer input', input: problems[0]! });
  const changed = () => new DomainError('conflict', { detail: 'offer changed meanwhile', input: { ...OFFER_CHANGED_MEANWHILE, params: { ...OFFER_CHANGED_MEANWHILE.params } } });
  const updatedAt = deps.clock.now().toISOString();
  const key = loOfferPressKey(save.key, save.clear ? { clear: true } : { offer });
  if (save.rev === 0) {
    const { offer: stored, created } = await deps.offers.create({ tenantId, theme, ...offer, revision: 1, updatedAt, keys: [key] });
    if (created || stored.keys.includes(key)) return stored;
    throw changed();
  }
  return deps.offers
    .update(tenantId, theme, (current) => {
      if (current.keys.includes(key)) return current;
      if (current.revision !== save.rev) throw changed();
      const { text: _text, link: _link, ...rest } = current;
      return { ...rest, ...offer, revision: current.revision + 1, updatedAt, keys: [key, ...current.keys].slice(0, LO_OFFER_KEYS_KEPT) };
    })
    .catch((err: unknown) => {
      // A form that showed a stored offer, and none is stored: not the offer it showed either.
      if ((err as { code?: unknown })?.code === 404) throw changed();
      throw err;
    });
}

/** What a member reads of one theme: the tenant's current offer, if any (one point read). */
export async function offerFor(offers: LoOfferRepository, tenantId: string, theme: LearningTheme): Promise<CurrentLoOffer | undefined> {
  const offer = await offers.get(tenantId, theme);
  return isCurrentOffer(offer) ? offer : undefined;
}

/** What a member reads of every theme: the tenant's current offers, in the themes' order. */
export async function offersOf(offers: LoOfferRepository, tenantId: string): Promise<CurrentLoOffer[]> {
  const stored = (await offers.listOfTenant(tenantId)).filter(isCurrentOffer);
  return LEARNING_THEMES.flatMap((theme) => stored.filter((o) => o.theme === theme));
}

/**
 * What a member's own learning-need view shows of L&O's offers: for a need they still hold (waiting,
 * or held by the handover) the offer for its theme, one point read; once handed over the theme is
 * no longer kept with them (nor anywhere with their name), so every current offer of the tenant,
 * said as such. Nothing for no need, or without a store of offers.
 */
export async function offersForNeed(offers: LoOfferRepository | undefined, tenantId: string, need: { status: string; theme?: LearningTheme } | undefined): Promise<{ offers: CurrentLoOffer[]; all: boolean }> {
  if (!offers || !need) return { offers: [], all: false };
  if (need.status === 'handedOver') return { offers: await offersOf(offers, tenantId), all: true };
  const offer = need.theme ? await offerFor(offers, tenantId, need.theme) : undefined;
  return { offers: offer ? [offer] : [], all: false };
}

/**
 * What the member's own learning-need card shows of L&O's offers (see `offersForNeed`), from the
 * tenant the need is stored for, as the tab reads it: not the turn's, which a press may not name.
 * Where the need keeps no tenant (handed over, its tenant stripped with the rest; or stored before
 * tenants were recorded), the one it is passed on in: the turn's, else the answer's group's.
 */
export async function offersOnNeedCard(
  deps: { offers?: LoOfferRepository; store: Pick<LearningNeedStore, 'get' | 'tenantOfGroup'> },
  userId: string,
  answer: { id: string; groupId: string },
  need: { status: string; theme?: LearningTheme } | undefined,
  turnTenant: string | undefined,
): Promise<{ offers: CurrentLoOffer[]; all: boolean }> {
  if (!deps.offers || !need) return { offers: [], all: false };
  const stored = need.status === 'handedOver' ? undefined : (await deps.store.get(userId, answer.id))?.tenantId;
  const tenantId = stored ?? (turnTenant || (await deps.store.tenantOfGroup(answer.groupId)));
  return tenantId === undefined ? { offers: [], all: false } : offersForNeed(deps.offers, tenantId, need);
}

/** The offers the member's tab shows with their needs: per theme still held, and every current one once a need was handed over. */
export interface MyNeedsOffers {
  byTheme: Pick<CurrentLoOffer, 'theme' | 'text' | 'link'>[];
  /** Present when a need of theirs was handed over: the tenant's current offers, every theme. */
  all?: Pick<CurrentLoOffer, 'theme' | 'text' | 'link'>[];
}

/**
 * The member's own tab (no tenant in the call): the offers for the themes of the needs they still
 * hold, from each need's own tenant; once one was handed over (its theme stripped), the current
 * offers of the tenant of the group its answer was given in. Point reads in their own partition
 * and the offer documents; the tenant's offers in one partition.
 */
export async function offersForMyNeeds(
  deps: { offers?: LoOfferRepository; records: { get(userId: string, id: string): Promise<unknown> }; store: { tenantOfGroup(groupId: string): Promise<string | undefined> } },
  userId: string,
  needs: readonly LearningNeedPassOn[],
): Promise<MyNeedsOffers> {
  const offers = deps.offers;
  if (!offers) return { byTheme: [] };
  const held = needs.filter((n) => n.status !== 'handedOver' && n.theme && n.tenantId !== undefined);
  const pairs = [...new Map(held.map((n) => [`${n.tenantId}\u0000${n.theme}`, { tenantId: n.tenantId!, theme: n.theme! }])).values()];
  const byTheme = (await Promise.all(pairs.map((p) => offerFor(offers, p.tenantId, p.theme)))).filter((o): o is CurrentLoOffer => !!o).map(shown);
  const handed = needs.find((n) => n.status === 'handedOver');
  if (!handed) return { byTheme };
  const answer = (await deps.records.get(userId, handed.answerId)) as { type?: string; userId?: string; groupId?: string } | undefined;
  const tenantId = answer?.type === 'personalAnswer' && answer.userId === userId && answer.groupId ? await deps.store.tenantOfGroup(answer.groupId) : undefined;
  return { byTheme, ...(tenantId !== undefined ? { all: (await offersOf(offers, tenantId)).map(shown) } : {}) };
}

const shown = (o: CurrentLoOffer): Pick<CurrentLoOffer, 'theme' | 'text' | 'link'> => ({ theme: o.theme, text: o.text, ...(o.link ? { link: o.link } : {}) });
