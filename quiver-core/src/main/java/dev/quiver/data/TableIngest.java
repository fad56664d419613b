package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link Table} from a {@link TableFormat} into validated series, with the same roles,
 * rules and policies as CSV. Problem locations give the 1-based row number as the line.
 * Timestamps may be instants, wall-clock date-times (placed in the read zone), epoch numbers
 * (unit detected by magnitude unless set) or ISO text. Not thread-safe.
 */
final class TableIngest implements SeriesAssembler.CellText {

  private final Path file;
  private final Table table;
  private final ReadOptions options;
  private final ProblemLog log;
  private ColumnRoles roles;
  private String[] columnNames;
  private int[] extraFields;
  private String[] extraNames;
  private int row;

  private TableIngest(Path file, Table table, ReadOptions options) {
    this.file = file;
    this.table = table;
    this.options = options;
    this.log = new ProblemLog(file);
  }

  static LoadedData read(Path file, String format, Table table, ReadOptions options, String defaultSymbol) {
    return new TableIngest(file, table, options).run(format, defaultSymbol);
  }

  private TableColumn col(int field) {
    return table.columns().get(field);
  }

  private LoadedData run(String format, String defaultSymbol) {
    List<String> names = table.names();
    roles = ColumnRoles.resolve(names, options.columns(), file, 0);
    columnNames = roles.columnNames(names);
    int n = table.rows();
    if (n == 0) throw new BadInputException(List.of(new Problem(Where.file(file), "", "no_data_rows", "the file has no rows")), "give a file with data rows");
    int[] f = roles.field();
    for (int role : new int[] {SeriesAssembler.OPEN, SeriesAssembler.HIGH, SeriesAssembler.LOW, SeriesAssembler.CLOSE,
        SeriesAssembler.VOLUME, SeriesAssembler.PRICE}) {
      if (f[role] >= 0 && (col(f[role]) instanceof TableColumn.Instants || col(f[role]) instanceof TableColumn.LocalTimes)) {
        throw new BadInputException(List.of(new Problem(Where.cell(file, 0, columnNames[role]), "", "wrong_column_type",
            "column '" + columnNames[role] + "' holds date-times, not numbers")), "map the right column with --columns");
      }
    }
    List<String> notes = new ArrayList<>();
    List<String> extraList = new ArrayList<>();
    List<Integer> extraIdx = new ArrayList<>();
    for (int i : roles.candidates()) {
      TableColumn c = col(i);
      if (c instanceof TableColumn.Numbers || c instanceof TableColumn.Longs) {
        extraList.add(c.name());
        extraIdx.add(i);
      } else {
        notes.add("column '" + c.name() + "' ignored: not numeric");
      }
    }
    extraNames = extraList.toArray(new String[0]);
    extraFields = extraIdx.stream().mapToInt(Integer::intValue).toArray();

    Times times = times(f[SeriesAssembler.TIMESTAMP]);
    NumericColumn volume = f[SeriesAssembler.VOLUME] >= 0 ? NumericColumn.of(col(f[SeriesAssembler.VOLUME])) : null;
    SeriesAssembler out = new SeriesAssembler(file, log, options.policy(), roles.ticks(), columnNames, extraList, volume != null, n);
    int fixedSymbol = f[SeriesAssembler.SYMBOL] < 0 ? out.symbol(defaultSymbol) : -1;
    TableColumn symbols = f[SeriesAssembler.SYMBOL] >= 0 ? col(f[SeriesAssembler.SYMBOL]) : null;
    NumericColumn[] extras = new NumericColumn[extraFields.length];
    for (int k = 0; k < extras.length; k++) extras[k] = NumericColumn.of(col(extraFields[k]));
    double[] extraValues = new double[extras.length];
    NumericColumn open = null, high = null, low = null, close = null, price = null;
    if (roles.ticks()) {
      price = NumericColumn.of(col(f[SeriesAssembler.PRICE]));
    } else {
      open = NumericColumn.of(col(f[SeriesAssembler.OPEN]));
      high = NumericColumn.of(col(f[SeriesAssembler.HIGH]));
      low = NumericColumn.of(col(f[SeriesAssembler.LOW]));
      close = NumericColumn.of(col(f[SeriesAssembler.CLOSE]));
    }
    for (row = 0; row < n; row++) {
      long line = row + 1L;
      boolean bad = false;
      long t = times.ms[row];
      if (times.bad[row] != 0) {
        bad = true;
        if (times.bad[row] == 1) missing(line, SeriesAssembler.TIMESTAMP);
        else log.add(line, columnNames[0], cell(SeriesAssembler.TIMESTAMP), ValidationRule.BAD_TIMESTAMP, "not a timestamp");
      }
      int sym = fixedSymbol;
      if (symbols != null) {
        String s = text(symbols, row);
        if (s == null || s.isBlank()) {
          missing(line, SeriesAssembler.SYMBOL);
          bad = true;
        } else {
          sym = out.symbol(s);
        }
      }
      boolean volumeEmpty = volume == null || volume.missing(row);
      double v = Double.NaN;
      if (!volumeEmpty) {
        v = volume.values[row];
        bad |= check(volume, line, SeriesAssembler.VOLUME);
      }
      if (roles.ticks()) {
        bad |= check(price, line, SeriesAssembler.PRICE);
        if (bad) continue;
        out.trade(sym, line, t, price.values[row], v, volumeEmpty, this);
      } else {
        bad |= check(open, line, SeriesAssembler.OPEN);
        bad |= check(high, line, SeriesAssembler.HIGH);
        bad |= check(low, line, SeriesAssembler.LOW);
        bad |= check(close, line, SeriesAssembler.CLOSE);
        for (int k = 0; k < extras.length; k++) {
          extraValues[k] = extras[k].values[row];
          if (extras[k].nonNumeric != null && extras[k].nonNumeric[row]) bad |= check(extras[k], line, SeriesAssembler.EXTRA + k);
        }
        if (bad) continue;
        out.bar(sym, line, t, open.values[row], high.values[row], low.values[row], close.values[row], v, volumeEmpty, extraValues, this);
      }
    }
    SeriesAssembler.Assembled done = out.finish(file, times.layout);
    notes.addAll(done.notes());
    String overflow = log.overflowNote();
    if (overflow != null) notes.add(overflow);
    SourceInfo source = new SourceInfo(file, format, times.format, times.zone, names, roles.ticks(), done.timeframe(),
        times.layout, roles.resolved(), true);
    ValidationReport report = new ValidationReport(file, options.policy(), n, done.kept(), log.problems(), notes, done.repaired());
    return new LoadedData(source, done.series(), report);
  }

