package dev.quiver.experiment;

import dev.quiver.exec.RunListener;

/** Hears an experiment's stages and its training jobs; thread-safe. */
public interface RunObserver extends RunListener {

  RunObserver NONE = new RunObserver() {};

  /** The number of stages and jobs ahead became known (for a progress bar). */
  default void planned(int stages, int jobs) {}

  /** A pipeline stage finished; {@code what} says what it did, for a person. */
  default void stage(String what) {}
}
