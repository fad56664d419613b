package dev.quiver.tune;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the 1-based line and column where it is written, so that errors can point at
 * it: a map (keys in file order, each key's own position kept), a list, or a scalar (text, or null
 * for YAML null). Immutable once read.
 */
record YamlNode(Object value, long line, long column, Map<String, YamlNode> keys) {

  /** Reads the whole document; null for an empty one. */
  static YamlNode read(byte[] yaml) throws IOException {
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      JsonToken t = p.nextToken();
      return t == null ? null : node(p);
    }
  }

  private static YamlNode node(JsonParser p) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, YamlNode> map = new LinkedHashMap<>();
      Map<String, YamlNode> keys = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        JsonLocation k = p.currentTokenLocation();
        String name = p.currentName();
        keys.put(name, new YamlNode(name, k.getLineNr(), k.getColumnNr(), Map.of()));
        p.nextToken();
        map.put(name, node(p));
      }
      return new YamlNode(map, at.getLineNr(), at.getColumnNr(), keys);
    }
    if (t == JsonToken.START_ARRAY) {
      List<YamlNode> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) list.add(node(p));
      return new YamlNode(list, at.getLineNr(), at.getColumnNr(), Map.of());
    }
    return new YamlNode(t == JsonToken.VALUE_NULL ? null : p.getText(), at.getLineNr(), at.getColumnNr(), Map.of());
  }

  @SuppressWarnings("unchecked")
  Map<String, YamlNode> map() {
    return value instanceof Map<?, ?> m ? (Map<String, YamlNode>) m : null;
  }

  @SuppressWarnings("unchecked")
  List<YamlNode> list() {
    return value instanceof List<?> l ? (List<YamlNode>) l : null;
  }

  /** The scalar's text, or null when this is a map, a list or null. */
  String text() {
    return value instanceof String s ? s : null;
  }

  /** How the value reads in a message. */
  String show() {
    if (value instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      map().forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(v.show()));
      return sb.append('}').toString();
    }
    if (value instanceof List<?>) {
      List<String> parts = new ArrayList<>();
      for (YamlNode n : list()) parts.add(n.show());
      return "[" + String.join(", ", parts) + "]";
    }
    return String.valueOf(value);
  }
}
