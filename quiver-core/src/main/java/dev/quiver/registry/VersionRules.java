package dev.quiver.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The semantic-versioning rules of the registry. A name's first version is 1.0.0. Each later
 * registration is compared with the name's HIGHEST existing version:
 *
 * <ul>
 *   <li>MAJOR when the input schema changed (feature names or their order, the base timeframe,
 *       the task) or the label changed: a caller feeding the old inputs, or reading the old
 *       target, would be wrong;
 *   <li>else MINOR when the model was retrained differently: family, variant, params, seed,
 *       training data fingerprint, or the model files themselves differ;
 *   <li>else PATCH: only metadata differs (metrics, grade, tags, description, dependencies).
 * </ul>
 *
 * The new version is that highest version bumped ({@link SemVer#next}). A user may force any
 * version not yet taken by the name instead; the rules then only describe the change.
 */
public final class VersionRules {

  private VersionRules() {}

  /** What changed from {@code previous} to {@code next}, the bump first. */
  public static VersionChange decide(VersionFacts previous, VersionFacts next) {
    List<String> major = new ArrayList<>();
    if (!previous.features().equals(next.features())) major.add("input schema changed: " + featureDiff(previous.features(), next.features()));
    if (!previous.timeframe().equals(next.timeframe())) major.add("timeframe changed: " + previous.timeframe() + " -> " + next.timeframe());
    if (!Objects.equals(previous.task(), next.task())) major.add("task changed: " + previous.task() + " -> " + next.task());
    if (!previous.label().equals(next.label())) major.add("label changed: " + previous.label() + " -> " + next.label());
    if (!major.isEmpty()) return new VersionChange(Bump.MAJOR, major);

    List<String> minor = new ArrayList<>();
    if (!previous.family().equals(next.family())) minor.add("family changed: " + previous.family() + " -> " + next.family());
    if (!previous.variant().equals(next.variant())) minor.add("variant changed: " + previous.variant() + " -> " + next.variant());
    if (!previous.params().equals(next.params())) minor.add("params changed: " + paramDiff(previous, next));
    if (previous.seed() != next.seed()) minor.add("seed changed: " + previous.seed() + " -> " + next.seed());
    if (!previous.dataSha256().equals(next.dataSha256())) minor.add("training data changed");
    if (minor.isEmpty() && !previous.filesSha256().equals(next.filesSha256())) minor.add("model files changed");
    if (!minor.isEmpty()) return new VersionChange(Bump.MINOR, minor);
    return new VersionChange(Bump.PATCH, List.of("metadata only"));
  }

  private static String featureDiff(List<String> before, List<String> after) {
    List<String> parts = new ArrayList<>();
    List<String> removed = new ArrayList<>(before);
    removed.removeAll(after);
    List<String> added = new ArrayList<>(after);
    added.removeAll(before);
    if (!removed.isEmpty()) parts.add("removed " + removed);
    if (!added.isEmpty()) parts.add("added " + added);
    if (parts.isEmpty()) parts.add("reordered");
    return String.join(", ", parts);
  }

  private static String paramDiff(VersionFacts a, VersionFacts b) {
    TreeSet<String> keys = new TreeSet<>(a.params().keySet());
    keys.addAll(b.params().keySet());
    List<String> changed = new ArrayList<>();
    for (String k : keys) {
      if (!Objects.equals(a.params().get(k), b.params().get(k))) changed.add(k + " " + a.params().get(k) + " -> " + b.params().get(k));
    }
    return String.join(", ", changed);
  }
}
