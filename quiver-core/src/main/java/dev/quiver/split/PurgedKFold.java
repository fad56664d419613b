package dev.quiver.split;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;

/**
 * Purged k-fold cross-validation with an embargo, de Prado's convention (Advances in Financial
 * Machine Learning, ch. 7, the {@code PurgedKFold} class):
 * <ul>
 *   <li>Test blocks are contiguous and in time order, cut like numpy's {@code array_split}: with
 *       {@code n} rows the first {@code n mod k} blocks hold {@code n / k + 1} rows, the rest
 *       {@code n / k}. Together they are every row once.</li>
 *   <li>Each fold trains on the rows on both sides of its test block, minus those {@link Purge}
 *       drops: rows {@code i < maxLabelEnd(test)} with {@code labelEnd(i) > firstTestRow}, and the
 *       embargo {@code e = floor(embargoPct * n)} rows {@code maxLabelEnd(test) ..
 *       maxLabelEnd(test) + e - 1}.</li>
 * </ul>
 * No validation segment. Fold {@code f} is named {@code purged-kfold-f}. Stateless and thread-safe.
 */
public final class PurgedKFold implements Splitter {

  public static final String NAME = "purged-kfold";

  private final int folds;
  private final double embargoPct;

  /**
   * @param folds number of folds k, at least 2
   * @param embargoPct fraction of all rows embargoed after each test block, in [0, 1)
   * @throws BadInputException when either is out of range (both are reported)
   */
  public PurgedKFold(int folds, double embargoPct) {
    List<Problem> problems = new ArrayList<>();
    if (folds < 2) problems.add(new Problem(Where.none(), String.valueOf(folds), "split_folds", "purged k-fold needs at least 2 folds, got " + folds));
    if (!(embargoPct >= 0 && embargoPct < 1)) {
      problems.add(new Problem(Where.none(), String.valueOf(embargoPct), "split_embargo", "embargo fraction " + embargoPct + " must be in [0, 1)"));
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "give --folds 2 or more and --embargo-pct in [0, 1), e.g. 0.01");
    this.folds = folds;
    this.embargoPct = embargoPct;
  }

  @Override
  public List<Fold> folds(Timeline rows) {
    int n = rows.rows();
    if (n < folds) {
      throw new BadInputException(Where.none(), "purged k-fold with " + folds + " folds needs at least " + folds + " rows, there are " + n,
          "use fewer folds or more rows");
    }
    int embargo = Purge.embargoRows(embargoPct, n);
    int[] bounds = ArraySplit.bounds(n, folds);
    Rows all = Rows.range(0, n);
    List<Fold> out = new ArrayList<>(folds);
    for (int f = 0; f < folds; f++) {
      Rows test = Rows.range(bounds[f], bounds[f + 1]);
      Rows train = Purge.train(rows, all, test, embargo);
      if (train.isEmpty()) {
        throw new BadInputException(Where.none(), "purged k-fold fold " + f + " (test rows [" + bounds[f] + ", " + bounds[f + 1]
            + ")) has no training rows left after purging and an embargo of " + embargo + " rows",
            "use more rows, fewer folds, a shorter label horizon or a smaller embargo");
      }
      out.add(new Fold(NAME + "-" + f, train, Rows.range(bounds[f], bounds[f]), test));
    }
    return List.copyOf(out);
  }

  public int folds() {
    return folds;
  }

  public double embargoPct() {
    return embargoPct;
  }
}
