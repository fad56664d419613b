package dev.quiver.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every combination of the dimensions' grid values, in a fixed order (the first dimension varies
 * slowest): categorical choices, every integer of an int range, and {@code floatPoints} values
 * evenly spaced on a float's internal scale (log scale for log dimensions), ends included. A
 * conditional dimension branches only under the parent values that activate it, so no
 * combination repeats. Trial k gets combination {@code k mod size}: run {@link #size} trials for
 * one full pass. The random stream is unused. Stateless and thread-safe.
 */
public final class GridSampler implements Sampler {

  /** The most grid points one int dimension may contribute; a wider range must be narrowed or made a float. */
  public static final int MAX_INT_VALUES = 10_000;

  private final int floatPoints;

  /** @param floatPoints grid values per float dimension (>= 2) */
  public GridSampler(int floatPoints) {
    if (floatPoints < 2) throw new IllegalArgumentException("floatPoints must be >= 2, got " + floatPoints);
    this.floatPoints = floatPoints;
  }

  /** The number of distinct combinations of {@code space}. */
  public long size(SearchSpace space) {
    return combinations(space).size();
  }

  @Override
  public Map<String, Object> sample(SearchSpace space, List<Trial> history, SplittableRandom random) {
    List<Map<String, Object>> all = combinations(space);
    return all.get(history.size() % all.size());
  }

  List<Map<String, Object>> combinations(SearchSpace space) {
    List<Map<String, Object>> out = new ArrayList<>();
    expand(space.dimensions(), 0, new LinkedHashMap<>(), out);
    return out;
  }

  private void expand(List<Dimension> dims, int i, LinkedHashMap<String, Object> chosen, List<Map<String, Object>> out) {
    if (i == dims.size()) {
      out.add(new LinkedHashMap<>(chosen));
      return;
    }
    Dimension d = dims.get(i);
    if (!SearchSpace.active(d, chosen)) {
      expand(dims, i + 1, chosen, out);
      return;
    }
    for (Object v : values(d)) {
      chosen.put(d.name(), v);
      expand(dims, i + 1, chosen, out);
      chosen.remove(d.name());
    }
  }

  private List<Object> values(Dimension d) {
    List<Object> v = new ArrayList<>();
    switch (d.kind()) {
      case CATEGORICAL -> v.addAll(d.choices());
      case INT -> {
        if (d.high() - d.low() + 1 > MAX_INT_VALUES) {
          throw new dev.quiver.error.BadInputException("grid search over '" + d.name() + "' would take " + (long) (d.high() - d.low() + 1)
              + " values (at most " + MAX_INT_VALUES + ")");
        }
        for (int x = (int) d.low(); x <= (int) d.high(); x++) v.add(x);
      }
      case FLOAT -> {
        double lo = d.internalLow();
        double hi = d.internalHigh();
        for (int k = 0; k < floatPoints; k++) v.add(d.value(lo + (hi - lo) * k / (floatPoints - 1)));
      }
    }
    return v;
  }
}
