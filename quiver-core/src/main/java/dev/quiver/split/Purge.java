package dev.quiver.split;

/**
 * The one purge-and-embargo rule of every splitter that trains beside a test block (walk-forward,
 * purged k-fold, CPCV), after de Prado (Advances in Financial Machine Learning, ch. 7).
 *
 * <p>Row {@code i}'s label covers the returns of rows {@code (i, labelEnd(i)]}. For each maximal
 * contiguous block {@code [a, b)} of test rows let {@code M} be the largest label end in it: the
 * block's labels cover {@code (a, M]}. A training row {@code i} outside the test is
 * <ul>
 *   <li>purged when its span overlaps the block's: {@code i < M} and {@code labelEnd(i) > a};</li>
 *   <li>embargoed when {@code M <= i < M + embargo}: the {@code embargo} rows after the block's
 *       last label bar, which serial correlation would otherwise let leak back into training.</li>
 * </ul>
 * A row whose label ends exactly at {@code a} is kept: it reads bar {@code a}'s return, which no
 * test label covers. So is row {@code M} when the embargo is 0 (de Prado's code keeps both).
 *
 * <p>Cost: one pass over the candidate rows times the number of test blocks, primitive arrays only.
 * Stateless and thread-safe.
 */
public final class Purge {

  private Purge() {}

  /**
   * The embargo in rows, {@code floor(pct * n)} in double arithmetic as de Prado's
   * {@code int(n * pctEmbargo)} (so 0.29 of 100 rows is 28).
   */
  public static int embargoRows(double pct, int n) {
    return (int) Math.floor(pct * n);
  }

  /**
   * The rows of {@code candidates} left for training: those not in {@code test}, not purged and
   * not embargoed against any test block.
   */
  public static Rows train(Timeline rows, Rows candidates, Rows test, int embargo) {
    int[] labelEnd = rows.labelEnd();
    int blocks = test.rangeCount();
    int[] first = new int[blocks];
    int[] maxEnd = new int[blocks];
    for (int k = 0; k < blocks; k++) {
      first[k] = test.from(k);
      int m = first[k];
      for (int j = test.from(k); j < test.to(k); j++) m = Math.max(m, labelEnd[j]);
      maxEnd[k] = m;
    }
    Rows.Builder kept = new Rows.Builder();
    int t = 0;
    for (int c = 0; c < candidates.rangeCount(); c++) {
      int i = candidates.from(c);
      int to = candidates.to(c);
      while (i < to) {
        while (t < blocks && test.to(t) <= i) t++;
        if (t < blocks && test.from(t) <= i) {
          i = test.to(t);
          continue;
        }
        int stop = t < blocks ? Math.min(to, test.from(t)) : to;
        while (i < stop) {
          int run = i;
          while (run < stop && keeps(run, labelEnd[run], first, maxEnd, embargo)) run++;
          kept.addRange(i, run);
          i = run < stop ? run + 1 : stop;
        }
      }
    }
    return kept.build();
  }

  private static boolean keeps(int i, int end, int[] first, int[] maxEnd, int embargo) {
    for (int k = 0; k < first.length; k++) {
      if (i < maxEnd[k] && end > first[k]) return false;
      if (i >= maxEnd[k] && i - maxEnd[k] < embargo) return false;
    }
    return true;
  }
}
