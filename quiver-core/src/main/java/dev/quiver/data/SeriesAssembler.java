package dev.quiver.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Receives parsed rows of one file (from CSV or a {@link TableFormat}), checks each against the
 * {@link ValidationRule}s, applies the {@link Policy} and grows one series per symbol. Rows
 * that failed to parse never get here: the reader reports them and drops them.
 *
 * <p>Order rules compare a row with the last KEPT row of its symbol. An empty volume is allowed
 * only when every row's volume is empty (then volume is NaN and a note says so once); when only
 * some rows lack it, those rows are reported as {@code missing_value} and dropped at the end
 * (after they took part in the order checks). Each series' timeframe is inferred from its own
 * steps ({@link TimeStep}); the file's, from all steps together. Not thread-safe.
 */
final class SeriesAssembler {

  /** Roles, as indexes into the column-name array and the argument of {@link CellText#cell}. */
  static final int TIMESTAMP = 0;
  static final int OPEN = 1;
  static final int HIGH = 2;
  static final int LOW = 3;
  static final int CLOSE = 4;
  static final int VOLUME = 5;
  static final int SYMBOL = 6;
  static final int PRICE = 7;
  static final int EXTRA = 100;

  /** The current row's cells as written, asked for only when a problem is reported. */
  interface CellText {
    String cell(int role);
  }

  /** The result: series per symbol in order of first appearance, and what to tell the user. */
  record Assembled(List<Bars> series, Timeframe timeframe, List<String> notes, long kept, long repaired) {}

  private final ProblemLog log;
  private final Policy policy;
  private final boolean ticks;
  private final String[] columnNames;
  private final List<String> extraNames;
  private final boolean volumeColumn;
  private final int capacity;
  private final SymbolTable symbols = new SymbolTable();
  private final List<SeriesBuilder> bars = new ArrayList<>();
  private final List<TradeBuilder> trades = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long repaired;
  private long volumeEmpty;
  private long volumePresent;
  private long[] emptyVolumeLines = new long[0];
  private long[] emptyVolumeRows = new long[0];
  private int emptyVolumeCount;

  /**
   * @param columnNames column name per role (index {@link #TIMESTAMP}..{@link #PRICE}) for
   *     problem locations; for trades the size column sits at {@link #VOLUME}
   * @param volumeColumn whether the source has a volume (or trade size) column at all
   * @param capacity expected rows of the first symbol, to size its columns; later symbols start
   *     as large as the largest one so far (files usually hold symbols of similar length)
   */
  SeriesAssembler(Path file, ProblemLog log, Policy policy, boolean ticks, String[] columnNames,
      List<String> extraNames, boolean volumeColumn, int capacity) {
    this.log = log;
    this.policy = policy;
    this.ticks = ticks;
    this.columnNames = columnNames.clone();
    this.extraNames = List.copyOf(extraNames);
    this.volumeColumn = volumeColumn;
    this.capacity = Math.max(16, capacity);
  }

  int symbol(byte[] b, int s, int e) {
    return ensure(symbols.find(b, s, e));
  }

  int symbol(String name) {
    return ensure(symbols.find(name.trim()));
  }

  private int ensure(int k) {
    if (ticks) {
      if (k == trades.size()) trades.add(new TradeBuilder(symbols.name(k)));
    } else if (k == bars.size()) {
      int size = capacity;
      for (SeriesBuilder b : bars) size = Math.max(size, b.size);
      bars.add(new SeriesBuilder(symbols.name(k), extraNames.size(), size));
    }
    return k;
  }

  private String column(int role) {
    return role >= EXTRA ? extraNames.get(role - EXTRA) : columnNames[role];
  }

  private void report(long line, int role, CellText text, ValidationRule rule, String message) {
    log.add(line, column(role), text.cell(role), rule, message);
  }

