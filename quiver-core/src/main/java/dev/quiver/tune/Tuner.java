package dev.quiver.tune;

import dev.quiver.error.BadInputException;
import dev.quiver.error.QuiverException;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a stored study to its trial budget. Trials are numbered from 0; trial {@code k} draws its
 * parameters from the random stream of (study seed, k) and fits with seed {@code studySeed + k},
 * so a study is reproducible for a fixed seed and number of {@code jobs} (with the random or grid
 * sampler the parameters do not depend on other trials at all, so any number of jobs gives the
 * same trials). Every trial is written RUNNING when it starts and rewritten COMPLETE, PRUNED or
 * FAILED when it ends. Resuming replays the finished trials into the sampler and runs none of
 * them again; a trial left RUNNING by a crash is run again with its stored parameters. Trials run
 * on {@code jobs} threads, each fit getting {@code threadsPerTrial} threads. A
 * {@link QuiverException} from a trial (bad parameters) stops the study; any other failure fails
 * that trial only.
 */
public final class Tuner {

  /** Hears about trials as they end, from the thread that ran them. */
  public interface Listener {
    void finished(TrialRecord trial, int total);
  }

  private final TuneConfig config;
  private final TrialEvaluator evaluator;
  private final StudyStore store;
  private final String study;
  private final Sampler sampler;
  private final Pruner pruner;
  private final Study randomStreams;
  private final List<TrialRecord> finished = new ArrayList<>();
  private final List<TrialRecord> rerun = new ArrayList<>();
  private int nextNumber;
  private long deadline;
  private final Map<Integer, TrialRecord> inFlight = new java.util.HashMap<>();

  /**
   * Opens {@code study} in {@code store}: creates it when absent; when it exists, {@code resume}
   * must be true and it must have been created with the same settings.
   *
   * @throws BadInputException when the study exists and {@code resume} is false, or its settings differ
   */
  public Tuner(TuneConfig config, String settingsJson, TrialEvaluator evaluator, StudyStore store, String study, boolean resume) {
    this.config = config;
    this.evaluator = evaluator;
    this.store = store;
    this.study = study;
    this.sampler = sampler(config, config.space());
    this.pruner = Pruner.named(config.pruner());
    this.randomStreams = new Study(config.space(), sampler, config.seed(), Study.Direction.MINIMIZE);
    String existing = store.settings(study);
    if (existing == null) {
      store.create(study, settingsJson, config.maximize(), config.seed());
    } else if (!resume) {
      throw new BadInputException(Where.file(store.file()), "study '" + study + "' already exists in this file",
          "pass --resume to continue it, or another --study name");
    } else if (!existing.equals(settingsJson)) {
      throw new BadInputException(Where.file(store.file()), "study '" + study + "' was created with other tune settings: " + existing,
          "resume it with the experiment it was started from, or give another --study name");
    }
    for (TrialRecord t : store.trials(study)) {
      if (t.finished()) finished.add(t);
      else rerun.add(t);
      nextNumber = Math.max(nextNumber, t.number() + 1);
    }
  }

