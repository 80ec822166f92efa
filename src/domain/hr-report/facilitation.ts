/**
 * The HR report's facilitation section: the managers' accountability ("wat heb ik
 * gefaciliteerd?"), counted over the conversations planned in the period, and quoted only where
 * the manager agreed to share their text. Quotes carry no label and no order of their own: a
 * team (or the set of a professional's teams, which can fit one person) next to an account about
 * a conversation would say whom it was about.
 */
export interface FacilitationAccount {
  /** The conversation's date, yyyy-mm-dd. */
  date: string;
  hasAccount: boolean;
  /** Only when the manager agreed that HR quotes it. */
  sharedText?: string;
}

/** Port: the planned conversations of a tenant in a period, reduced to what the report may show. */
export interface FacilitationSource {
  accounts(tenantId: string, fromDate: string, toDate: string): Promise<FacilitationAccount[]>;
}

export interface FacilitationSection {
  conversationsPlanned: number;
  withAccount: number;
  /** The texts managers let HR quote, in alphabetical order (not by date, team or manager). */
  shared: string[];
}

export function computeFacilitation(accounts: FacilitationAccount[], period: { from: string; to: string }): FacilitationSection {
  const inPeriod = accounts.filter((a) => a.date >= period.from && a.date <= period.to);
  return {
    conversationsPlanned: inPeriod.length,
    withAccount: inPeriod.filter((a) => a.hasAccount).length,
    shared: inPeriod.flatMap((a) => (a.hasAccount && a.sharedText ? [a.sharedText] : [])).sort((a, b) => a.localeCompare(b)),
  };
}
