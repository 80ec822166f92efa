import { parentPort, workerData } from 'node:worker_threads';
import { LocalConnector } from './local-connector';

/** The local connector in its own thread; answers "stats" with its counts. */
void new LocalConnector(workerData).start().then((connector) => {
  parentPort!.postMessage({ url: connector.url });
  parentPort!.on('message', (question) => {
    if (question !== 'stats') return;
    const counts = [...connector.delivered.values()];
    parentPort!.postMessage({
      requests: connector.requests,
      throttled: connector.throttled,
      violations: connector.violations,
      peak: connector.peak,
      conversations: counts.length,
      messages: counts.reduce((a, b) => a + b, 0),
      duplicates: counts.filter((c) => c > 1).length,
    });
  });
});
