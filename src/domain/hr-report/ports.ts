import { ReportInput } from './report';

/** Port: the counts behind the report, projected so no text, name or answer leaves the store. */
export interface ReportSource {
  sessions(fromIso: string, toIso: string): Promise<ReportInput['sessions']>;
  proposals(fromIso: string, toIso: string): Promise<ReportInput['proposals']>;
  /** Proposals adopted (accepted or adapted) in the period, with their first step and its outcome. */
  adoptedProposals(fromIso: string, toIso: string): Promise<ReportInput['adopted']>;
}

/** Port: closed B3-spiegel polls per team in a period, with scores only where the minimum was met. */
export interface B3History {
  closedPolls(tenantId: string, fromDate: string, toDate: string): Promise<ReportInput['b3']>;
}

/** Port: whether someone is HR/L&O (a configured list and/or an Entra group). */
export type HrCheck = (userId: string) => Promise<boolean>;
