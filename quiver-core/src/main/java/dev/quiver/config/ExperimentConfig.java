package dev.quiver.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.select.SelectionSettings;
import dev.quiver.split.CalendarWalkForward;
import dev.quiver.split.CombinatorialPurgedCv;
import dev.quiver.split.Holdout;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Splitter;
import dev.quiver.split.TimeSeriesSplit;
import dev.quiver.split.WalkForward;
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
 * split: {train: 0.7, validation: 0.2, test: 0.1}   # or {walk_forward: {...}}, see Split
 * models:
 *   - family: lightgbm
 *     params: {num_leaves: 63}
 *   - family: logistic
 * registry: models                  # or {path: models, max_versions: 10}; absent: nothing is registered
 * preprocess: impute=median,scale=robust,clip=0.01   # fitted on each model's training rows; absent: raw features
 * ensemble: [voting, stacking, caruana:20]         # combiners over the models, as train --ensemble (the flag wins)
 * select: {method: rfecv, step: 2, min_features: 4, folds: 4, family: lightgbm, metric: auc}   # for quiver select-features
 * </pre>
 *
 * <p>{@code preprocess} is a {@link dev.quiver.preprocess.PreprocessSpec} put in front of every
 * model: each model's artifact then holds the fitted preprocessor and takes the raw features.
 * A {@code tune:} section is read by {@link dev.quiver.tune.TuneConfigs} and ignored here.
 */
