package dev.quiver.model;

import dev.quiver.error.BadInputException;
import java.util.List;

/** The inputs a fitted model expects: feature names in column order, and its task. */
public record Schema(List<String> features, Task task) {

  public Schema {
    features = List.copyOf(features);
  }

  /** Fails with the first difference when {@code x}'s columns are not this schema's features. */
  public void check(Matrix x) {
    if (!x.names().equals(features)) {
      int n = Math.min(features.size(), x.names().size());
      for (int i = 0; i < n; i++) {
        if (!features.get(i).equals(x.names().get(i))) {
          throw new BadInputException("input column " + i + " is '" + x.names().get(i) + "' but the model expects '" + features.get(i) + "'");
        }
      }
      throw new BadInputException("input has " + x.names().size() + " columns but the model expects " + features.size() + ": " + features);
    }
  }
}
