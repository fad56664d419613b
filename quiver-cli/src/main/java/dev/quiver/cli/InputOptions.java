package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.data.ReadOptions;
import dev.quiver.experiment.ExperimentRunner;
import java.util.List;
import picocli.CommandLine.Option;

/** How to read a market-data file: the options every command that takes one shares. */
final class InputOptions {

  @Option(names = "--columns", paramLabel = "ROLE=NAME,...",
      description = "Column mapping, e.g. timestamp=time,close=px,symbol=ticker (defaults: timestamp,open,high,low,close,volume,symbol; ticks: timestamp,price,volume|amount).")
  String columns;

  @Option(names = "--timestamp-format", paramLabel = "iso|epoch_s|epoch_ms",
      description = "How timestamps are written (default: detected).")
  String timestampFormat;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of timestamps written without an offset (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--policy", paramLabel = "fail|drop|repair", defaultValue = "fail",
      description = "What to do with invalid rows: fail (report and exit 2), drop them, or repair what can be (default: ${DEFAULT-VALUE}).")
  String policy;

  ReadOptions readOptions() {
    return ExperimentRunner.readOptions(data("", List.of()));
  }

  ExperimentConfig.Data data(String path, List<String> symbols) {
    return new ExperimentConfig.Data(path, columns, timestampFormat, zone, policy, symbols);
  }
}
