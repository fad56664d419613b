package dev.quiver.cli;

import dev.quiver.model.ModelFamilies;
import dev.quiver.predict.ModelPredictor;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver predict --model NAME@VERSION --input FILE --output OUT}: predictions of a registered model on new bars. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Predict with a registered model: load and verify it (exit 2 naming any file that fails its checksum), compute",
        "its features from the input bars exactly as at training (its recorded timeframes and feature specs), and write CSV",
        "timestamp,symbol,prediction,proba (binary: prediction 1 when proba = P(up) >= 0.5) or timestamp,symbol,prediction",
        "(regression), or timestamp,symbol,prediction,p_CLASS...,score (multiclass: the most probable class id, each class's",
        "probability, and the score P(up) - P(down)). A row's timestamp is its bar's open time; it uses that bar and earlier ones",
        "only. Warm-up bars are skipped."})
public final class PredictCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "NAME[@VERSION|@ALIAS]", description = "The registered model, e.g. demo-lightgbm@production.")
  String model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Bars or tick trades (CSV, CSV.gz or Parquet) at the model's timeframe or finer.")
  Path input;

  @Option(names = {"--output", "-o"}, required = true, paramLabel = "OUT", description = "Output CSV (.csv or .csv.gz).")
  Path output;

  @Mixin
  RegistryOption registry;

  @Mixin
  InputOptions read;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    long rows;
    String id;
    try (ModelRegistry reg = registry.open();
        ModelPredictor predictor = ModelPredictor.load(reg, ModelRef.parse(model), ModelFamilies.discover())) {
      id = predictor.version().id();
      rows = predictor.predictFile(input, read.readOptions(), output);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("wrote %,d predictions of %s to %s%n", rows, id, output);
    out.flush();
    return 0;
  }
}
