package dev.quiver.data;

/**
 * The result of {@link Resampler#resample}.
 *
 * @param bars the coarser bars
 * @param lastIncomplete true when the trailing bucket was incomplete: it is the last bar of
 *     {@code bars} when incomplete buckets were asked for, else it was left out
 */
public record Resampled(Bars bars, boolean lastIncomplete) {}
