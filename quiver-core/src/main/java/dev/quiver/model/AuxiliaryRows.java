package dev.quiver.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row selections of named auxiliary targets ({@link TrainSet#auxiliary()}): every array cut the
 * same way, keys in their order. Results are fresh arrays; an empty map gives an empty map.
 * Stateless.
 */
public final class AuxiliaryRows {

  private AuxiliaryRows() {}

  /** Rows {@code [from, to)} of every target. */
  public static Map<String, float[]> range(Map<String, float[]> auxiliary, int from, int to) {
    if (auxiliary.isEmpty()) return Map.of();
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> e : auxiliary.entrySet()) out.put(e.getKey(), Arrays.copyOfRange(e.getValue(), from, to));
    return out;
  }

  /** The rows {@code rows[0], rows[1], ...} of every target. */
  public static Map<String, float[]> pick(Map<String, float[]> auxiliary, int[] rows) {
    if (auxiliary.isEmpty()) return Map.of();
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> e : auxiliary.entrySet()) {
      float[] src = e.getValue();
      float[] v = new float[rows.length];
      for (int i = 0; i < rows.length; i++) v[i] = src[rows[i]];
      out.put(e.getKey(), v);
    }
    return out;
  }
}
