package dev.quiver.gbdt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.error.InternalException;
import java.io.IOException;

/**
 * An XGBoost tree ensemble compiled into flat Java arrays from XGBoost's JSON model, walked in
 * pure Java: XGBoost has no single-row fast path (its {@code inplace_predict} costs about 150 us
 * per call), and walking 100 small trees in arrays costs a few microseconds. Follows XGBoost's
 * rules: a row goes left when {@code value < split_condition}, a missing value (NaN) goes the
 * node's default way, a leaf's value is its {@code split_condition}; the margin starts at the
 * base score (its log-odds for {@code binary:logistic}) and adds each tree's leaf in tree order in
 * float arithmetic, as XGBoost's CPU predictor does; {@code binary:logistic} then applies the
 * sigmoid. Gradient-boosted trees only ({@code gbtree}; forest mode's parallel trees are summed
 * like any others), numerical splits only, objectives {@code binary:logistic},
 * {@code reg:squarederror} and {@code reg:quantileerror}. Agrees with XGBoost's predictions to
 * float rounding (the sigmoid's exp is Java's). Immutable and thread-safe; {@link #close} does
 * nothing.
 */
final class XGBoostTreeWalker implements RowPredictor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int[] roots;
  private final int[] left;
  private final int[] right;
  private final int[] feature;
  private final float[] condition;
  private final boolean[] defaultLeft;
  private final float baseMargin;
  private final boolean logistic;
  private final int cols;

  private XGBoostTreeWalker(int[] roots, int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft, float baseMargin,
      boolean logistic, int cols) {
    this.roots = roots;
    this.left = left;
    this.right = right;
    this.feature = feature;
    this.condition = condition;
    this.defaultLeft = defaultLeft;
    this.baseMargin = baseMargin;
    this.logistic = logistic;
    this.cols = cols;
  }

  /** Compiles XGBoost's JSON model ({@code booster.toByteArray("json")}) of a model with {@code cols} features. */
  static XGBoostTreeWalker compile(byte[] json, int cols) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new InternalException("cannot read XGBoost's JSON model: " + e.getMessage(), e);
    }
    JsonNode learner = root.path("learner");
    String objective = learner.path("objective").path("name").asText();
    if (!objective.equals("binary:logistic") && !objective.equals("reg:squarederror") && !objective.equals("reg:quantileerror")) {
      throw new InternalException("the XGBoost tree walker does not support objective '" + objective + "'");
    }
    JsonNode booster = learner.path("gradient_booster");
    if (!booster.path("name").asText().equals("gbtree")) throw new InternalException("the XGBoost tree walker needs a gbtree booster");
    JsonNode trees = booster.path("model").path("trees");
    int nodes = 0;
    for (JsonNode t : trees) nodes += t.path("left_children").size();
    int[] roots = new int[trees.size()];
    int[] left = new int[nodes];
    int[] right = new int[nodes];
    int[] feature = new int[nodes];
    float[] condition = new float[nodes];
    boolean[] defaultLeft = new boolean[nodes];
    int at = 0;
    for (int t = 0; t < trees.size(); t++) {
      JsonNode tree = trees.get(t);
      JsonNode l = tree.path("left_children");
      JsonNode r = tree.path("right_children");
      JsonNode f = tree.path("split_indices");
      JsonNode c = tree.path("split_conditions");
      JsonNode d = tree.path("default_left");
      JsonNode types = tree.path("split_type");
      roots[t] = at;
      for (int n = 0; n < l.size(); n++) {
        if (types.size() > n && types.get(n).asInt() != 0) throw new InternalException("the XGBoost tree walker does not support categorical splits");
        int lc = l.get(n).asInt();
        left[at + n] = lc < 0 ? -1 : at + lc;
        right[at + n] = lc < 0 ? -1 : at + r.get(n).asInt();
        feature[at + n] = f.get(n).asInt();
        condition[at + n] = Float.parseFloat(c.get(n).asText());
        defaultLeft[at + n] = d.get(n).isBoolean() ? d.get(n).asBoolean() : d.get(n).asInt() != 0;
      }
      at += l.size();
    }
    String base = learner.path("learner_model_param").path("base_score").asText().replace("[", "").replace("]", "");
    float baseScore = Float.parseFloat(base);
    boolean logistic = objective.equals("binary:logistic");
    float baseMargin = logistic ? (float) -Math.log(1.0f / baseScore - 1.0f) : baseScore;
    return new XGBoostTreeWalker(roots, left, right, feature, condition, defaultLeft, baseMargin, logistic, cols);
  }

  @Override
  public double predict(float[] row) {
    if (row.length != cols) throw new IllegalArgumentException(row.length + " values for a model of " + cols + " features");
    float margin = baseMargin;
    for (int root : roots) {
      int n = root;
      while (left[n] >= 0) {
        float v = row[feature[n]];
        n = Float.isNaN(v) ? (defaultLeft[n] ? left[n] : right[n]) : v < condition[n] ? left[n] : right[n];
      }
      margin += condition[n];
    }
    return logistic ? 1.0f / (1.0f + (float) Math.exp(-margin)) : margin;
  }

  @Override
  public void close() {}
}
