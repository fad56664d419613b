package dev.quiver.ensemble;

import dev.quiver.model.Params;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.util.List;

/**
 * Members fitted on all the training rows, with their predictions on rows they did not see:
 * the validation rows when there are some, else out-of-fold rows of the inner split.
 */
record HeldOut(List<Member> members, double[][] predictions, float[] y) {

  static HeldOut of(List<Candidate> candidates, TrainSet train, TrainSet validation, Params params, TrainContext ctx) {
    if (validation != null && validation.rows() > 0) {
      List<Member> members = VotingFamily.fitAll(candidates, train, ctx);
      return new HeldOut(members, MemberSet.predict(members, validation.x()), validation.y());
    }
    OutOfFold oof = OutOfFold.of(train, MemberSpecs.timeline(params, train.rows()), MemberSpecs.innerSplit(params), candidates, ctx);
    return new HeldOut(VotingFamily.fitAll(candidates, train, ctx), oof.coveredPredictions(), oof.coveredTargets());
  }
}
