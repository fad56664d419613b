package dev.quiver.ensemble;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameter overrides for a combiner's members, so a member fitted inside the combiner's job is the
 * same model the user configured on its own row. Written {@code MEMBER.KEY=VALUE;MEMBER.KEY=VALUE},
 * where MEMBER is {@code family} (every member of that family) or {@code family:variant} (that member
 * only; it wins over the family-wide entry). Example: {@code
 * lightgbm.num_leaves=63;xgboost:aggressive.max_depth=4}. Immutable.
 */
record MemberParams(Map<String, Map<String, String>> byMember) {

  static final MemberParams NONE = new MemberParams(Map.of());

  MemberParams {
    byMember = Map.copyOf(byMember);
  }

  static MemberParams parse(String text) {
    if (text == null || text.isBlank()) return NONE;
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String raw : text.split(";")) {
      String entry = raw.trim();
      if (entry.isEmpty()) continue;
      int eq = entry.indexOf('=');
      int dot = entry.indexOf('.');
      if (eq < 0 || dot < 1 || dot > eq || dot == eq - 1) {
        throw new BadInputException(Where.none(), "member_params entry '" + entry + "' is not MEMBER.KEY=VALUE",
            "write member_params as family[:variant].key=value;... e.g. lightgbm.num_leaves=63");
      }
      out.computeIfAbsent(entry.substring(0, dot).trim(), k -> new LinkedHashMap<>()).put(entry.substring(dot + 1, eq).trim(), entry.substring(eq + 1));
    }
    return new MemberParams(out);
  }

  /** The overrides of the member {@code family:variant}: family-wide entries, then that variant's. */
  Map<String, String> of(String family, String variant) {
    Map<String, String> out = new LinkedHashMap<>(byMember.getOrDefault(family, Map.of()));
    out.putAll(byMember.getOrDefault(family + ":" + variant, Map.of()));
    return out;
  }
}
