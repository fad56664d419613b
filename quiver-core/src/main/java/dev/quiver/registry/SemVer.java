package dev.quiver.registry;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;

/**
 * A model version {@code MAJOR.MINOR.PATCH}, three non-negative integers without leading zeros
 * (no pre-release or build suffix). Ordered numerically, major first. See {@link VersionRules}
 * for when each part is bumped.
 */
public record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {

  public static final SemVer FIRST = new SemVer(1, 0, 0);

  public SemVer {
    if (major < 0 || minor < 0 || patch < 0) throw new IllegalArgumentException("negative version part in " + major + "." + minor + "." + patch);
  }

  /** Parses {@code 1.2.3}; anything else is bad input naming the text. */
  public static SemVer parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith("v")) t = t.substring(1);
    String[] parts = t.split("\\.", -1);
    if (parts.length == 3) {
      int[] v = new int[3];
      boolean ok = true;
      for (int i = 0; i < 3 && ok; i++) {
        String p = parts[i];
        ok = !p.isEmpty() && p.length() <= 9 && p.chars().allMatch(c -> c >= '0' && c <= '9') && !(p.length() > 1 && p.charAt(0) == '0');
        if (ok) v[i] = Integer.parseInt(p);
      }
      if (ok) return new SemVer(v[0], v[1], v[2]);
    }
    throw new BadInputException(Where.none(), "'" + text + "' is not a version", "write MAJOR.MINOR.PATCH, e.g. 1.4.0");
  }

  /** True when {@code text} parses as a version (an alias never does). */
  public static boolean looksLikeVersion(String text) {
    try {
      parse(text);
      return true;
    } catch (BadInputException e) {
      return false;
    }
  }

  /** This version bumped: MAJOR resets minor and patch, MINOR resets patch. */
  public SemVer next(Bump bump) {
    return switch (bump) {
      case MAJOR -> new SemVer(major + 1, 0, 0);
      case MINOR -> new SemVer(major, minor + 1, 0);
      case PATCH -> new SemVer(major, minor, patch + 1);
    };
  }

  @Override
  public int compareTo(SemVer o) {
    if (major != o.major) return Integer.compare(major, o.major);
    if (minor != o.minor) return Integer.compare(minor, o.minor);
    return Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
