package dev.quiver.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbol names to dense indexes in order of first appearance, looked up from bytes without
 * allocating while the symbol repeats (grouped files) or the file has few symbols (interleaved
 * files). Not thread-safe.
 */
final class SymbolTable {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int LINEAR_LIMIT = 16;

  private final List<String> names = new ArrayList<>();
  private final List<byte[]> bytes = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private int last = -1;

  int size() {
    return names.size();
  }

  String name(int i) {
    return names.get(i);
  }

  List<String> names() {
    return names;
  }

  /** The index of the symbol written in {@code b[s, e)} (blanks trimmed), adding it when new. */
  int find(byte[] b, int s, int e) {
    while (s < e && b[s] == ' ') s++;
    while (e > s && b[e - 1] == ' ') e--;
    if (last >= 0 && same(bytes.get(last), b, s, e)) return last;
    if (names.size() <= LINEAR_LIMIT) {
      for (int k = 0; k < bytes.size(); k++) {
        if (same(bytes.get(k), b, s, e)) return last = k;
      }
      return last = add(new String(b, s, e - s, StandardCharsets.UTF_8));
    }
    return last = find(new String(b, s, e - s, StandardCharsets.UTF_8));
  }

  /** The index of {@code symbol}, adding it when new. */
  int find(String symbol) {
    Integer k = index.get(symbol);
    return k != null ? k : add(symbol);
  }

  private int add(String symbol) {
    Integer k = index.get(symbol);
    if (k != null) return k;
    names.add(symbol);
    bytes.add(symbol.getBytes(StandardCharsets.UTF_8));
    index.put(symbol, names.size() - 1);
    return names.size() - 1;
  }

  /** Compares eight bytes at a time, then the tail: symbols are short and this runs once a row. */
  private static boolean same(byte[] known, byte[] b, int s, int e) {
    int n = known.length;
    if (n != e - s) return false;
    int k = 0;
    for (; k + 8 <= n; k += 8) {
      if ((long) LONGS.get(known, k) != (long) LONGS.get(b, s + k)) return false;
    }
    for (; k < n; k++) if (known[k] != b[s + k]) return false;
    return true;
  }
}
