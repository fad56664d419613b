package dev.quiver.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LocalExecutor} runs a plan.
 *
 * <ul>
 *   <li>{@code budget}: the process's threads; running jobs x threads per job never exceed it.
 *   <li>{@code jobs}: how many jobs run at once (0: one per core of the budget). Each job gets
 *       {@code budget.cores() / jobs} threads, a number that depends on these two settings only,
 *       never on how many jobs the plan holds or happen to run beside it, so a job's result does
 *       not change with the plan's size (native libraries can give different bits at different
 *       thread counts).
 *   <li>{@code timeout}: wall-clock limit per job attempt ({@link Duration#ZERO}: none).
 *   <li>{@code retries}: extra attempts for a failure that may be transient (anything but bad
 *       input, a timeout or a cancellation), waiting {@code backoff}, then twice that, and so on.
 *   <li>{@code failFast}: the first failure cancels the jobs not yet finished.
 *   <li>{@code nativeMemoryBytes}: memory outside the heap that running jobs may take together;
 *       a job whose estimate alone exceeds it is refused (FAILED, saying so), others wait until it
 *       fits.
 *   <li>{@code costs}: estimates for longest-first scheduling and the memory check.
 * </ul>
 */
public record ExecutorOptions(ThreadBudget budget, int jobs, Duration timeout, int retries, Duration backoff,
    boolean failFast, long nativeMemoryBytes, CostModel costs) {

  public ExecutorOptions {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(costs, "costs");
    if (jobs < 0) throw new IllegalArgumentException("jobs must be >= 0, got " + jobs);
    if (jobs > budget.cores()) {
      throw new IllegalArgumentException(jobs + " concurrent jobs do not fit a budget of " + budget.cores() + " threads");
    }
    if (timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    if (nativeMemoryBytes <= 0) throw new IllegalArgumentException("nativeMemoryBytes must be > 0, got " + nativeMemoryBytes);
  }

  /** One job per core, no timeout or retries, the machine's memory beside the heap, flat costs. */
  public static ExecutorOptions of(ThreadBudget budget) {
    return new ExecutorOptions(budget, 0, Duration.ZERO, 0, Duration.ofMillis(200), false, machineNativeMemory(), CostModel.FLAT);
  }

  /** Jobs running at once. */
  public int concurrentJobs() {
    return jobs == 0 ? budget.cores() : jobs;
  }

  /** Threads each job gets. */
  public int threadsPerJob() {
    return Math.max(1, budget.cores() / concurrentJobs());
  }

  public ExecutorOptions withJobs(int n) {
    return new ExecutorOptions(budget, n, timeout, retries, backoff, failFast, nativeMemoryBytes, costs);
  }

  public ExecutorOptions withTimeout(Duration t) {
    return new ExecutorOptions(budget, jobs, t, retries, backoff, failFast, nativeMemoryBytes, costs);
  }

  public ExecutorOptions withRetries(int n, Duration firstBackoff) {
    return new ExecutorOptions(budget, jobs, timeout, n, firstBackoff, failFast, nativeMemoryBytes, costs);
  }

  public ExecutorOptions withFailFast(boolean on) {
    return new ExecutorOptions(budget, jobs, timeout, retries, backoff, on, nativeMemoryBytes, costs);
  }

  public ExecutorOptions withNativeMemory(long bytes) {
    return new ExecutorOptions(budget, jobs, timeout, retries, backoff, failFast, bytes, costs);
  }

  public ExecutorOptions withCosts(CostModel c) {
    return new ExecutorOptions(budget, jobs, timeout, retries, backoff, failFast, nativeMemoryBytes, c);
  }

  /** Physical memory less the heap's maximum (at least 256 MiB). */
  public static long machineNativeMemory() {
    long total = Runtime.getRuntime().maxMemory() * 4;
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      total = os.getTotalMemorySize();
    }
    return Math.max(256L << 20, total - Runtime.getRuntime().maxMemory());
  }
}
