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
      new Param("member_params", "", "overrides for the members, MEMBER.KEY=VALUE;... with MEMBER family or family:variant (quiver train fills it from --set)",
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
    MemberParams overrides = MemberParams.parse(p.getString("member_params"));
    if (!p.getString("members").equals("auto")) candidates(p.getString("members"), overrides, Task.BINARY, FitInfo.of("balanced"));
    return p;
  }

  static List<Candidate> candidates(Params p, Task task, FitInfo info) {
    return candidates(p.getString("members"), MemberParams.parse(p.getString("member_params")), task, info);
  }

  /** The candidate {@code family[:variant]} (variant balanced when left out) with its overrides; its name is the spec. */
  static Candidate candidate(String spec, MemberParams overrides, FitInfo info) {
    int colon = spec.indexOf(':');
    String family = colon < 0 ? spec : spec.substring(0, colon);
    String variant = colon < 0 ? "balanced" : spec.substring(colon + 1);
    ModelFamily f = ModelFamilies.discover().get(family);
    return new Candidate(spec, f.trainer(f.params(variant, overrides.of(family, variant))), new FitInfo(variant, info.dataSha256(), info.fold()));
  }

  private static List<Candidate> candidates(String spec, MemberParams overrides, Task task, FitInfo info) {
    if (spec.equals("auto")) {
      spec = task == Task.BINARY ? "logistic:conservative,logistic:balanced,logistic:aggressive" : "ridge:conservative,ridge:balanced,elastic_net";
    }
    List<Candidate> out = new ArrayList<>();
    for (String item : spec.split(",")) {
      String s = item.trim();
      if (s.isEmpty()) continue;
      String name = s.replace(':', '_');
      for (Candidate c : out) {
        if (c.name().equals(name)) throw new BadInputException(Where.none(), "ensemble member " + s + " is listed twice", "list each family:variant once");
      }
      Candidate c = candidate(s, overrides, info);
      out.add(new Candidate(name, c.trainer(), c.info()));
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
