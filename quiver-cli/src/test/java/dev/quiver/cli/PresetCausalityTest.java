package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.exec.ExecutorOptions;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.AnalystTactician;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.ModelFamilies;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetCausalityTest {

  @TempDir
  Path dir;

  @Test
  void the_tacticians_analyst_inputs_never_read_bars_after_the_row() throws Exception {
    Bars b = TestData.futures("IFL8.cfe");
    int n = 20_000;
    int k = (int) (n * 0.9);
    Path same = write(b, n, Integer.MAX_VALUE, dir.resolve("a.csv"));
    Path changed = write(b, n, k, dir.resolve("b.csv"));
    AnalystTactician.Result a = run(same);
    AnalystTactician.Result c = run(changed);
    long changedFrom = b.time()[k];
    assertThat(c.minuteTime()).isEqualTo(a.minuteTime());
    int before = 0;
    boolean differsAfter = false;
    for (String name : a.analystInputs().keySet()) {
      double[] x = a.analystInputs().get(name);
      double[] y = c.analystInputs().get(name);
      for (int i = 0; i < x.length; i++) {
        if (a.minuteTime()[i] + 60_000 <= changedFrom) {
          assertThat(Double.doubleToLongBits(y[i])).as("%s row %d", name, i).isEqualTo(Double.doubleToLongBits(x[i]));
          before++;
        } else if (Double.doubleToLongBits(y[i]) != Double.doubleToLongBits(x[i])) {
          differsAfter = true;
        }
      }
    }
    assertThat(before).isGreaterThan(15_000);
    assertThat(differsAfter).as("the change after the cut reaches later rows").isTrue();
  }

  private static AnalystTactician.Result run(Path file) {
    return new AnalystTactician(ModelFamilies.discover()).run(new AnalystTactician.Options(file.toString(), null, 3,
        ExecutorOptions.of(new ThreadBudget(2)), Map.of("num_iterations", "5"), Map.of("num_iterations", "10"), 2, 0.8, null), RunObserver.NONE);
  }

  /** The first {@code n} bars as CSV, prices from bar {@code from} on scaled by 1.05 and volumes doubled. */
  private static Path write(Bars b, int n, int from, Path file) throws Exception {
    StringBuilder s = new StringBuilder("timestamp,open,high,low,close,volume,symbol\n");
    for (int i = 0; i < n; i++) {
      double f = i >= from ? 1.05 : 1.0;
      double v = i >= from ? 2.0 : 1.0;
      s.append(Instant.ofEpochMilli(b.time()[i])).append(',').append(b.open()[i] * f).append(',').append(b.high()[i] * f).append(',')
          .append(b.low()[i] * f).append(',').append(b.close()[i] * f).append(',').append(b.volume()[i] * v).append(',').append(b.symbol()).append('\n');
    }
    Files.writeString(file, s);
    return file;
  }
}
