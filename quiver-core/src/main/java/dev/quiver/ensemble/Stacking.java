package dev.quiver.ensemble;

import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.split.Splitter;
import dev.quiver.split.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link StackingEnsemble} so that the meta-model never sees an in-sample prediction:
 * <ol>
 *   <li>{@link OutOfFold#of}: each candidate is fitted on the inner folds of the training rows
 *       (purged k-fold or walk-forward, by their label ends) and predicts the fold's test rows;</li>
 *   <li>the meta-model is fitted on those out-of-fold predictions (and the raw features, with
 *       pass-through) of the rows some fold tested, and on nothing else;</li>
 *   <li>each candidate is fitted once more on all the training rows: these are the members that
 *       predict new rows.</li>
 * </ol>
 * A member that memorises its training labels predicts them perfectly in-sample but no better
 * than chance out-of-fold, so the meta-model gives it no weight. Stateless.
 */
public final class Stacking {

  private Stacking() {}

  /**
   * @param timeline the training rows' times and label ends ({@link OutOfFold#timeline} builds it from a dataset)
   * @param splitter the inner split; its test rows are what the meta-model learns from
   * @param meta the meta-model's trainer, e.g. {@link NonNegativeLinearFamily}'s
   */
  public static StackingEnsemble fit(TrainSet train, Timeline timeline, Splitter splitter, List<Candidate> candidates, Trainer meta, FitInfo metaInfo,
      boolean passthrough, TrainContext ctx) {
    OutOfFold oof = OutOfFold.of(train, timeline, splitter, candidates, ctx);
    FittedModel metaModel = fitMeta(oof, train.x(), meta, metaInfo, passthrough, ctx);
    List<Member> members = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) members.add(new Member(c.name(), c.trainer().fit(train, null, ctx, c.info())));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("meta", metaModel.provenance().family());
    params.put("passthrough", String.valueOf(passthrough));
    params.put("oof_rows", String.valueOf(oof.covered().length));
    return new StackingEnsemble(members, metaModel, passthrough, params);
  }

  /**
   * The meta-model fitted on out-of-fold predictions only: {@code raw} holds the features of all
   * the rows {@code oof} describes, of which the covered ones are used.
   */
  public static FittedModel fitMeta(OutOfFold oof, Matrix raw, Trainer meta, FitInfo metaInfo, boolean passthrough, TrainContext ctx) {
    List<String> columns = StackingEnsemble.metaColumns(oof.names(), raw.names(), passthrough);
    Matrix coveredRaw = RowSelection.rows(raw, oof.covered());
    Matrix x = StackingEnsemble.metaInput(oof.coveredPredictions(), oof.task(), coveredRaw, passthrough, columns);
    return meta.fit(new TrainSet(x, oof.coveredTargets(), oof.task()), null, ctx, metaInfo);
  }
}
