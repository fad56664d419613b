package dev.quiver.model;

import dev.quiver.error.BadInputException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The model families on the classpath, by name. */
public final class ModelFamilies {

  private final Map<String, ModelFamily> byName;

  private ModelFamilies(Map<String, ModelFamily> byName) {
    this.byName = byName;
  }

  /** Every {@link ModelFamily} registered under META-INF/services. */
  public static ModelFamilies discover() {
    Map<String, ModelFamily> m = new TreeMap<>();
    for (ModelFamily f : ServiceLoader.load(ModelFamily.class)) m.put(f.name(), f);
    return new ModelFamilies(m);
  }

  public ModelFamily get(String name) {
    ModelFamily f = byName.get(name);
    if (f == null) throw BadInputException.unknown("model family", name, byName.keySet());
    return f;
  }

  public Map<String, ModelFamily> all() {
    return java.util.Collections.unmodifiableMap(byName);
  }
}