@JsonIgnoreProperties("tune")
public record ExperimentConfig(String name, Long seed, Integer threads, Data data, String timeframe,
    List<String> higherTimeframes, String features, String higherFeatures, String label, Split split,
    List<ModelSpec> models, Registry registry, String preprocess, Select select, List<String> ensemble) {

  /** The canonical constructor, the one YAML binds to. */
  @JsonCreator
  public ExperimentConfig {
    ensemble = ensemble == null ? null : List.copyOf(ensemble);
  }

  /** An experiment without a select section or ensemble (the form before those keys existed). */
  public ExperimentConfig(String name, Long seed, Integer threads, Data data, String timeframe, List<String> higherTimeframes,
      String features, String higherFeatures, String label, Split split, List<ModelSpec> models, Registry registry, String preprocess) {
    this(name, seed, threads, data, timeframe, higherTimeframes, features, higherFeatures, label, split, models, registry, preprocess, null, null);
  }

  /** An experiment without preprocessing (the form before {@code preprocess} existed). */
  public ExperimentConfig(String name, Long seed, Integer threads, Data data, String timeframe, List<String> higherTimeframes,
      String features, String higherFeatures, String label, Split split, List<ModelSpec> models, Registry registry) {
    this(name, seed, threads, data, timeframe, higherTimeframes, features, higherFeatures, label, split, models, registry, null);
  }

  /** This experiment with {@code spec} (null: none) as its preprocessing. */
  public ExperimentConfig withPreprocess(String spec) {
    return new ExperimentConfig(name, seed, threads, data, timeframe, higherTimeframes, features, higherFeatures, label, split, models, registry, spec,
        select, ensemble);
  }

  /** An experiment that registers nothing (the form before {@code registry} existed). */
  public ExperimentConfig(String name, Long seed, Integer threads, Data data, String timeframe, List<String> higherTimeframes,
      String features, String higherFeatures, String label, Split split, List<ModelSpec> models) {
    this(name, seed, threads, data, timeframe, higherTimeframes, features, higherFeatures, label, split, models, null, null);
  }

  /** Where the bars come from and how to read them. {@code path} is relative to the YAML file. */
  public record Data(String path, String columns, String timestampFormat, String zone, String policy,
      List<String> symbols) {}

  /**
   * How rows are cut into folds. The fractions ({@code train}, {@code validation}, {@code test},
   * {@code min_samples}) are the chronological holdout, the scheme when no other section is
   * given. At most one of {@code walk_forward}, {@code purged_kfold}, {@code cpcv},
   * {@code time_series_split} names another scheme:
   *
   * <pre>
   * split: {walk_forward: {train_days: 60, test_days: 10, step_days: 10, min_train_samples: 500, window: expanding}}
   * split: {walk_forward: {train_bars: 20000, test_bars: 5000, step_bars: 5000, window: rolling}}
   * split: {purged_kfold: {k: 5, embargo_pct: 0.01}}
   * split: {cpcv: {groups: 6, test_groups: 2, embargo_pct: 0.01}}
   * split: {time_series_split: {n_splits: 5, gap: 0, max_train_size: 10000, test_size: 2000}}
   * </pre>
   *
   * {@link ExperimentConfigs#read} checks every key and value against the file (line and key
   * named); {@link #splitter()} then builds the splitter. Purging by the labels' end indices
   * (and the embargo of purged k-fold and cpcv) is the splitter's own, never a key.
   */
  public record Split(Double train, Double validation, Double test, Integer minSamples, WalkForwardSection walkForward,
      PurgedKFoldSection purgedKfold, CpcvSection cpcv, TimeSeriesSplitSection timeSeriesSplit) {

    /** The canonical constructor, the one YAML binds to. */
    @JsonCreator
    public Split {}

    /** A chronological holdout (the form before the other schemes existed). */
    public Split(Double train, Double validation, Double test, Integer minSamples) {
      this(train, validation, test, minSamples, null, null, null, null);
    }

    /**
     * The scheme's name, as {@code quiver backtest --split} and {@code quiver split --scheme}
     * spell it: holdout, walk-forward, purged-kfold, cpcv or time-series-split.
     */
    public String scheme() {
      if (walkForward != null) return WalkForward.NAME;
      if (purgedKfold != null) return PurgedKFold.NAME;
      if (cpcv != null) return CombinatorialPurgedCv.NAME;
      if (timeSeriesSplit != null) return TimeSeriesSplit.NAME;
      return Holdout.NAME;
    }

    /**
     * The splitter this section describes, with the defaults filled in (step = test window,
     * min_train_samples 1, rolling window, embargo 0, gap 0). A section read by
     * {@link ExperimentConfigs#read} was checked there, with the file's lines in the errors;
     * one built in code is checked here by the splitter's constructor.
     *
     * @throws BadInputException when values are out of range or two schemes are named
     */
    public Splitter splitter() {
      int named = (walkForward != null ? 1 : 0) + (purgedKfold != null ? 1 : 0) + (cpcv != null ? 1 : 0) + (timeSeriesSplit != null ? 1 : 0);
      if (named > 1) {
        throw new BadInputException(Where.cell("experiment", 0, "split"),
            "the split names " + named + " schemes", "keep one of walk_forward, purged_kfold, cpcv, time_series_split");
      }
      if (walkForward != null) return walkForward.splitter();
      if (purgedKfold != null) return new PurgedKFold(orElse(purgedKfold.k(), 0), orElse(purgedKfold.embargoPct(), 0.0));
      if (cpcv != null) return new CombinatorialPurgedCv(orElse(cpcv.groups(), 0), orElse(cpcv.testGroups(), 0), orElse(cpcv.embargoPct(), 0.0));
      if (timeSeriesSplit != null) {
        return new TimeSeriesSplit(orElse(timeSeriesSplit.nSplits(), 0), orElse(timeSeriesSplit.gap(), 0), timeSeriesSplit.maxTrainSize(),
            timeSeriesSplit.testSize());
      }
      return new Holdout(orElse(train, 0.7), orElse(validation, 0.2), orElse(test, 0.1), orElse(minSamples, 100));
    }
  }

  /**
   * Walk-forward by calendar days on the bar timestamps ({@code train_days}, {@code test_days},
   * {@code step_days}, {@code min_train_samples}) or by bar counts ({@code train_bars},
   * {@code test_bars}, {@code step_bars}); {@code window} is rolling (default) or expanding.
   */
  public record WalkForwardSection(Integer trainDays, Integer testDays, Integer stepDays, Integer minTrainSamples,
      Integer trainBars, Integer testBars, Integer stepBars, String window) {

    @JsonCreator
    public WalkForwardSection {}

    /** True when the windows count bars, false when they count days. */
    public boolean byBars() {
      return trainBars != null || testBars != null || stepBars != null;
    }

    /** True for an expanding window (training always starts at the first row). */
    public boolean expanding() {
      return "expanding".equals(window);
    }

    Splitter splitter() {
      if (byBars()) {
        int test = orElse(testBars, 0);
        return new WalkForward(orElse(trainBars, 0), test, orElse(stepBars, test), expanding());
      }
      int test = orElse(testDays, 0);
      return new CalendarWalkForward(orElse(trainDays, 0), test, orElse(stepDays, test), orElse(minTrainSamples, 1), expanding());
    }
  }

  /** Purged k-fold: {@code k} folds, {@code embargo_pct} of all rows embargoed after each test block. */
  public record PurgedKFoldSection(Integer k, Double embargoPct) {
    @JsonCreator
    public PurgedKFoldSection {}
  }

  /** Combinatorial purged CV: {@code groups} N, {@code test_groups} k, {@code embargo_pct} as purged k-fold. */
  public record CpcvSection(Integer groups, Integer testGroups, Double embargoPct) {
    @JsonCreator
    public CpcvSection {}
  }

  /** scikit-learn's TimeSeriesSplit: {@code n_splits}, {@code gap}, {@code max_train_size}, {@code test_size}. */
  public record TimeSeriesSplitSection(Integer nSplits, Integer gap, Integer maxTrainSize, Integer testSize) {
    @JsonCreator
    public TimeSeriesSplitSection {}
  }

  private static int orElse(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static double orElse(Double value, double fallback) {
    return value == null ? fallback : value;
  }

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

  /**
   * How {@code quiver select-features} selects features (see {@link SelectionSettings} for the
   * meaning and defaults of method, k, step, min_features, folds, cv, embargo_pct and metric), with
   * the model {@code family} and {@code variant} that ranks and scores them (absent: the
   * experiment's first model). {@link ExperimentConfigs#read} checks the values against the file.
   */
  public record Select(String method, Integer k, Integer step, Integer minFeatures, Integer folds, String cv, Double embargoPct,
      String family, String variant, String metric) {

    @JsonCreator
    public Select {}

    /**
     * The settings this section describes, each absent key taken from {@link SelectionSettings#DEFAULTS}.
     *
     * @throws BadInputException naming every value out of range
     */
    public SelectionSettings settings() {
      SelectionSettings d = SelectionSettings.DEFAULTS;
      return new SelectionSettings(method == null ? d.method() : method, k == null ? d.k() : k, step == null ? d.step() : step,
          minFeatures == null ? d.minFeatures() : minFeatures, folds == null ? d.folds() : folds, cv == null ? d.cv() : cv,
          embargoPct == null ? d.embargoPct() : embargoPct, metric == null ? d.metric() : metric);
    }
  }

  /** One model: a family, a variant (default "balanced"), a display name and parameter overrides. */
  public record ModelSpec(String family, String variant, String name, Map<String, Object> params) {}
}
