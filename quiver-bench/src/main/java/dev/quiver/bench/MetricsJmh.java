package dev.quiver.bench;

import dev.quiver.eval.Costs;
import dev.quiver.eval.MetricsBenchmark;
import dev.quiver.eval.PositionRule;
import dev.quiver.eval.ReturnMetrics;
import dev.quiver.eval.SimulatedTrading;
import dev.quiver.eval.TradingMetrics;
import dev.quiver.eval.TradingSimulator;
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
 * The metrics speed target: every {@link ReturnMetrics} figure of 1,000,000 seeded returns
 * ({@link MetricsBenchmark#seededReturns}) in under 50 ms ({@code returnMetrics}). For scale,
 * {@code simulateAndScore} runs the whole evaluation of 1,000,000 probability predictions: the
 * trading simulation with costs, then {@link TradingMetrics} including trade statistics and the
 * rank IC (two sorts of a million doubles). Sample-time mode, so JMH reports the median (p0.50).
 *
 * <pre>
 * mvn -q -pl quiver-core,quiver-bench package -DskipTests
 * java -cp "quiver-bench/target/classes:quiver-bench/target/lib/*" org.openjdk.jmh.Main MetricsJmh
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class MetricsJmh {

  @Param({"1000000"})
  public int size;

  private double[] returns;
  private double[] probabilities;
  private final PositionRule rule = new PositionRule.Thresholds(0.45, 0.55);
  private final Costs costs = new Costs(2, 1);

  @Setup
  public void generate() {
    returns = MetricsBenchmark.seededReturns(size, MetricsBenchmark.DEFAULT_SEED);
    Random rnd = new Random(7);
    probabilities = new double[size];
    for (int i = 0; i < size; i++) probabilities[i] = 0.5 + 0.1 * rnd.nextGaussian();
  }

  @Benchmark
  public ReturnMetrics returnMetrics() {
    return ReturnMetrics.of(returns, 252);
  }

  @Benchmark
  public TradingMetrics simulateAndScore() {
    SimulatedTrading s = TradingSimulator.simulate(probabilities, returns, rule, costs);
    return TradingMetrics.of(s, probabilities, returns, 252);
  }
}
