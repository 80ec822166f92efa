import { DateTime } from 'luxon';

/**
 * The HR report's facilitation section: the managers' accountability ("wat heb ik
 * gefaciliteerd?"), counted over the conversations planned in the period, and quoted only where
 * the manager agreed to share their text. Quotes carry no label and no order of their own: a
 * team (or the set of a professional's teams, which can fit one person) next to an account about
 * a conversation would say whom it was about. For the same reason the section counts whole months
 * in which enough professionals had a conversation (computeFacilitation), never a period HR cuts
 * to one conversation.
 */
export interface FacilitationAccount {
  /** The conversation's date, yyyy-mm-dd. */
  date: string;
  /**
   * Stands for the professional the conversation was with, only to count people, not documents:
   * planning a conversation again adds a second one. Opaque (no id, never in the report).
   */
  professional: string;
  /**
   * The conversation's manager is an HR member (any of them, not only whoever reads the report):
   * it counts toward no month's minimum (computeFacilitation).
   */
  managerIsHr: boolean;
  /**
   * The professional is an HR member (any of them): as with `managerIsHr`, the conversation counts
   * toward no month's minimum. Absent: not HR.
   */
  professionalIsHr?: boolean;
  hasAccount: boolean;
  /**
   * When the account was first written (ISO instant); a later edit keeps it. A month counts only
   * the accounts written before it ended. Without it an account counts in no month.
   */
  accountWrittenAt?: string;
  /** Only when the manager agreed that HR quotes it. */
  sharedText?: string;
  /**
   * With `sharedText`: when the manager switched sharing on (and left it on since; switching it off
   * and on again is a new moment). A month quotes the text only when it was shared before the
   * month ended. Without it the text is quoted in no month.
   */
  sharedAt?: string;
}

/**
 * A planned conversation as the store reads it: the account, and its manager's and professional's
 * ids for the use case to tell HR members' conversations (`managerIsHr`, `professionalIsHr`). The
 * ids go no further than that: the report gets FacilitationAccount. No `professionalId` for an
 * erased professional: no one the directory can place.
 */
export type FacilitationRow = Omit<FacilitationAccount, 'managerIsHr' | 'professionalIsHr'> & { managerId: string; professionalId?: string };

/**
 * Port: the planned conversations of a tenant in a period, reduced to what the report may show.
 * `professional` is the same for one person's conversations within one call, and means nothing
 * outside it.
 */
export interface FacilitationSource {
  accounts(tenantId: string, fromDate: string, toDate: string): Promise<FacilitationRow[]>;
}

export interface FacilitationSection {
  /** Professionals with a planned conversation, each once per counted month. */
  conversationsPlanned: number;
  /** Of those, the ones with a manager's account of (one of) their conversations that month. */
  withAccount: number;
  /** The texts managers let HR quote, in alphabetical order (not by date, team or manager). */
  shared: string[];
}

/**
 * Fewer professionals with a conversation than this in a month, not counting the conversations of
 * managers who are HR members nor those of professionals who are, and that month is in none of the
 * section's figures.
 */
export const MIN_CONVERSATIONS_PER_MONTH = 3;

/**
 * The calendar month of a date (yyyy-mm) when the whole month lies within the period and its last
 * day is before `today` (see computeFacilitation: the day in the zone where days end last).
 */
function wholeMonthIn(date: string, period: { from: string; to: string }, today: string): string | undefined {
  const month = date.slice(0, 7);
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  return first >= period.from && last <= period.to && last < today ? month : undefined;
}

/** Whether an instant (ISO) lies before the month (yyyy-mm) ended, in the organisation's time zone; no instant is never. */
function beforeEndOf(instant: string | undefined, month: string, timeZone: string): boolean {
  if (!instant) return false;
  const end = DateTime.fromISO(`${month}-01`, { zone: timeZone }).plus({ months: 1 });
  const at = DateTime.fromISO(instant);
  return end.isValid && at.isValid && at < end;
}

/**
 * The account as the month reads it: written after the month ended, none; shared after it ended,
 * not quoted (counted all the same).
 */
function asOfMonth(a: FacilitationAccount, month: string, timeZone: string): FacilitationAccount {
  if (!a.hasAccount || !beforeEndOf(a.accountWrittenAt, month, timeZone)) {
    const { sharedText: _text, sharedAt: _at, ...rest } = a;
    return { ...rest, hasAccount: false };
  }
  if (a.sharedText !== undefined && !beforeEndOf(a.sharedAt, month, timeZone)) {
    const { sharedText: _text, sharedAt: _at, ...rest } = a;
    return rest;
  }
  return a;
}

