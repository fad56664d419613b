package dev.quiver.tune;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code tune:} section of an experiment file: which family to tune ({@code variant} and the
 * fixed {@code params} it starts from), the {@code metric} and whether it is maximised, the
 * sampler ({@code tpe}, {@code tpe:multivariate}, {@code random} or {@code grid}), the trial budget
 * ({@code nTrials}; {@code timeout} null for none), the study {@code seed}, how trials are scored
 * ({@link TuneSplit}), the pruner ({@code none}, {@code median} or {@code halving}) and the search
 * space. Built by {@link TuneConfigs#read}.
 */
public record TuneConfig(String family, String variant, Map<String, String> params, String metric, boolean maximize,
    String sampler, int nTrials, Duration timeout, long seed, TuneSplit split, String pruner, SearchSpace space) {

  public TuneConfig {
    params = Map.copyOf(params);
  }

  /** The same settings with another trial budget. */
  public TuneConfig withTrials(int n) {
    return new TuneConfig(family, variant, params, metric, maximize, sampler, n, timeout, seed, split, pruner, space);
  }
}
