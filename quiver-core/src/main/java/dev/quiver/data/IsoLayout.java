package dev.quiver.data;

/**
 * The written shape of ISO-8601 timestamps, detected from a file's first data row and used to
 * write timestamps back the same way. Local layouts are wall-clock times in the source zone
 * ({@link SourceInfo#zone()}). Seconds are always written; a fraction ({@code .SSS}) only when
 * the millisecond part is not zero.
 */
public enum IsoLayout {
  /** {@code 2024-06-14T01:30:00Z}: UTC with a Z. */
  UTC,
  /** {@code 2024-06-14T09:30:00+08:00}: wall-clock time with its offset. */
  OFFSET,
  /** {@code 2024-06-14T09:30:00}: wall-clock time, no offset. */
  LOCAL,
  /** {@code 2024-06-14 09:30:00}: wall-clock time with a space, no offset. */
  LOCAL_SPACE,
  /** {@code 2024-06-14}: a date; the time is local midnight. */
  DATE
}