  /** Reports a missing or unparseable value of a required numeric column; true when the row is bad. */
  private boolean check(NumericColumn c, long line, int role) {
    if (c.missing(row) && role != SeriesAssembler.VOLUME && role < SeriesAssembler.EXTRA) {
      missing(line, role);
      return true;
    }
    if (c.nonNumeric != null && c.nonNumeric[row]) {
      String name = role >= SeriesAssembler.EXTRA ? extraNames[role - SeriesAssembler.EXTRA] : columnNames[role];
      log.add(line, name, cell(role), ValidationRule.NON_NUMERIC, name + " is not a number");
      return true;
    }
    return false;
  }

  private void missing(long line, int role) {
    log.add(line, columnNames[role], "", ValidationRule.MISSING_VALUE, columnNames[role] + " is empty");
  }

  /** Epoch milliseconds per row, with 1 (missing) or 2 (unparseable) in {@code bad}. */
  private record Times(long[] ms, byte[] bad, TimestampFormat format, IsoLayout layout, ZoneId zone) {}

  private Times times(int field) {
    TableColumn c = col(field);
    int n = c.size();
    long[] ms = new long[n];
    byte[] bad = new byte[n];
    ZoneId zone = options.zone();
    if (c instanceof TableColumn.Instants i) {
      for (int r = 0; r < n; r++) {
        ms[r] = i.epochMillis()[r];
        if (ms[r] == TableColumn.MISSING_LONG) bad[r] = 1;
      }
      return new Times(ms, bad, TimestampFormat.ISO, IsoLayout.UTC, ZoneOffset.UTC);
    }
    if (c instanceof TableColumn.LocalTimes l) {
      ZoneClock clock = new ZoneClock(zone);
      for (int r = 0; r < n; r++) {
        long w = l.wallMillis()[r];
        if (w == TableColumn.MISSING_LONG) bad[r] = 1;
        else ms[r] = clock.toEpoch(w);
      }
      return new Times(ms, bad, TimestampFormat.ISO, l.dateOnly() ? IsoLayout.DATE : IsoLayout.LOCAL, zone);
    }
    if (c instanceof TableColumn.Texts t) {
      String first = null;
      for (String s : t.values()) if (s != null && !s.isBlank()) {
        first = s.trim();
        break;
      }
      if (first == null) throw noTimestamps(c.name());
      byte[] fb = first.getBytes(StandardCharsets.UTF_8);
      TimestampFormat format = options.timestampFormat() != null ? options.timestampFormat()
          : TimestampParser.detect(fb, 0, fb.length, file, 0, c.name());
      if (format == null) throw noTimestamps(c.name());
      IsoLayout layout = format == TimestampFormat.ISO ? TimestampParser.layout(fb, 0, fb.length) : null;
      if (layout == IsoLayout.UTC) zone = ZoneOffset.UTC;
      if (layout == IsoLayout.OFFSET) {
        ZoneOffset o = TimestampParser.offset(fb, 0, fb.length);
        if (o != null) zone = o;
      }
      TimestampParser p = new TimestampParser(format, options.zone());
      for (int r = 0; r < n; r++) {
        String s = t.values()[r];
        if (s == null || s.isBlank()) {
          bad[r] = 1;
          continue;
        }
        ms[r] = p.parse(s);
        if (p.failed()) bad[r] = 2;
      }
      return new Times(ms, bad, format, layout, zone);
    }
    NumericColumn num = NumericColumn.of(c);
    double first = Double.NaN;
    for (int r = 0; r < n && Double.isNaN(first); r++) first = num.values[r];
    if (Double.isNaN(first)) throw noTimestamps(c.name());
    TimestampFormat format = options.timestampFormat() != null ? options.timestampFormat()
        : TimestampParser.byMagnitude(first, file, 0, c.name(), Double.toString(first));
    if (format == TimestampFormat.ISO) {
      throw new BadInputException(List.of(new Problem(Where.cell(file, 0, c.name()), "", "wrong_column_type",
          "timestamp column '" + c.name() + "' holds numbers, not ISO text")), "leave --timestamp-format unset or set epoch_s or epoch_ms");
    }
    long unit = format == TimestampFormat.EPOCH_SECONDS ? 1000 : 1;
    long[] whole = c instanceof TableColumn.Longs lg ? lg.values() : null;
    for (int r = 0; r < n; r++) {
      if (num.missing(r)) {
        bad[r] = 1;
      } else if (whole != null) {
        ms[r] = whole[r] * unit;
      } else {
        ms[r] = (long) Math.floor(num.values[r] * unit);
      }
    }
    return new Times(ms, bad, format, null, zone);
  }

