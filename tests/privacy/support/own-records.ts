import { TestUser } from '../../support/activities';
import { TestApp } from '../../support/test-app';

/** `type:text` of every record in `who`'s personal partition, read straight from the store. */
export const ownRecordsOf = async (t: TestApp, who: TestUser): Promise<string[]> =>
  (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map(
    (d: { type: string; text?: string }) => `${d.type}:${d.text ?? ''}`,
  );