/**
 * Counted by whole calendar months within the period, and only months in which at least
 * MIN_CONVERSATIONS_PER_MONTH distinct professionals had a planned conversation. An unlabelled
 * quote from a period of one day (or from the difference of two overlapping periods) was the
 * account of the one conversation in it, whose date is on HR's and the manager's calendar: whose
 * conversation it was. Now no period, nor two subtracted, holds fewer people than the minimum.
 * People, not conversation documents: one professional's conversation planned three times made a
 * month "of three", every quote in it about them (found in review, stop 39). Each professional
 * counts once per month, so months still add up to the period. A month counts once it is over
 * (`today`, yyyy-mm-dd), as weeks do: read while it ran, each reading added the account of the
 * conversation held since the one before.
 *
 * Over everywhere, not only by the organisation's clock (found in review, stop 68): whether a
 * conversation is held, and so may no longer be planned, moved or cancelled, is judged in its own
 * time zone, which the manager chooses (America/Curacao is five hours behind Amsterdam in
 * winter). Read at 00:30 on 1 January in Amsterdam, December lost its last conversation and
 * exactly its quote when the manager cancelled it at 01:00, still 31 December in Curacao. So
 * `today` is the day in the zone where days end last (UTC-12; the caller's
 * LAST_ZONE_TO_END_A_DAY): once a month is over there, no conversation of it can change in any
 * zone. The accounts' cut-off stays the organisation's month end (`timeZone`), so every reading
 * of a counted month holds the same accounts.
 *
 * A finished month stays as it was read (found in review, stop 50): only accounts first written
 * before the month ended (`timeZone`, the organisation's) count or are quoted. An account written
 * after it, for a conversation late in the month, made two readings differ by that one account,
 * as a session closed after its week was over would (those count in no week either). A later edit
 * of an account that counted replaces its text; it adds or removes no row. Likewise a month quotes
 * only accounts shared before it ended (`sharedAt`): an account written in time but shared after
 * the month, ticked for a conversation late in it, added one quote between two readings. A
 * withdrawal still removes its quote at once (the manager's choice comes first), and sharing again
 * after the month ended does not bring it back there.
 *
 * HR members may manage people too (found in review, stop 50): HR planning two conversations of
 * their own lifted a month holding one other manager's one conversation over the minimum, its one
 * quote then that manager's account of that conversation, for that reader. Leaving out only the
 * reader's own conversations made the month read differently to another HR reader (one who
 * manages no one saw it counted, quote and all), and a download link is a bearer URL that any HR
 * colleague can open or be sent. So the minimum counts only the professionals of managers who are
 * not HR members, whoever reads (the padding rule of the B3 polls: the askers' own answers are no
 * crowd): the month reads the same to every HR reader and in every download. HR members' own
 * conversations do stay in a counted month's figures: they tell HR nothing it does not know, and
 * they are the organisation's figures, the same for every reader. No rule on the number of managers
 * behind the quotes: a quote is its manager's own text, shared by their choice; what the section
 * keeps from HR is whom a conversation was about, and that crowd is the minimum of professionals
 * whose manager is not in HR.
 *
 * Nor do HR members as professionals make up the crowd (found in review, stop 68): Hanna (HR),
 * one of Mia's three December conversations, read both quotes of the month, knew one was about
 * herself, and the other was about one of two people. So the minimum counts only professionals
 * who are not HR members either, whoever reads: the month reads the same to every HR reader.
 * Their conversations, like HR managers', stay in a counted month's figures.
 */
export function computeFacilitation(accounts: FacilitationAccount[], period: { from: string; to: string }, today: string, timeZone: string): FacilitationSection {
  const months = new Map<string, FacilitationAccount[]>();
  for (const a of accounts) {
    const month = wholeMonthIn(a.date, period, today);
    if (!month) continue;
    // An account written, or shared, after its month ended reads as none, or unquoted: the month HR may have read stays.
    months.set(month, [...(months.get(month) ?? []), asOfMonth(a, month, timeZone)]);
  }
  const people = (m: FacilitationAccount[]) => new Set(m.map((a) => a.professional)).size;
  const others = (m: FacilitationAccount[]) => m.filter((a) => !a.managerIsHr && !a.professionalIsHr);
  const counted = [...months.values()].filter((m) => people(others(m)) >= MIN_CONVERSATIONS_PER_MONTH);
  return {
    conversationsPlanned: counted.reduce((n, m) => n + people(m), 0),
    withAccount: counted.reduce((n, m) => n + people(m.filter((a) => a.hasAccount)), 0),
    shared: counted.flat().flatMap((a) => (a.hasAccount && a.sharedText ? [a.sharedText] : [])).sort((a, b) => a.localeCompare(b)),
  };
}
