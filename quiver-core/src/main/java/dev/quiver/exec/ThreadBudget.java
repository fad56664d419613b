package dev.quiver.exec;

/**
 * The process's one thread budget: concurrent jobs x threads per job never exceeds
 * {@link #cores()}. Native libraries (LightGBM, XGBoost, PyTorch) spin-wait in OpenMP, so an
 * oversubscribed machine runs them 10-400x slower; every job gets its exact share here and
 * passes it to its library explicitly.
 *
 * <p>The plan favours running jobs side by side at one thread each (on a quiet 2-core machine
 * two models at 1 thread beat one model at 2 threads after the other), and gives spare cores to
 * jobs when there are fewer jobs than cores.
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
