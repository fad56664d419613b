package dev.quiver.leakage;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import java.util.List;

/**
 * Builds a dataset from bars, the whole way an experiment does (resampling, features, as-of
 * joins, labels, warm-up). The leakage check runs it on real and on perturbed bars and compares.
 */
@FunctionalInterface
public interface DatasetRecipe {

  Dataset build(List<Bars> bars);
}
