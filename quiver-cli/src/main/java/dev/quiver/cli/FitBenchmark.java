package dev.quiver.cli;

import dev.quiver.data.Bars;
import dev.quiver.data.MarketData;
import dev.quiver.data.ReadOptions;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model-fit benchmarks of {@code quiver benchmark fit-*}: the seed12 features of every symbol
 * of a bars file, labelled with the next bar's direction, split chronologically 80/20 (no
 * validation segment, so no early stopping: every tree is built), then one family fitted {@code
 * warmups + runs} times with the given threads and seed. Only the fit is timed (the dataset is
 * built once, before); the test AUC is of the last fitted model. Not thread-safe.
 */
final class FitBenchmark {

  /** A benchmark name, its family and the overrides that fix its tree count (the peer's settings). */
  record Spec(String name, String family, Map<String, String> overrides) {}

  static final List<Spec> SPECS = List.of(
      new Spec("fit-lightgbm", "lightgbm", Map.of("num_iterations", "100")),
      new Spec("fit-xgboost", "xgboost", Map.of("num_rounds", "100")),
      new Spec("fit-random-forest", "random_forest", Map.of("num_iterations", "100")),
      new Spec("fit-gradient-boosting", "gradient_boosting", Map.of("num_iterations", "100")),
      new Spec("fit-catboost", "catboost", Map.of("iterations", "100", "depth", "6")));

  /** What a run measured. */
  record Result(long[] nanos, double auc, int trainRows, int testRows, List<String> features, Map<String, String> params) {}

  private FitBenchmark() {}

  static Spec spec(String name) {
    for (Spec s : SPECS) if (s.name().equals(name)) return s;
    throw new IllegalArgumentException(name);
  }

  /** The seed12 / next-bar-direction dataset of {@code file}. */
  static Dataset dataset(Path file) {
    List<Bars> series = MarketData.load(file, ReadOptions.defaults()).series();
    FeatureSet set = FeatureSet.parse("seed12", series.get(0).extras().keySet());
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    for (Bars b : series) {
      frames.add(set.compute(b));
      targets.add(new NextBarDirection().label(b));
    }
    return DatasetBuilder.build(frames, targets, set.lookback());
  }

  /** The benchmark family's params: the variant, the spec's tree count, then {@code extra}; bad ones fail here. */
  static Params params(Spec spec, String variant, Map<String, String> extra) {
    Map<String, String> overrides = new LinkedHashMap<>(spec.overrides());
    overrides.putAll(extra);
    return ModelFamilies.discover().get(spec.family()).params(variant, overrides);
  }

  static Result run(Spec spec, Dataset data, String variant, Map<String, String> extra, int threads, long seed, int warmups, int runs) {
    ModelFamily family = ModelFamilies.discover().get(spec.family());
    Params params = params(spec, variant, extra);
    Fold fold = new Holdout(0.8, 0.0, 0.2, 100).fold(data);
    TrainSet train = data.trainSet(fold.trainFrom(), fold.trainTo());
    TrainSet test = data.trainSet(fold.testFrom(), fold.testTo());
    TrainContext ctx = TrainContext.of(threads, seed);
    long[] nanos = new long[runs];
    double auc = Double.NaN;
    for (int i = 0; i < warmups + runs; i++) {
      long t0 = System.nanoTime();
      FittedModel m = family.trainer(params).fit(train, null, ctx, FitInfo.of(variant));
      long t = System.nanoTime() - t0;
      try {
        if (i >= warmups) nanos[i - warmups] = t;
        if (i == warmups + runs - 1) auc = ClassificationMetrics.of(test.y(), m.predict(test.x()).values()).auc();
      } finally {
        close(m);
      }
    }
    return new Result(nanos, auc, train.rows(), test.rows(), data.featureNames(), params.asStrings());
  }

  private static void close(FittedModel m) {
    if (m instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close a benchmark model: " + e.getMessage(), e);
      }
    }
  }
}
