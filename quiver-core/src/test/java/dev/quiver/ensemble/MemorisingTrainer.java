package dev.quiver.ensemble;

import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leaking base model of the stacking tests: it memorises each training row's label (keyed by
 * the row's exact feature values) and predicts it back, so in-sample it is perfect; on a row it
 * never saw it predicts 0.5.
 */
final class MemorisingTrainer implements Trainer {

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Map<List<Float>, Float> table = new HashMap<>();
    for (int r = 0; r < train.rows(); r++) table.put(key(train.x(), r), train.y()[r]);
    Provenance p = new Provenance("memorising", info.variant(), Map.of(), ctx.seed(), "", train.x().names(), "", "test", Map.of(), Instant.EPOCH);
    return new Memoriser(new Schema(train.x().names(), train.task()), table, p);
  }

  static List<Float> key(Matrix x, int r) {
    Float[] row = new Float[x.cols()];
    for (int j = 0; j < row.length; j++) row[j] = x.get(r, j);
    return Arrays.asList(row);
  }

  private record Memoriser(Schema inputSchema, Map<List<Float>, Float> table, Provenance provenance) implements FittedModel {

    @Override
    public Predictions predict(Matrix x) {
      double[] out = new double[x.rows()];
      for (int r = 0; r < out.length; r++) {
        Float label = table.get(key(x, r));
        out[r] = label == null ? 0.5 : label;
      }
      return new Predictions(inputSchema.task(), out);
    }

    @Override
    public Optional<FeatureImportance> importance() {
      return Optional.empty();
    }

    @Override
    public void save(ArtifactWriter out) {
      throw new UnsupportedOperationException("the memorising test model is never saved");
    }
  }
}
