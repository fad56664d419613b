package dev.quiver.registry;

import dev.quiver.error.InternalException;
import dev.quiver.model.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The registry's SQLite index ({@value #FILE}): one row per version with what listing and the
 * versioning rules need, aliases, tags, dependencies, retention settings and the event history.
 * WAL journal, a 10 s busy timeout, synchronous NORMAL; every write runs in one {@code BEGIN
 * IMMEDIATE} transaction, so concurrent writers (threads or processes) queue on SQLite's write
 * lock instead of failing on a stale read. Not thread-safe: {@link ModelRegistry} serializes use.
 */
final class RegistryIndex implements AutoCloseable {

  static final String FILE = "index.sqlite";
  private static final int SCHEMA_VERSION = 2;

  /** A unit of work inside a write transaction. */
  interface Work<T> {
    T run() throws Exception;
  }

  /** A version row: its id, what the API shows, and the SHA-256 of its checksum file. */
  record Row(long id, ModelVersion version, String checksumsSha256) {}

  /** What a Row holds; aliases and tags come unordered from SQLite (an ORDER BY per row doubles a 10,000-row listing) and are sorted here. */
  private static final String COLUMNS = "v.id, v.name, v.major, v.minor, v.patch, v.family, v.kind, v.variant, v.grade, v.accuracy, "
      + "v.created_ms, v.dir, v.status, v.change, v.checksums_sha256, "
      + "(SELECT group_concat(alias, ',') FROM aliases WHERE version_id = v.id), "
      + "(SELECT group_concat(tag, ',') FROM tags WHERE version_id = v.id)";

  private final Connection conn;

  private RegistryIndex(Connection conn) {
    this.conn = conn;
  }

