package dev.quiver.ensemble;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters every trainable combiner family shares, and the candidates they name. {@code
 * members} is a comma-separated list of {@code family[:variant]} (variant {@code balanced} when
 * left out), or {@code auto}: the three logistic variants for binary targets, ridge
 * (conservative, balanced) and elastic_net for regression. A combiner fitted through the family
 * SPI sees only a {@link dev.quiver.model.TrainSet}, not label ends, so its inner purged split
 * assumes every label reads {@code label_horizon} rows ahead. Stateless.
 */
final class MemberSpecs {

  static final List<Param> SHARED = List.of(
      new Param("members", "auto", "comma-separated family[:variant] members, or auto (logistic variants for binary, ridge and elastic_net for regression)",
          0, 0, List.of()),
      Param.integer("inner_folds", 5, 2, 100, "folds of the inner purged k-fold that gives held-out member predictions"),
      Param.real("embargo_pct", 0.01, 0.0, 0.5, "embargo after each inner test block, as a fraction of the training rows"),
      Param.integer("label_horizon", 1, 0, 1_000_000, "rows each training label reads ahead, for purging the inner split"));

  private MemberSpecs() {}

  static List<Param> with(Param... own) {
    List<Param> out = new ArrayList<>(List.of(own));
    out.addAll(SHARED);
    return out;
  }

  /** Fails before training when {@code members} names an unknown family or variant. */
  static Params checked(Params p) {
    if (!p.getString("members").equals("auto")) candidates(p.getString("members"), Task.BINARY, FitInfo.of("balanced"));
    return p;
  }

  static List<Candidate> candidates(Params p, Task task, FitInfo info) {
    return candidates(p.getString("members"), task, info);
  }

  private static List<Candidate> candidates(String spec, Task task, FitInfo info) {
    if (spec.equals("auto")) {
      spec = task == Task.BINARY ? "logistic:conservative,logistic:balanced,logistic:aggressive" : "ridge:conservative,ridge:balanced,elastic_net";
    }
    ModelFamilies families = ModelFamilies.discover();
    List<Candidate> out = new ArrayList<>();
    for (String item : spec.split(",")) {
      String s = item.trim();
      if (s.isEmpty()) continue;
      int colon = s.indexOf(':');
      String family = colon < 0 ? s : s.substring(0, colon);
      String variant = colon < 0 ? "balanced" : s.substring(colon + 1);
      ModelFamily f = families.get(family);
      String name = colon < 0 ? family : family + "_" + variant;
      for (Candidate c : out) {
        if (c.name().equals(name)) throw new BadInputException(Where.none(), "ensemble member " + s + " is listed twice", "list each family:variant once");
      }
      out.add(new Candidate(name, f.trainer(f.params(variant, Map.of())), new FitInfo(variant, info.dataSha256(), info.fold())));
    }
    if (out.isEmpty()) throw new BadInputException(Where.none(), "the ensemble's members list is empty", "give members as family[:variant],...");
    return out;
  }

  /** The inner split of {@code n} training rows. */
  static PurgedKFold innerSplit(Params p) {
    return new PurgedKFold(p.getInt("inner_folds"), p.getDouble("embargo_pct"));
  }

  static Timeline timeline(Params p, int n) {
    return Timeline.ofRows(n, p.getInt("label_horizon"));
  }
}
