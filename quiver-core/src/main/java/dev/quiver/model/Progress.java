package dev.quiver.model;

/** Reports work done in units the caller defined with {@link #start}. Implementations are thread-safe. */
public interface Progress {

  Progress NONE = new Progress() {
    @Override public void start(String task, long units) {}
    @Override public void advance(long units) {}
  };

  void start(String task, long units);

  void advance(long units);
}
