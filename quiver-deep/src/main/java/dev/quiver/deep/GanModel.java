package dev.quiver.deep;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted {@link GanFamily} model: the sequence classifier of the returns column, and the
 * report of its augmentation. Its input is every feature column of the training data; it reads
 * only the returns column, so every other column's importance is 0. Saved as the classifier's
 * {@value NetModel#PARAMS} and {@value NetModel#CONFIG} and {@value #CONFIG} (format, returns
 * column, {@link Augmentation}, realism report included); the GAN itself is not kept (prediction
 * does not use it). Thread-safe for {@link #predict}; owns native memory: {@link #close} once.
 */
final class GanModel implements FittedModel, AutoCloseable {

  static final String CONFIG = "gan.json";
  static final String FORMAT = "quiver-gan/1";

  private final NetModel classifier;
  private final int column;
  private final Schema schema;
  private final Augmentation augmentation;
  private final Provenance provenance;

  GanModel(NetModel classifier, int column, Schema schema, Augmentation augmentation, Provenance provenance) {
    this.classifier = classifier;
    this.column = column;
    this.schema = schema;
    this.augmentation = augmentation;
    this.provenance = provenance;
  }

  /**
   * What augmentation did: whether synthetic windows were added (and if not, why), the label rule
   * and the share of real training labels it reproduced, the real and synthetic window counts, and
   * the realism of the synthetic paths against the real ones (null without augmentation).
   */
  record Augmentation(boolean used, String reason, String labelRule, double labelAgreement, int labelRowsChecked, int realWindows,
      int syntheticWindows, PathRealism realism) {}

  record Config(String format, String column, Augmentation augmentation) {}

  Augmentation augmentation() {
    return augmentation;
  }

  /**
   * Column {@code col} of every row of {@code x}'s backing array as a one-column matrix with the
   * same view and row keys, so that windows can read the rows before the view.
   */
  static Matrix column(Matrix x, int col) {
    int arrayRows = x.cols() == 0 ? 0 : x.data().length / x.cols();
    float[] out = new float[arrayRows];
    float[] data = x.data();
    for (int a = 0; a < arrayRows; a++) out[a] = data[a * x.cols() + col];
    return new Matrix(out, x.offset(), x.rows(), 1, List.of(x.names().get(col)), x.keys());
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    return new Predictions(schema.task(), classifier.predict(column(x, column)).values());
  }

  @Override
  public Optional<FeatureImportance> importance() {
    FeatureImportance inner = classifier.importance().orElseThrow();
    Map<String, Double> values = new LinkedHashMap<>();
    for (String f : schema.features()) values.put(f, 0.0);
    values.putAll(inner.values());
    return Optional.of(new FeatureImportance(inner.kind(), values));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return classifier.learningCurve();
  }

  @Override
  public void save(ArtifactWriter out) {
    classifier.save(out);
    out.writeJson(CONFIG, new Config(FORMAT, schema.features().get(column), augmentation));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    classifier.close();
  }

  static GanModel load(ArtifactReader in) {
    Config c = in.readJson(CONFIG, Config.class);
    Schema schema = in.manifest().schema();
    int column = c.column() == null ? -1 : schema.features().indexOf(c.column());
    if (!FORMAT.equals(c.format()) || column < 0) {
      throw new BadInputException(Where.file(CONFIG), "the gan model file (format " + c.format() + ", column " + c.column()
          + ") does not match its manifest's features " + schema.features(), "re-save the model with this Quiver version");
    }
    NetModel classifier = NetModel.load(GanFamily.SPEC, GanFamily.SPEC.defaults(), in.withSchema(new Schema(List.of(c.column()), schema.task())));
    return new GanModel(classifier, column, schema, c.augmentation(), in.manifest().provenance());
  }
}
