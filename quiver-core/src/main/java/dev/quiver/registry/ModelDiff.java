package dev.quiver.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How two versions differ: the params whose values differ, every metric of either with both
 * values and the difference ({@code to - from}; null when either is missing or not finite), and
 * the other facts that differ (family, variant, seed, training data, features, label,
 * timeframe, grade, dependencies).
 */
public record ModelDiff(String from, String to, List<Entry> params, List<Entry> metrics, List<Entry> other) {

  /** One compared key; a side is null when that version lacks the key. */
  public record Entry(String key, String from, String to, Double delta) {}

  public ModelDiff {
    params = List.copyOf(params);
    metrics = List.copyOf(metrics);
    other = List.copyOf(other);
  }

  public static ModelDiff of(ModelCard a, ModelCard b) {
    List<Entry> params = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.params().keySet());
    keys.addAll(b.params().keySet());
    for (String k : keys) {
      String x = a.params().get(k);
      String y = b.params().get(k);
      if (!Objects.equals(x, y)) params.add(new Entry(k, x, y, null));
    }
    List<Entry> metrics = new ArrayList<>();
    TreeSet<String> mkeys = new TreeSet<>(a.metrics().keySet());
    mkeys.addAll(b.metrics().keySet());
    for (String k : mkeys) {
      Double x = a.metrics().get(k);
      Double y = b.metrics().get(k);
      Double d = x != null && y != null && Double.isFinite(x) && Double.isFinite(y) ? y - x : null;
      metrics.add(new Entry(k, x == null ? null : String.valueOf(x), y == null ? null : String.valueOf(y), d));
    }
    List<Entry> other = new ArrayList<>();
    compare(other, "family", a.family(), b.family());
    compare(other, "variant", a.variant(), b.variant());
    compare(other, "seed", String.valueOf(a.seed()), String.valueOf(b.seed()));
    compare(other, "data_sha256", a.dataSha256(), b.dataSha256());
    compare(other, "features", String.join(",", a.schema().features()), String.join(",", b.schema().features()));
    compare(other, "task", a.schema().task().name(), b.schema().task().name());
    compare(other, "label", a.recipe() == null ? null : a.recipe().label(), b.recipe() == null ? null : b.recipe().label());
    compare(other, "timeframe", a.recipe() == null ? null : a.recipe().timeframe(), b.recipe() == null ? null : b.recipe().timeframe());
    compare(other, "grade", a.grade().letter(), b.grade().letter());
    compare(other, "dependencies", String.join(",", a.dependencies()), String.join(",", b.dependencies()));
    return new ModelDiff(a.name() + "@" + a.version(), b.name() + "@" + b.version(), params, metrics, other);
  }

  private static void compare(List<Entry> out, String key, String x, String y) {
    if (!Objects.equals(x, y)) out.add(new Entry(key, x, y, null));
  }
}
