package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.error.Problem;
import dev.quiver.model.Matrix;
import dev.quiver.model.Task;
import java.util.ArrayList;
import java.util.List;
import dev.quiver.model.TrainSet;

/** The checks every tree trainer makes on its rows before touching native code. */
final class TrainingRows {

  private TrainingRows() {}

  /**
   * Fails when there is no training row or feature, when a binary label has one class only
   * (bad input: the user can fix it), or when the validation rows differ in task or features
   * (a caller's fault).
   */
  static void check(String family, TrainSet train, TrainSet validation) {
    Task task = train.task();
    if (train.rows() == 0 || train.x().cols() == 0) {
      throw new BadInputException(Where.none(), family + " needs at least one training row and one feature, got "
          + train.rows() + " rows and " + train.x().cols() + " features", "use more data or features");
    }
    if (validation != null && (validation.task() != task || !validation.x().names().equals(train.x().names()))) {
      throw new IllegalArgumentException("validation rows must have the training set's task and features");
    }
    if (task == Task.BINARY) {
      long positives = 0;
      for (float v : train.y()) if (v == 1f) positives++;
      if (positives == 0 || positives == train.rows()) {
        throw new BadInputException(Where.none(), family + " needs both classes in the training rows, got " + train.rows()
            + " rows all of class " + (positives == 0 ? 0 : 1), "use more data or another label");
      }
    }
    if (task == Task.MULTICLASS) {
      float first = train.y()[0];
      boolean mixed = false;
      for (float v : train.y()) mixed |= v != first;
      if (!mixed) {
        throw new BadInputException(Where.none(), family + " needs at least two classes in the training rows, got " + train.rows()
            + " rows all of class " + (int) first, "use more data, a wider label horizon or a smaller flat band");
      }
      if (validation != null && validation.classes() != train.classes()) {
        throw new IllegalArgumentException("validation rows have " + validation.classes() + " classes, training rows " + train.classes());
      }
    }
  }

  /**
   * Fails, naming every column that holds an infinity (with its count and first row), for a
   * library that refuses infinities (XGBoost reads only NaN as missing). One pass, no allocation
   * when all cells are finite or NaN.
   */
  static void requireNoInfinity(String family, Matrix x, String rows) {
    int cols = x.cols();
    int[] count = null;
    int[] first = null;
    for (int r = 0; r < x.rows(); r++) {
      for (int j = 0; j < cols; j++) {
        if (Float.isInfinite(x.get(r, j))) {
          if (count == null) {
            count = new int[cols];
            first = new int[cols];
          }
          if (count[j]++ == 0) first[j] = r;
        }
      }
    }
    if (count == null) return;
    List<Problem> problems = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      if (count[j] > 0) {
        problems.add(new Problem(Where.cell(rows, first[j], x.names().get(j)), "Infinity", "infinite_feature",
            family + ": feature '" + x.names().get(j) + "' is infinite in " + count[j] + " of the " + rows + " (first at row " + first[j] + ")"));
      }
    }
    throw new BadInputException(problems, "replace infinities (e.g. a ratio over a zero volume) with a finite value or NaN (missing), or use lightgbm");
  }
}
