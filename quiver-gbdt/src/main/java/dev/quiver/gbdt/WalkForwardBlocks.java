package dev.quiver.gbdt;

/**
 * The out-of-fold plan of a stacked ensemble over {@code rows} time-ordered training rows: {@code
 * folds} contiguous blocks, block k being rows {@code [k * rows / folds, (k + 1) * rows / folds)};
 * each block k >= 1 is predicted by models fitted on rows {@code [0, start(k) - gap)}, so a model
 * never sees its block, anything after it, or the {@code gap} rows just before it. Block 0 gets no
 * out-of-fold prediction: out-of-fold rows are {@code [start(1), rows)}.
 */
record WalkForwardBlocks(int rows, int folds, int gap) {

  WalkForwardBlocks {
    if (folds < 2 || rows < folds || gap < 0) throw new IllegalArgumentException(rows + " rows, " + folds + " folds, gap " + gap);
  }

  /** First row of block k (inclusive); {@code start(folds) == rows}. */
  int start(int k) {
    return (int) ((long) k * rows / folds);
  }

  /** End (exclusive) of the rows that fit the models predicting block k >= 1; may be below 1 when the gap eats them. */
  int trainEnd(int k) {
    return start(k) - gap;
  }

  /** First row with an out-of-fold prediction. */
  int firstPredicted() {
    return start(1);
  }
}
