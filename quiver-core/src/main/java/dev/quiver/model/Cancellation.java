package dev.quiver.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cooperative stop request: long loops poll {@link #requested()} and return early with what
 * they have. A stop is not an error. Thread-safe.
 */
public final class Cancellation {

  private final AtomicBoolean requested = new AtomicBoolean();

  public static Cancellation none() {
    return new Cancellation();
  }

  public void request() {
    requested.set(true);
  }

  public boolean requested() {
    return requested.get();
  }
}
