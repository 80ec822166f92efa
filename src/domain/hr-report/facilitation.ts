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
  hasAccount: boolean;
  /** Only when the manager agreed that HR quotes it. */
  sharedText?: string;
}

/**
 * Port: the planned conversations of a tenant in a period, reduced to what the report may show.
 * `professional` is the same for one person's conversations within one call, and means nothing
 * outside it.
 */
export interface FacilitationSource {
  accounts(tenantId: string, fromDate: string, toDate: string): Promise<FacilitationAccount[]>;
}

export interface FacilitationSection {
  /** Professionals with a planned conversation, each once per counted month. */
  conversationsPlanned: number;
  /** Of those, the ones with a manager's account of (one of) their conversations that month. */
  withAccount: number;
  /** The texts managers let HR quote, in alphabetical order (not by date, team or manager). */
  shared: string[];
}

/** Fewer professionals with a conversation than this in a month, and that month is in none of the section's figures. */
export const MIN_CONVERSATIONS_PER_MONTH = 3;

/** The calendar month of a date (yyyy-mm) when the whole month lies within the period and is over by `today`. */
function wholeMonthIn(date: string, period: { from: string; to: string }, today: string): string | undefined {
  const month = date.slice(0, 7);
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  return first >= period.from && last <= period.to && last < today ? month : undefined;
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
 * (`today`, yyyy-mm-dd in the organisation's time zone), as weeks do: read while it ran, each
 * reading added the account of the conversation held since the one before.
 */
export function computeFacilitation(accounts: FacilitationAccount[], period: { from: string; to: string }, today: string): FacilitationSection {
  const months = new Map<string, FacilitationAccount[]>();
  for (const a of accounts) {
    const month = wholeMonthIn(a.date, period, today);
    if (month) months.set(month, [...(months.get(month) ?? []), a]);
  }
  const people = (m: FacilitationAccount[]) => new Set(m.map((a) => a.professional)).size;
  const counted = [...months.values()].filter((m) => people(m) >= MIN_CONVERSATIONS_PER_MONTH);
  return {
    conversationsPlanned: counted.reduce((n, m) => n + people(m), 0),
    withAccount: counted.reduce((n, m) => n + people(m.filter((a) => a.hasAccount)), 0),
    shared: counted.flat().flatMap((a) => (a.hasAccount && a.sharedText ? [a.sharedText] : [])).sort((a, b) => a.localeCompare(b)),
  };
}
