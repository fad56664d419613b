package dev.quiver.gbdt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.error.InternalException;
import java.io.IOException;
import java.util.Map;

/**
 * Cuts an XGBoost (3.x) JSON model down to its first boosting rounds, the way Python's {@code
 * booster[:k]} does: the first {@code k * num_parallel_tree} trees, their {@code tree_info}, the
 * first {@code k + 1} entries of {@code iteration_indptr}, and {@code num_trees}. Numbers are
 * carried as exact decimals (BigDecimal, never through a double), so every float reads back to the
 * same value and the cut model predicts exactly as the full one restricted to rounds {@code [0, k)};
 * a decimal with no fraction digits gets one ({@code 1E0} is written {@code 1.0}), because XGBoost
 * reads a number without a point or exponent as an integer and refuses it where a float belongs.
 */
final class XGBoostModelJson {

  private static final ObjectMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private XGBoostModelJson() {}

  /** The model of {@code json} (XGBoost's JSON format) keeping its first {@code rounds} rounds. */
  static byte[] firstRounds(byte[] json, int rounds) {
    try {
      JsonNode root = EXACT.readTree(json);
      JsonNode model = root.path("learner").path("gradient_booster").path("model");
      if (!(model instanceof ObjectNode m) || !(m.get("trees") instanceof ArrayNode trees) || !(m.get("tree_info") instanceof ArrayNode info)
          || !(m.get("iteration_indptr") instanceof ArrayNode indptr) || !(m.get("gbtree_model_param") instanceof ObjectNode param)) {
        throw new InternalException("unexpected XGBoost JSON model layout (no gradient_booster.model with trees, tree_info, iteration_indptr)");
      }
      if (rounds < 1 || rounds >= indptr.size()) throw new IllegalArgumentException("cannot keep " + rounds + " of " + (indptr.size() - 1) + " rounds");
      int keep = indptr.get(rounds).asInt();
      while (trees.size() > keep) trees.remove(trees.size() - 1);
      while (info.size() > keep) info.remove(info.size() - 1);
      while (indptr.size() > rounds + 1) indptr.remove(indptr.size() - 1);
      param.put("num_trees", String.valueOf(keep));
      keepFloatsFloats(root);
      return EXACT.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new InternalException("cannot read XGBoost's JSON model: " + e.getMessage(), e);
    }
  }

  /** Gives every decimal of scale 0 one fraction digit, so it is written as a float ({@code 1.0}), not an integer. */
  private static void keepFloatsFloats(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (java.util.Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v instanceof DecimalNode d && d.decimalValue().scale() == 0) e.setValue(DecimalNode.valueOf(d.decimalValue().setScale(1)));
        else keepFloatsFloats(v);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v instanceof DecimalNode d && d.decimalValue().scale() == 0) a.set(i, DecimalNode.valueOf(d.decimalValue().setScale(1)));
        else keepFloatsFloats(v);
      }
    }
  }
}
