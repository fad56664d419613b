package dev.quiver.deep;

import ai.djl.Model;
import ai.djl.nn.Block;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted deep net. Saved as {@value #PARAMS} (DJL's parameter stream of the block, batch-norm
 * running statistics included) and {@value #CONFIG} (format, family, parameter values, features,
 * the training rows' standardization, the target scale, learning curve, importance); a load
 * rebuilds the block from the parameters, initializes it and reads the saved values, and predicts
 * bit-identically on the same machine and thread count.
 *
 * <p>{@link #predict} gives one value per row of the matrix: for sequence families the row's
 * window reads the rows before it in the matrix's backing array that belong to the same series
 * (see {@link Samples}); a row with a shorter history is padded with its oldest row. Thread-safe
 * for {@link #predict}; owns native memory: {@link #close} once.
 */
final class NetModel implements FittedModel, AutoCloseable {

  static final String PARAMS = "net.params";
  static final String CONFIG = "net.json";
  static final String FORMAT = "quiver-deep/1";

  private final NetSpec spec;
  private final Params params;
  private final Model model;
  private final Standardization z;
  private final TargetScale scale;
  private final Schema schema;
  private final LearningCurve curve;
  private final FeatureImportance importance;
  private final Provenance provenance;

  NetModel(NetSpec spec, Params params, Model model, Standardization z, TargetScale scale, List<String> features, LearningCurve curve,
      FeatureImportance importance, Provenance provenance) {
    this.spec = spec;
    this.params = params;
    this.model = model;
    this.z = z;
    this.scale = scale;
    this.schema = new Schema(features, scale.task());
    this.curve = curve;
    this.importance = importance;
    this.provenance = provenance;
  }

  /** The saved form of everything but the parameters. */
  record Config(String format, String family, Map<String, String> params, List<String> features, Task task, float[] mean, float[] std,
      double targetMean, double targetStd, LearningCurve learningCurve, String importanceKind, Map<String, Double> importance) {}

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    Samples samples = Samples.of(x, z, spec.lookback(params), spec.gapBreak(params), false, null);
    float[] out = Inference.outputs(model.getBlock(), model.getNDManager(), samples);
    double[] values = new double[out.length];
    for (int i = 0; i < out.length; i++) values[i] = scale.fromNet(out[i]);
    return new Predictions(scale.task(), values);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.of(importance);
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.of(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    out.write(PARAMS, ParameterBytes.of(model.getBlock()));
    out.writeJson(CONFIG, new Config(FORMAT, spec.name(), params.asStrings(), schema.features(), scale.task(), z.mean(), z.std(), scale.mean(),
        scale.std(), curve, importance.kind(), importance.values()));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    model.close();
  }

  static NetModel load(NetSpec spec, Params defaults, ArtifactReader in) {
    Config c = in.readJson(CONFIG, Config.class);
    Schema schema = in.manifest().schema();
    int n = schema.features().size();
    if (!FORMAT.equals(c.format()) || !spec.name().equals(c.family()) || !schema.features().equals(c.features()) || c.mean() == null
        || c.mean().length != n || c.std() == null || c.std().length != n || c.params() == null) {
      throw new BadInputException(Where.file(CONFIG), "the " + spec.name() + " model file does not match its manifest (format " + c.format()
          + ", family " + c.family() + ", " + n + " features expected)", "re-save the model with this Quiver version");
    }
    Params params = defaults.override(c.params());
    byte[] parameters = in.read(PARAMS);
    TorchRuntime.engine();
    Block block = spec.architecture().build(params, n);
    int lookback = spec.lookback(params);
    Model model = ParameterBytes.model(spec.name(), TorchRuntime.device(params.getString("device")).device(), block,
        lookback == 0 ? new ai.djl.ndarray.types.Shape(1, n) : new ai.djl.ndarray.types.Shape(1, lookback, n), parameters);
    boolean ok = false;
    try {
      NetModel m = new NetModel(spec, params, model, new Standardization(c.mean(), c.std()), new TargetScale(c.task(), c.targetMean(), c.targetStd()),
          schema.features(), c.learningCurve(), new FeatureImportance(c.importanceKind(), c.importance()), in.manifest().provenance());
      ok = true;
      return m;
    } finally {
      if (!ok) model.close();
    }
  }
}
