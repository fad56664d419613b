package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Infers the timeframe of a file's bars: the {@link Timeframe} whose length is the most common
 * step between consecutive bars of a symbol (all symbols counted together; ties go to the
 * shorter). Gaps (nights, weekends, holidays) are steps too, but rarer than the bar length.
 * When no step is exactly a timeframe (a short file with gaps), the longest timeframe that
 * divides the most common step is taken, with a note.
 */
final class TimeStep {

  private TimeStep() {}

  static Timeframe infer(List<SeriesBuilder> series, Path file, IsoLayout layout, List<String> notes) {
    Timeframe[] all = Timeframe.values();
    long[] counts = new long[all.length];
    long steps = 0;
    for (SeriesBuilder s : series) {
      long[] t = s.time;
      for (int i = 1; i < s.size; i++) {
        long d = t[i] - t[i - 1];
        steps++;
        for (int k = 0; k < all.length; k++) {
          if (d == all[k].millis()) {
            counts[k]++;
            break;
          }
        }
      }
    }
    int best = -1;
    for (int k = 0; k < all.length; k++) if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) best = k;
    if (best >= 0) return all[best];
    if (steps == 0) {
      Timeframe guess = layout == IsoLayout.DATE ? Timeframe.D1 : Timeframe.M1;
      notes.add("no symbol has two bars: the timeframe is taken to be " + guess);
      return guess;
    }
    long common = mostCommonStep(series, steps);
    for (int k = all.length - 1; k >= 0; k--) {
      if (common > 0 && common % all[k].millis() == 0) {
        notes.add("no two bars are exactly one bar length apart; the most common step, " + readable(common)
            + ", is a multiple of " + all[k] + ": the timeframe is taken to be " + all[k]);
        return all[k];
      }
    }
    throw new BadInputException(List.of(new Problem(Where.file(file), Long.toString(common), "unsupported_timeframe",
        "bars are most often " + readable(common) + " apart, which is no supported timeframe")),
        "supported timeframes: " + String.join(", ", Timeframe.labels()) + "; resample the file to one of them first");
  }

  private static String readable(long ms) {
    if (ms % 60_000 == 0) return ms / 60_000 + " min";
    if (ms % 1000 == 0) return ms / 1000 + " s";
    return ms + " ms";
  }

  private static long mostCommonStep(List<SeriesBuilder> series, long steps) {
    long[] d = new long[(int) Math.min(steps, Integer.MAX_VALUE - 8)];
    int n = 0;
    for (SeriesBuilder s : series) for (int i = 1; i < s.size && n < d.length; i++) d[n++] = s.time[i] - s.time[i - 1];
    Arrays.sort(d, 0, n);
    long best = d[0];
    int bestRun = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && d[j] == d[i]) j++;
      if (j - i > bestRun) {
        bestRun = j - i;
        best = d[i];
      }
      i = j;
    }
    return best;
  }
}
