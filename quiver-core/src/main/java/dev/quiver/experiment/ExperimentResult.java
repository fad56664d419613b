package dev.quiver.experiment;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.exec.JobResult;
import java.util.List;

/**
 * A finished experiment: the config as run (defaults filled), what the data became, the
 * leaderboard (best first by AUC, or by RMSE for regression; failed jobs last) and the
 * job results holding the fitted models, in job order.
 */
public record ExperimentResult(ExperimentConfig config, DatasetSummary dataset, List<LeaderboardRow> leaderboard,
    List<JobResult> jobs, double seconds) {

  public ExperimentResult {
    leaderboard = List.copyOf(leaderboard);
    jobs = List.copyOf(jobs);
  }
}
