package dev.quiver.registry;

import java.util.List;

/** How a version differs from the one before it: the part bumped and why, in words ("params changed: c"). */
public record VersionChange(Bump bump, List<String> reasons) {

  public VersionChange {
    reasons = List.copyOf(reasons);
  }

  /** The change of a name's first version. */
  public static VersionChange first() {
    return new VersionChange(Bump.MAJOR, List.of("first version"));
  }

  /** {@code "minor: params changed: c; data changed"}. */
  public String describe() {
    return bump.name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join("; ", reasons);
  }
}
