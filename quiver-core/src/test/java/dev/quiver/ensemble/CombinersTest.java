package dev.quiver.ensemble;

import static dev.quiver.ensemble.EnsembleData.BINARY;
import static dev.quiver.ensemble.EnsembleData.CTX;
import static dev.quiver.ensemble.EnsembleData.FAMILIES;
import static dev.quiver.ensemble.EnsembleData.REGRESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import dev.quiver.registry.RegisteredModel;
import dev.quiver.registry.Registration;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Timeline;
import dev.quiver.split.WalkForward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombinersTest {

  static final TrainSet TRAIN = EnsembleData.train(BINARY);
  static final TrainSet TEST = EnsembleData.test(BINARY);
  static final FittedModel GOOD = EnsembleData.fit("logistic", "balanced", TRAIN);
  static final FittedModel NOISE = EnsembleData.fit("logistic", "balanced", EnsembleData.shuffledTargets(TRAIN, 3));
  static final List<Member> MEMBERS = List.of(new Member("good", GOOD), new Member("noise", NOISE));

  static double auc(FittedModel m, TrainSet set) {
    return ClassificationMetrics.of(set.y(), m.predict(set.x()).values()).auc();
  }

  static OutOfFold validation(List<Member> members, TrainSet valid) {
    return OutOfFold.heldOut(MemberSet.names(members), MemberSet.predict(members, valid.x()), valid.y(), valid.task());
  }

  @Test
  void soft_voting_is_the_weighted_mean_of_member_probabilities() {
    VotingEnsemble e = new VotingEnsemble("voting", MEMBERS, new double[] {3, 1}, Voting.SOFT);
    double[] g = GOOD.predict(TEST.x()).values();
    double[] n = NOISE.predict(TEST.x()).values();
    double[] p = e.predict(TEST.x()).values();
    for (int r = 0; r < p.length; r++) assertThat(p[r]).isCloseTo(0.75 * g[r] + 0.25 * n[r], within(1e-12));
    assertThat(e.weights()).containsExactly(0.75, 0.25);
  }

  @Test
  void hard_voting_is_the_weight_voting_class_one() {
    VotingEnsemble e = new VotingEnsemble("voting", MEMBERS, new double[] {0.6, 0.4}, Voting.HARD);
    double[] g = GOOD.predict(TEST.x()).values();
    double[] n = NOISE.predict(TEST.x()).values();
    double[] p = e.predict(TEST.x()).values();
    for (int r = 0; r < p.length; r++) {
      double expected = (g[r] >= 0.5 ? 0.6 : 0) + (n[r] >= 0.5 ? 0.4 : 0);
      assertThat(p[r]).isCloseTo(expected, within(1e-12));
    }
    // the heavier member decides the majority
    for (int r = 0; r < p.length; r++) assertThat(p[r] >= 0.5).isEqualTo(g[r] >= 0.5);
  }

  @Test
  void metric_and_inverse_error_weights_favour_the_member_that_learned_something() {
    OutOfFold valid = validation(MEMBERS, EnsembleData.test(BINARY));
    double[] metric = Weighting.METRIC.weights(valid.coveredPredictions(), valid.coveredTargets(), Task.BINARY);
    double[] inverse = Weighting.INVERSE_ERROR.weights(valid.coveredPredictions(), valid.coveredTargets(), Task.BINARY);
    double[] equal = Weighting.EQUAL.weights(valid.coveredPredictions(), valid.coveredTargets(), Task.BINARY);
    assertThat(metric[0]).isGreaterThan(0.9);
    assertThat(metric[0] + metric[1]).isCloseTo(1.0, within(1e-12));
    assertThat(inverse[0]).isGreaterThan(inverse[1]);
    assertThat(equal).containsExactly(0.5, 0.5);
    VotingEnsemble weighted = (VotingEnsemble) Ensembles.build("voting", MEMBERS, valid, null, CTX);
    VotingEnsemble equalVote = (VotingEnsemble) Ensembles.build("voting:equal", MEMBERS, valid, null, CTX);
    assertThat(auc(weighted, TEST)).isGreaterThan(auc(equalVote, TEST) - 1e-9);
  }

  @Test
  void caruana_picks_the_best_member_first_and_mostly() {
    OutOfFold valid = validation(MEMBERS, TEST);
    CaruanaSelection sel = CaruanaSelection.select(valid.coveredPredictions(), valid.coveredTargets(), Task.BINARY, 25);
    assertThat(sel.counts()[0] + sel.counts()[1]).isEqualTo(25);
    assertThat(sel.counts()[0]).isGreaterThan(sel.counts()[1]);
    double goodLoss = ClassificationMetrics.of(TEST.y(), GOOD.predict(TEST.x()).values()).logLoss();
    assertThat(sel.loss()[0]).isCloseTo(goodLoss, within(1e-9));
    assertThat(sel.weights()[0]).isCloseTo(sel.counts()[0] / 25.0, within(1e-12));
  }

  @Test
  void regression_members_vote_and_stack_too() {
    TrainSet train = EnsembleData.train(REGRESSION);
    TrainSet test = EnsembleData.test(REGRESSION);
    List<Candidate> cands = List.of(EnsembleData.candidate("ridge", "balanced"), EnsembleData.candidate("elastic_net", "balanced"));
    StackingEnsemble s = Stacking.fit(train, Timeline.ofRows(train.rows(), 1), new PurgedKFold(4, 0.01), cands,
        nonneg(), FitInfo.of("balanced"), false, CTX);
    double r2 = RegressionMetrics.of(test.y(), s.predict(test.x()).values()).r2();
    double ridge = RegressionMetrics.of(test.y(), s.members().get(0).model().predict(test.x()).values()).r2();
    assertThat(r2).isGreaterThan(0.3).isGreaterThan(ridge - 0.02);
    VotingEnsemble v = new VotingEnsemble("voting", s.members(), new double[] {1, 1}, Voting.SOFT);
    assertThat(v.predict(test.x()).task()).isEqualTo(Task.REGRESSION);
    assertThatThrownBy(() -> new VotingEnsemble("voting", s.members(), new double[] {1, 1}, Voting.HARD)).isInstanceOf(BadInputException.class);
  }

  @Test
  void the_dynamic_ensemble_learns_from_held_out_rows_to_favour_the_better_member() {
    DynamicEnsemble d = (DynamicEnsemble) Ensembles.build("dynamic", MEMBERS, validation(MEMBERS, TEST), null, CTX);
    double[] w = d.combiner().weights(0, List.of("good", "noise"), new double[] {0.5, 0.5});
    assertThat(w[0]).isGreaterThan(0.55);
    assertThat(auc(d, EnsembleData.test(BINARY))).isGreaterThan(auc(NOISE, TEST));
    ModelFamily f = FAMILIES.get("dynamic");
    FittedModel viaFamily = f.trainer(f.params("balanced", Map.of("members", "logistic:conservative,logistic:aggressive", "inner_folds", "3")))
        .fit(TRAIN, null, CTX, FitInfo.of("balanced"));
    assertThat(auc(viaFamily, TEST)).isGreaterThan(0.75);
  }

  @Test
  void members_must_share_features_and_task() {
    FittedModel reg = EnsembleData.fit("ridge", "balanced", EnsembleData.train(REGRESSION));
    assertThatThrownBy(() -> new VotingEnsemble("voting", List.of(new Member("a", GOOD), new Member("b", reg)), new double[] {1, 1}, Voting.SOFT))
        .isInstanceOf(BadInputException.class).hasMessageContaining("same features and target");
    assertThatThrownBy(() -> new VotingEnsemble("voting", List.of(new Member("a", GOOD), new Member("a", NOISE)), new double[] {1, 1}, Voting.SOFT))
        .isInstanceOf(BadInputException.class).hasMessageContaining("two ensemble members are named a");
  }

  @Test
  void stacking_family_with_walk_forward_free_members_beats_chance_and_tracks_the_best_member() {
    ModelFamily f = FAMILIES.get("stacking");
    FittedModel s = f.trainer(f.params("balanced", Map.of("members", "logistic:conservative,logistic:aggressive", "inner_folds", "3")))
        .fit(TRAIN, null, CTX, FitInfo.of("balanced"));
    assertThat(auc(s, TEST)).isGreaterThan(0.75).isGreaterThan(auc(GOOD, TEST) - 0.01);
    StackingEnsemble wf = Stacking.fit(TRAIN, Timeline.ofRows(TRAIN.rows(), 1), new WalkForward(1000, 500, 500, true),
        List.of(EnsembleData.candidate("logistic", "balanced")), nonneg(), FitInfo.of("balanced"), true, CTX);
    assertThat(wf.meta().inputSchema().features()).startsWith("oof:logistic_balanced").hasSize(1 + TRAIN.x().cols());
    assertThat(auc(wf, TEST)).isGreaterThan(0.75);
  }

  @Test
  void unknown_members_and_ensembles_fail_before_training_naming_valid_ones() {
    assertThatThrownBy(() -> FAMILIES.get("voting").params("balanced", Map.of("members", "logistc")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'logistic'");
    assertThatThrownBy(() -> Ensembles.build("votin", MEMBERS, validation(MEMBERS, TEST), null, CTX))
        .isInstanceOf(BadInputException.class).hasMessageContaining("voting");
  }

  @Test
  void member_params_reach_the_members_a_combiner_refits() {
    FamilyFit tight = params -> FAMILIES.get("voting").trainer(FAMILIES.get("voting").params("balanced", params)).fit(TRAIN, null, CTX, FitInfo.of("balanced"));
    FittedModel overridden = tight.fit(Map.of("members", "logistic", "weighting", "equal", "member_params", "logistic.c=0.0001;logistic:aggressive.c=50"));
    FittedModel direct = FAMILIES.get("logistic").trainer(FAMILIES.get("logistic").params("balanced", Map.of("c", "0.0001")))
        .fit(TRAIN, null, CTX, FitInfo.of("balanced"));
    FittedModel defaults = tight.fit(Map.of("members", "logistic", "weighting", "equal"));
    double[] viaVoting = overridden.predict(TEST.x()).values();
    assertThat(viaVoting).containsExactly(direct.predict(TEST.x()).values());
    assertThat(viaVoting).isNotEqualTo(defaults.predict(TEST.x()).values());
    assertThatThrownBy(() -> FAMILIES.get("stacking").params("balanced", Map.of("members", "logistic,ridge", "member_params", "logistic.cc=1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("cc");
    assertThatThrownBy(() -> FAMILIES.get("cascade").params("balanced", Map.of("member_params", "logistic-c=1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("MEMBER.KEY=VALUE");
  }

  interface FamilyFit {
    FittedModel fit(Map<String, String> params);
  }

  @Test
  void every_combiner_round_trips_through_save_and_load_bit_identically(@TempDir Path dir) {
    OutOfFold valid = validation(MEMBERS, TEST);
    List<FittedModel> combiners = List.of(
        Ensembles.build("voting", MEMBERS, valid, null, CTX),
        Ensembles.build("voting:hard:inverse_error", MEMBERS, valid, null, CTX),
        Ensembles.build("caruana:10", MEMBERS, valid, null, CTX),
        Ensembles.build("stacking:passthrough", MEMBERS, valid, TEST.x(), CTX),
        Ensembles.build("dynamic", MEMBERS, valid, null, CTX));
    for (int i = 0; i < combiners.size(); i++) {
      FittedModel m = combiners.get(i);
      Path at = dir.resolve("c" + i);
      ModelStore.save(m, m.provenance().family(), at);
      FittedModel back = ModelStore.load(at, FAMILIES);
      assertThat(back.getClass()).isEqualTo(m.getClass());
      assertThat(back.predict(TEST.x()).values()).containsExactly(m.predict(TEST.x()).values());
      assertThat(back.provenance()).isEqualTo(m.provenance());
    }
    // an ensemble of ensembles nests twice
    VotingEnsemble outer = new VotingEnsemble("voting", List.of(new Member("v", combiners.get(0)), new Member("s", combiners.get(3))),
        new double[] {1, 2}, Voting.SOFT);
    ModelStore.save(outer, "voting", dir.resolve("outer"));
    assertThat(ModelStore.load(dir.resolve("outer"), FAMILIES).predict(TEST.x()).values()).containsExactly(outer.predict(TEST.x()).values());
  }

  @Test
  void a_changed_member_file_fails_the_load_naming_it(@TempDir Path dir) throws IOException {
    VotingEnsemble e = new VotingEnsemble("voting", MEMBERS, new double[] {1, 1}, Voting.SOFT);
    Path at = dir.resolve("v");
    ModelStore.save(e, "voting", at);
    try (var files = Files.list(at)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .contains("ensemble.json", "member-0.member.json", "member-0.logistic.json", "member-1.logistic.json").allMatch(n -> !n.contains("/"));
    }
    Path member = at.resolve("member-1.logistic.json");
    Files.writeString(member, Files.readString(member).replaceFirst("\"intercept\" : ", "\"intercept\" : 1"));
    assertThatThrownBy(() -> ModelStore.load(at, FAMILIES)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("SHA-256 mismatch").hasMessageContaining("member-1.logistic.json");
  }

  @Test
  void an_ensemble_registers_verifies_and_loads_from_the_model_registry(@TempDir Path dir) {
    FittedModel e = Ensembles.build("stacking", MEMBERS, validation(MEMBERS, TEST), null, CTX);
    try (ModelRegistry registry = ModelRegistry.create(dir.resolve("models"))) {
      ModelVersion v = registry.register(Registration.of("stacked", e));
      assertThat(v.kind()).isEqualTo("ensemble");
      assertThat(registry.verify(v.ref())).isEmpty();
      try (RegisteredModel back = registry.load(v.ref(), FAMILIES)) {
        assertThat(back.model().predict(TEST.x()).values()).containsExactly(e.predict(TEST.x()).values());
      }
    }
  }

  static dev.quiver.model.Trainer nonneg() {
    ModelFamily f = FAMILIES.get(NonNegativeLinearFamily.NAME);
    return f.trainer(f.params("balanced", Map.of()));
  }
}
