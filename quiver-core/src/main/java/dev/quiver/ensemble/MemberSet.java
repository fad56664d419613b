package dev.quiver.ensemble;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every combiner does with its members: check they agree on inputs and task, predict them
 * all, save them as nested models {@code member-<i>} and load them back. Stateless.
 */
final class MemberSet {

  private MemberSet() {}

  /** The members' common schema; fails naming the first member whose features or task differ. */
  static Schema schema(List<Member> members) {
    if (members.isEmpty()) throw new BadInputException(Where.none(), "an ensemble needs at least one member, got none", "train one or more models first");
    Schema first = members.get(0).model().inputSchema();
    Set<String> names = new HashSet<>();
    for (Member m : members) {
      if (!names.add(m.name())) throw new BadInputException(Where.none(), "two ensemble members are named " + m.name(), "give every member its own name");
      Schema s = m.model().inputSchema();
      if (!s.equals(first)) {
        throw new BadInputException(Where.none(), "ensemble member " + m.name() + " takes " + s.task() + " " + s.features() + " but "
            + members.get(0).name() + " takes " + first.task() + " " + first.features(), "combine models trained on the same features and target");
      }
    }
    return first;
  }

  static List<String> names(List<Member> members) {
    List<String> out = new ArrayList<>(members.size());
    for (Member m : members) out.add(m.name());
    return out;
  }

  /** Predictions of every member on {@code x}: {@code [member][row]}. */
  static double[][] predict(List<Member> members, Matrix x) {
    double[][] out = new double[members.size()][];
    for (int m = 0; m < out.length; m++) out[m] = members.get(m).model().predict(x).values();
    return out;
  }

  static void save(List<Member> members, ArtifactWriter out) {
    for (int m = 0; m < members.size(); m++) out.writeModel("member-" + m, members.get(m).model());
  }

  static List<Member> load(ArtifactReader in, List<String> names) {
    ModelFamilies families = ModelFamilies.discover();
    List<Member> out = new ArrayList<>(names.size());
    for (int m = 0; m < names.size(); m++) out.add(new Member(names.get(m), in.readModel("member-" + m, families)));
    return List.copyOf(out);
  }

  /** Provenance of a combiner built from these members: data, fold and seed come from the first member. */
  static Provenance provenance(String family, String variant, Map<String, String> params, List<Member> members, Schema schema) {
    Provenance p = members.get(0).model().provenance();
    return new Provenance(family, variant, params, p.seed(), p.dataSha256(), schema.features(), p.fold(), Provenance.currentCodeVersion(),
        Provenance.runtimeWith(Map.of()), Instant.now());
  }

  /** Checks the loaded JSON's member count against its weights or other per-member arrays. */
  static void checkLength(String file, String what, int expected, int actual) {
    if (expected != actual) {
      throw new BadInputException(Where.file(file), what + " has " + actual + " entries for " + expected + " members", "re-save the ensemble");
    }
  }
}
