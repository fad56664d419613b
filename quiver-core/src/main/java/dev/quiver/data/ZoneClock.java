package dev.quiver.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Converts between epoch milliseconds and wall-clock milliseconds of one zone (the wall clock
 * read as if it were UTC), caching the offset so that rows of the same day cost two long
 * operations. A wall time in a daylight-saving gap or overlap takes the offset before the
 * transition, as {@link LocalDateTime#atZone} does. Not thread-safe.
 */
final class ZoneClock {

  private static final long DAY = CivilTime.DAY_MS;

  private final ZoneRules rules;
  private final boolean fixed;
  private final long fixedOffset;
  private long cachedDay = Long.MIN_VALUE;
  private long dayOffset;
  private boolean dayClean;
  private long validFrom = Long.MAX_VALUE;
  private long validTo = Long.MIN_VALUE;
  private long rangeOffset;

  ZoneClock(ZoneId zone) {
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset();
    this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
  }

  boolean isUtc() {
    return fixed && fixedOffset == 0;
  }

  /** Epoch milliseconds of a wall-clock time. */
  long toEpoch(long wall) {
    if (fixed) return wall - fixedOffset;
    long day = Math.floorDiv(wall, DAY);
    if (day != cachedDay) cacheDay(day);
    if (dayClean) return wall - dayOffset;
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(Math.floorDiv(wall, 1000), Math.floorMod(wall, 1000) * 1_000_000, ZoneOffset.UTC);
    return wall - rules.getOffset(ldt).getTotalSeconds() * 1000L;
  }

  /** The zone's offset in milliseconds at an instant. */
  long offsetAt(long epoch) {
    if (fixed) return fixedOffset;
    if (epoch < validFrom || epoch >= validTo) {
      Instant at = Instant.ofEpochMilli(epoch);
      rangeOffset = rules.getOffset(at).getTotalSeconds() * 1000L;
      ZoneOffsetTransition next = rules.nextTransition(at);
      validFrom = epoch;
      validTo = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
    }
    return rangeOffset;
  }

  /** Wall-clock milliseconds at an instant. */
  long toWall(long epoch) {
    return epoch + offsetAt(epoch);
  }

  private void cacheDay(long day) {
    cachedDay = day;
    LocalDateTime start = LocalDateTime.ofEpochSecond(day * 86_400, 0, ZoneOffset.UTC);
    ZoneOffset offset = rules.getOffset(start);
    dayOffset = offset.getTotalSeconds() * 1000L;
    long startEpoch = day * DAY - dayOffset;
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochMilli(startEpoch - DAY));
    dayClean = next == null || next.getInstant().toEpochMilli() > startEpoch + 2 * DAY;
  }
}