  /**
   * The settings that decide a study's trials, as canonical JSON: family, variant, fixed params,
   * metric, sampler, seed, split, pruner, space and the dataset's fingerprint (not the trial budget
   * or timeout, which a resume may change).
   */
  public static String settingsJson(TuneConfig c, String dataSha256) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("family", c.family());
    m.put("variant", c.variant());
    m.put("params", new java.util.TreeMap<>(c.params()));
    m.put("metric", c.metric());
    m.put("sampler", c.sampler());
    m.put("seed", c.seed());
    m.put("split", c.split().label());
    m.put("pruner", c.pruner());
    List<Object> dims = new ArrayList<>();
    for (Dimension d : c.space().dimensions()) {
      dims.add(List.of(d.name(), d.kind().name(), d.low(), d.high(), d.log(), d.choices(), d.parent(), new java.util.TreeSet<>(d.parentValues())));
    }
    m.put("space", dims);
    m.put("data_sha256", dataSha256);
    try {
      return dev.quiver.model.Json.MAPPER.writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new dev.quiver.error.InternalException("cannot write the study settings: " + e.getMessage(), e);
    }
  }

  /** The sampler a tune section names. */
  static Sampler sampler(TuneConfig config, SearchSpace space) {
    return switch (config.sampler()) {
      case "random" -> new RandomSampler();
      case "grid" -> new GridSampler(5);
      case "tpe:multivariate" -> new MultivariateTpeSampler();
      default -> new TpeSampler();
    };
  }

  /** Trials finished before this run (replayed from the store). */
  public synchronized int replayed() {
    return finished.size();
  }

  /**
   * Runs trials until the study holds {@code config.nTrials()} finished ones or the timeout passes
   * (no trial starts after it), on {@code jobs} threads; returns every finished trial by number.
   */
  public List<TrialRecord> run(int jobs, int threadsPerTrial, Listener listener) {
    deadline = config.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + config.timeout().toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int j = 0; j < Math.max(1, jobs); j++) {
        workers.add(pool.submit(() -> {
          TrialRecord next;
          while ((next = take()) != null) {
            TrialRecord done = runTrial(next, threadsPerTrial);
            int total;
            synchronized (this) {
              finished.add(done);
              total = finished.size();
            }
            listener.finished(done, total);
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        try {
          w.get();
        } catch (java.util.concurrent.ExecutionException e) {
          pool.shutdownNow();
          if (e.getCause() instanceof RuntimeException r) throw r;
          throw new dev.quiver.error.InternalException("a tuning worker failed: " + e.getCause(), e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.quiver.error.InternalException("interrupted while tuning", e);
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      List<TrialRecord> out = new ArrayList<>(finished);
      out.sort(Comparator.comparingInt(TrialRecord::number));
      return out;
    }
  }

  /** The next trial to run, written RUNNING: a crashed one first, then a new number; null when the budget or time is spent. */
  private synchronized TrialRecord take() {
    if (System.nanoTime() >= deadline) return null;
    long now = System.currentTimeMillis();
    if (!rerun.isEmpty()) {
      TrialRecord t = rerun.remove(0);
      TrialRecord running = new TrialRecord(t.number(), t.params(), TrialRecord.State.RUNNING, Double.NaN, new double[0], t.seed(), now, 0, 0, "");
      store.put(study, running);
      inFlight.put(running.number(), running);
      return running;
    }
    if (finished.size() + inFlight.size() >= config.nTrials()) return null;
    int number = nextNumber++;
    Map<String, Object> params = sampler.sample(config.space(), history(), randomStreams.random(number));
    TrialRecord t = new TrialRecord(number, params, TrialRecord.State.RUNNING, Double.NaN, new double[0], config.seed() + number, now, 0, 0, "");
    store.put(study, t);
    inFlight.put(number, t);
    return t;
  }

  /**
   * Every trial started so far as the sampler sees it, by number: values minimised, pruned ones at
   * the value they were stopped with, running ones NaN (not complete, so model-based samplers skip
   * them; the grid counts them, so it never proposes a point twice).
   */
  private List<Trial> history() {
    List<TrialRecord> sorted = new ArrayList<>(finished);
    sorted.addAll(inFlight.values());
    sorted.sort(Comparator.comparingInt(TrialRecord::number));
    List<Trial> out = new ArrayList<>();
    for (TrialRecord t : sorted) out.add(new Trial(t.number(), t.params(), config.maximize() ? -t.value() : t.value()));
    return out;
  }

  private TrialRecord runTrial(TrialRecord t, int threads) {
    List<double[]> others = new ArrayList<>();
    synchronized (this) {
      for (TrialRecord f : finished) if (f.state() == TrialRecord.State.COMPLETE) others.add(f.intermediate());
    }
    double[] best = {Double.POSITIVE_INFINITY};
    TrialRecord done;
    try {
      TrialEvaluator.Outcome o = evaluator.evaluate(t.params(), threads, t.seed(), (step, value) -> {
        best[0] = Math.min(best[0], value);
        return pruner.prune(step, best[0], others);
      });
      boolean ok = Double.isFinite(o.value());
      TrialRecord.State state = !ok ? TrialRecord.State.FAILED : o.pruned() ? TrialRecord.State.PRUNED : TrialRecord.State.COMPLETE;
      done = new TrialRecord(t.number(), t.params(), state, o.value(), o.intermediate(), t.seed(), t.startedMs(), System.currentTimeMillis(),
          o.work(), ok ? "" : "the metric is not finite");
    } catch (QuiverException e) {
      synchronized (this) {
        inFlight.remove(t.number());
      }
      throw e;
    } catch (RuntimeException e) {
      done = new TrialRecord(t.number(), t.params(), TrialRecord.State.FAILED, Double.NaN, new double[0], t.seed(), t.startedMs(),
          System.currentTimeMillis(), 0, String.valueOf(e));
    }
    synchronized (this) {
      store.put(study, done);
      inFlight.remove(t.number());
    }
    return done;
  }
}