  private BadInputException noTimestamps(String column) {
    return new BadInputException(List.of(new Problem(Where.cell(file, 0, column), "", "bad_timestamp",
        "cannot tell the timestamp format of column '" + column + "'")),
        "timestamps must be date-times, ISO-8601 text, epoch seconds or epoch milliseconds; check --columns timestamp=<column>");
  }

  private static String text(TableColumn c, int r) {
    if (c instanceof TableColumn.Texts t) return t.values()[r];
    if (c instanceof TableColumn.Longs l) return l.values()[r] == TableColumn.MISSING_LONG ? null : Long.toString(l.values()[r]);
    if (c instanceof TableColumn.Numbers d) return Double.isNaN(d.values()[r]) ? null : Double.toString(d.values()[r]);
    return null;
  }

  @Override
  public String cell(int role) {
    int field = role >= SeriesAssembler.EXTRA ? extraFields[role - SeriesAssembler.EXTRA] : roles.field()[role];
    if (field < 0) return "";
    TableColumn c = col(field);
    if (c instanceof TableColumn.Instants i) return i.epochMillis()[row] == TableColumn.MISSING_LONG ? "" : java.time.Instant.ofEpochMilli(i.epochMillis()[row]).toString();
    if (c instanceof TableColumn.LocalTimes l) return l.wallMillis()[row] == TableColumn.MISSING_LONG ? "" : java.time.Instant.ofEpochMilli(l.wallMillis()[row]).toString().replace("Z", "");
    if (c instanceof TableColumn.Numbers d) {
      StringBuilder sb = new StringBuilder();
      CsvText.number(sb, d.values()[row]);
      return sb.toString();
    }
    String s = text(c, row);
    return s == null ? "" : s;
  }

  /** A column as doubles: NaN where missing; text parsed, with the cells that are not numbers marked. */
  private static final class NumericColumn {
    final double[] values;
    final boolean[] missingCells;
    final boolean[] nonNumeric;

    private NumericColumn(double[] values, boolean[] missingCells, boolean[] nonNumeric) {
      this.values = values;
      this.missingCells = missingCells;
      this.nonNumeric = nonNumeric;
    }

    boolean missing(int r) {
      return missingCells[r];
    }

    static NumericColumn of(TableColumn c) {
      int n = c.size();
      double[] v = new double[n];
      boolean[] missing = new boolean[n];
      boolean[] nonNumeric = null;
      if (c instanceof TableColumn.Numbers d) {
        for (int r = 0; r < n; r++) {
          v[r] = d.values()[r];
          missing[r] = Double.isNaN(v[r]);
        }
      } else if (c instanceof TableColumn.Longs l) {
        for (int r = 0; r < n; r++) {
          long x = l.values()[r];
          missing[r] = x == TableColumn.MISSING_LONG;
          v[r] = missing[r] ? Double.NaN : x;
        }
      } else if (c instanceof TableColumn.Texts t) {
        DecimalParser p = new DecimalParser();
        nonNumeric = new boolean[n];
        for (int r = 0; r < n; r++) {
          String s = t.values()[r];
          if (s == null || s.isBlank()) {
            missing[r] = true;
            v[r] = Double.NaN;
            continue;
          }
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          v[r] = p.parse(b, 0, b.length);
          nonNumeric[r] = p.failed();
        }
      } else {
        java.util.Arrays.fill(v, Double.NaN);
        java.util.Arrays.fill(missing, true);
      }
      return new NumericColumn(v, missing, nonNumeric);
    }
  }
}
