package dev.quiver.registry;

import java.util.List;

/**
 * Where a version comes from and what uses it: its training-data SHA-256, the versions it
 * depends on (each with its own lineage, recursively: dependencies always existed before their
 * dependants, so there are no cycles) and the versions that depend on it directly.
 */
public record Lineage(ModelVersion model, String dataSha256, List<Lineage> dependsOn, List<ModelVersion> usedBy) {

  public Lineage {
    dependsOn = List.copyOf(dependsOn);
    usedBy = List.copyOf(usedBy);
  }
}
