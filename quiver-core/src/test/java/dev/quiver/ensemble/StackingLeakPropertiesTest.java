package dev.quiver.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Rows;
import dev.quiver.split.Splitter;
import dev.quiver.split.Timeline;
import dev.quiver.split.WalkForward;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class StackingLeakPropertiesTest {

  static final Dataset DATA = EnsembleData.BINARY;

  @Property(tries = 6)
  void a_member_that_memorises_training_labels_gets_no_stacking_weight(
      @ForAll @IntRange(min = 0, max = 20_000) int start, @ForAll @IntRange(min = 3, max = 6) int folds,
      @ForAll boolean walkForward, @ForAll @LongRange(min = 1, max = 1_000) long seed) {
    int trainTo = start + 2000;
    TrainSet train = DATA.trainSet(start, trainTo);
    TrainSet test = DATA.trainSet(trainTo + 10, trainTo + 1500);
    Timeline timeline = OutOfFold.timeline(DATA, Rows.range(start, trainTo));
    Splitter inner = walkForward ? new WalkForward(600, 1400 / folds, 1400 / folds, true) : new PurgedKFold(folds, 0.01);
    ModelFamily nonneg = EnsembleData.FAMILIES.get(NonNegativeLinearFamily.NAME);
    List<Candidate> candidates = List.of(new Candidate("leaker", new MemorisingTrainer(), FitInfo.of("balanced")),
        EnsembleData.candidate("logistic", "balanced"));
    StackingEnsemble s = Stacking.fit(train, timeline, inner, candidates, nonneg.trainer(nonneg.params("balanced", Map.of())),
        FitInfo.of("balanced"), false, TrainContext.of(1, seed));

    double[] coef = ((NonNegativeLinearModel) s.meta()).coefficients();
    assertThat(coef[0]).as("weight on the leaker").isEqualTo(0.0);
    assertThat(coef[1]).as("weight on the honest member").isGreaterThan(0.5);
    // in-sample the leaker is perfect, so only out-of-fold training keeps it out
    assertThat(auc(s.members().get(0).model(), train)).isEqualTo(1.0);
    double honest = auc(s.members().get(1).model(), test);
    assertThat(auc(s, test)).isGreaterThan(honest - 0.005);
  }

  @Property(tries = 3)
  void the_same_meta_model_fitted_on_in_sample_predictions_is_fooled(@ForAll @IntRange(min = 0, max = 20_000) int start) {
    TrainSet train = DATA.trainSet(start, start + 2000);
    TrainSet test = DATA.trainSet(start + 2010, start + 3500);
    List<Member> members = List.of(new Member("leaker", new MemorisingTrainer().fit(train, null, EnsembleData.CTX, FitInfo.of("balanced"))),
        new Member("logistic", EnsembleData.fit("logistic", "balanced", train)));
    OutOfFold inSample = OutOfFold.heldOut(MemberSet.names(members), MemberSet.predict(members, train.x()), train.y(), Task.BINARY);
    StackingEnsemble fooled = (StackingEnsemble) Ensembles.build("stacking", members, inSample, null, EnsembleData.CTX);
    double[] coef = ((NonNegativeLinearModel) fooled.meta()).coefficients();
    assertThat(coef[0]).isGreaterThan(coef[1]);
    // the leaker only says 0.5 on new rows, so the fooled stacker has shrunk the honest signal
    assertThat(logLoss(fooled, test)).isGreaterThan(logLoss(members.get(1).model(), test));
  }

  static double logLoss(FittedModel m, TrainSet set) {
    return ClassificationMetrics.of(set.y(), m.predict(set.x()).values()).logLoss();
  }

  static double auc(FittedModel m, TrainSet set) {
    return ClassificationMetrics.of(set.y(), m.predict(set.x()).values()).auc();
  }
}
