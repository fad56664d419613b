package dev.quiver.ensemble;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import java.util.Map;
import java.util.Random;

/** Real futures bars with a planted label (see {@link PlantedFutures}), cut into small train and test slices, and the members tests combine. */
final class EnsembleData {

  static final Dataset BINARY = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 11);
  static final Dataset REGRESSION = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 12);
  static final int TRAIN_TO = 3000;
  static final int TEST_FROM = 3100;
  static final int TEST_TO = 5000;
  static final TrainContext CTX = TrainContext.of(1, 5);
  static final ModelFamilies FAMILIES = ModelFamilies.discover();

  private EnsembleData() {}

  static TrainSet train(Dataset d) {
    return d.trainSet(0, TRAIN_TO);
  }

  static TrainSet test(Dataset d) {
    return d.trainSet(TEST_FROM, TEST_TO);
  }

  static Candidate candidate(String family, String variant) {
    ModelFamily f = FAMILIES.get(family);
    return new Candidate(family + "_" + variant, f.trainer(f.params(variant, Map.of())), FitInfo.of(variant));
  }

  static FittedModel fit(String family, String variant, TrainSet train) {
    return candidate(family, variant).trainer().fit(train, null, CTX, FitInfo.of(variant));
  }

  /** {@code set} with its targets shuffled: a member fitted on it learns nothing. */
  static TrainSet shuffledTargets(TrainSet set, long seed) {
    float[] y = set.y().clone();
    Random rnd = new Random(seed);
    for (int i = y.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      float t = y[i];
      y[i] = y[j];
      y[j] = t;
    }
    return new TrainSet(set.x(), y, set.task());
  }
}
