package dev.quiver.data;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How {@link Resampler} buckets bars.
 *
 * @param sessionZone the zone whose calendar days make 1d buckets (UTC by default); intraday
 *     buckets are always aligned to the UTC clock
 * @param includeIncomplete keep a trailing bucket that the data does not fill to its end
 *     (false by default)
 */
public record ResampleOptions(ZoneId sessionZone, boolean includeIncomplete) {

  public ResampleOptions {
    sessionZone = sessionZone == null ? ZoneOffset.UTC : sessionZone;
  }

  public static ResampleOptions defaults() {
    return new ResampleOptions(ZoneOffset.UTC, false);
  }

  public ResampleOptions withSessionZone(ZoneId zone) {
    return new ResampleOptions(zone, includeIncomplete);
  }

  public ResampleOptions withIncludeIncomplete(boolean include) {
    return new ResampleOptions(sessionZone, include);
  }
}
