package dev.quiver.features;

import dev.quiver.data.Bars;

/**
 * {@code minute_of_day} and {@code day_of_week} of each bar's OPEN time in UTC (not the
 * exchange's time zone): minute_of_day is 0..1439 (00:00 UTC is 0), day_of_week is 1 = Monday
 * .. 7 = Sunday (ISO-8601). Known at the bar's open, so trivially causal. Thread-safe.
 */
public record CalendarFeature(Field field) implements Feature {

  private static final long MINUTE_MS = 60_000L;
  private static final long DAY_MS = 86_400_000L;

  /** Which calendar field. */
  public enum Field {
    MINUTE_OF_DAY("minute_of_day"),
    DAY_OF_WEEK("day_of_week");

    private final String featureName;

    Field(String featureName) {
      this.featureName = featureName;
    }

    public String featureName() {
      return featureName;
    }
  }

  public CalendarFeature {
    java.util.Objects.requireNonNull(field, "field");
  }

  @Override
  public String name() {
    return field.featureName();
  }

  @Override
  public int lookback() {
    return 0;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    long[] t = bars.time();
    if (field == Field.MINUTE_OF_DAY) {
      for (int i = 0; i < t.length; i++) out[i] = Math.floorMod(t[i], DAY_MS) / MINUTE_MS;
    } else {
      // 1970-01-01 (epoch day 0) was a Thursday, ISO day 4
      for (int i = 0; i < t.length; i++) out[i] = Math.floorMod(Math.floorDiv(t[i], DAY_MS) + 3, 7) + 1;
    }
  }
}
