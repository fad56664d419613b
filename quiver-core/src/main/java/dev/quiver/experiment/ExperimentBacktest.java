package dev.quiver.experiment;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.data.Bars;
import dev.quiver.data.MarketData;
import dev.quiver.data.Timeframe;
import dev.quiver.dataset.Dataset;
import dev.quiver.eval.NextBarReturns;
import dev.quiver.exec.TrainJob;
import dev.quiver.labels.ForwardReturn;
import dev.quiver.labels.Labeler;
import dev.quiver.labels.Labelers;
import dev.quiver.labels.NextBarDirection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Backtest} needs from an experiment (an {@link ExperimentConfig} with defaults
 * filled): one job per model, and the next-bar return of every dataset row. Stateless.
 */
public final class ExperimentBacktest {

  private ExperimentBacktest() {}

  /** One job per model of the experiment, named as the model, with the experiment's seed. */
  public static List<TrainJob> models(ExperimentConfig config) {
    List<TrainJob> jobs = new ArrayList<>();
    for (ExperimentConfig.ModelSpec m : config.models()) {
      Map<String, String> overrides = new LinkedHashMap<>();
      m.params().forEach((k, v) -> overrides.put(k, String.valueOf(v)));
      jobs.add(new TrainJob(m.name(), m.family(), m.variant(), overrides, config.seed()));
    }
    return jobs;
  }

  /**
   * The return of each row's next bar of the same symbol. For a one-bar label (direction,
   * return:1) that is the label's own forward return; for any other label the experiment's bars
   * are read again at its timeframe and {@link NextBarReturns} gives it.
   */
  public static double[] nextReturns(ExperimentConfig config, Dataset data) {
    Labeler labeler = Labelers.parse(config.label());
    if (labeler instanceof NextBarDirection || (labeler instanceof ForwardReturn f && f.horizon() == 1)) return data.forwardReturn();
    Timeframe tf = Timeframe.parse(config.timeframe());
    List<Bars> bars = new ArrayList<>();
    for (Bars b : MarketData.load(Path.of(config.data().path()), ExperimentRunner.readOptions(config.data())).series()) {
      if (data.symbols().contains(b.symbol())) bars.add(ExperimentRunner.toTimeframe(b, tf, config.data().path()));
    }
    return NextBarReturns.of(data, bars);
  }
}
