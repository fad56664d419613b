package dev.quiver.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.RunListener;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FitScoreWorkersTest {

  private static final Dataset DATA = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
  private static final ModelFamily LOGISTIC = ModelFamilies.discover().get("logistic");
  private static final Params PARAMS = LOGISTIC.params("balanced", Map.of());

  private static List<TrainJob> jobs(int n) {
    List<TrainJob> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) jobs.add(new TrainJob("logistic fold " + i, "logistic", "balanced", Map.of(), 7));
    return jobs;
  }

  private static FittedModel fitBlock(int i, dev.quiver.model.TrainContext ctx) {
    TrainSet train = DATA.trainSet(i * 2_000, i * 2_000 + 4_000);
    return LOGISTIC.trainer(PARAMS).fit(train, null, ctx, FitInfo.of("balanced"));
  }

  @Test
  void while_fits_remain_one_of_two_workers_is_always_fitting() {
    AtomicInteger fitting = new AtomicInteger();
    AtomicInteger scoring = new AtomicInteger();
    AtomicInteger fitsLeft = new AtomicInteger(8);
    AtomicInteger bothScoringWithFitsLeft = new AtomicInteger();
    double[][] predictions = new double[8][];
    List<JobResult> results = new FitScoreWorkers(new ThreadBudget(2), Cancellation.none()).run(jobs(8), (i, ctx) -> {
      fitsLeft.decrementAndGet();
      fitting.incrementAndGet();
      try {
        return fitBlock(i, ctx);
      } finally {
        fitting.decrementAndGet();
      }
    }, (i, model) -> {
      if (scoring.incrementAndGet() == 2 && fitsLeft.get() > 0) bothScoringWithFitsLeft.incrementAndGet();
      try {
        predictions[i] = model.predict(DATA.x().rows(i * 2_000 + 4_000, i * 2_000 + 6_000)).values();
      } finally {
        scoring.decrementAndGet();
      }
    }, RunListener.NONE);
    assertThat(results).extracting(JobResult::status).containsOnly(JobResult.Status.OK);
    assertThat(bothScoringWithFitsLeft.get()).isZero();
    for (double[] p : predictions) assertThat(p).hasSize(2_000);
  }

  @Test
  void results_come_back_in_plan_order_and_a_failure_spares_the_others() {
    List<TrainJob> jobs = jobs(5);
    List<String> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<JobResult> results = new FitScoreWorkers(new ThreadBudget(2), Cancellation.none()).run(jobs, (i, ctx) -> {
      if (i == 2) throw new IllegalStateException("fold 2 cannot fit");
      return fitBlock(i, ctx);
    }, (i, model) -> {
      if (i == 4) throw new IllegalArgumentException("fold 4 cannot score");
      model.predict(DATA.x().rows(0, 10));
    }, new RunListener() {
      @Override
      public void finished(JobResult r) {
        finished.add(r.job().name());
      }
    });
    assertThat(results).extracting(JobResult::job).containsExactlyElementsOf(jobs);
    assertThat(results).extracting(JobResult::status).containsExactly(JobResult.Status.OK, JobResult.Status.OK,
        JobResult.Status.FAILED, JobResult.Status.OK, JobResult.Status.FAILED);
    assertThat(results.get(2).error()).isEqualTo("IllegalStateException: fold 2 cannot fit");
    assertThat(results.get(4).error()).isEqualTo("IllegalArgumentException: fold 4 cannot score");
    assertThat(finished).hasSize(5);
  }

  @Test
  void a_cancelled_run_starts_no_further_fit() {
    Cancellation cancel = Cancellation.none();
    AtomicInteger fits = new AtomicInteger();
    List<JobResult> results = new FitScoreWorkers(new ThreadBudget(1), cancel).run(jobs(6), (i, ctx) -> {
      fits.incrementAndGet();
      FittedModel m = fitBlock(i, ctx);
      if (i == 1) cancel.request();
      return m;
    }, (i, model) -> model.predict(DATA.x().rows(0, 10)), RunListener.NONE);
    assertThat(fits.get()).isEqualTo(2);
    assertThat(results.get(0).status()).isEqualTo(JobResult.Status.OK);
    for (int i = 1; i < 6; i++) assertThat(results.get(i).status()).isEqualTo(JobResult.Status.CANCELLED);
  }
}
