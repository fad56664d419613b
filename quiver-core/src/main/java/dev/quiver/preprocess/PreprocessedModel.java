package dev.quiver.preprocess;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import java.util.Optional;

/**
 * A model behind its fitted {@link Preprocessor}: takes rows of the preprocessor's inputs (the
 * schema is checked, naming any missing, extra or misplaced column), transforms them, and asks
 * the inner model. Saved as the inner model's own files plus {@value Preprocessor#FILE}; the
 * manifest names the inner family, so every family works behind a preprocessor unchanged.
 * Thread safety is the inner model's.
 */
public final class PreprocessedModel implements FittedModel, AutoCloseable {

  private final Preprocessor preprocessor;
  private final FittedModel inner;

  public PreprocessedModel(Preprocessor preprocessor, FittedModel inner) {
    if (!preprocessor.outputs().equals(inner.inputSchema().features())) {
      throw new IllegalArgumentException("the model takes " + inner.inputSchema().features() + " but the preprocessor makes " + preprocessor.outputs());
    }
    this.preprocessor = preprocessor;
    this.inner = inner;
  }

  public Preprocessor preprocessor() {
    return preprocessor;
  }

  public FittedModel inner() {
    return inner;
  }

  @Override
  public Schema inputSchema() {
    return new Schema(preprocessor.inputs(), inner.inputSchema().task());
  }

  @Override
  public Predictions predict(Matrix x) {
    return inner.predict(preprocessor.apply(x));
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return inner.importance();
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return inner.learningCurve();
  }

  @Override
  public void save(ArtifactWriter out) {
    inner.save(out);
    out.write(Preprocessor.FILE, preprocessor.toJson());
  }

  @Override
  public Provenance provenance() {
    return inner.provenance();
  }

  /** Loads a model saved by {@link #save}: its preprocessor, then the inner model with the preprocessor's output schema. */
  public static PreprocessedModel load(ArtifactReader in, ModelFamilies families) {
    Preprocessor p = Preprocessor.fromJson(in.read(Preprocessor.FILE));
    if (!p.inputs().equals(in.manifest().schema().features())) {
      throw new BadInputException(Where.none(), "the saved preprocessor takes " + p.inputs() + " but the model's manifest lists " + in.manifest().schema().features(),
          "re-save the model");
    }
    Schema innerSchema = new Schema(p.outputs(), in.manifest().schema().task());
    FittedModel inner = families.get(in.manifest().family()).load(in.withSchema(innerSchema));
    return new PreprocessedModel(p, inner);
  }

  @Override
  public void close() {
    if (inner instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new dev.quiver.error.InternalException("cannot close the model behind " + preprocessor.spec() + ": " + e.getMessage(), e);
      }
    }
  }
}
