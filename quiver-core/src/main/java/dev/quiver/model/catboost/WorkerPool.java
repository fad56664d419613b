package dev.quiver.model.catboost;

import dev.quiver.error.InternalException;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The threads one fit may use (its share of the thread budget): {@link #run} executes {@code
 * tasks} independent tasks and waits for all. With one thread the tasks run in order on the
 * caller. Used by one fit at a time; closed when the fit ends.
 */
final class WorkerPool implements AutoCloseable {

  private final int threads;
  private final ExecutorService executor;

  WorkerPool(int threads) {
    this.threads = threads;
    this.executor = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "catboost-worker");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  int threads() {
    return threads;
  }

  void run(int tasks, IntConsumer body) {
    if (executor == null || tasks == 1) {
      for (int t = 0; t < tasks; t++) body.accept(t);
      return;
    }
    List<Future<?>> futures = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      int task = t;
      futures.add(executor.submit(() -> body.accept(task)));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InternalException("interrupted while fitting catboost trees", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof QuiverException q) throw q;
        throw new InternalException("a catboost worker failed: " + e.getCause(), e.getCause());
      }
    }
  }

  @Override
  public void close() {
    if (executor != null) executor.shutdownNow();
  }
}
