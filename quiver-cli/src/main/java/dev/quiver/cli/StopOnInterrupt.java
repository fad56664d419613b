package dev.quiver.cli;

import dev.quiver.model.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) during a run into a stop request: the JVM's shutdown waits (up
 * to a minute) while running jobs stop, finished ones stay journaled and the leaderboard of what
 * finished is printed. Closing it unhooks it.
 */
final class StopOnInterrupt implements AutoCloseable {

  private static final long GRACE_SECONDS = 60;

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  StopOnInterrupt(Cancellation cancel) {
    hook = new Thread(() -> {
      cancel.request();
      System.err.println("stopping: letting running models stop; finished ones are kept");
      try {
        finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "quiver-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The run and its report are done: a shutdown may go ahead at once. */
  void finished() {
    finished.countDown();
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or ran: nothing to remove
    }
  }
}
