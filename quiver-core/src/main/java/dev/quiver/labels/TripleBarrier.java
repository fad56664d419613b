package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The triple-barrier label (López de Prado), binary, or in its multiclass form ({@code
 * triple_barrier3}) a {@link Task#MULTICLASS} label with ordered classes 0 {@code stop} (lower
 * barrier first), 1 {@code timeout} (neither within the horizon) and 2 {@code profit} (upper
 * barrier first), by the same rules below except that a timeout is class 1 whatever the close. From the close of bar i, an upper barrier at
 * {@code close[i] * (1 + pt)} and a lower one at {@code close[i] * (1 - sl)} are watched over the
 * next {@code horizon} bars, {@code (i, i + horizon]}, using each bar's HIGH and LOW (a touch is
 * {@code high >= upper} or {@code low <= lower}, inclusive):
 *
 * <ul>
 *   <li>upper touched first: {@code y = 1}, {@code end[i]} = the touching bar;
 *   <li>lower touched first: {@code y = 0}, {@code end[i]} = the touching bar;
 *   <li>both in the same bar: a bar that OPENS at or beyond a barrier touched that one first (a
 *       gap); otherwise the order inside the bar is unknown and the stop-loss is assumed first
 *       ({@code y = 0}), the pessimistic reading;
 *   <li>neither within the horizon (timeout): {@code y = 1} if {@code close[i + horizon] >
 *       close[i]}, else 0 (a flat timeout is 0, as in {@link NextBarDirection});
 *       {@code end[i] = i + horizon}.
 * </ul>
 *
 * Rows whose whole horizon is not in the data ({@code i + horizon >= n}) get no label even if a
 * barrier is touched before the data ends, so the end of a series is not biased toward touched
 * barriers. {@code forwardReturn[i] = close[end[i]]/close[i] - 1}.
 *
 * <p>Volatility scaling (optional, {@code volWindow > 0}): pt and sl are then multiples of
 * sigma_i, the sample standard deviation (ddof = 1) of the {@code volWindow} one-bar simple
 * returns ending at bar i; rows before {@code volWindow} and rows with sigma 0 get no label. The
 * volatility reads bars up to i only. Stateless and thread-safe.
 */
public final class TripleBarrier implements Labeler {

  private final double profitTake;
  private final double stopLoss;
  private final int horizon;
  private final int volWindow;
  private final boolean multiclass;

  /** The class names of the multiclass form, in class-id order. */
  public static final List<String> CLASSES = List.of("stop", "timeout", "profit");

  /** Fixed barriers: {@code profitTake} and {@code stopLoss} are fractions of the entry close (0.01 = 1%). */
  public TripleBarrier(double profitTake, double stopLoss, int horizon) {
    this(profitTake, stopLoss, horizon, 0);
  }

  /** Volatility-scaled barriers when {@code volWindow > 0} (see the class comment); fixed ones when 0. */
  public TripleBarrier(double profitTake, double stopLoss, int horizon, int volWindow) {
    this(profitTake, stopLoss, horizon, volWindow, false);
  }

  /** As {@link #TripleBarrier(double, double, int, int)}; {@code multiclass} gives the three-class form (see the class comment). */
  public TripleBarrier(double profitTake, double stopLoss, int horizon, int volWindow, boolean multiclass) {
    if (!(profitTake > 0) || Double.isInfinite(profitTake)) throw new IllegalArgumentException("profit-take must be > 0, got " + profitTake);
    if (!(stopLoss > 0) || Double.isInfinite(stopLoss)) throw new IllegalArgumentException("stop-loss must be > 0, got " + stopLoss);
    if (volWindow == 0 && stopLoss >= 1) throw new IllegalArgumentException("a fixed stop-loss must be < 1 (100%), got " + stopLoss);
    if (volWindow != 0 && volWindow < 2) throw new IllegalArgumentException("the volatility window must be 0 (fixed barriers) or >= 2, got " + volWindow);
    if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    this.profitTake = profitTake;
    this.stopLoss = stopLoss;
    this.horizon = horizon;
    this.volWindow = volWindow;
    this.multiclass = multiclass;
  }

  /** True for the three-class form (stop / timeout / profit). */
  public boolean multiclass() {
    return multiclass;
  }

  public double profitTake() {
    return profitTake;
  }

  public double stopLoss() {
    return stopLoss;
  }

  public int horizon() {
    return horizon;
  }

  /** 0 for fixed barriers. */
  public int volWindow() {
    return volWindow;
  }

  /** {@code triple_barrier:PT,SL,H} or {@code triple_barrier:PT,SL,H,W} ({@code triple_barrier3:...} multiclass), the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return (multiclass ? "triple_barrier3:" : "triple_barrier:") + plain(profitTake) + "," + plain(stopLoss) + "," + horizon + (volWindow > 0 ? "," + volWindow : "");
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  @Override
  public Targets label(Bars bars) {
    double[] open = bars.open();
    double[] high = bars.high();
    double[] low = bars.low();
    double[] close = bars.close();
    int n = close.length;
    double[] y = new double[n];
    int[] end = new int[n];
    double[] forward = new double[n];
    Arrays.fill(y, Double.NaN);
    Arrays.fill(end, -1);
    Arrays.fill(forward, Double.NaN);
    for (int i = volWindow; i + horizon < n; i++) {
      double entry = close[i];
      double scale = volWindow > 0 ? returnStd(close, i) : 1.0;
      if (!(scale > 0) || Double.isNaN(entry)) continue;
      double upper = entry * (1.0 + profitTake * scale);
      double lower = entry * (1.0 - stopLoss * scale);
      int last = i + horizon;
      int touched = -1;
      double label = 0.0;
      for (int j = i + 1; j <= last; j++) {
        boolean up = high[j] >= upper;
        boolean down = low[j] <= lower;
        if (!up && !down) continue;
        touched = j;
        if (up && down) label = open[j] >= upper ? 1.0 : 0.0;
        else label = up ? 1.0 : 0.0;
        if (multiclass) label *= 2.0;
        break;
      }
      if (touched < 0) {
        touched = last;
        label = multiclass ? 1.0 : close[last] > entry ? 1.0 : 0.0;
      }
      y[i] = label;
      end[i] = touched;
      forward[i] = close[touched] / entry - 1.0;
    }
    return multiclass ? new Targets(name(), Task.MULTICLASS, y, end, forward, CLASSES) : new Targets(name(), Task.BINARY, y, end, forward);
  }

  /** Sample std (ddof 1) of the volWindow returns close[k]/close[k-1]-1 for k in (i - volWindow, i]; two passes. */
  private double returnStd(double[] close, int i) {
    double sum = 0;
    for (int k = i - volWindow + 1; k <= i; k++) sum += close[k] / close[k - 1] - 1.0;
    double mean = sum / volWindow;
    double ss = 0;
    for (int k = i - volWindow + 1; k <= i; k++) {
      double d = close[k] / close[k - 1] - 1.0 - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (volWindow - 1));
  }
}
