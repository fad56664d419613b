package dev.quiver.data;

/**
 * Proleptic Gregorian calendar arithmetic on primitives (days from 1970-01-01), after Howard
 * Hinnant's {@code days_from_civil} and {@code civil_from_days}. Used on hot paths instead of
 * java.time, which allocates.
 */
final class CivilTime {

  static final long DAY_MS = 86_400_000L;

  private CivilTime() {}

  /** Days since 1970-01-01 of year/month/day (month 1-12). */
  static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /** {year, month, day} of a day count since 1970-01-01. */
  static int[] civilFromDays(long days, int[] out) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    out[0] = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
    out[1] = m;
    out[2] = d;
    return out;
  }

  static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
