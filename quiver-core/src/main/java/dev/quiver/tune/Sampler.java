package dev.quiver.tune;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Proposes the parameters of the next trial from the finished ones. Deterministic: the same
 * space, history and random stream give the same proposal. {@code history} values are to be
 * minimised. Implementations are stateless and thread-safe.
 */
public interface Sampler {

  Map<String, Object> sample(SearchSpace space, List<Trial> history, SplittableRandom random);
}
