package dev.quiver.ensemble;

import dev.quiver.model.FittedModel;
import java.util.Objects;

/** One fitted model of an ensemble and the name it goes by in the ensemble's weights and reports. */
public record Member(String name, FittedModel model) {

  public Member {
    Objects.requireNonNull(model, "model");
    if (name == null || name.isBlank()) throw new IllegalArgumentException("an ensemble member needs a name");
  }
}
