package dev.quiver.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Series as a {@link Table} for a {@link TableFormat}, columns as {@link OutputColumns} says.
 * Timestamps: ISO sources with a Z or an offset become instants, local ISO sources wall-clock
 * date-times in the source zone (dates when the source wrote dates), epoch sources whole
 * numbers in their unit (epoch seconds with a millisecond part become fractional numbers).
 */
final class TableExport {

  private TableExport() {}

  static Table of(List<Bars> series, SourceInfo like) {
    OutputColumns columns = OutputColumns.of(series, like);
    int n = 0;
    for (Bars b : series) n += b.size();
    List<TableColumn> out = new ArrayList<>();
    for (int c = 0; c < columns.roles().length; c++) {
      String name = columns.names().get(c);
      int role = columns.roles()[c];
      if (role == SeriesAssembler.TIMESTAMP) {
        out.add(times(series, name, like, n));
      } else if (role == SeriesAssembler.SYMBOL) {
        String[] v = new String[n];
        int k = 0;
        for (Bars b : series) for (int i = 0; i < b.size(); i++) v[k++] = b.symbol();
        out.add(new TableColumn.Texts(name, v));
      } else {
        double[] v = new double[n];
        int k = 0;
        for (Bars b : series) {
          double[] src = switch (role) {
            case SeriesAssembler.OPEN -> b.open();
            case SeriesAssembler.HIGH -> b.high();
            case SeriesAssembler.LOW -> b.low();
            case SeriesAssembler.CLOSE -> b.close();
            case SeriesAssembler.VOLUME -> b.volume();
            default -> b.extras().get(name);
          };
          if (src == null) {
            java.util.Arrays.fill(v, k, k + b.size(), Double.NaN);
          } else {
            System.arraycopy(src, 0, v, k, b.size());
          }
          k += b.size();
        }
        out.add(new TableColumn.Numbers(name, v));
      }
    }
    return new Table(out);
  }

  private static TableColumn times(List<Bars> series, String name, SourceInfo like, int n) {
    long[] ms = new long[n];
    int k = 0;
    for (Bars b : series) {
      System.arraycopy(b.time(), 0, ms, k, b.size());
      k += b.size();
    }
    switch (like.timestampFormat()) {
      case EPOCH_MILLIS:
        return new TableColumn.Longs(name, ms);
      case EPOCH_SECONDS: {
        boolean whole = true;
        for (long t : ms) whole &= t % 1000 == 0;
        if (whole) {
          long[] s = new long[n];
          for (int i = 0; i < n; i++) s[i] = ms[i] / 1000;
          return new TableColumn.Longs(name, s);
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = ms[i] / 1000.0;
        return new TableColumn.Numbers(name, s);
      }
      default: {
        IsoLayout layout = like.isoLayout();
        if (layout == IsoLayout.UTC || layout == IsoLayout.OFFSET) return new TableColumn.Instants(name, ms);
        ZoneClock clock = new ZoneClock(like.zone());
        long[] wall = new long[n];
        for (int i = 0; i < n; i++) wall[i] = clock.toWall(ms[i]);
        return new TableColumn.LocalTimes(name, wall, layout == IsoLayout.DATE);
      }
    }
  }
}
