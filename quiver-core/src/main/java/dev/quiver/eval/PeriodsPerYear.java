package dev.quiver.eval;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * How many return periods a year holds, estimated from the bar timestamps themselves, so that the
 * data's real session calendar decides: a one-minute A-share bar (240 a day, about 242 trading
 * days a year) is not a 24/7 crypto minute bar (1,440 a day, every day).
 *
 * <p>The estimator: group the distinct timestamps by calendar day (in {@code zone}, UTC by
 * default); {@code barsPerDay} is the median number of timestamps over the days that have any
 * (the mean of the two middle counts for an even number of days), so partial first and last days
 * and the odd half-day do not move it; {@code activeDaysPerYear} = active days / calendar days
 * spanned (first to last day, inclusive) * 365.25; {@code periodsPerYear} = barsPerDay *
 * activeDaysPerYear. Daily bars on a five-day week give about 250 (less the holidays in the span),
 * weekly bars about 52. It needs at least {@value #MIN_CALENDAR_DAYS} calendar days of timestamps
 * to see a week; a shorter span is bad input (give the number instead). A session that crosses
 * midnight in {@code zone} is split over two days, which leaves the product about right but the
 * median less sharp: pass the exchange's zone for such markets.
 */
public record PeriodsPerYear(double periodsPerYear, double barsPerDay, double activeDaysPerYear, int activeDays, long calendarDays) {

  /** The fewest calendar days the estimator accepts. */
  public static final int MIN_CALENDAR_DAYS = 7;

  /** Days in a year on average (Julian year). */
  public static final double DAYS_PER_YEAR = 365.25;

  private static final long DAY_MS = 86_400_000L;

  /** Days in UTC. */
  public static PeriodsPerYear estimate(long[] time) {
    return estimate(time, ZoneOffset.UTC);
  }

  /**
   * @param time epoch milliseconds, non-decreasing (repeats, e.g. several symbols at one bar, count once)
   * @param zone whose calendar days group the timestamps
   * @throws IllegalArgumentException when times decrease
   * @throws BadInputException when they span fewer than {@value #MIN_CALENDAR_DAYS} calendar days
   */
  public static PeriodsPerYear estimate(long[] time, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    int[] counts = new int[16];
    int days = 0;
    long firstDay = 0;
    long currentDay = Long.MIN_VALUE;
    long offset = 0;
    long offsetFrom = Long.MAX_VALUE;
    long offsetTo = Long.MIN_VALUE;
    for (int i = 0; i < time.length; i++) {
      long t = time[i];
      if (i > 0) {
        if (t < time[i - 1]) throw new IllegalArgumentException("times decrease at index " + i + ": " + t + " after " + time[i - 1]);
        if (t == time[i - 1]) continue;
      }
      if (t < offsetFrom || t >= offsetTo) {
        Instant at = Instant.ofEpochMilli(t);
        offset = rules.getOffset(at).getTotalSeconds() * 1000L;
        ZoneOffsetTransition next = rules.nextTransition(at);
        offsetFrom = t;
        offsetTo = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
      }
      long day = Math.floorDiv(t + offset, DAY_MS);
      if (day != currentDay) {
        if (days == 0) firstDay = day;
        if (days == counts.length) counts = Arrays.copyOf(counts, days * 2);
        days++;
        currentDay = day;
      }
      counts[days - 1]++;
    }
    long calendarDays = days == 0 ? 0 : currentDay - firstDay + 1;
    if (calendarDays < MIN_CALENDAR_DAYS) {
      throw new BadInputException(Where.none(), "the timestamps span " + calendarDays + " calendar day" + (calendarDays == 1 ? "" : "s")
          + ", too few to tell the trading calendar (at least " + MIN_CALENDAR_DAYS + " are needed)",
          "give the periods per year explicitly (e.g. 252 for daily bars of a stock exchange, 525960 for 24/7 one-minute bars)");
    }
    int[] sorted = Arrays.copyOf(counts, days);
    Arrays.sort(sorted);
    double median = days % 2 == 1 ? sorted[days / 2] : (sorted[days / 2 - 1] + sorted[days / 2]) / 2.0;
    double activePerYear = (double) days / calendarDays * DAYS_PER_YEAR;
    return new PeriodsPerYear(median * activePerYear, median, activePerYear, days, calendarDays);
  }
}
