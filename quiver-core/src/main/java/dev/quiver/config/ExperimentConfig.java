package dev.quiver.config;

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
 * </pre>
 */
public record ExperimentConfig(String name, Long seed, Integer threads, Data data, String timeframe,
    List<String> higherTimeframes, String features, String higherFeatures, String label, Split split,
    List<ModelSpec> models) {

  /** Where the bars come from and how to read them. {@code path} is relative to the YAML file. */
  public record Data(String path, String columns, String timestampFormat, String zone, String policy,
      List<String> symbols) {}

  /** Chronological holdout fractions and the minimum rows per segment. */
  public record Split(Double train, Double validation, Double test, Integer minSamples) {}

  /** One model: a family, a variant (default "balanced"), a display name and parameter overrides. */
  public record ModelSpec(String family, String variant, String name, Map<String, Object> params) {}
}
