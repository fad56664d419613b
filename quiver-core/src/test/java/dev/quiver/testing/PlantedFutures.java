package dev.quiver.testing;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.DirectionClasses;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.model.Task;
import java.util.List;
import java.util.Random;

/**
 * Real futures minute bars of one symbol with the seed12 features, labelled two ways: the honest
 * next-bar direction, or a planted label that a model must learn. The planted label of bar i is
 * made from bar i's own {@code price_change} (a feature the model sees, lagged with respect to
 * the future the label stands for) plus Gaussian noise: with {@code z} the feature over its
 * standard deviation, binary {@code y = 1{z + noise * e > 0}} and regression {@code y = z + noise * e},
 * e ~ N(0, 1) from {@code seed}; multiclass {@code y} is 0 (down) when {@code z + noise * e < -0.5},
 * 2 (up) when {@code > 0.5}, else 1 (flat). With noise 1 the binary Bayes AUC is about 0.84 and the
 * regression R2 about 0.5. {@code open_close_ratio} carries the same signal (a minute bar opens at
 * about the previous close, so open/close is about 1 - price_change): {@link #CARRIERS}.
 */
public final class PlantedFutures {

  public static final String SYMBOL = "IFL8.cfe";

  /** The seed12 features that carry the planted signal; a model's most important feature is one of them. */
  public static final List<String> CARRIERS = List.of("price_change", "open_close_ratio");

  private PlantedFutures() {}

  public static Dataset nextBarDirection(String symbol) {
    Bars b = TestData.futures(symbol);
    FeatureSet set = seed12();
    return DatasetBuilder.build(List.of(set.compute(b)), List.of(new NextBarDirection().label(b)), set.lookback());
  }

  public static Dataset planted(String symbol, Task task, double noise, long seed) {
    Bars b = TestData.futures(symbol);
    FeatureSet set = seed12();
    FeatureFrame f = set.compute(b);
    double[] change = f.columns().get(f.names().indexOf("price_change"));
    int n = b.size();
    double sum = 0;
    double sumSq = 0;
    int count = 0;
    for (int i = set.lookback(); i < n; i++) {
      if (Double.isFinite(change[i])) {
        sum += change[i];
        sumSq += change[i] * change[i];
        count++;
      }
    }
    double mean = sum / count;
    double sd = Math.sqrt(sumSq / count - mean * mean);
    Random rnd = new Random(seed);
    double[] y = new double[n];
    int[] end = new int[n];
    double[] forward = new double[n];
    for (int i = 0; i < n; i++) {
      double z = Double.isFinite(change[i]) ? change[i] / sd : 0;
      double v = z + noise * rnd.nextGaussian();
      boolean last = i == n - 1;
      y[i] = last ? Double.NaN : switch (task) {
        case BINARY -> v > 0 ? 1 : 0;
        case MULTICLASS -> v < -0.5 ? 0 : v > 0.5 ? 2 : 1;
        case REGRESSION -> v;
      };
      end[i] = last ? -1 : i + 1;
      forward[i] = last ? Double.NaN : b.close()[i + 1] / b.close()[i] - 1;
    }
    List<String> classes = task == Task.MULTICLASS ? DirectionClasses.CLASSES : List.of();
    return DatasetBuilder.build(List.of(f), List.of(new Targets("planted", task, y, end, forward, classes)), set.lookback());
  }

  private static FeatureSet seed12() {
    return FeatureSet.parse("seed12", List.of());
  }
}
