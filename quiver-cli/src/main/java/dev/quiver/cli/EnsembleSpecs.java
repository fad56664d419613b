package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.labels.ForwardReturn;
import dev.quiver.labels.Labeler;
import dev.quiver.labels.Labelers;
import dev.quiver.labels.MaxDrawdown;
import dev.quiver.labels.MaxFavourableExcursion;
import dev.quiver.labels.TimeToHit;
import dev.quiver.labels.TripleBarrier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code --ensemble} specs into model specs of the combiner families, whose members are the
 * experiment's other models. Each combiner is then one more job of the plan: it is fitted on the
 * same training rows as its members and scored on the same test rows, and it learns its weights
 * (or meta-model) from the members' predictions on rows they did not see: the validation segment
 * when there is one, else the out-of-fold rows of an inner purged k-fold of the training rows,
 * purged by the label's horizon. Its members are refitted inside the combiner's job from their
 * {@code family:variant} with the same parameter overrides as the member models' own rows (the
 * experiment file's params and {@code --set}), passed as the combiner's {@code member_params}.
 *
 * <p>Specs (the leaderboard row is named by the spec, its family is the combiner's):
 * {@code voting[:soft|hard][:equal|metric|inverse_error]}, {@code caruana[:ROUNDS]},
 * {@code stacking[:passthrough]}, {@code dynamic[:conservative|balanced|aggressive]},
 * {@code cascade[:MARGIN]} (binary; the first model filters, the last decides). Stateless.
 */
final class EnsembleSpecs {

  static final List<String> COMBINERS = List.of("voting", "caruana", "stacking", "dynamic", "cascade");

  private EnsembleSpecs() {}

  /** {@code models} followed by one combiner per spec over them; {@code models} unchanged when {@code specs} is null or empty. */
  static List<ExperimentConfig.ModelSpec> append(List<String> specs, List<ExperimentConfig.ModelSpec> models, String label) {
    if (specs == null || specs.isEmpty()) return models;
    if (label != null && !Labelers.classes(Labelers.parse(label)).isEmpty()) {
      throw new BadInputException(Where.none(), "--ensemble does not combine multiclass models (label " + label + ")",
          "drop --ensemble, or use a binary label such as direction");
    }
    if (models.size() < 2) {
      throw new BadInputException(Where.none(), "--ensemble needs at least two models, got " + models.size(), "list the members with --models a,b[,c]");
    }
    List<String> members = new ArrayList<>();
    Map<String, Map<String, String>> memberParams = new LinkedHashMap<>();
    for (ExperimentConfig.ModelSpec m : models) {
      String member = m.family() + ":" + m.variant();
      members.add(member);
      if (m.params() != null && !m.params().isEmpty()) {
        Map<String, String> p = memberParams.computeIfAbsent(member, k -> new LinkedHashMap<>());
        m.params().forEach((k, v) -> p.put(k, String.valueOf(v)));
      }
    }
    String memberParamsText = memberParamsText(memberParams);
    String horizon = String.valueOf(labelHorizon(label));
    List<ExperimentConfig.ModelSpec> out = new ArrayList<>(models);
    for (String raw : specs) {
      String spec = raw.trim().toLowerCase(Locale.ROOT);
      String[] parts = spec.split(":");
      Map<String, Object> params = new LinkedHashMap<>();
      String variant = "balanced";
      switch (parts[0]) {
        case "voting" -> {
          for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
              case "soft", "hard" -> params.put("voting", parts[i]);
              case "equal", "metric", "inverse_error" -> params.put("weighting", parts[i]);
              default -> throw BadInputException.unknown("voting option", parts[i], List.of("soft", "hard", "equal", "metric", "inverse_error"));
            }
          }
        }
        case "caruana" -> {
          options(spec, parts, 1);
          if (parts.length > 1) params.put("rounds", parts[1]);
        }
        case "stacking" -> {
          options(spec, parts, 1);
          if (parts.length > 1) {
            if (!parts[1].equals("passthrough")) throw BadInputException.unknown("stacking option", parts[1], List.of("passthrough"));
            params.put("passthrough", "true");
          }
        }
        case "dynamic" -> {
          options(spec, parts, 1);
          if (parts.length > 1) variant = parts[1];
        }
        case "cascade" -> {
          options(spec, parts, 1);
          if (parts.length > 1) params.put("margin", parts[1]);
          params.put("cheap", members.get(0));
          params.put("expensive", members.get(members.size() - 1));
        }
        default -> throw BadInputException.unknown("ensemble", parts[0], COMBINERS);
      }
      if (!memberParamsText.isEmpty()) params.put("member_params", memberParamsText);
      if (!parts[0].equals("cascade")) {
        params.put("members", String.join(",", members));
        params.put("label_horizon", horizon);
      }
      out.add(new ExperimentConfig.ModelSpec(parts[0], variant, spec, params));
    }
    return out;
  }

  /** {@code member.key=value;...}, the form the combiner families' {@code member_params} reads. */
  static String memberParamsText(Map<String, Map<String, String>> byMember) {
    StringBuilder s = new StringBuilder();
    byMember.forEach((member, params) -> params.forEach((k, v) -> {
      if (!s.isEmpty()) s.append(';');
      s.append(member).append('.').append(k).append('=').append(v);
    }));
    return s.toString();
  }

  private static void options(String spec, String[] parts, int most) {
    if (parts.length - 1 > most) {
      throw new BadInputException(Where.none(), "--ensemble " + spec + " has " + (parts.length - 1) + " options, " + parts[0] + " takes at most " + most,
          "see quiver train --help for the combiner specs");
    }
  }

  /** Rows each training label reads ahead, for purging the combiners' inner split. */
  static int labelHorizon(String label) {
    Labeler l = Labelers.parse(label == null ? "direction" : label);
    if (l instanceof ForwardReturn f) return f.horizon();
    if (l instanceof TripleBarrier t) return t.horizon();
    if (l instanceof TimeToHit t) return t.horizon();
    if (l instanceof MaxDrawdown m) return m.horizon();
    if (l instanceof MaxFavourableExcursion m) return m.horizon();
    return 1;
  }
}
