package dev.quiver.ensemble;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a combiner from members that are already fitted, the entry point of {@code quiver train
 * --ensemble}. The caller fits each member on the training rows and gives their predictions on
 * rows they did not see ({@code heldOut}: out-of-fold rows of an inner purged split, {@link
 * OutOfFold#of}, or validation rows, {@link OutOfFold#heldOut}); weights and meta-models learn
 * from those predictions only.
 *
 * <p>Combiner specs: {@code voting} (soft, metric-weighted), with options after colons
 * {@code voting:equal}, {@code voting:inverse_error}, {@code voting:hard} (combinable, e.g.
 * {@code voting:hard:equal}); {@code caruana} or {@code caruana:<rounds>} (default 50);
 * {@code stacking} (non-negative linear meta-model) or {@code stacking:passthrough} (with the raw
 * features, then {@code raw} must hold the held-out rows' features, all rows of {@code heldOut});
 * {@code dynamic} ({@link DynamicEnsemble}: the regime-aware combiner replayed over the held-out
 * rows in order, weights frozen at the end).
 */
public final class Ensembles {

  public static final List<String> NAMES = List.of("voting", "caruana", "stacking", "dynamic");

  private Ensembles() {}

  /**
   * @param spec a combiner spec, see the class comment
   * @param members fitted members, in the order of {@code heldOut}'s rows of predictions
   * @param raw the features of all of {@code heldOut}'s rows (for stacking with pass-through; may be null otherwise)
   */
  public static FittedModel build(String spec, List<Member> members, OutOfFold heldOut, Matrix raw, TrainContext ctx) {
    if (!MemberSet.names(members).equals(heldOut.names())) {
      throw new IllegalArgumentException("held-out predictions are for " + heldOut.names() + ", members are " + MemberSet.names(members));
    }
    String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
    double[][] p = heldOut.coveredPredictions();
    float[] y = heldOut.coveredTargets();
    switch (parts[0]) {
      case "voting" -> {
        Voting voting = Voting.SOFT;
        Weighting weighting = Weighting.METRIC;
        for (int i = 1; i < parts.length; i++) {
          switch (parts[i]) {
            case "soft" -> voting = Voting.SOFT;
            case "hard" -> voting = Voting.HARD;
            case "equal" -> weighting = Weighting.EQUAL;
            case "metric" -> weighting = Weighting.METRIC;
            case "inverse_error" -> weighting = Weighting.INVERSE_ERROR;
            default -> throw BadInputException.unknown("voting option", parts[i], List.of("soft", "hard", "equal", "metric", "inverse_error"));
          }
        }
        return new VotingEnsemble(VotingFamily.NAME, members, weighting.weights(p, y, heldOut.task()), voting);
      }
      case "caruana" -> {
        int rounds = parts.length > 1 ? rounds(parts[1]) : 50;
        return new VotingEnsemble(CaruanaFamily.NAME, members, CaruanaSelection.select(p, y, heldOut.task(), rounds).weights(), Voting.SOFT);
      }
      case "stacking" -> {
        boolean passthrough = parts.length > 1 && parts[1].equals("passthrough");
        if (parts.length > 2 || (parts.length == 2 && !passthrough)) throw BadInputException.unknown("stacking option", spec, List.of("stacking", "stacking:passthrough"));
        Matrix features = raw != null ? raw : emptyFeatures(heldOut.y().length);
        if (passthrough && raw == null) throw new IllegalArgumentException("stacking:passthrough needs the held-out rows' features");
        ModelFamily nonneg = ModelFamilies.discover().get(NonNegativeLinearFamily.NAME);
        FittedModel meta = Stacking.fitMeta(heldOut, features, nonneg.trainer(nonneg.params("balanced", Map.of())), FitInfo.of("balanced"), passthrough, ctx);
        return new StackingEnsemble(members, meta, passthrough, Map.of("meta", NonNegativeLinearFamily.NAME, "passthrough", String.valueOf(passthrough)));
      }
      case "dynamic" -> {
        DynamicCombiner.Settings d = DynamicCombiner.Settings.DEFAULT;
        DynamicCombiner.Settings settings = heldOut.task() == Task.BINARY ? d
            : new DynamicCombiner.Settings(d.decay(), d.prior(), d.winSharpness(), d.profitSharpness(), d.profitScaleBps(), d.agreementPenalty(), d.confidence(), 0.0);
        return DynamicEnsemble.replay(members, p, y, heldOut.task(), settings);
      }
      default -> throw BadInputException.unknown("ensemble", parts[0], NAMES);
    }
  }

  private static int rounds(String text) {
    try {
      int r = Integer.parseInt(text);
      if (r >= 1) return r;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BadInputException(Where.none(), "caruana rounds must be a positive integer, got '" + text + "'", "write caruana:50");
  }

  private static Matrix emptyFeatures(int rows) {
    return new Matrix(new float[0], rows, 0, new ArrayList<>());
  }
}
