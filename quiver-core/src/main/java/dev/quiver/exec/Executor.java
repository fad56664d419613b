package dev.quiver.exec;

import java.util.List;

/**
 * Runs a plan of jobs and returns one result per job, in plan order. A job that fails is
 * reported as {@link JobResult.Status#FAILED} and never stops the others (unless the executor was
 * asked to fail fast). Implementations: {@link LocalExecutor} (this machine, the default).
 */
public interface Executor {

  List<JobResult> run(List<TrainJob> jobs, JobBody body, RunListener listener);
}
