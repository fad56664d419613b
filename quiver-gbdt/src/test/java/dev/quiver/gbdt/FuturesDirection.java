package dev.quiver.gbdt;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.features.FeatureFrame;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.testing.TestData;
import java.util.ArrayList;
import java.util.List;

/**
 * The real futures minute bars (3 symbols) with a few causal features computed here (each value
 * at bar i reads bars up to i only) and the next-bar direction label: the honest test problem.
 */
final class FuturesDirection {

  static final int WARM_UP = 20;
  static final List<String> NAMES = List.of("ret_1", "ret_5", "ret_20", "range", "close_pos", "volume_ratio_20");

  private FuturesDirection() {}

  static Dataset dataset() {
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    for (Bars b : TestData.futures()) {
      frames.add(features(b));
      targets.add(new NextBarDirection().label(b));
    }
    return DatasetBuilder.build(frames, targets, WARM_UP);
  }

  static FeatureFrame features(Bars b) {
    int n = b.size();
    double[] c = b.close();
    double[] ret1 = new double[n];
    double[] ret5 = new double[n];
    double[] ret20 = new double[n];
    double[] range = new double[n];
    double[] closePos = new double[n];
    double[] volumeRatio = new double[n];
    double volumeSum = 0;
    for (int i = 0; i < n; i++) {
      ret1[i] = i >= 1 ? c[i] / c[i - 1] - 1 : Double.NaN;
      ret5[i] = i >= 5 ? c[i] / c[i - 5] - 1 : Double.NaN;
      ret20[i] = i >= 20 ? c[i] / c[i - 20] - 1 : Double.NaN;
      range[i] = b.high()[i] / b.low()[i] - 1;
      double span = b.high()[i] - b.low()[i];
      closePos[i] = span > 0 ? (c[i] - b.low()[i]) / span : 0.5;
      volumeSum += b.volume()[i];
      if (i >= 20) volumeSum -= b.volume()[i - 20];
      volumeRatio[i] = i >= 19 && volumeSum > 0 ? b.volume()[i] / (volumeSum / 20) : Double.NaN;
    }
    return new FeatureFrame(b.symbol(), b.time(), NAMES, List.of(ret1, ret5, ret20, range, closePos, volumeRatio));
  }
}
