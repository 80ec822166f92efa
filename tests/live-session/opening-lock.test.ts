import { OpeningLock } from '../../src/usecases/week-cycle/opening-lock';

/** One opening at a time per group: later presses wait for the one before, other groups do not, and a failure frees the group. */
describe('OpeningLock', () => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  };

  it('runs the work for one group one after another, and other groups meanwhile', async () => {
    const lock = new OpeningLock();
    const order: string[] = [];
    const first = gate();
    const a1 = lock.run('a', async () => {
      order.push('a1 start');
      await first.opened;
      order.push('a1 end');
    });
    const a2 = lock.run('a', async () => void order.push('a2'));
    await lock.run('b', async () => void order.push('b'));
    expect(order).toEqual(['a1 start', 'b']);
    first.open();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  });

  it('lets the next run go after one failed, and passes the failure to its own caller only', async () => {
    const lock = new OpeningLock();
    const failed = lock.run('a', async () => {
      throw new Error('store down');
    });
    const next = lock.run('a', async () => 'opened');
    await expect(failed).rejects.toThrow('store down');
    await expect(next).resolves.toBe('opened');
  });

  it('lets a later run go ahead without the lock when the one before it takes longer than the bound', async () => {
    const lock = new OpeningLock(20);
    const stuck = gate();
    const first = lock.run('a', () => stuck.opened);
    // Waits for the expected state: the second run finishes while the first still hangs.
    await expect(lock.run('a', async () => 'went ahead')).resolves.toBe('went ahead');
    stuck.open();
    await first;
  });
});
