package dev.quiver.ensemble;

import dev.quiver.model.FitInfo;
import dev.quiver.model.Trainer;
import java.util.Objects;

/** A member still to be fitted: its name in the ensemble, its trainer and the provenance facts its fits record. */
public record Candidate(String name, Trainer trainer, FitInfo info) {

  public Candidate {
    Objects.requireNonNull(trainer, "trainer");
    Objects.requireNonNull(info, "info");
    if (name == null || name.isBlank()) throw new IllegalArgumentException("an ensemble candidate needs a name");
  }
}
