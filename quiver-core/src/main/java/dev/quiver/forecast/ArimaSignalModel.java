package dev.quiver.forecast;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import java.util.List;
import java.util.Optional;

/**
 * {@link ArimaFamily}'s fitted model: the one-step ARIMA forecast of one input column's next
 * value, row by row, from the rows given so far (see {@link ArimaModel#oneStepForecasts}). A
 * non-finite input value is replaced by the previous finite one (0 at the start). Immutable and
 * thread-safe. Saved as one JSON file, {@value #FILE}; doubles round-trip exactly.
 */
public final class ArimaSignalModel implements FittedModel {

  static final String FILE = "arima.json";
  static final String FORMAT = "quiver-arima/1";

  private final Schema schema;
  private final int column;
  private final ArimaModel arima;
  private final LearningCurve curve;
  private final Provenance provenance;

  /** The saved form. */
  record Artifact(String format, List<String> features, int column, int p, int d, int q, double[] params, LearningCurve learningCurve) {}

  ArimaSignalModel(List<String> features, int column, ArimaOrder order, double[] params, LearningCurve curve, Provenance provenance) {
    this.schema = new Schema(features, Task.REGRESSION);
    this.column = column;
    this.arima = ArimaModel.of(order, params);
    this.curve = curve;
    this.provenance = provenance;
  }

  ArimaSignalModel withCurve(LearningCurve c) {
    return new ArimaSignalModel(schema.features(), column, arima.order(), arima.params(), c, provenance);
  }

  public ArimaOrder order() {
    return arima.order();
  }

  /** As {@link ArimaModel#params()}. */
  public double[] params() {
    return arima.params();
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    int n = x.rows();
    double[] y = new double[n];
    double last = 0;
    for (int r = 0; r < n; r++) {
      double v = x.get(r, column);
      if (Double.isFinite(v)) last = v;
      y[r] = last;
    }
    return new Predictions(Task.REGRESSION, arima.oneStepForecasts(y, n));
  }

  double mse(TrainSet set) {
    double[] f = predict(set.x()).values();
    float[] t = set.y();
    double s = 0;
    int k = 0;
    for (int i = 0; i < f.length; i++) {
      if (Float.isFinite(t[i])) {
        double e = t[i] - f[i];
        s += e * e;
        k++;
      }
    }
    return k == 0 ? Double.NaN : s / k;
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.empty();
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.ofNullable(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    ArimaOrder o = arima.order();
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), column, o.p(), o.d(), o.q(), arima.params(), curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static ArimaSignalModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || a.params() == null || a.column() < 0
        || a.column() >= schema.features().size()) {
      throw new BadInputException(Where.file(FILE), "the arima model file does not match its manifest (format " + a.format() + ")",
          "re-save the model with this Quiver version");
    }
    ArimaOrder order = new ArimaOrder(a.p(), a.d(), a.q());
    if (a.params().length != order.parameterCount()) {
      throw new BadInputException(Where.file(FILE), "ARIMA(" + order + ") needs " + order.parameterCount() + " parameters, the file has "
          + a.params().length, "re-save the model with this Quiver version");
    }
    return new ArimaSignalModel(a.features(), a.column(), order, a.params(), a.learningCurve(), in.manifest().provenance());
  }
}
