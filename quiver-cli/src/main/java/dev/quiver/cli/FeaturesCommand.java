package dev.quiver.cli;

import dev.quiver.data.Bars;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ResampleOptions;
import dev.quiver.data.Resampler;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.features.FeatureCsv;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.features.MultiTimeframe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver features FILE --timeframe 1m --set seed12 --output OUT}. */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = {"Compute causal features (a value at bar i uses bars 0..i only) and write them as CSV:",
        "columns timestamp,symbol,<features in the order asked>, the input's timestamp format, full double precision.",
        "A value that does not exist (warm-up rows of library features, no higher bar closed yet) is an empty field;",
        "the seed12 features write 0 there, as their definition says. See docs/features.md for every convention."})
public final class FeaturesCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "Input bars or tick trades (CSV, CSV.gz or Parquet).")
  Path file;

  @Option(names = "--timeframe", defaultValue = "1m", paramLabel = "TF", description = "Timeframe to compute on; finer input is resampled (default: ${DEFAULT-VALUE}).")
  String timeframe;

  @Option(names = {"--set", "--features"}, defaultValue = "seed12", paramLabel = "SPEC",
      description = "Comma-separated feature sets, feature names and input column names, e.g. seed12,ema_26,atr_14,my_signal (default: ${DEFAULT-VALUE}).")
  String set;

  @Option(names = "--higher-timeframes", split = ",", paramLabel = "TF",
      description = "Also join these longer timeframes' features as-of the last CLOSED bar, named feature@tf (e.g. 5m,15m,1h).")
  List<String> higher = new ArrayList<>();

  @Option(names = {"--output", "-o"}, required = true, paramLabel = "OUT", description = "Output CSV (.csv or .csv.gz).")
  Path output;

  @Mixin
  InputOptions input;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Timeframe tf = Timeframe.parse(timeframe);
    List<Timeframe> higherTfs = new ArrayList<>();
    for (String h : higher) {
      Timeframe t = Timeframe.parse(h);
      if (t.millis() <= tf.millis()) throw new BadInputException(Where.none(), "higher timeframe " + t + " is not longer than " + tf, "pass longer timeframes to --higher-timeframes");
      higherTfs.add(t);
    }
    LoadedData loaded = MarketData.load(file, input.readOptions());
    List<FeatureFrame> frames = new ArrayList<>();
    FeatureSet features = null;
    for (Bars raw : loaded.series()) {
      Bars bars = ExperimentRunner.toTimeframe(raw, tf, file.toString());
      if (features == null) features = FeatureSet.parse(set, bars.extras().keySet());
      FeatureFrame frame = features.compute(bars);
      if (!higherTfs.isEmpty()) {
        Map<Timeframe, Bars> h = new LinkedHashMap<>();
        for (Timeframe t : higherTfs) h.put(t, Resampler.resample(bars, t, ResampleOptions.defaults()).bars());
        frame = MultiTimeframe.join(bars, frame, h, features);
      }
      frames.add(frame);
    }
    long rows = FeatureCsv.write(frames, output, loaded.source());
    PrintWriter w = spec.commandLine().getOut();
    w.printf("wrote %,d rows x %d features of %d symbol%s to %s%n", rows, frames.isEmpty() ? 0 : frames.get(0).names().size(),
        frames.size(), frames.size() == 1 ? "" : "s", output);
    w.flush();
    return 0;
  }
}
