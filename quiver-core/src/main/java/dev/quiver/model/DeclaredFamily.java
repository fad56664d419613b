package dev.quiver.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link ModelFamily} whose name, tasks, parameters and variants are data given once to the
 * constructor; a subclass adds only its {@link #trainer}, its {@link #load} and, when some
 * combinations of values are invalid together, a {@link #validate} check. {@link #params} applies
 * the variant's settings over the defaults, then the user's overrides, then {@link #validate}: an
 * unknown variant or key fails naming the valid ones, before any training.
 *
 * <p>Immutable and thread-safe; constructing one does no work (no native code loads).
 */
public abstract class DeclaredFamily implements ModelFamily {

  private final String name;
  private final Set<Task> tasks;
  private final Params defaults;
  private final Map<String, ? extends Map<String, ?>> variants;

  /**
   * @param defaults every parameter at its default (what {@code balanced} usually is)
   * @param variants each variant's settings over the defaults, by variant name; must hold "balanced"
   */
  protected DeclaredFamily(String name, Set<Task> tasks, Params defaults, Map<String, ? extends Map<String, ?>> variants) {
    this.name = Objects.requireNonNull(name, "name");
    this.tasks = Set.copyOf(tasks);
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    if (!variants.containsKey("balanced")) throw new IllegalArgumentException(name + " declares no 'balanced' variant");
    this.variants = variants;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<Task> tasks() {
    return tasks;
  }

  @Override
  public final Set<String> variants() {
    return variants.keySet();
  }

  @Override
  public final Params params(String variant, Map<String, String> overrides) {
    Params p = defaults.variant(name, variants, variant, overrides);
    validate(p);
    return p;
  }

  /** Fails with a {@link dev.quiver.error.BadInputException} when values are invalid together; does nothing by default. */
  protected void validate(Params params) {}
}
