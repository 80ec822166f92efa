/**
 * Thrown by a job's handler that cannot do its work yet for a reason that is not the job's own
 * failure (a directory that does not answer): the job runs again at `at`, and this run does not
 * count toward the attempts after which a failing job is given up.
 */
export class RunAgainLater extends Error {
  override name = 'RunAgainLater';
  constructor(readonly at: Date, reason: string) {
    super(reason);
  }
}
