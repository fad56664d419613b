package dev.quiver.model;

import dev.quiver.error.BadInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family's hyper-parameters as data: the declared {@link Param}s and their current values.
 * Immutable; {@link #with} and {@link #override} return new instances. Unknown keys fail
 * naming the valid ones.
 */
public final class Params {

  private final Map<String, Param> specs;
  private final Map<String, Object> values;

  private Params(Map<String, Param> specs, Map<String, Object> values) {
    this.specs = specs;
    this.values = values;
  }

  /** The parameters of a family, each at its default. */
  public static Params declare(List<Param> params) {
    Map<String, Param> specs = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param p : params) {
      if (specs.put(p.key(), p) != null) throw new IllegalArgumentException("duplicate parameter " + p.key());
      values.put(p.key(), p.defaultValue());
    }
    return new Params(Collections.unmodifiableMap(specs), Collections.unmodifiableMap(values));
  }

  /** These params with typed values replaced (a variant's settings); keys must be declared. */
  public Params with(Map<String, ?> typed) {
    Map<String, Object> next = new LinkedHashMap<>(values);
    for (Map.Entry<String, ?> e : typed.entrySet()) {
      Param p = spec(e.getKey());
      Object v = e.getValue();
      if (p.defaultValue() instanceof Double && v instanceof Number n) v = n.doubleValue();
      if (p.defaultValue() instanceof Long && v instanceof Integer i) v = i.longValue();
      if (v == null || v.getClass() != p.defaultValue().getClass()) {
        throw new IllegalArgumentException("parameter " + p.key() + " takes " + p.defaultValue().getClass().getSimpleName() + ", got " + v);
      }
      next.put(p.key(), p.check(v));
    }
    return new Params(specs, Collections.unmodifiableMap(next));
  }

  /**
   * The named variant of these defaults with user overrides on top: what every family's
   * {@link ModelFamily#params} does. An unknown variant fails naming the valid ones.
   */
  public Params variant(String family, Map<String, ? extends Map<String, ?>> variants, String variant, Map<String, String> overrides) {
    Map<String, ?> v = variants.get(variant);
    if (v == null) throw BadInputException.unknown(family + " variant", variant, new java.util.TreeSet<>(variants.keySet()));
    return with(v).override(overrides);
  }

  /** These params with user overrides parsed from text (YAML scalars, command-line values). */
  public Params override(Map<String, String> overrides) {
    Map<String, Object> next = new LinkedHashMap<>(values);
    for (Map.Entry<String, String> e : overrides.entrySet()) next.put(e.getKey(), spec(e.getKey()).parse(e.getValue()));
    return new Params(specs, Collections.unmodifiableMap(next));
  }

  private Param spec(String key) {
    Param p = specs.get(key);
    if (p == null) throw BadInputException.unknown("parameter", key, specs.keySet());
    return p;
  }

  public int getInt(String key) {
    return ((Number) get(key)).intValue();
  }

  public long getLong(String key) {
    return ((Number) get(key)).longValue();
  }

  public double getDouble(String key) {
    return ((Number) get(key)).doubleValue();
  }

  public boolean getBoolean(String key) {
    return (Boolean) get(key);
  }

  public String getString(String key) {
    return String.valueOf(get(key));
  }

  public Object get(String key) {
    spec(key);
    return values.get(key);
  }

  /** Current values in declaration order. */
  public Map<String, Object> values() {
    return values;
  }

  /** The declared parameters (defaults, ranges, descriptions) in declaration order. */
  public List<Param> declared() {
    return List.copyOf(specs.values());
  }

  /** Values as text, for metadata and provenance. */
  public Map<String, String> asStrings() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params p && p.values.equals(values) && p.specs.keySet().equals(specs.keySet());
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