  /**
   * One parsed bar. {@code volumeEmpty} says the volume cell was empty (then {@code v} is NaN);
   * extras are NaN where empty.
   */
  void bar(int sym, long line, long t, double o, double h, double l, double c, double v, boolean volumeEmptyCell,
      double[] extras, CellText text) {
    boolean drop = false;
    boolean clamp = false;
    if (!Double.isFinite(o)) drop |= notFinite(line, OPEN, text);
    if (!Double.isFinite(h)) drop |= notFinite(line, HIGH, text);
    if (!Double.isFinite(l)) drop |= notFinite(line, LOW, text);
    if (!Double.isFinite(c)) drop |= notFinite(line, CLOSE, text);
    if (!drop) {
      if (o <= 0) drop |= nonPositive(line, OPEN, text);
      if (h <= 0) drop |= nonPositive(line, HIGH, text);
      if (l <= 0) drop |= nonPositive(line, LOW, text);
      if (c <= 0) drop |= nonPositive(line, CLOSE, text);
      if (h < Math.max(o, c)) {
        report(line, HIGH, text, ValidationRule.HIGH_BELOW_MAX_OPEN_CLOSE,
            "high " + num(h) + " is below max(open " + num(o) + ", close " + num(c) + ")");
        clamp = true;
      }
      if (l > Math.min(o, c)) {
        report(line, LOW, text, ValidationRule.LOW_ABOVE_MIN_OPEN_CLOSE,
            "low " + num(l) + " is above min(open " + num(o) + ", close " + num(c) + ")");
        clamp = true;
      }
      if (h < l) {
        report(line, HIGH, text, ValidationRule.HIGH_BELOW_LOW, "high " + num(h) + " is below low " + num(l));
        clamp = true;
      }
    }
    if (volumeEmptyCell) {
      volumeEmpty++;
    } else {
      volumePresent++;
      if (!Double.isFinite(v)) drop |= notFinite(line, VOLUME, text);
      else if (v < 0) drop |= negative(line, VOLUME, text);
    }
    for (int k = 0; k < extras.length; k++) {
      if (Double.isInfinite(extras[k])) drop |= notFinite(line, EXTRA + k, text);
    }
    SeriesBuilder b = bars.get(sym);
    if (b.size > 0) {
      long last = b.lastTime();
      if (t < last) {
        report(line, TIMESTAMP, text, ValidationRule.TIMESTAMP_NOT_INCREASING,
            "timestamp goes back: earlier than line " + b.lastLine + " of " + b.symbol);
        drop = true;
      } else if (t == last) {
        report(line, TIMESTAMP, text, ValidationRule.DUPLICATE_TIMESTAMP,
            "duplicate timestamp: line " + b.lastLine + " of " + b.symbol + " has the same time");
        drop = true;
      }
    }
    if (!drop && clamp) {
      if (policy == Policy.REPAIR) {
        double hi = Math.max(Math.max(o, h), Math.max(l, c));
        double lo = Math.min(Math.min(o, h), Math.min(l, c));
        h = hi;
        l = lo;
        repaired++;
      } else {
        drop = true;
      }
    }
    if (volumeEmptyCell) rememberEmptyVolume(line, drop ? -1 : ((long) sym << 32) | b.size);
    if (drop) return;
    b.add(t, o, h, l, c, v, extras);
    b.lastLine = line;
  }

  /** One parsed trade; {@code sizeEmptyCell} says its size cell was empty (then {@code size} is NaN). */
  void trade(int sym, long line, long t, double price, double size, boolean sizeEmptyCell, CellText text) {
    boolean drop = false;
    if (!Double.isFinite(price)) drop |= notFinite(line, PRICE, text);
    else if (price <= 0) drop |= nonPositive(line, PRICE, text);
    if (sizeEmptyCell) {
      volumeEmpty++;
    } else {
      volumePresent++;
      if (!Double.isFinite(size)) drop |= notFinite(line, VOLUME, text);
      else if (size < 0) drop |= negative(line, VOLUME, text);
    }
    TradeBuilder b = trades.get(sym);
    if (b.count > 0 && t < b.lastTime()) {
      report(line, TIMESTAMP, text, ValidationRule.TIMESTAMP_NOT_INCREASING,
          "trade time goes back: earlier than line " + b.lastLine + " of " + b.symbol);
      drop = true;
    }
    if (sizeEmptyCell) rememberEmptyVolume(line, drop ? -1 : ((long) sym << 32) | b.count);
    if (drop) return;
    b.add(t, price, size);
    b.lastLine = line;
  }

  private boolean notFinite(long line, int role, CellText text) {
    report(line, role, text, ValidationRule.NOT_FINITE, column(role) + " is not a finite number");
    return true;
  }

