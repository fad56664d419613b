package dev.quiver.cli;

import dev.quiver.data.Bars;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ResampleOptions;
import dev.quiver.data.Resampled;
import dev.quiver.data.Resampler;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.experiment.ExperimentRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver data resample FILE --to 5m --output OUT}. */
@Command(name = "resample", mixinStandardHelpOptions = true,
    description = {"Resample bars to a longer timeframe (open first, high max, low min, close last, volume sum).",
        "Buckets are aligned to the clock; no bar is invented across gaps; each bar is stamped with its bucket's OPEN time.",
        "A trailing incomplete bucket is left out unless --include-incomplete. Output keeps the input's columns and timestamp format."})
public final class ResampleCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "Input bars or tick trades (CSV, CSV.gz or Parquet).")
  Path file;

  @Option(names = "--to", required = true, paramLabel = "TIMEFRAME", description = "Target timeframe: 5m, 15m, 30m, 1h, 4h or 1d.")
  String to;

  @Option(names = {"--output", "-o"}, required = true, paramLabel = "OUT", description = "Output file: .csv, .csv.gz or .parquet.")
  Path output;

  @Option(names = "--session-zone", paramLabel = "ZONE", defaultValue = "UTC", description = "Zone whose calendar days make 1d bars (default: ${DEFAULT-VALUE}).")
  String sessionZone;

  @Option(names = "--include-incomplete", description = "Keep the trailing bucket even when it is incomplete.")
  boolean includeIncomplete;

  @Mixin
  InputOptions input;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Timeframe target = Timeframe.parse(to);
    LoadedData loaded = MarketData.load(file, input.readOptions());
    ResampleOptions options = new ResampleOptions(ExperimentRunner.zone(sessionZone), includeIncomplete);
    List<Bars> out = new ArrayList<>();
    int incomplete = 0;
    long rows = 0;
    for (Bars b : loaded.series()) {
      if (b.timeframe().millis() > target.millis()) {
        throw new BadInputException(Where.file(file), b.symbol() + " has " + b.timeframe() + " bars, longer than the target " + target,
            "resample to " + b.timeframe() + " or longer");
      }
      Resampled r = Resampler.resample(b, target, options);
      if (r.lastIncomplete()) incomplete++;
      rows += r.bars().size();
      out.add(r.bars());
    }
    MarketData.write(out, output, loaded.source());
    PrintWriter w = spec.commandLine().getOut();
    w.printf("wrote %,d %s bars of %d symbol%s to %s%s%n", rows, target, out.size(), out.size() == 1 ? "" : "s", output,
        incomplete == 0 ? "" : " (" + incomplete + " trailing incomplete bucket" + (incomplete == 1 ? "" : "s") + (includeIncomplete ? " kept)" : " left out)"));
    w.flush();
    return 0;
  }
}
