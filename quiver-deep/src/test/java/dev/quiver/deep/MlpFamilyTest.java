package dev.quiver.deep;

import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.FamilyContract;
import java.util.HashMap;
import java.util.Map;

class MlpFamilyTest extends FamilyContract {

  /** Fewer, larger batches than the defaults keep the contract's fits near a second each. */
  @Override
  protected FittedModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid, long seed) {
    Map<String, String> small = new HashMap<>(Map.of("epochs", "4", "batch_size", "2048", "learning_rate", "0.01"));
    small.putAll(overrides);
    return super.fit(variant, small, train, valid, seed);
  }

  @Override
  protected ModelFamily family() {
    return new MlpFamily();
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"hidden", "hiden"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"dropout", "0.95"};
  }
}
