package dev.quiver.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Independent uniform draws in each dimension's internal scale (log scale for log dimensions); ignores the history. */
public final class RandomSampler implements Sampler {

  @Override
  public Map<String, Object> sample(SearchSpace space, List<Trial> history, SplittableRandom random) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Dimension d : space.dimensions()) {
      if (!SearchSpace.active(d, out)) continue;
      out.put(d.name(), uniform(d, random));
    }
    return out;
  }

  static Object uniform(Dimension d, SplittableRandom random) {
    if (d.kind() == Dimension.Kind.CATEGORICAL) return d.choices().get(random.nextInt(d.choices().size()));
    double lo = d.internalLow();
    double hi = d.internalHigh();
    return d.value(lo + (hi - lo) * random.nextDouble());
  }
}
