package dev.quiver.model;

/** A model that can split each prediction into per-feature contributions (SHAP for tree models). Thread-safe like {@link FittedModel#predict}. */
public interface Explainable {

  /** The contributions for each row of {@code x}, whose columns must be the model's features. */
  Contributions contributions(Matrix x);
}
