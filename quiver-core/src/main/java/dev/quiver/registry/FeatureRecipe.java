package dev.quiver.registry;

import java.util.List;

/**
 * How a model's input features are computed from bars, recorded at registration so that
 * prediction computes exactly the same columns: the base {@code timeframe} (finer input is
 * resampled to it), the {@code higherTimeframes} joined as of their last closed bar, the
 * feature spec of the base timeframe and of the higher ones ({@code higherFeatures} null: the
 * same spec), and the label spec the model was trained on (for the record and the versioning
 * rules; prediction does not compute it).
 */
public record FeatureRecipe(String timeframe, List<String> higherTimeframes, String features, String higherFeatures, String label) {

  public FeatureRecipe {
    higherTimeframes = higherTimeframes == null ? List.of() : List.copyOf(higherTimeframes);
  }

  /** The spec computed on the higher timeframes. */
  public String higherFeatureSpec() {
    return higherFeatures == null ? features : higherFeatures;
  }
}
