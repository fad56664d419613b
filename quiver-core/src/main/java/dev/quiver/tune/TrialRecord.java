package dev.quiver.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of a stored study: its 0-based {@code number}, parameters (values Integer, Double or
 * String; inactive conditional ones absent), {@code state}, the final {@code value} of the metric
 * (NaN when failed; for a pruned trial the last value it reported), the {@code intermediate}
 * values it reported (one per fold or per boosting round, in order), its {@code seed}, start and
 * end in epoch milliseconds ({@code finishedMs} 0 while running), the {@code work} it did (boosting
 * rounds, or folds for families without rounds) and the error of a failed trial. Immutable.
 */
public record TrialRecord(int number, Map<String, Object> params, State state, double value, double[] intermediate,
    long seed, long startedMs, long finishedMs, long work, String error) {

  /** Where a trial is: running (or left running by a crash), finished, stopped by the pruner, or failed. */
  public enum State { RUNNING, COMPLETE, PRUNED, FAILED }

  public TrialRecord {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    intermediate = intermediate.clone();
    error = error == null ? "" : error;
  }

  @Override
  public double[] intermediate() {
    return intermediate.clone();
  }

  public boolean finished() {
    return state != State.RUNNING;
  }

  /** Seconds from start to end, or NaN while running. */
  public double seconds() {
    return finishedMs == 0 ? Double.NaN : (finishedMs - startedMs) / 1000.0;
  }
}