  static RegistryIndex open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    try {
      Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      RegistryIndex index = new RegistryIndex(c);
      index.write(() -> {
        index.createSchema();
        return null;
      });
      return index;
    } catch (SQLException e) {
      throw new InternalException("cannot open the registry index " + file + ": " + e.getMessage(), e);
    }
  }

  private void createSchema() throws SQLException {
    try (Statement s = conn.createStatement()) {
      int version;
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new InternalException("the registry index has schema version " + version + "; this Quiver reads up to " + SCHEMA_VERSION);
      }
      if (version == SCHEMA_VERSION) return;
      s.executeUpdate("CREATE TABLE IF NOT EXISTS versions ("
          + "id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, major INTEGER NOT NULL, minor INTEGER NOT NULL, patch INTEGER NOT NULL, "
          + "family TEXT NOT NULL, kind TEXT NOT NULL, variant TEXT NOT NULL, grade TEXT NOT NULL, grade_rank INTEGER NOT NULL, accuracy REAL, "
          + "created_ms INTEGER NOT NULL, dir TEXT NOT NULL UNIQUE, status TEXT NOT NULL, change TEXT NOT NULL, checksums_sha256 TEXT NOT NULL, "
          + "features_json TEXT NOT NULL, timeframe TEXT NOT NULL, task TEXT NOT NULL, label TEXT NOT NULL, params_json TEXT NOT NULL, "
          + "seed INTEGER NOT NULL, data_sha256 TEXT NOT NULL, files_sha256 TEXT NOT NULL, UNIQUE (name, major, minor, patch))");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS versions_by_name ON versions (name, created_ms, id)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS aliases (name TEXT NOT NULL, alias TEXT NOT NULL, "
          + "version_id INTEGER NOT NULL REFERENCES versions (id), PRIMARY KEY (name, alias))");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS aliases_by_version ON aliases (version_id)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS tags (version_id INTEGER NOT NULL REFERENCES versions (id), tag TEXT NOT NULL, PRIMARY KEY (version_id, tag))");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS dependencies (version_id INTEGER NOT NULL REFERENCES versions (id), "
          + "depends_on INTEGER NOT NULL REFERENCES versions (id), PRIMARY KEY (version_id, depends_on))");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS dependencies_by_target ON dependencies (depends_on)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS retention (name TEXT PRIMARY KEY, max_versions INTEGER NOT NULL)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, name TEXT NOT NULL, "
          + "version TEXT NOT NULL, event TEXT NOT NULL, detail TEXT NOT NULL)");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS events_by_name ON events (name, at_ms, id)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS preprocessors (id TEXT PRIMARY KEY, spec TEXT NOT NULL, steps_json TEXT NOT NULL, "
          + "file TEXT NOT NULL, sha256 TEXT NOT NULL, created_ms INTEGER NOT NULL)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS version_preprocessor (version_id INTEGER PRIMARY KEY REFERENCES versions (id), "
          + "preprocessor_id TEXT NOT NULL REFERENCES preprocessors (id))");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS version_preprocessor_by_id ON version_preprocessor (preprocessor_id)");
      s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
    }
  }

  /** Runs {@code work} in one IMMEDIATE transaction: committed when it returns, rolled back when it throws. */
  <T> T write(Work<T> work) {
    try {
      try (Statement s = conn.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
    } catch (SQLException e) {
      throw new InternalException("cannot lock the registry index for writing: " + e.getMessage(), e);
    }
    boolean done = false;
    try {
      T result = work.run();
      try (Statement s = conn.createStatement()) {
        s.execute("COMMIT");
      }
      done = true;
      return result;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new InternalException("registry index write failed: " + e.getMessage(), e);
    } finally {
      if (!done) {
        try (Statement s = conn.createStatement()) {
          s.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // SQLite rolls back by itself when a statement failed the transaction
        }
      }
    }
  }

  Optional<Row> find(String name, SemVer v) {
    return one("SELECT " + COLUMNS + " FROM versions v WHERE v.name = ? AND v.major = ? AND v.minor = ? AND v.patch = ?",
        name, v.major(), v.minor(), v.patch());
  }

  /** The facts the versioning rules compare, of the version {@code id}. */
  VersionFacts facts(long id) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT features_json, timeframe, task, label, family, variant, params_json, seed, "
        + "data_sha256, files_sha256 FROM versions WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new InternalException("no version row " + id);
        return new VersionFacts(parseList(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            parseMap(rs.getString(7)), rs.getLong(8), rs.getString(9), rs.getString(10));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The training-data SHA-256 of the version {@code id}. */
  String dataSha256(long id) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT data_sha256 FROM versions WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  Optional<Row> byId(long id) {
    return one("SELECT " + COLUMNS + " FROM versions v WHERE v.id = ?", id);
  }

  /** The name's highest version, active or archived (the base of the next bump). */
  Optional<Row> highest(String name) {
    return one("SELECT " + COLUMNS + " FROM versions v WHERE v.name = ? ORDER BY v.major DESC, v.minor DESC, v.patch DESC LIMIT 1", name);
  }

  Optional<Row> highestActive(String name) {
    return one("SELECT " + COLUMNS + " FROM versions v WHERE v.name = ? AND v.status = 'active' "
        + "ORDER BY v.major DESC, v.minor DESC, v.patch DESC LIMIT 1", name);
  }

  Optional<Row> byAlias(String name, String alias) {
    return one("SELECT " + COLUMNS + " FROM versions v JOIN aliases a ON a.version_id = v.id WHERE a.name = ? AND a.alias = ?", name, alias);
  }

  boolean hasName(String name) {
    return one("SELECT " + COLUMNS + " FROM versions v WHERE v.name = ? LIMIT 1", name).isPresent();
  }

  boolean hasDirectory(String dir) {
    return !rows("SELECT " + COLUMNS + " FROM versions v WHERE v.dir = ?", dir).isEmpty();
  }

  /** Every version, by name then time of registration; filtered by name, minimum grade and status. */
  List<Row> list(String name, String minGrade, boolean includeArchived) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM versions v WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (name != null) {
      sql.append(" AND v.name = ?");
      args.add(name);
    }
    if (minGrade != null) {
      sql.append(" AND v.grade_rank <= ?");
      args.add(Grade.rank(Grade.checkLetter(minGrade)));
    }
    if (!includeArchived) sql.append(" AND v.status = 'active'");
    sql.append(" ORDER BY v.name, v.created_ms, v.id");
    return rows(sql.toString(), args.toArray());
  }

  /** Every version's folder and expected checksum-file SHA-256, for verification. */
  List<Row> all() {
    return rows("SELECT " + COLUMNS + " FROM versions v ORDER BY v.name, v.created_ms, v.id");
  }

  long insert(ModelCard card, String dir, String checksumsSha256, VersionFacts facts, Instant created) throws SQLException {
    SemVer v = card.semVer();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO versions (name, major, minor, patch, family, kind, variant, grade, grade_rank, "
        + "accuracy, created_ms, dir, status, change, checksums_sha256, features_json, timeframe, task, label, params_json, seed, data_sha256, files_sha256) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      int i = 1;
      ps.setString(i++, card.name());
      ps.setInt(i++, v.major());
      ps.setInt(i++, v.minor());
      ps.setInt(i++, v.patch());
      ps.setString(i++, card.family());
      ps.setString(i++, card.kind());
      ps.setString(i++, facts.variant());
      ps.setString(i++, card.grade().letter());
      ps.setInt(i++, Grade.rank(card.grade().letter()));
      double acc = card.headlineAccuracy();
      if (Double.isNaN(acc)) ps.setNull(i++, java.sql.Types.REAL);
      else ps.setDouble(i++, acc);
      ps.setLong(i++, created.toEpochMilli());
      ps.setString(i++, dir);
      ps.setString(i++, card.change());
      ps.setString(i++, checksumsSha256);
      ps.setString(i++, json(facts.features()));
      ps.setString(i++, facts.timeframe());
      ps.setString(i++, facts.task());
      ps.setString(i++, facts.label());
      ps.setString(i++, json(facts.params()));
      ps.setLong(i++, facts.seed());
      ps.setString(i++, facts.dataSha256());
      ps.setString(i++, facts.filesSha256());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /**
   * Records that version {@code versionId} uses the preprocessor {@code id}, adding the
   * preprocessor's row the first time any version uses it.
   */
  void linkPreprocessor(long versionId, String id, String spec, List<String> steps, String file, String sha256, Instant at) throws SQLException {
    update("INSERT OR IGNORE INTO preprocessors (id, spec, steps_json, file, sha256, created_ms) VALUES (?, ?, ?, ?, ?, ?)",
        id, spec, json(steps), file, sha256, at.toEpochMilli());
    update("INSERT OR REPLACE INTO version_preprocessor (version_id, preprocessor_id) VALUES (?, ?)", versionId, id);
  }

  /** The preprocessor version {@code versionId} uses, without its users; empty when it takes raw features. */
  Optional<RegisteredPreprocessor> preprocessorOf(long versionId) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT p.id FROM preprocessors p JOIN version_preprocessor vp ON vp.preprocessor_id = p.id "
        + "WHERE vp.version_id = ?")) {
      ps.setLong(1, versionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? preprocessor(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The preprocessor {@code id} with every version that uses it, oldest registration first. */
  Optional<RegisteredPreprocessor> preprocessor(String id) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT id, spec, steps_json, file, sha256 FROM preprocessors WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        List<ModelVersion> users = new ArrayList<>();
        for (Row r : rows("SELECT " + COLUMNS + " FROM versions v JOIN version_preprocessor vp ON vp.version_id = v.id "
            + "WHERE vp.preprocessor_id = ? ORDER BY v.created_ms, v.id", id)) {
          users.add(r.version());
        }
        return Optional.of(new RegisteredPreprocessor(rs.getString(1), rs.getString(2), parseList(rs.getString(3)), rs.getString(4), rs.getString(5), users));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Every registered preprocessor's file and SHA-256, for verification. */
  Map<String, String> preprocessorFiles() {
    Map<String, String> out = new java.util.TreeMap<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT file, sha256 FROM preprocessors ORDER BY file");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getString(1), rs.getString(2));
    } catch (SQLException e) {
      throw failed(e);
    }
    return out;
  }

  void addDependency(long id, long dependsOn) throws SQLException {
    update("INSERT OR IGNORE INTO dependencies (version_id, depends_on) VALUES (?, ?)", id, dependsOn);
  }

  List<Row> dependencies(long id) {
    return rows("SELECT " + COLUMNS + " FROM versions v JOIN dependencies d ON d.depends_on = v.id WHERE d.version_id = ? ORDER BY v.name, v.id", id);
  }

  /** Versions that depend on {@code id}; only active ones unless {@code all}. */
  List<Row> dependants(long id, boolean all) {
    return rows("SELECT " + COLUMNS + " FROM versions v JOIN dependencies d ON d.version_id = v.id WHERE d.depends_on = ?"
        + (all ? "" : " AND v.status = 'active'") + " ORDER BY v.name, v.id", id);
  }

  boolean addTag(long id, String tag) throws SQLException {
    return update("INSERT OR IGNORE INTO tags (version_id, tag) VALUES (?, ?)", id, tag) > 0;
  }

  boolean removeTag(long id, String tag) throws SQLException {
    return update("DELETE FROM tags WHERE version_id = ? AND tag = ?", id, tag) > 0;
  }

  void setAlias(String name, String alias, long id) throws SQLException {
    update("INSERT INTO aliases (name, alias, version_id) VALUES (?, ?, ?) ON CONFLICT (name, alias) DO UPDATE SET version_id = excluded.version_id",
        name, alias, id);
  }

  boolean removeAlias(String name, String alias) throws SQLException {
    return update("DELETE FROM aliases WHERE name = ? AND alias = ?", name, alias) > 0;
  }

  void setStatus(long id, ModelVersion.Status status) throws SQLException {
    update("UPDATE versions SET status = ? WHERE id = ?", status.name().toLowerCase(java.util.Locale.ROOT), id);
  }

  void delete(long id) throws SQLException {
    update("DELETE FROM tags WHERE version_id = ?", id);
    update("DELETE FROM dependencies WHERE version_id = ?", id);
    update("DELETE FROM versions WHERE id = ?", id);
  }

  void setRetention(String name, int maxVersions) throws SQLException {
    update("INSERT INTO retention (name, max_versions) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET max_versions = excluded.max_versions",
        name, maxVersions);
  }

  /** The name's max_versions, or 0 when unlimited. */
  int retention(String name) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT max_versions FROM retention WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  void event(Instant at, String name, String version, String event, String detail) throws SQLException {
    update("INSERT INTO events (at_ms, name, version, event, detail) VALUES (?, ?, ?, ?, ?)", at.toEpochMilli(), name, version, event, detail);
  }

  List<HistoryEvent> history(String name) {
    List<HistoryEvent> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT at_ms, name, version, event, detail FROM events WHERE name = ? ORDER BY at_ms, id")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new HistoryEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Active versions of {@code name}, newest registration first. */
  List<Row> activeNewestFirst(String name) {
    return rows("SELECT " + COLUMNS + " FROM versions v WHERE v.name = ? AND v.status = 'active' ORDER BY v.created_ms DESC, v.id DESC", name);
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private Optional<Row> one(String sql, Object... args) {
    List<Row> r = rows(sql, args);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  private List<Row> rows(String sql, Object... args) {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      bind(ps, args);
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(row(rs));
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Integer n) ps.setInt(i + 1, n);
      else if (a instanceof Long n) ps.setLong(i + 1, n);
      else ps.setString(i + 1, (String) a);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    SemVer version = new SemVer(rs.getInt(3), rs.getInt(4), rs.getInt(5));
    double acc = rs.getDouble(10);
    if (rs.wasNull()) acc = Double.NaN;
    ModelVersion.Status status = rs.getString(13).equals("archived") ? ModelVersion.Status.ARCHIVED : ModelVersion.Status.ACTIVE;
    ModelVersion v = new ModelVersion(rs.getString(2), version, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), acc,
        Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12), status, rs.getString(14), split(rs.getString(16)), split(rs.getString(17)));
    return new Row(rs.getLong(1), v, rs.getString(15));
  }

  private static List<String> split(String csv) {
    if (csv == null || csv.isEmpty()) return List.of();
    String[] parts = csv.split(",");
    Arrays.sort(parts);
    return Arrays.asList(parts);
  }

  private static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new InternalException("cannot write index JSON: " + e.getMessage(), e);
    }
  }

  private static List<String> parseList(String json) {
    try {
      return Arrays.asList(Json.MAPPER.readValue(json, String[].class));
    } catch (java.io.IOException e) {
      throw new InternalException("corrupt registry index row: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> parseMap(String json) {
    try {
      return Json.MAPPER.readValue(json, Map.class);
    } catch (java.io.IOException e) {
      throw new InternalException("corrupt registry index row: " + e.getMessage(), e);
    }
  }

  private static InternalException failed(SQLException e) {
    return new InternalException("registry index query failed: " + e.getMessage(), e);
  }
}
