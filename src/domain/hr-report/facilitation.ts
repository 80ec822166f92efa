/**
 * The HR report's facilitation section: the managers' accountability ("wat heb ik
 * gefaciliteerd?"), counted over the conversations planned in the period, and quoted, grouped
 * per team, only where the manager agreed to share their text.
 */
export interface FacilitationAccount {
  /** The conversation's date, yyyy-mm-dd. */
  date: string;
  hasAccount: boolean;
  /** Only when the manager agreed that HR quotes it. */
  sharedText?: string;
  /** The report's teams when the account was recorded. */
  teams?: string[];
}

/** Port: the planned conversations of a tenant in a period, reduced to what the report may show. */
export interface FacilitationSource {
  accounts(tenantId: string, fromDate: string, toDate: string): Promise<FacilitationAccount[]>;
}

export interface FacilitationSection {
  conversationsPlanned: number;
  withAccount: number;
  /** Shared texts per team (teams joined with " + " when the report was in several), teams in order. */
  shared: { team: string; texts: string[] }[];
}

/** The label of an account whose report was in no team the app knows. */
export const NO_TEAM = '';

export function computeFacilitation(accounts: FacilitationAccount[], period: { from: string; to: string }): FacilitationSection {
  const inPeriod = accounts.filter((a) => a.date >= period.from && a.date <= period.to);
  const groups = new Map<string, string[]>();
  for (const a of inPeriod) {
    if (!a.hasAccount || !a.sharedText) continue;
    const team = [...(a.teams ?? [])].sort().join(' + ') || NO_TEAM;
    groups.set(team, [...(groups.get(team) ?? []), a.sharedText]);
  }
  return {
    conversationsPlanned: inPeriod.length,
    withAccount: inPeriod.filter((a) => a.hasAccount).length,
    shared: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([team, texts]) => ({ team, texts })),
  };
}
