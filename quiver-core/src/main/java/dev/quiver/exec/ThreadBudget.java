package dev.quiver.exec;

/**
 * The process's one thread budget: concurrent jobs x threads per job never exceeds
 * {@link #cores()}. Native libraries (LightGBM, XGBoost, PyTorch) spin-wait in OpenMP, so an
 * oversubscribed machine runs them 10-400x slower; every job gets its exact share here and
 * passes it to its library explicitly.
 *
 * <p>{@link #concurrency} and {@link #threadsPerJob} size a pool from the number of queued jobs
 * (spare cores go to jobs when there are fewer jobs than cores). {@link LocalExecutor} does not
 * use them: it gives each job {@link ExecutorOptions#threadsPerJob()}, which depends on the
 * budget and the {@code --jobs} setting only, so that a job's thread count (and with native
 * libraries its result) never changes with the plan's size.
 */
public record ThreadBudget(int cores) {

  public ThreadBudget {
    if (cores < 1) throw new IllegalArgumentException("a thread budget needs at least one core, got " + cores);
  }

  /** All available processors. */
  public static ThreadBudget machine() {
    return new ThreadBudget(Runtime.getRuntime().availableProcessors());
  }

  /** How many jobs run at once for {@code jobs} queued jobs. */
  public int concurrency(int jobs) {
    return Math.max(1, Math.min(cores, jobs));
  }

  /** Threads each running job gets when {@code jobs} are queued. */
  public int threadsPerJob(int jobs) {
    return Math.max(1, cores / concurrency(jobs));
  }
}
