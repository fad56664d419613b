package dev.quiver.tune;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures a TPE sampler's overhead per trial ({@link TpeSampler} or {@link MultivariateTpeSampler}):
 * a study of {@code trials} trials on a four-dimensional space (a float, a log-float, a log-int and
 * a 3-way categorical) whose objective costs nothing, timing each {@link Sampler#sample} call. Single-threaded;
 * concurrent runs disturb the timings.
 */
public final class TpeBenchmark {

  /** The study size of the speed target: under 5 ms per trial at 1,000 trials. */
  public static final int DEFAULT_TRIALS = 1_000;

  private static volatile Object sink;

  private TpeBenchmark() {}

  public static SearchSpace space() {
    return new SearchSpace(List.of(Dimension.real("x", -5, 10, false), Dimension.real("rate", 1e-4, 1, true),
        Dimension.integer("leaves", 2, 512, true), Dimension.categorical("kind", List.of("a", "b", "c"))));
  }

  /** Nanoseconds of each independent-TPE sampler call, trial by trial, for one study of {@code trials} trials with {@code seed}. */
  public static long[] run(int trials, long seed) {
    return run(new TpeSampler(), trials, seed);
  }

  /** Nanoseconds of each call of {@code sampler}, trial by trial, for one study of {@code trials} trials with {@code seed}. */
  public static long[] run(Sampler sampler, int trials, long seed) {
    SearchSpace space = space();
    java.util.ArrayList<Trial> history = new java.util.ArrayList<>();
    long[] out = new long[trials];
    for (int i = 0; i < trials; i++) {
      SplittableRandom random = new SplittableRandom(seed * 31 + i);
      long t0 = System.nanoTime();
      Map<String, Object> p = sampler.sample(space, history, random);
      out[i] = System.nanoTime() - t0;
      double x = (Double) p.get("x");
      double v = (x - 2) * (x - 2) + Math.abs(Math.log10((Double) p.get("rate")) + 2) + Math.abs(Math.log((Integer) p.get("leaves")) - 3)
          + ("b".equals(p.get("kind")) ? 0 : 1);
      history.add(new Trial(i, p, v));
      sink = p;
    }
    return out;
  }
}
