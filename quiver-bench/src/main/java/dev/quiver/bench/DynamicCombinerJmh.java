package dev.quiver.bench;

import dev.quiver.ensemble.DynamicCombiner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dynamic combiner's speed target: one bar (record every member's result with {@code
 * updatePerformance}, then {@code combine} the next predictions) for 20 members in under 5 us.
 * Bars cycle through 4096 pre-drawn rows of seeded predictions, outcomes and regimes (4 regimes),
 * so the benchmark measures the combiner, not a random generator. Average time per bar.
 *
 * <pre>
 * mvn -q -pl quiver-core,quiver-bench package -DskipTests
 * java -cp "quiver-bench/target/quiver-bench-0.1.0-SNAPSHOT.jar:quiver-bench/target/lib/*" org.openjdk.jmh.Main DynamicCombinerJmh
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DynamicCombinerJmh {

  private static final int ROWS = 4096;
  private static final int REGIMES = 4;

  @Param({"20"})
  public int members;

  private DynamicCombiner combiner;
  private double[][] predictions;
  private boolean[][] won;
  private double[][] profit;
  private int[] regime;
  private int bar;

  @Setup
  public void generate() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < members; i++) names.add("model-" + i);
    combiner = new DynamicCombiner(names, REGIMES, DynamicCombiner.Settings.DEFAULT);
    Random rnd = new Random(11);
    predictions = new double[ROWS][members];
    won = new boolean[ROWS][members];
    profit = new double[ROWS][members];
    regime = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      regime[r] = (r / 256) % REGIMES;
      for (int i = 0; i < members; i++) {
        predictions[r][i] = 0.5 + 0.1 * rnd.nextGaussian();
        won[r][i] = rnd.nextDouble() < 0.5 + 0.01 * i;
        profit[r][i] = won[r][i] ? 8 + 4 * rnd.nextDouble() : -8 - 4 * rnd.nextDouble();
      }
    }
  }

  @Benchmark
  public double updateAndCombine() {
    int r = bar++ & (ROWS - 1);
    int g = regime[r];
    boolean[] w = won[r];
    double[] p = profit[r];
    for (int i = 0; i < members; i++) combiner.updatePerformance(i, w[i], p[i], g);
    return combiner.combine(g, predictions[r]);
  }
}
