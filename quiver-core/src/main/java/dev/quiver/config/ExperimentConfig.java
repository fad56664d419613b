package dev.quiver.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * An experiment as written in YAML (snake_case keys). Every field but {@code data.path} has a
 * default; {@link ExperimentConfigs#read} fills them and rejects unknown keys naming line and
 * column. Example:
 *
 * <pre>
 * name: futures-direction
 * seed: 42
 * data: {path: data/cn_index_futures_1m.csv.gz, policy: fail}
 * timeframe: 1m
 * higher_timeframes: [5m, 15m, 1h]
 * features: seed12,rsi_14
 * label: direction
 * split: {train: 0.7, validation: 0.2, test: 0.1}
 * models:
 *   - family: lightgbm
 *     params: {num_leaves: 63}
 *   - family: logistic
 * registry: models                  # or {path: models, max_versions: 10}; absent: nothing is registered
 * </pre>
 *
 * A {@code tune:} section is read by {@link dev.quiver.tune.TuneConfigs} and ignored here.
 */
@JsonIgnoreProperties("tune")
public record ExperimentConfig(String name, Long seed, Integer threads, Data data, String timeframe,
    List<String> higherTimeframes, String features, String higherFeatures, String label, Split split,
    List<ModelSpec> models, Registry registry) {

  /** The canonical constructor, the one YAML binds to. */
  @JsonCreator
  public ExperimentConfig {}

  /** An experiment that registers nothing (the form before {@code registry} existed). */
  public ExperimentConfig(String name, Long seed, Integer threads, Data data, String timeframe, List<String> higherTimeframes,
      String features, String higherFeatures, String label, Split split, List<ModelSpec> models) {
    this(name, seed, threads, data, timeframe, higherTimeframes, features, higherFeatures, label, split, models, null);
  }

  /** Where the bars come from and how to read them. {@code path} is relative to the YAML file. */
  public record Data(String path, String columns, String timestampFormat, String zone, String policy,
      List<String> symbols) {}

  /** Chronological holdout fractions and the minimum rows per segment. */
  public record Split(Double train, Double validation, Double test, Integer minSamples) {}

  /**
   * Where to register every model the experiment trains: a registry folder ({@code path},
   * relative to the YAML file) and, optionally, how many active versions of each name to keep
   * ({@code maxVersions}; older ones are archived). YAML takes the folder alone too:
   * {@code registry: models}.
   */
  public record Registry(String path, Integer maxVersions) {

    @JsonCreator
    public Registry {}

    /** {@code registry: DIR}: a folder without a retention limit. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Registry of(String path) {
      return new Registry(path, null);
    }
  }

  /** One model: a family, a variant (default "balanced"), a display name and parameter overrides. */
  public record ModelSpec(String family, String variant, String name, Map<String, Object> params) {}
}
