import { DirectoryPerson, ManagerDirectory } from '../domain/directory/manager-directory';
import { DomainError } from '../domain/shared/errors';
import { GraphCallFailed, GraphDirectory } from './graph-directory';

const ID = /^[0-9a-zA-Z-]{1,64}$/;
const MAX_PAGES = 10;

/** A lookup Graph did not answer (an outage, throttling past the retries, no token): no answer at all, never "no manager". */
function unavailable(err: unknown): DomainError {
  return new DomainError('directoryUnavailable', `Graph manager lookup failed${err instanceof GraphCallFailed ? ` (${err.status})` : ''}`);
}

/**
 * Managers and direct reports from Microsoft Graph (application permission User.Read.All).
 * Not cached: a change of manager must count at once. Only Graph's "not found" means "no
 * manager"; a lookup it did not answer rejects with `directoryUnavailable`, so an outage never
 * reads as "not your report" (nor drops or withdraws a prep card).
 */
export class GraphManagerDirectory extends GraphDirectory implements ManagerDirectory {
  async managerOf(userId: string): Promise<string | undefined> {
    if (!ID.test(userId)) return undefined;
    try {
      const body = (await this.call('GET', `/v1.0/users/${userId}/manager?$select=id`)) as { id?: string };
      return body.id;
    } catch (err) {
      if (err instanceof GraphCallFailed && err.status === 404) return undefined;
      throw unavailable(err);
    }
  }

  async directReports(managerId: string): Promise<DirectoryPerson[]> {
    if (!ID.test(managerId)) return [];
    const people: DirectoryPerson[] = [];
    let next: string | undefined = `/v1.0/users/${managerId}/directReports?$select=id,displayName&$top=100`;
    try {
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const body = (await this.call('GET', next)) as { value?: { id: string; displayName?: string }[]; '@odata.nextLink'?: string };
        for (const p of body.value ?? []) people.push({ id: p.id, name: p.displayName ?? p.id });
        next = body['@odata.nextLink'];
      }
    } catch (err) {
      // A manager Graph does not know has no reports; any other failure is no answer.
      if (err instanceof GraphCallFailed && err.status === 404) return [];
      throw unavailable(err);
    }
    return people;
  }

  /** Graph knows no link from a person to the Teams team whose B3-spiegel is theirs. */
  async teamOf(): Promise<string | undefined> {
    return undefined;
  }
}
