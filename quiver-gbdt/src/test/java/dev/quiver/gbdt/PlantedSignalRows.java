package dev.quiver.gbdt;

import dev.quiver.model.PlantedSignal;
import dev.quiver.model.TrainSet;

/** A small synthetic training set for tests that check how a model is built rather than how well it scores. */
final class PlantedSignalRows {

  private PlantedSignalRows() {}

  static TrainSet train() {
    return PlantedSignal.binary(4000, 11);
  }
}
