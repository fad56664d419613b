package dev.quiver.config;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an experiment's {@code split:} section against its file before anything runs: one
 * scheme at most, the keys that scheme needs, values in range. Every problem names the file,
 * the key's line, its path ({@code split.cpcv.test_groups}) and column, and the valid keys or
 * range; all are collected and thrown once.
 */
final class SplitSectionCheck {

  private static final String WALK_FORWARD_KEYS = "train_days, test_days, step_days, min_train_samples (calendar days) or "
      + "train_bars, test_bars, step_bars (bar counts), and window: rolling|expanding";

  private final Path file;
  private final YamlKeyPositions positions;
  private final List<Problem> problems = new ArrayList<>();

  private SplitSectionCheck(Path file, YamlKeyPositions positions) {
    this.file = file;
    this.positions = positions;
  }

  /** @throws BadInputException with every problem of {@code split} */
  static void check(Path file, YamlKeyPositions positions, ExperimentConfig.Split split) {
    SplitSectionCheck c = new SplitSectionCheck(file, positions);
    c.checkSplit(split);
    if (!c.problems.isEmpty()) {
      throw new BadInputException(c.problems, "see the split: examples in README.md (quiver split shows the folds an experiment makes)");
    }
    try {
      split.splitter();
    } catch (BadInputException e) {
      List<Problem> located = new ArrayList<>();
      for (Problem p : e.problems()) located.add(new Problem(c.at("split"), p.value(), p.rule(), p.message()));
      throw new BadInputException(located, e.fix());
    }
  }

  private void checkSplit(ExperimentConfig.Split s) {
    List<String> schemes = new ArrayList<>();
    if (s.walkForward() != null) schemes.add("walk_forward");
    if (s.purgedKfold() != null) schemes.add("purged_kfold");
    if (s.cpcv() != null) schemes.add("cpcv");
    if (s.timeSeriesSplit() != null) schemes.add("time_series_split");
    if (schemes.size() > 1) {
      problem("split." + schemes.get(1), String.join(", ", schemes), "split_schemes",
          "the split names " + schemes.size() + " schemes (" + String.join(", ", schemes) + "); keep one");
    }
    if (!schemes.isEmpty()) {
      for (String key : List.of("train", "validation", "test", "min_samples")) {
        if (positions.line("split." + key) > 0) {
          problem("split." + key, key, "split_holdout_key", "'" + key + "' sets the holdout and does not apply to " + schemes.get(0)
              + "; remove it, or remove " + schemes.get(0) + " to use the holdout");
        }
      }
    } else {
      fraction("split.train", s.train(), false);
      fraction("split.validation", s.validation(), true);
      fraction("split.test", s.test(), false);
      atLeast("split.min_samples", s.minSamples(), 1, false);
    }
    if (s.walkForward() != null) walkForward(s.walkForward());
    if (s.purgedKfold() != null) {
      atLeast("split.purged_kfold.k", s.purgedKfold().k(), 2, true);
      embargo("split.purged_kfold.embargo_pct", s.purgedKfold().embargoPct());
    }
    if (s.cpcv() != null) {
      Integer groups = s.cpcv().groups();
      atLeast("split.cpcv.groups", groups, 2, true);
      atLeast("split.cpcv.test_groups", s.cpcv().testGroups(), 1, true);
      if (groups != null && s.cpcv().testGroups() != null && s.cpcv().testGroups() >= groups) {
        problem("split.cpcv.test_groups", String.valueOf(s.cpcv().testGroups()), "split_test_groups",
            "test_groups " + s.cpcv().testGroups() + " must be below groups " + groups);
      }
      embargo("split.cpcv.embargo_pct", s.cpcv().embargoPct());
    }
    if (s.timeSeriesSplit() != null) {
      ExperimentConfig.TimeSeriesSplitSection t = s.timeSeriesSplit();
      atLeast("split.time_series_split.n_splits", t.nSplits(), 2, true);
      atLeast("split.time_series_split.gap", t.gap(), 0, false);
      atLeast("split.time_series_split.max_train_size", t.maxTrainSize(), 1, false);
      atLeast("split.time_series_split.test_size", t.testSize(), 1, false);
    }
  }

  private void walkForward(ExperimentConfig.WalkForwardSection w) {
    String base = "split.walk_forward.";
    if (w.window() != null && !w.window().equals("rolling") && !w.window().equals("expanding")) {
      problem(base + "window", w.window(), "split_window", "window '" + w.window() + "' is neither rolling nor expanding");
    }
    boolean days = w.trainDays() != null || w.testDays() != null || w.stepDays() != null || w.minTrainSamples() != null;
    if (days && w.byBars()) {
      problem(base + (w.trainBars() != null ? "train_bars" : w.testBars() != null ? "test_bars" : "step_bars"), "", "split_days_and_bars",
          "walk_forward mixes calendar days and bar counts; use " + WALK_FORWARD_KEYS);
      return;
    }
    if (w.byBars()) {
      atLeast(base + "train_bars", w.trainBars(), 1, true);
      atLeast(base + "test_bars", w.testBars(), 1, true);
      atLeast(base + "step_bars", w.stepBars(), 1, false);
    } else {
      atLeast(base + "train_days", w.trainDays(), 1, true);
      atLeast(base + "test_days", w.testDays(), 1, true);
      atLeast(base + "step_days", w.stepDays(), 1, false);
      atLeast(base + "min_train_samples", w.minTrainSamples(), 1, false);
    }
  }

  private void atLeast(String key, Integer value, int min, boolean required) {
    if (value == null) {
      if (required) {
        String section = key.substring(0, key.lastIndexOf('.'));
        problem(section, "", "split_missing_key", section + " needs " + leaf(key) + " (at least " + min + ")"
            + (section.endsWith("walk_forward") ? "; keys: " + WALK_FORWARD_KEYS : ""));
      }
    } else if (value < min) {
      problem(key, String.valueOf(value), "split_range", leaf(key) + " " + value + " must be at least " + min);
    }
  }

  private void fraction(String key, Double value, boolean zeroAllowed) {
    if (value != null && !(value < 1 && (zeroAllowed ? value >= 0 : value > 0))) {
      problem(key, String.valueOf(value), "split_range", leaf(key) + " " + value + " must be in " + (zeroAllowed ? "[0, 1)" : "(0, 1)"));
    }
  }

  private void embargo(String key, Double value) {
    if (value != null && !(value >= 0 && value < 1)) {
      problem(key, String.valueOf(value), "split_range", "embargo_pct " + value + " must be in [0, 1), e.g. 0.01");
    }
  }

  private static String leaf(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  private Where at(String key) {
    return Where.cell(file, positions.line(key), key);
  }

  private void problem(String key, String value, String rule, String message) {
    long column = positions.column(key);
    problems.add(new Problem(at(key), value, rule, message + (column > 0 ? " (column " + column + ")" : "")));
  }
}
