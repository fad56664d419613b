package dev.quiver.labels;

import dev.quiver.data.Bars;

/** Makes targets from bars. Labels look forward; every row records how far ({@link Targets#end()}). */
public interface Labeler {

  String name();

  Targets label(Bars bars);
}
