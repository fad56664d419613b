package dev.quiver.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each mapping key of a YAML document is written: its dotted path ({@code split.cpcv.groups};
 * list items as {@code models[0]}) to a 1-based line and column. Used to point errors found after
 * binding at the exact key. A document that does not parse gives an empty map.
 */
record YamlKeyPositions(Map<String, long[]> positions) {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  static YamlKeyPositions of(byte[] yaml) {
    Map<String, long[]> out = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(yaml)) {
      Deque<String> path = new ArrayDeque<>();
      Deque<int[]> listIndex = new ArrayDeque<>();
      String pendingKey = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> {
            pendingKey = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            String parent = path.peekLast();
            out.putIfAbsent(parent == null || parent.isEmpty() ? pendingKey : parent + "." + pendingKey,
                new long[] {at.getLineNr(), at.getColumnNr()});
          }
          case START_OBJECT, START_ARRAY -> {
            path.addLast(childPath(path, pendingKey, listIndex));
            listIndex.addLast(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
            pendingKey = null;
          }
          case END_OBJECT, END_ARRAY -> {
            path.pollLast();
            listIndex.pollLast();
            pendingKey = null;
          }
          default -> {
            int[] index = listIndex.peekLast();
            if (pendingKey == null && index != null && index[0] >= 0) index[0]++;
            pendingKey = null;
          }
        }
      }
    } catch (IOException e) {
      return new YamlKeyPositions(Map.of());
    }
    return new YamlKeyPositions(out);
  }

  private static String childPath(Deque<String> path, String key, Deque<int[]> listIndex) {
    String parent = path.isEmpty() ? "" : path.peekLast();
    if (key != null) return parent.isEmpty() ? key : parent + "." + key;
    int[] index = listIndex.isEmpty() ? null : listIndex.peekLast();
    if (index != null && index[0] >= 0) return parent + "[" + index[0]++ + "]";
    return parent;
  }

  /** The line of {@code key}'s path, 0 when it is not written. */
  long line(String key) {
    long[] at = positions.get(key);
    return at == null ? 0 : at[0];
  }

  /** The column of {@code key}'s path, 0 when it is not written. */
  long column(String key) {
    long[] at = positions.get(key);
    return at == null ? 0 : at[1];
  }
}
