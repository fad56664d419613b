package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.Task;
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
  }
}
