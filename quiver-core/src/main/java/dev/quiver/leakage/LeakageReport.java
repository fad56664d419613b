package dev.quiver.leakage;

import java.util.List;

/**
 * What a {@link LeakageCheck} found. {@code features}: each feature whose value at some row at or
 * before a cut changed when only bars after the cut were perturbed (the first such row; the
 * feature {@code "(rows)"} when the rows at or before the cut themselves changed). {@code models}:
 * each model whose prediction at or before a cut changed, trained on rows whose labels end at or
 * before the cut. {@code suspects}: features whose association with the label is implausibly
 * strong. {@code cuts} are the bar times (epoch ms) of the cuts tried; {@code rowsCompared} the
 * dataset rows at or before them, summed over cuts.
 */
public record LeakageReport(List<Long> cuts, long rowsCompared, List<Change> features, List<Change> models, List<Suspect> suspects) {

  public LeakageReport {
    cuts = List.copyOf(cuts);
    features = List.copyOf(features);
    models = List.copyOf(models);
    suspects = List.copyOf(suspects);
  }

  /**
   * A feature or model output that moved: {@code name}, the first dataset row (and its bar time)
   * where it did, the value before and after the perturbation, and the cut's time.
   */
  public record Change(String name, int row, long time, double before, double after, long cut) {}

  /**
   * A feature whose rank IC with the label's forward return is at least the limit in absolute
   * value: {@code rankIc} is the median over {@code blocks} chronological blocks of the rows.
   */
  public record Suspect(String name, double rankIc, int blocks, double limit) {}

  /** True when nothing moved and nothing is suspect. */
  public boolean clean() {
    return features.isEmpty() && models.isEmpty() && suspects.isEmpty();
  }
}
