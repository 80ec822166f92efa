import type { Logger } from '../log/logger';

/**
 * Work that outlives a turn (an AI draft after the invoke is answered). Tracked per app instance
 * so shutdown and tests can wait for it; failures are logged, never thrown into a turn.
 */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<void>>();
  constructor(private readonly logger: Logger) {}

  run(name: string, work: () => Promise<void>): void {
    const p = work()
      .catch((err) => this.logger.error({ task: name, err: (err as Error).message }, 'background task failed'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
