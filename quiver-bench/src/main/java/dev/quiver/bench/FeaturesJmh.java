package dev.quiver.bench;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.features.FeatureSet;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A feature set on all 144,000 one-minute bars of {@code data/cn_index_futures_1m.csv.gz} (three
 * symbols, loaded before timing): one operation computes the set on every symbol, output columns
 * allocated as {@link FeatureSet#compute} does. Sample-time mode, so JMH reports the median
 * (p0.50). The reference is pandas computing seed12 on the same bars: 53 ms.
 *
 * <pre>
 * mvn -q -pl quiver-bench -am package -DskipTests
 * java -cp "quiver-bench/target/classes:quiver-bench/target/lib/*" org.openjdk.jmh.Main FeaturesJmh
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class FeaturesJmh {

  @Param({"seed12"})
  public String spec;

  private List<Bars> series;
  private FeatureSet set;

  @Setup
  public void load() {
    series = BenchData.read(BenchData.file(BenchData.FUTURES_1M), Timeframe.M1);
    set = FeatureSet.parse(spec, List.of());
  }

  @Benchmark
  public void compute(Blackhole out) {
    for (Bars bars : series) out.consume(set.compute(bars));
  }
}
