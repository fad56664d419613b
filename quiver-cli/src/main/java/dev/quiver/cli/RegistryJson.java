package dev.quiver.cli;

import dev.quiver.registry.ModelVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of registry entries, one home for every models command. */
final class RegistryJson {

  private RegistryJson() {}

  /** One version: name, version, family, kind, variant, grade, accuracy, created, aliases, tags, status, directory, change. */
  static Map<String, Object> version(ModelVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", v.name());
    m.put("version", v.version().toString());
    m.put("family", v.family());
    m.put("kind", v.kind());
    m.put("variant", v.variant());
    m.put("grade", v.grade());
    m.put("accuracy", JsonOut.number(v.accuracy()));
    m.put("created", v.created().toString());
    m.put("aliases", v.aliases());
    m.put("tags", v.tags());
    m.put("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("directory", v.directory());
    m.put("change", v.change());
    return m;
  }
}
