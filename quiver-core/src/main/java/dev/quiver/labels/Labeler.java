package dev.quiver.labels;

import dev.quiver.data.Bars;

/** Makes targets from bars. Labels look forward; every row records how far ({@link Targets#end()}). */
public interface Labeler {

  String name();

  Targets label(Bars bars);

  /**
   * How many bars ahead the label looks at most (its horizon H); auxiliary labels asked for as
   * {@code mdd:H} take this value. 1 unless the labeler says otherwise (next-bar direction).
   */
  default int horizon() {
    return 1;
  }
}
