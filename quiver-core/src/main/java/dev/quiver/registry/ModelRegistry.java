package dev.quiver.registry;

import dev.quiver.data.AtomicFile;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.Checksums;
import dev.quiver.model.Durability;
import dev.quiver.model.FileSync;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Json;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelManifest;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import java.io.IOException;
import dev.quiver.preprocess.Preprocessor;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A model registry on local disk: version folders plus a SQLite index, no server.
 *
 * <p>Layout under the root: {@code index.sqlite} (with its WAL files), {@code .staging/} (private
 * folders of writes in progress) and one folder per version, {@code
 * {kind}/{name}_v{X.Y.Z}_grade_{G}_acc_{0.53}/} ({@link ModelKinds kind} from the family;
 * accuracy on the test segment with two decimals, {@code na} without one) holding the model's
 * files in its library's format, {@code manifest.json} (family, schema, provenance, SHA-256 of
 * the model files), {@code model.json} ({@link ModelCard}) and {@code checksums.sha256} (every
 * other file). The index is the truth: a folder it does not list is not a version.
 *
 * <p>A registration stages the files in {@code .staging/}, syncs them, then under the index's
 * write lock (one {@code BEGIN IMMEDIATE} transaction) decides the version ({@link
 * VersionRules}), writes and syncs model.json and checksums.sha256, renames the folder into place,
 * syncs its parent and commits the index row. A crash before the commit leaves at most a folder
 * the index does not list (an orphan, ignored, replaced by the next write of that version and
 * removed by {@link #removeOrphans}); after it, the whole version. Writers in several processes
 * queue on the lock, so concurrent registrations of one name get distinct versions.
 *
 * <p>Every load and {@link #verify} checks checksums.sha256 against the index and every file
 * against checksums.sha256; a changed, truncated, missing or extra file is bad input naming it.
 * Thread-safe: one connection, calls serialized.
 */
public final class ModelRegistry implements AutoCloseable {

  /** The environment variable holding the default registry folder. */
  public static final String ENV = "QUIVER_REGISTRY";
  /** The registry folder when neither a flag nor {@value #ENV} names one. */
  public static final String DEFAULT_DIR = "models";
  static final String STAGING = ".staging";
  /** The folder holding each registered preprocessor once, as {@code {id}.json}. */
  static final String PREPROCESSORS = "preprocessors";

  private final Path root;
  private final RegistryIndex index;
  private final Durability durability;
  private final Consumer<WriteStep> steps;

  private ModelRegistry(Path root, RegistryIndex index, Durability durability, Consumer<WriteStep> steps) {
    this.root = root;
    this.index = index;
    this.durability = durability;
    this.steps = steps;
  }

  /** Opens an existing registry; a folder without {@code index.sqlite} is bad input. */
  public static ModelRegistry open(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs.resolve(RegistryIndex.FILE))) {
      throw new BadInputException(Where.file(abs), "no model registry here (" + RegistryIndex.FILE + " is missing)",
          "pass --registry DIR (or set " + ENV + ") to a registry; one is created by the first registration, e.g. quiver train ... --registry DIR");
    }
    return new ModelRegistry(abs, RegistryIndex.open(abs.resolve(RegistryIndex.FILE)), Durability.FSYNC, s -> {});
  }

  /** Opens the registry at {@code root}, creating it when missing; writes are synced to disk. */
  public static ModelRegistry create(Path root) {
    return create(root, Durability.FSYNC, s -> {});
  }

  /**
   * Opens or creates the registry at {@code root} with the given durability; {@code steps} hears
   * each {@link WriteStep} of every registration (for crash tests and progress).
   */
  public static ModelRegistry create(Path root, Durability durability, Consumer<WriteStep> steps) {
    Path abs = root.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) throw new BadInputException(Where.file(abs), "the registry path is a file", "give a folder");
    try {
      Files.createDirectories(abs.resolve(STAGING));
    } catch (IOException e) {
      throw new BadInputException(Where.file(abs), "cannot create the registry folder: " + e.getMessage(), "check the path and its permissions");
    }
    return new ModelRegistry(abs, RegistryIndex.open(abs.resolve(RegistryIndex.FILE)), durability, steps);
  }

  /** The registry folder named by {@code flag}, else by {@code env}'s {@value #ENV}, else {@value #DEFAULT_DIR}. */
  public static Path location(Path flag, Map<String, String> env) {
    if (flag != null) return flag;
    String e = env.get(ENV);
    return e != null && !e.isBlank() ? Path.of(e) : Path.of(DEFAULT_DIR);
  }

  public Path root() {
    return root;
  }

  /** The folder of a version. */
  public Path directory(ModelVersion v) {
    return root.resolve(v.directory());
  }

  // ---------------------------------------------------------------- writing

  /** Registers {@code r}'s model as a new version of its name; see the class comment for the steps. */
  public synchronized ModelVersion register(Registration r) {
    FittedModel model = r.model();
    Provenance p = model.provenance();
    String family = p.family();
    Path staging = newStaging();
    try {
      ModelManifest manifest = ModelStore.writeInto(model, family, staging, durability);
      for (String reserved : List.of(ModelCard.FILE, ChecksumFile.NAME)) {
        if (manifest.files().containsKey(reserved)) throw new InternalException("family " + family + " wrote " + reserved + ", a name the registry reserves");
      }
      steps.accept(WriteStep.STAGED);
      Map<String, String> sums = new TreeMap<>(manifest.files());
      sums.put(ModelStore.MANIFEST, ChecksumFile.sha256(staging.resolve(ModelStore.MANIFEST)));
      VersionFacts facts = facts(manifest.schema(), r.recipe(), family, p.variant(), p.params(), p.seed(), p.dataSha256(), manifest);
      CardPlan plan = (version, change, now, deps) -> {
        ModelCard card = new ModelCard(ModelCard.FORMAT, r.name(), version.toString(), family, ModelKinds.of(family), p.variant(), p.params(),
            p.seed(), p.dataSha256(), manifest.schema(), r.recipe(), r.metrics(), r.grade(), deps, r.tags(), r.description(),
            change.describe(), Provenance.currentCodeVersion(), now);
        byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(card);
        writeFile(staging.resolve(ModelCard.FILE), json);
        sums.put(ModelCard.FILE, Checksums.sha256(json));
        writeFile(staging.resolve(ChecksumFile.NAME), ChecksumFile.render(sums));
        return card;
      };
      return commit(r.name(), staging, facts, r.version(), r.dependencies(), r.tags(), "registered", plan, false);
    } catch (IOException e) {
      throw new InternalException("cannot stage model " + r.name() + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
  }

  /** Makes the card of the version being committed and leaves the staging folder complete. */
  private interface CardPlan {
    ModelCard card(SemVer version, VersionChange change, Instant now, List<String> dependencies) throws IOException;
  }

  private ModelVersion commit(String name, Path staging, VersionFacts facts, SemVer forced, List<ModelRef> deps, List<String> tags,
      String event, CardPlan plan, boolean importing) {
    Path[] placed = {null};
    try {
      ModelVersion v = index.write(() -> {
        List<RegistryIndex.Row> depRows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ModelRef d : deps) {
          try {
            depRows.add(row(d));
          } catch (BadInputException e) {
            missing.add(d.toString());
          }
        }
        if (!missing.isEmpty()) {
          throw new BadInputException(Where.none(), name + " depends on models this registry does not hold: " + String.join(", ", missing),
              importing ? "import those first" : "register the dependencies first, or fix the references");
        }
        Optional<RegistryIndex.Row> top = index.highest(name);
        VersionChange change = top.isEmpty() ? VersionChange.first() : VersionRules.decide(index.facts(top.get().id()), facts);
        SemVer version;
        if (forced != null) {
          Optional<RegistryIndex.Row> taken = index.find(name, forced);
          if (taken.isPresent()) {
            throw new BadInputException(Where.none(), name + "@" + forced + " already exists",
                importing ? "the registry holds a different " + name + "@" + forced + "; delete it first or import into another registry"
                    : "force a version not yet taken (taken: " + versionsOf(name) + "), or let the rules choose");
          }
          version = forced;
          if (!importing) change = new VersionChange(change.bump(), prepend("version forced by the user", change.reasons()));
        } else {
          version = top.isEmpty() ? SemVer.FIRST : top.get().version().version().next(change.bump());
        }
        List<String> depIds = new ArrayList<>();
        for (RegistryIndex.Row d : depRows) depIds.add(d.version().id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ModelCard card = plan.card(version, change, now, depIds);
        byte[] sums = Files.readAllBytes(staging.resolve(ChecksumFile.NAME));
        if (durability == Durability.FSYNC) {
          FileSync.file(staging.resolve(ModelCard.FILE));
          FileSync.file(staging.resolve(ChecksumFile.NAME));
          FileSync.directory(staging);
        }
        steps.accept(WriteStep.CARD_WRITTEN);

        String relative = card.kind() + "/" + folderName(card);
        Path target = root.resolve(relative);
        if (Files.exists(target)) {
          if (index.hasDirectory(relative)) throw new InternalException("the index already lists " + relative);
          deleteTree(target);
        }
        Path kindDir = target.getParent();
        if (!Files.isDirectory(kindDir)) {
          Files.createDirectories(kindDir);
          if (durability == Durability.FSYNC) FileSync.directory(root);
        }
        Preprocessor pre = Files.exists(staging.resolve(Preprocessor.FILE)) ? Preprocessor.fromJson(Files.readAllBytes(staging.resolve(Preprocessor.FILE))) : null;
        String preFile = pre == null ? null : storePreprocessor(pre);
        move(staging, target);
        placed[0] = target;
        if (durability == Durability.FSYNC) FileSync.directory(kindDir);
        steps.accept(WriteStep.RENAMED);

        long id = index.insert(card, relative, Checksums.sha256(sums), facts, card.created());
        for (RegistryIndex.Row d : depRows) index.addDependency(id, d.id());
        if (pre != null) {
          List<String> stepNames = new ArrayList<>();
          for (dev.quiver.preprocess.FittedStep st : pre.steps()) stepNames.add(st.toString());
          index.linkPreprocessor(id, pre.id(), pre.spec(), stepNames, preFile, ChecksumFile.sha256(root.resolve(preFile)), now);
        }
        for (String t : tags) index.addTag(id, t);
        index.event(now, name, version.toString(), event, change.describe());
        applyRetention(name, now);
        return index.byId(id).orElseThrow().version();
      });
      placed[0] = null;
      steps.accept(WriteStep.COMMITTED);
      return v;
    } finally {
      if (placed[0] != null) deleteQuietly(placed[0]);
    }
  }

  /**
   * Writes {@code pre} as {@code preprocessors/{id}.json} unless the registry holds it already
   * (the id is the SHA-256 of its JSON, so an existing file of that name holds the same pipeline);
   * written to a temporary file, synced and renamed, so it appears whole. Returns the relative path.
   */
  private String storePreprocessor(Preprocessor pre) throws IOException {
    String relative = PREPROCESSORS + "/" + pre.id() + ".json";
    Path file = root.resolve(relative);
    if (Files.exists(file)) return relative;
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      if (durability == Durability.FSYNC) FileSync.directory(root);
    }
    Path tmp = Files.createTempFile(dir, "." + pre.id() + "-", ".tmp");
    try {
      writeFile(tmp, pre.toJson());
      if (durability == Durability.FSYNC) FileSync.file(tmp);
      move(tmp, file);
      if (durability == Durability.FSYNC) FileSync.directory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return relative;
  }

  /** The preprocessor the version {@code ref} names was trained behind, with every version sharing it; empty for raw features. */
  public synchronized Optional<RegisteredPreprocessor> preprocessor(ModelRef ref) {
    return index.preprocessorOf(row(ref).id());
  }

  /** The registered preprocessor {@code id} with every version that uses it. */
  public synchronized Optional<RegisteredPreprocessor> preprocessor(String id) {
    return index.preprocessor(id);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  /** {@code name_v1.2.0_grade_B+_acc_0.53}. */
  static String folderName(ModelCard card) {
    double acc = card.headlineAccuracy();
    return card.name() + "_v" + card.version() + "_grade_" + card.grade().letter() + "_acc_"
        + (Double.isFinite(acc) ? String.format(Locale.ROOT, "%.2f", acc) : "na");
  }

  private static VersionFacts facts(Schema schema, FeatureRecipe recipe, String family, String variant, Map<String, String> params,
      long seed, String dataSha256, ModelManifest manifest) {
    StringBuilder files = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(manifest.files()).entrySet()) files.append(e.getKey()).append('\0').append(e.getValue()).append('\n');
    return new VersionFacts(schema.features(), recipe == null ? "" : recipe.timeframe(), schema.task().name().toLowerCase(Locale.ROOT),
        recipe == null ? "" : recipe.label(), family, variant, params, seed, dataSha256,
        Checksums.sha256(files.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private void applyRetention(String name, Instant at) throws java.sql.SQLException {
    int max = index.retention(name);
    if (max <= 0) return;
    List<RegistryIndex.Row> active = index.activeNewestFirst(name);
    for (int i = max; i < active.size(); i++) {
      RegistryIndex.Row r = active.get(i);
      if (!r.version().aliases().isEmpty() || !index.dependants(r.id(), false).isEmpty()) continue;
      index.setStatus(r.id(), ModelVersion.Status.ARCHIVED);
      index.event(at, name, r.version().version().toString(), "retention", "archived: max_versions " + max);
    }
  }

  /**
   * Keeps at most {@code maxVersions} active versions of {@code name} (0: no limit), newest
   * registrations first; older ones are archived, not deleted, except those an alias points at or
   * an active version depends on. Applies now and after every registration of the name.
   */
  public synchronized void setMaxVersions(String name, int maxVersions) {
    ModelNames.check(name);
    if (maxVersions < 0) throw new BadInputException(Where.none(), "max_versions must be >= 0, got " + maxVersions, "use 0 for no limit");
    index.write(() -> {
      index.setRetention(name, maxVersions);
      applyRetention(name, Instant.now().truncatedTo(ChronoUnit.MILLIS));
      return null;
    });
  }

  /** Points {@code alias} of the model's name at the version {@code target} resolves to, moving it if it pointed elsewhere. */
  public synchronized ModelVersion alias(ModelRef target, String alias) {
    ModelNames.checkAlias(alias);
    return index.write(() -> {
      RegistryIndex.Row r = row(target);
      if (r.version().status() == ModelVersion.Status.ARCHIVED) {
        throw new BadInputException(Where.none(), r.version().id() + " is archived", "point aliases at active versions only");
      }
      Optional<RegistryIndex.Row> before = index.byAlias(target.name(), alias);
      index.setAlias(target.name(), alias, r.id());
      String detail = alias + " -> " + r.version().version() + before.map(b -> " (was " + b.version().version() + ")").orElse("");
      index.event(Instant.now().truncatedTo(ChronoUnit.MILLIS), target.name(), r.version().version().toString(), "alias", detail);
      return index.byId(r.id()).orElseThrow().version();
    });
  }

  /** Removes {@code alias} of {@code name}; bad input when it does not exist. */
  public synchronized void removeAlias(String name, String alias) {
    index.write(() -> {
      Optional<RegistryIndex.Row> r = index.byAlias(name, alias);
      if (r.isEmpty() || !index.removeAlias(name, alias)) throw new BadInputException(Where.none(), name + " has no alias '" + alias + "'", "see quiver models info " + name);
      index.event(Instant.now().truncatedTo(ChronoUnit.MILLIS), name, r.get().version().version().toString(), "alias_removed", alias);
      return null;
    });
  }

  public synchronized ModelVersion tag(ModelRef ref, String tag) {
    ModelNames.checkTag(tag);
    return index.write(() -> {
      RegistryIndex.Row r = row(ref);
      if (index.addTag(r.id(), tag)) index.event(Instant.now().truncatedTo(ChronoUnit.MILLIS), ref.name(), r.version().version().toString(), "tagged", tag);
      return index.byId(r.id()).orElseThrow().version();
    });
  }

  public synchronized ModelVersion untag(ModelRef ref, String tag) {
    return index.write(() -> {
      RegistryIndex.Row r = row(ref);
      if (index.removeTag(r.id(), tag)) index.event(Instant.now().truncatedTo(ChronoUnit.MILLIS), ref.name(), r.version().version().toString(), "untagged", tag);
      return index.byId(r.id()).orElseThrow().version();
    });
  }

  /**
   * Archives a version: it stays on disk and loadable by exact version but leaves listings and
   * "latest". Refused, naming them, while active versions depend on it or aliases point at it.
   */
  public synchronized ModelVersion archive(ModelRef ref) {
    return index.write(() -> {
      RegistryIndex.Row r = row(ref);
      if (r.version().status() == ModelVersion.Status.ARCHIVED) return r.version();
      refuseIfUsed(r, false, "archive");
      index.setStatus(r.id(), ModelVersion.Status.ARCHIVED);
      index.event(Instant.now().truncatedTo(ChronoUnit.MILLIS), ref.name(), r.version().version().toString(), "archived", "by request");
      return index.byId(r.id()).orElseThrow().version();
    });
  }

  /**
   * Deletes a version: its index row, then its folder. Refused, naming them, while any version
   * (active or archived) depends on it or an alias points at it.
   */
  public synchronized void delete(ModelRef ref) {
    String dir = index.write(() -> {
      RegistryIndex.Row r = row(ref);
      refuseIfUsed(r, true, "delete");
      index.delete(r.id());
      index.event(Instant.now().truncatedTo(ChronoUnit.MILLIS), ref.name(), r.version().version().toString(), "deleted", r.version().directory());
      return r.version().directory();
    });
    deleteTree(root.resolve(dir));
  }

  private void refuseIfUsed(RegistryIndex.Row r, boolean anyDependant, String action) {
    List<String> problems = new ArrayList<>();
    List<String> users = new ArrayList<>();
    for (RegistryIndex.Row d : index.dependants(r.id(), anyDependant)) users.add(d.version().id());
    if (!users.isEmpty()) problems.add("these models depend on it: " + String.join(", ", users));
    if (!r.version().aliases().isEmpty()) problems.add("aliases point at it: " + String.join(", ", r.version().aliases()));
    if (!problems.isEmpty()) {
      throw new BadInputException(Where.none(), "cannot " + action + " " + r.version().id() + ": " + String.join("; ", problems),
          (users.isEmpty() ? "" : action + " the dependants first; ") + (r.version().aliases().isEmpty() ? "" : "move or remove the aliases first"));
    }
  }

  // ---------------------------------------------------------------- reading

  /** The version {@code ref} names: an exact version, an alias, or the name's highest active version. */
  public synchronized ModelVersion resolve(ModelRef ref) {
    return row(ref).version();
  }

  private RegistryIndex.Row row(ModelRef ref) {
    SemVer v = ref.version();
    if (v != null) {
      return index.find(ref.name(), v).orElseThrow(() -> new BadInputException(Where.none(), "no version " + v + " of model '" + ref.name() + "'",
          "versions: " + versionsOf(ref.name())));
    }
    String alias = ref.alias();
    if (alias != null) {
      return index.byAlias(ref.name(), alias).orElseThrow(() -> new BadInputException(Where.none(), "model '" + ref.name() + "' has no alias '" + alias + "'",
          index.hasName(ref.name()) ? "versions: " + versionsOf(ref.name()) : "no model is named '" + ref.name() + "'"));
    }
    return index.highestActive(ref.name()).orElseThrow(() -> index.hasName(ref.name())
        ? new BadInputException(Where.none(), "every version of '" + ref.name() + "' is archived", "name a version exactly: " + versionsOf(ref.name()))
        : BadInputException.unknown("model", ref.name(), names()));
  }

  private String versionsOf(String name) {
    List<String> v = new ArrayList<>();
    for (RegistryIndex.Row r : index.list(name, null, true)) v.add(r.version().version() + (r.version().aliases().isEmpty() ? "" : " " + r.version().aliases()));
    return v.isEmpty() ? "none" : String.join(", ", v);
  }

  private Set<String> names() {
    Set<String> n = new TreeSet<>();
    for (RegistryIndex.Row r : index.all()) n.add(r.version().name());
    return n;
  }

  /** Versions by name then registration time; {@code name} and {@code minGrade} (a scale letter) may be null. */
  public synchronized List<ModelVersion> list(String name, String minGrade, boolean includeArchived) {
    List<ModelVersion> out = new ArrayList<>();
    for (RegistryIndex.Row r : index.list(name, minGrade, includeArchived)) out.add(r.version());
    return out;
  }

  /** The card of a version, after checking checksums.sha256 against the index and model.json against it. */
  public ModelCard card(ModelRef ref) {
    RegistryIndex.Row r;
    synchronized (this) {
      r = row(ref);
    }
    return readCard(root.resolve(r.version().directory()), r.checksumsSha256());
  }

  private static ModelCard readCard(Path dir, String sumsSha256) {
    Path sumsFile = dir.resolve(ChecksumFile.NAME);
    Path cardFile = dir.resolve(ModelCard.FILE);
    try {
      byte[] sums = Files.readAllBytes(sumsFile);
      if (sumsSha256 != null && !Checksums.sha256(sums).equals(sumsSha256)) {
        throw new BadInputException(Where.file(sumsFile), ChecksumFile.NAME + " is not the one registered (changed after registering)", RESTORE);
      }
      String expected = ChecksumFile.parse(sums, sumsFile).get(ModelCard.FILE);
      byte[] card = Files.readAllBytes(cardFile);
      if (expected == null || !expected.equals(Checksums.sha256(card))) {
        throw new BadInputException(Where.file(cardFile), "SHA-256 mismatch in " + ModelCard.FILE + ": changed or truncated after registering", RESTORE);
      }
      return Json.MAPPER.readValue(card, ModelCard.class);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Where.file(e.getFile()), "missing file of a registered model", RESTORE);
    } catch (IOException e) {
      throw new BadInputException(Where.file(cardFile), "cannot read the model card: " + e.getMessage(), RESTORE);
    }
  }

  private static final String RESTORE = "restore the model folder from a good copy (quiver models import BUNDLE) or register the model again";

  /**
   * Loads a version after verifying every file of its folder; a changed, truncated, missing or
   * extra file is bad input naming each. The caller closes the result.
   */
  public RegisteredModel load(ModelRef ref, ModelFamilies families) {
    RegistryIndex.Row r;
    synchronized (this) {
      r = row(ref);
    }
    Path dir = root.resolve(r.version().directory());
    List<Problem> problems = ChecksumFile.verify(dir, r.checksumsSha256());
    if (!problems.isEmpty()) throw new BadInputException(problems, r.version().id() + " failed its integrity check: " + RESTORE);
    ModelCard card = readCard(dir, r.checksumsSha256());
    ArtifactReader reader = ModelStore.open(dir);
    FittedModel model = ModelStore.load(reader, families);
    return new RegisteredModel(r.version(), card, model);
  }

  /** Every problem of one version's folder; empty when intact. */
  public List<Problem> verify(ModelRef ref) {
    RegistryIndex.Row r;
    synchronized (this) {
      r = row(ref);
    }
    return ChecksumFile.verify(root.resolve(r.version().directory()), r.checksumsSha256());
  }

  /** Checks every version's folder (active and archived) and lists folders the index does not know. */
  public VerifyReport verify() {
    List<RegistryIndex.Row> rows;
    synchronized (this) {
      rows = index.all();
    }
    List<Problem> failures = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (RegistryIndex.Row r : rows) {
      known.add(r.version().directory());
      failures.addAll(ChecksumFile.verify(root.resolve(r.version().directory()), r.checksumsSha256()));
    }
    Map<String, String> preprocessors;
    synchronized (this) {
      preprocessors = index.preprocessorFiles();
    }
    for (Map.Entry<String, String> e : preprocessors.entrySet()) {
      Path file = root.resolve(e.getKey());
      if (!Files.exists(file)) {
        failures.add(new Problem(Where.file(file), "", "missing_file", "the shared preprocessor file is missing"));
        continue;
      }
      String actual;
      try {
        actual = ChecksumFile.sha256(file);
      } catch (IOException ex) {
        failures.add(new Problem(Where.file(file), "", "unreadable_file", "cannot read the shared preprocessor: " + ex.getMessage()));
        continue;
      }
      if (!actual.equals(e.getValue())) {
        failures.add(new Problem(Where.file(file), actual, "checksum_mismatch", "SHA-256 mismatch: expected " + e.getValue() + ", found " + actual));
      }
    }
    return new VerifyReport(rows.size(), failures, orphans(known));
  }

  private List<String> orphans(Set<String> known) {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> kinds = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path kind : kinds) {
        if (kind.getFileName().toString().equals(STAGING) || kind.getFileName().toString().equals(PREPROCESSORS)) continue;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(kind)) {
          for (Path d : dirs) {
            String rel = kind.getFileName() + "/" + d.getFileName();
            if (!known.contains(rel)) out.add(rel);
          }
        }
      }
    } catch (IOException e) {
      throw new InternalException("cannot list the registry folder " + root + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /**
   * Removes, under the write lock, every folder the index does not list (left by interrupted
   * writes) and the staging folders of processes that are gone; returns what it removed.
   */
  public synchronized List<String> removeOrphans() {
    return index.write(() -> {
      Set<String> known = new HashSet<>();
      for (RegistryIndex.Row r : index.all()) known.add(r.version().directory());
      List<String> removed = orphans(known);
      for (String o : removed) deleteTree(root.resolve(o));
      removed.addAll(sweepDeadStaging());
      return removed;
    });
  }

  /** A name's events, oldest first. */
  public synchronized List<HistoryEvent> history(String name) {
    return index.history(name);
  }

  /** The versions that depend on the one {@code ref} names (active and archived). */
  public synchronized List<ModelVersion> dependants(ModelRef ref) {
    List<ModelVersion> out = new ArrayList<>();
    for (RegistryIndex.Row d : index.dependants(row(ref).id(), true)) out.add(d.version());
    return out;
  }

  /** Where a version comes from (its dependencies, recursively, and data fingerprint) and what uses it. */
  public synchronized Lineage lineage(ModelRef ref) {
    return lineage(row(ref));
  }

  private Lineage lineage(RegistryIndex.Row r) {
    List<Lineage> up = new ArrayList<>();
    for (RegistryIndex.Row d : index.dependencies(r.id())) up.add(lineage(d));
    List<ModelVersion> down = new ArrayList<>();
    for (RegistryIndex.Row d : index.dependants(r.id(), true)) down.add(d.version());
    return new Lineage(r.version(), index.dataSha256(r.id()), up, down);
  }

  // ---------------------------------------------------------------- bundles

  /**
   * Writes a version as a portable tar.gz bundle ({@code <folder>/<file>} entries: the model
   * files, manifest.json, model.json and checksums.sha256), after verifying it. The file appears whole or not at all.
   */
  public void exportBundle(ModelRef ref, Path out) {
    RegistryIndex.Row r;
    synchronized (this) {
      r = row(ref);
    }
    Path dir = root.resolve(r.version().directory());
    List<Problem> problems = ChecksumFile.verify(dir, r.checksumsSha256());
    if (!problems.isEmpty()) throw new BadInputException(problems, "refusing to export " + r.version().id() + ": " + RESTORE);
    List<String> files;
    try {
      files = new ArrayList<>(ChecksumFile.parse(Files.readAllBytes(dir.resolve(ChecksumFile.NAME)), dir.resolve(ChecksumFile.NAME)).keySet());
    } catch (IOException e) {
      throw new InternalException("cannot read " + dir.resolve(ChecksumFile.NAME) + ": " + e.getMessage(), e);
    }
    files.add(ChecksumFile.NAME);
    String folder = Path.of(r.version().directory()).getFileName().toString();
    long mtime = r.version().created().getEpochSecond();
    AtomicFile.write(out, temp -> {
      try (OutputStream os = Files.newOutputStream(temp)) {
        TarGz.write(os, folder, dir, files, mtime);
      }
    });
  }

  /**
   * Registers the version a bundle holds, under its own name and version, after verifying every
   * file; dependencies must already be registered. Importing a version the registry already
   * holds with identical content returns it; with other content it is bad input.
   */
  public synchronized ModelVersion importBundle(Path bundle) {
    Path staging = newStaging();
    try {
      String folder = TarGz.extract(bundle, staging);
      List<Problem> problems = new ArrayList<>();
      for (Problem p : ChecksumFile.verify(staging, null)) {
        String file = Path.of(p.where().file()).getFileName().toString();
        problems.add(new Problem(Where.file(bundle + "!" + folder + "/" + file), p.value(), p.rule(), p.message()));
      }
      if (!problems.isEmpty()) throw new BadInputException(problems, "the bundle is damaged: export it again from a good registry");
      ModelCard card = readCard(staging, null);
      ModelManifest manifest = ModelStore.open(staging).manifest();
      if (!card.family().equals(manifest.family()) || !card.schema().equals(manifest.schema())) {
        throw new BadInputException(Where.file(bundle), "model.json and manifest.json disagree on the family or schema", "export the model again");
      }
      ModelNames.check(card.name());
      Optional<RegistryIndex.Row> existing = index.find(card.name(), card.semVer());
      byte[] sums = Files.readAllBytes(staging.resolve(ChecksumFile.NAME));
      if (existing.isPresent() && existing.get().checksumsSha256().equals(Checksums.sha256(sums))) return existing.get().version();
      VersionFacts facts = facts(card.schema(), card.recipe(), card.family(), card.variant(), card.params(), card.seed(), card.dataSha256(), manifest);
      List<ModelRef> deps = new ArrayList<>();
      for (String d : card.dependencies()) deps.add(ModelRef.parse(d));
      CardPlan plan = (version, change, now, depIds) -> card;
      return commit(card.name(), staging, facts, card.semVer(), deps, card.tags(), "imported", plan, true);
    } catch (IOException e) {
      throw new InternalException("cannot import " + bundle + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
  }

  // ---------------------------------------------------------------- files

  private Path newStaging() {
    try {
      sweepDeadStaging();
      return Files.createTempDirectory(root.resolve(STAGING), ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new InternalException("cannot create a staging folder in " + root.resolve(STAGING) + ": " + e.getMessage(), e);
    }
  }

  /** Deletes staging folders whose writing process (the pid their name starts with) is gone. */
  private List<String> sweepDeadStaging() {
    List<String> removed = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve(STAGING))) {
      for (Path d : dirs) {
        String n = d.getFileName().toString();
        int dash = n.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(dash < 0 ? n : n.substring(0, dash));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != self && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          deleteTree(d);
          removed.add(STAGING + "/" + n);
        }
      }
    } catch (NoSuchFileException e) {
      return removed;
    } catch (IOException e) {
      throw new InternalException("cannot list " + root.resolve(STAGING) + ": " + e.getMessage(), e);
    }
    return removed;
  }

  private static void writeFile(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new InternalException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Best effort, for clean-up paths where an earlier failure is the one to report. */
  private static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (InternalException ignored) {
      // what is left is an orphan folder: never read as a version, removed by removeOrphans
    }
  }

  @Override
  public synchronized void close() {
    index.close();
  }
}
