package dev.quiver.registry;

import java.time.Instant;
import java.util.List;

/**
 * One registered version as the index lists it: enough to list, filter and find it without
 * reading its files. {@code directory} is relative to the registry root ({@code
 * kind/name_vX.Y.Z_grade_G_acc_0.53}); {@code accuracy} is NaN when the model has none.
 */
public record ModelVersion(String name, SemVer version, String family, String kind, String variant, String grade,
    double accuracy, Instant created, String directory, Status status, String change, List<String> aliases, List<String> tags) {

  /** Archived versions stay on disk and loadable by exact version, but are hidden from plain listings and never "latest". */
  public enum Status { ACTIVE, ARCHIVED }

  public ModelVersion {
    aliases = List.copyOf(aliases);
    tags = List.copyOf(tags);
  }

  public ModelRef ref() {
    return ModelRef.of(name, version);
  }

  /** {@code name@1.2.0}. */
  public String id() {
    return name + "@" + version;
  }
}
