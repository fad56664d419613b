package dev.quiver.eval;

/**
 * One trade of one symbol: a maximal run of consecutive rows of that symbol holding a non-zero
 * position of the same sign (a change of size within the run stays the same trade; a flip from
 * long to short ends one trade and starts another on the same row).
 *
 * <p>{@code entryRow} and {@code exitRow} are the first and last rows (indices into the simulated
 * arrays, both inclusive) whose position belongs to the trade; the trade earns the next-bar
 * returns of those rows, so it is in the market from the close of {@code entryRow}'s bar to the
 * close of the bar after {@code exitRow}'s. {@code bars} is the number of rows in the run.
 * {@code netReturn} compounds the trade's per-row returns net of the costs of its own turnover:
 * prod(1 + pos_j r_j - c t_j) (1 - c |pos_exit|) - 1, where t_j is the part of row j's turnover
 * that opens or resizes this trade and the last factor is the cost of closing it, charged on the
 * row after {@code exitRow}. An {@code open} trade was still held after the symbol's last row: it
 * is not closed and no exit cost is charged.
 */
public record Trade(int symbol, int entryRow, int exitRow, int direction, double netReturn, int bars, boolean open) {}
