import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { RecordingConnector } from '../support/recording-connector';

/** A fresh Cosmos protocol server and recording Bot Connector for each test of an outbox suite. */
export function outboxBed(): { readonly cosmos: CosmosConnection; readonly connector: RecordingConnector } {
  let cosmos: CosmosConnection | undefined;
  let connector: RecordingConnector | undefined;
  beforeEach(async () => {
    cosmos = await startTestCosmos();
    connector = await new RecordingConnector().start();
  });
  afterEach(async () => {
    await connector?.stop();
    await cosmos?.close();
  });
  return {
    get cosmos() {
      if (!cosmos) throw new Error('outboxBed: used outside a test');
      return cosmos;
    },
    get connector() {
      if (!connector) throw new Error('outboxBed: used outside a test');
      return connector;
    },
  };
}
