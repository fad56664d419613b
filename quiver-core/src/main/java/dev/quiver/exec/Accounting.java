package dev.quiver.exec;

/**
 * What a {@link LocalExecutor} had in use at its busiest, from its own books: threads handed to
 * running jobs, their estimated native bytes, and running jobs. A job's share stays booked from
 * the moment it is started until its worker thread has returned (a timed-out job included).
 */
public record Accounting(int peakThreads, long peakNativeBytes, int peakRunningJobs) {}
