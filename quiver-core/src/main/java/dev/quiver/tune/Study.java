package dev.quiver.tune;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A search: trials run one after another, each proposed by the {@link Sampler} from the finished
 * ones. Reproducible: trial k draws from a random stream fixed by the study seed and k, so the
 * same space, sampler, seed and objective give the same trials. A trial whose objective returns
 * NaN or an infinity, or throws a {@link RuntimeException} other than a
 * {@link dev.quiver.error.QuiverException}, is recorded as failed (value NaN) and counted; a
 * {@code QuiverException} (bad input, internal fault) stops the study. Not thread-safe.
 */
public final class Study {

  /** Whether lower or higher objective values are better. */
  public enum Direction { MINIMIZE, MAXIMIZE }

  /** The function tuned: parameters in, one score out. */
  public interface Objective {
    double evaluate(Map<String, Object> params);
  }

  private final SearchSpace space;
  private final Sampler sampler;
  private final long seed;
  private final Direction direction;
  private final List<Trial> trials = new ArrayList<>();
  private final List<Trial> minimised = new ArrayList<>();

  public Study(SearchSpace space, Sampler sampler, long seed, Direction direction) {
    this.space = space;
    this.sampler = sampler;
    this.seed = seed;
    this.direction = direction;
  }

  /** Runs up to {@code nTrials} more trials, stopping early once {@code timeout} (null: none) has passed; returns every trial so far. */
  public List<Trial> optimize(Objective objective, int nTrials, Duration timeout) {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < nTrials && System.nanoTime() < deadline; i++) {
      int number = trials.size();
      Map<String, Object> params = sampler.sample(space, minimised, random(number));
      double value;
      try {
        value = objective.evaluate(params);
      } catch (dev.quiver.error.QuiverException e) {
        throw e;
      } catch (RuntimeException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value)) value = Double.NaN;
      trials.add(new Trial(number, params, value));
      minimised.add(new Trial(number, params, direction == Direction.MINIMIZE ? value : -value));
    }
    return List.copyOf(trials);
  }

  /** The random stream of trial {@code number}: a function of the seed and the number only. */
  SplittableRandom random(int number) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L + 1);
  }

  public List<Trial> trials() {
    return List.copyOf(trials);
  }

  /** The best finished trial, or null when none finished. */
  public Trial best() {
    Trial best = null;
    for (int i = 0; i < trials.size(); i++) {
      Trial t = minimised.get(i);
      if (t.complete() && (best == null || t.value() < minimised.get(best.number()).value())) best = trials.get(i);
    }
    return best;
  }
}
