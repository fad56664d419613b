package dev.quiver.ensemble;

import dev.quiver.model.FeatureImportance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ensemble's feature importance: each member's importance scaled to sum 1, times the member's
 * weight, summed per feature (kind {@code weighted_share}). Members without an importance count
 * as none. Stateless.
 */
final class WeightedImportance {

  private WeightedImportance() {}

  static Optional<FeatureImportance> of(List<Member> members, double[] weights) {
    Map<String, Double> out = new LinkedHashMap<>();
    boolean any = false;
    for (int m = 0; m < members.size(); m++) {
      Optional<FeatureImportance> fi = members.get(m).model().importance();
      if (fi.isEmpty()) continue;
      double total = 0;
      for (double v : fi.get().values().values()) total += Math.abs(v);
      if (total <= 0) continue;
      any = true;
      for (Map.Entry<String, Double> e : fi.get().values().entrySet()) {
        out.merge(e.getKey(), weights[m] * Math.abs(e.getValue()) / total, Double::sum);
      }
    }
    return any ? Optional.of(new FeatureImportance("weighted_share", out)) : Optional.empty();
  }
}