  private boolean nonPositive(long line, int role, CellText text) {
    report(line, role, text, ValidationRule.NON_POSITIVE_PRICE, column(role) + " must be above zero");
    return true;
  }

  private boolean negative(long line, int role, CellText text) {
    report(line, role, text, ValidationRule.NEGATIVE_VOLUME, column(role) + " is negative");
    return true;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private void rememberEmptyVolume(long line, long row) {
    if (emptyVolumeCount == emptyVolumeLines.length) {
      int n = Math.max(64, emptyVolumeCount * 2);
      emptyVolumeLines = Arrays.copyOf(emptyVolumeLines, n);
      emptyVolumeRows = Arrays.copyOf(emptyVolumeRows, n);
    }
    emptyVolumeLines[emptyVolumeCount] = line;
    emptyVolumeRows[emptyVolumeCount] = row;
    emptyVolumeCount++;
  }

  /** Applies the volume rule, infers the timeframe and builds the series. */
  Assembled finish(Path file, IsoLayout layout) {
    String volumeName = columnNames[VOLUME];
    if (!volumeColumn) {
      notes.add("no volume column: volume is NaN and volume features are unavailable");
    } else if (volumePresent == 0 && volumeEmpty > 0) {
      notes.add("column '" + volumeName + "' is empty in every row: volume is NaN and volume features are unavailable");
    } else if (volumeEmpty > 0) {
      dropPartialVolume(volumeName);
    }
    List<SeriesBuilder> built = new ArrayList<>();
    if (ticks) {
      long tradesKept = 0;
      for (TradeBuilder t : trades) {
        tradesKept += t.count;
        built.add(t.aggregate());
      }
      long barCount = 0;
      for (SeriesBuilder s : built) barCount += s.size;
      notes.add(tradesKept + " trades aggregated into " + barCount + " one-minute bars");
    } else {
      built.addAll(bars);
    }
    long kept = 0;
    if (ticks) {
      for (TradeBuilder t : trades) kept += t.count;
    } else {
      for (SeriesBuilder s : built) kept += s.size;
    }
    Timeframe timeframe = ticks ? Timeframe.M1 : TimeStep.infer(built, file, layout, notes);
    List<Bars> series = new ArrayList<>();
    long zeroVolume = 0;
    for (SeriesBuilder s : built) {
      if (s.size == 0) {
        notes.add("symbol " + s.symbol + ": no row was kept");
        continue;
      }
      Timeframe own = timeframe;
      if (!ticks && s.size >= 2 && built.size() > 1) {
        own = TimeStep.infer(List.of(s), file, layout, new ArrayList<>());
        if (own != timeframe) notes.add("symbol " + s.symbol + " has " + own + " bars (the file's most common step is " + timeframe + ")");
      }
      if (!ticks) for (int i = 0; i < s.size; i++) if (s.volume[i] == 0) zeroVolume++;
      series.add(s.build(own, extraNames));
    }
    if (zeroVolume > 0) notes.add(zeroVolume + " bars have zero volume (allowed)");
    if (repaired > 0) notes.add(repaired + " rows repaired: high and low clamped to the max and min of open, high, low, close");
    return new Assembled(series, timeframe, notes, kept, repaired);
  }

  private void dropPartialVolume(String volumeName) {
    int symbolCount = ticks ? trades.size() : bars.size();
    int[][] remove = new int[symbolCount][];
    int[] counts = new int[symbolCount];
    for (int k = 0; k < emptyVolumeCount; k++) {
      log.add(emptyVolumeLines[k], volumeName, "", ValidationRule.MISSING_VALUE,
          volumeName + " is empty while other rows have it");
      long row = emptyVolumeRows[k];
      if (row < 0) continue;
      int sym = (int) (row >>> 32);
      if (remove[sym] == null) remove[sym] = new int[16];
      if (counts[sym] == remove[sym].length) remove[sym] = Arrays.copyOf(remove[sym], counts[sym] * 2);
      remove[sym][counts[sym]++] = (int) row;
    }
    for (int sym = 0; sym < symbolCount; sym++) {
      if (counts[sym] == 0) continue;
      if (ticks) trades.get(sym).remove(remove[sym], counts[sym]);
      else bars.get(sym).remove(remove[sym], counts[sym]);
    }
  }
}
