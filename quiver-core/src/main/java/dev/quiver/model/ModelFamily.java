package dev.quiver.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One algorithm, found by {@link java.util.ServiceLoader}. Families are cheap to construct:
 * native libraries load inside {@link Trainer#fit} or {@link #load}, never here.
 */
public interface ModelFamily {

  /** The name users write: "lightgbm", "logistic". */
  String name();

  Set<Task> tasks();

  /** One line for {@code quiver models families}: what the family is and how it is built; empty when the name says it all. */
  default String description() {
    return "";
  }

  /** True when this family's fitted models are {@link Explainable} (per-feature contributions, SHAP for trees). */
  default boolean explainable() {
    return false;
  }

    /** Named variants (at least "balanced", the default). */
  Set<String> variants();

  /** The variant's parameters with user overrides applied; unknown keys and bad values fail here, before training. */
  Params params(String variant, Map<String, String> overrides);

  Trainer trainer(Params params);

  /**
   * The auxiliary labels a model with these parameters learns besides the main label, as label
   * specs ({@link dev.quiver.labels.Labelers}) in which the letter {@code H} stands for the main
   * label's horizon: e.g. {@code tth:H,0.002}, {@code mdd:H}, {@code mfe:H}. The experiment runner
   * computes them on the main label's rows and hands them over in {@link
   * TrainSet#auxiliary(String)} under the spec as written here. Empty (the default): none.
   */
  default List<String> auxiliaryLabels(Params params) {
    return List.of();
  }

  /** Rebuilds a model saved by this family; checksums are verified by {@code in}. */
  FittedModel load(ArtifactReader in);
}
