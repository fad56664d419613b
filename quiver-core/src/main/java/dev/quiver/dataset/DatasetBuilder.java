package dev.quiver.dataset;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.features.FeatureFrame;
import dev.quiver.labels.Targets;
import dev.quiver.model.Checksums;
import dev.quiver.model.Matrix;
import dev.quiver.model.RowKeys;
import dev.quiver.model.Task;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Dataset} from per-symbol features and targets. Stateless and thread-safe.
 *
 * <p>The recipe, in order:
 *
 * <ol>
 *   <li>per symbol, drop the warm-up rows {@code [0, firstRow)} and every row whose target is NaN;
 *   <li>merge the remaining rows of all symbols by bar time; rows at the same time keep the order
 *       of the {@code frames} list (symbol order);
 *   <li>write the float32 row-major matrix in one pass: cell (r, j) is {@code (float)} of the
 *       double feature value, NaN kept as NaN (missing);
 *   <li>{@code labelEnd[r]} = the last merged row whose time is at or before the time of the
 *       bar {@code targets.end()} names for row r (an upper-bound binary search on the merged
 *       times; the label bar itself need not be a dataset row);
 *   <li>{@code sha256} = SHA-256 over, in order: the feature names and symbols (UTF-8, each
 *       followed by a 0 byte), the task name, rows and columns (int32), every matrix cell's
 *       float bits, every target's float bits (int32) and every time (int64), all
 *       little-endian; then, only when there are auxiliary targets, each one's name and its
 *       values' float bits. Equal inputs give equal fingerprints on every platform.
 * </ol>
 *
 * <p>Auxiliary targets ({@link #build(List, List, int, Map)}) are taken on the rows the main
 * target keeps (NaN where an auxiliary label is undefined; they never drop a row), and a row's
 * {@code labelEnd} is the latest of its main and defined auxiliary label ends.
 */
public final class DatasetBuilder {

  private DatasetBuilder() {}

  /**
   * @param frames features per symbol; all with the same feature names in the same order
   * @param targets one per frame, same rows as that frame (the rows of that symbol's bars)
   * @param firstRow per-symbol rows before it are warm-up and dropped (e.g. the feature set's lookback)
   * @throws BadInputException when no row is left
   */
  public static Dataset build(List<FeatureFrame> frames, List<Targets> targets, int firstRow) {
    return build(frames, targets, firstRow, Map.of());
  }

  /**
   * As {@link #build(List, List, int)}, with auxiliary targets carried on the kept rows.
   *
   * @param auxiliary per auxiliary target (key: its name in {@link Dataset#auxiliary()}), one
   *     Targets per frame with that frame's rows
   */
  public static Dataset build(List<FeatureFrame> frames, List<Targets> targets, int firstRow, Map<String, List<Targets>> auxiliary) {
    check(frames, targets, firstRow);
    for (Map.Entry<String, List<Targets>> e : auxiliary.entrySet()) check(frames, e.getValue(), firstRow);
    int symbols = frames.size();
    List<String> names = frames.get(0).names();
    int cols = names.size();
    Task task = targets.get(0).task();

    int[][] kept = new int[symbols][];
    int total = 0;
    for (int s = 0; s < symbols; s++) {
      kept[s] = keptRows(targets.get(s).y(), firstRow);
      total += kept[s].length;
    }
    if (total == 0) throw noRows(frames, firstRow);

    long[] keys = mergeKeys(frames, kept, total);
    Arrays.sort(keys);

    long[] time = new long[total];
    int[] symbolIndex = new int[total];
    float[] y = new float[total];
    double[] forward = new double[total];
    float[] data = new float[Math.multiplyExact(total, cols)];
    int[] sourceRow = new int[total];
    List<String> auxNames = List.copyOf(auxiliary.keySet());
    float[][] aux = new float[auxNames.size()][total];
    double[][][] columns = new double[symbols][][];
    for (int s = 0; s < symbols; s++) columns[s] = frames.get(s).columns().toArray(new double[0][]);
    int[] next = new int[symbols];
    for (int r = 0; r < total; r++) {
      int s = (int) Math.floorMod(keys[r], (long) symbols);
      int i = kept[s][next[s]++];
      Targets t = targets.get(s);
      time[r] = frames.get(s).time()[i];
      symbolIndex[r] = s;
      sourceRow[r] = i;
      y[r] = (float) t.y()[i];
      forward[r] = t.forwardReturn()[i];
      for (int a = 0; a < aux.length; a++) aux[a][r] = (float) auxiliary.get(auxNames.get(a)).get(s).y()[i];
      double[][] c = columns[s];
      int base = r * cols;
      for (int j = 0; j < cols; j++) data[base + j] = (float) c[j][i];
    }

    int[] labelEnd = new int[total];
    for (int r = 0; r < total; r++) {
      int s = symbolIndex[r];
      int endBar = targets.get(s).end()[sourceRow[r]];
      for (int a = 0; a < aux.length; a++) {
        Targets at = auxiliary.get(auxNames.get(a)).get(s);
        if (!Double.isNaN(at.y()[sourceRow[r]])) endBar = Math.max(endBar, at.end()[sourceRow[r]]);
      }
      long endTime = frames.get(s).time()[endBar];
      labelEnd[r] = lastAtOrBefore(time, endTime);
    }
    Map<String, float[]> auxByName = new LinkedHashMap<>();
    for (int a = 0; a < aux.length; a++) auxByName.put(auxNames.get(a), aux[a]);

    List<String> symbolNames = new ArrayList<>(symbols);
    for (FeatureFrame f : frames) symbolNames.add(f.symbol());
    String sha = fingerprint(names, symbolNames, task, total, cols, data, y, time, auxByName);
    return new Dataset(new Matrix(data, 0, total, cols, names, new RowKeys(symbolIndex, time)), y, task, time, symbolIndex, symbolNames, labelEnd,
        forward, sha, targets.get(0).classes().size(), auxByName);
  }

  private static void check(List<FeatureFrame> frames, List<Targets> targets, int firstRow) {
    if (frames.isEmpty()) throw new IllegalArgumentException("no feature frames");
    if (frames.size() != targets.size()) throw new IllegalArgumentException(frames.size() + " frames but " + targets.size() + " targets");
    if (firstRow < 0) throw new IllegalArgumentException("firstRow must be >= 0, got " + firstRow);
    List<String> names = frames.get(0).names();
    Task task = targets.get(0).task();
    for (int s = 0; s < frames.size(); s++) {
      FeatureFrame f = frames.get(s);
      Targets t = targets.get(s);
      if (!f.names().equals(names)) throw new IllegalArgumentException("symbol " + f.symbol() + " has features " + f.names() + ", expected " + names);
      if (t.size() != f.rows()) throw new IllegalArgumentException("symbol " + f.symbol() + " has " + f.rows() + " feature rows but " + t.size() + " targets");
      if (t.task() != task) throw new IllegalArgumentException("symbol " + f.symbol() + " has task " + t.task() + ", expected " + task);
      long[] time = f.time();
      for (int i = 1; i < time.length; i++) {
        if (time[i] <= time[i - 1]) throw new IllegalArgumentException("symbol " + f.symbol() + ": times must strictly increase, row " + i);
      }
      double[] y = t.y();
      int[] end = t.end();
      for (int i = 0; i < y.length; i++) {
        if (!Double.isNaN(y[i]) && (end[i] <= i || end[i] >= y.length)) {
          throw new IllegalArgumentException("symbol " + f.symbol() + ": label of row " + i + " ends at row " + end[i] + ", outside (" + i + ", " + y.length + ")");
        }
      }
    }
  }

  private static int[] keptRows(double[] y, int firstRow) {
    int count = 0;
    for (int i = firstRow; i < y.length; i++) if (!Double.isNaN(y[i])) count++;
    int[] rows = new int[count];
    int k = 0;
    for (int i = firstRow; i < y.length; i++) if (!Double.isNaN(y[i])) rows[k++] = i;
    return rows;
  }

  /** time * symbols + symbol: sorting these orders rows by time, then symbol; unique because times increase per symbol. */
  private static long[] mergeKeys(List<FeatureFrame> frames, int[][] kept, int total) {
    int symbols = frames.size();
    long[] keys = new long[total];
    int k = 0;
    for (int s = 0; s < symbols; s++) {
      long[] time = frames.get(s).time();
      for (int i : kept[s]) keys[k++] = Math.addExact(Math.multiplyExact(time[i], (long) symbols), s);
    }
    return keys;
  }

  /** The largest index k with sorted[k] <= t, or -1. */
  static int lastAtOrBefore(long[] sorted, long t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private static BadInputException noRows(List<FeatureFrame> frames, int firstRow) {
    StringBuilder sizes = new StringBuilder();
    for (FeatureFrame f : frames) sizes.append(sizes.isEmpty() ? "" : ", ").append(f.symbol()).append(": ").append(f.rows()).append(" bars");
    return new BadInputException(Where.none(), "no rows left for the dataset after dropping " + firstRow
        + " warm-up rows per symbol and rows without a label (" + sizes + ")", "use more data or features with a shorter lookback");
  }

  private static String fingerprint(List<String> names, List<String> symbols, Task task, int rows, int cols,
      float[] data, float[] y, long[] time, Map<String, float[]> auxiliary) {
    MessageDigest md = Checksums.digest();
    for (String n : names) text(md, n);
    for (String s : symbols) text(md, s);
    text(md, task.name());
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(rows).putInt(cols);
    for (float v : data) {
      if (buf.remaining() < Float.BYTES) flush(md, buf);
      buf.putInt(Float.floatToIntBits(v));
    }
    for (float v : y) {
      if (buf.remaining() < Float.BYTES) flush(md, buf);
      buf.putInt(Float.floatToIntBits(v));
    }
    for (long t : time) {
      if (buf.remaining() < Long.BYTES) flush(md, buf);
      buf.putLong(t);
    }
    for (Map.Entry<String, float[]> e : auxiliary.entrySet()) {
      flush(md, buf);
      text(md, e.getKey());
      for (float v : e.getValue()) {
        if (buf.remaining() < Float.BYTES) flush(md, buf);
        buf.putInt(Float.floatToIntBits(v));
      }
    }
    flush(md, buf);
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  private static void text(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
  }

  private static void flush(MessageDigest md, ByteBuffer buf) {
    buf.flip();
    md.update(buf);
    buf.clear();
  }
}
