package dev.quiver.model.multitask;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.Labeler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a multi-target fit: one {@link Dataset} per label, all with the same feature columns
 * computed once per symbol. Each dataset keeps the rows its own label defines (labels with longer
 * horizons lose more rows at the end) and its own label ends, so each target's splits purge by
 * that target's horizon. Keys are the labelers' names, in the given order. Stateless.
 */
public final class MultiTaskData {

  private MultiTaskData() {}

  public static Map<String, Dataset> build(List<Bars> bars, FeatureSet features, List<Labeler> labelers) {
    List<FeatureFrame> frames = new ArrayList<>();
    for (Bars b : bars) frames.add(features.compute(b));
    Map<String, Dataset> out = new LinkedHashMap<>();
    for (Labeler l : labelers) {
      List<dev.quiver.labels.Targets> targets = new ArrayList<>();
      for (Bars b : bars) targets.add(l.label(b));
      if (out.put(l.name(), DatasetBuilder.build(frames, targets, features.lookback())) != null) {
        throw new IllegalArgumentException("label " + l.name() + " given twice");
      }
    }
    return out;
  }
}
