package dev.quiver.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Studies and their trials in one SQLite file (WAL journal, synchronous NORMAL): a study row
 * (name, the settings it was created with as JSON, direction, seed) and one row per trial, written
 * when the trial starts (RUNNING) and overwritten in its own transaction when it finishes, so a
 * crash loses at most the trials that were running. Several processes may share the file (busy
 * timeout 10 s). Methods are synchronized: one instance may be used from several threads.
 */
public final class StudyStore implements AutoCloseable {

  private static final int SCHEMA_VERSION = 1;

  private final Connection conn;
  private final Path file;

  private StudyStore(Connection conn, Path file) {
    this.conn = conn;
    this.file = file;
  }

  /** Opens (creating when absent) the study database {@code file}. */
  public static StudyStore open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        int version;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
          c.close();
          throw new BadInputException(Where.file(file), "the study database has schema version " + version + "; this Quiver reads up to " + SCHEMA_VERSION,
              "use a newer Quiver or another --storage file");
        }
        s.executeUpdate("CREATE TABLE IF NOT EXISTS studies (name TEXT PRIMARY KEY, settings_json TEXT NOT NULL, "
            + "direction TEXT NOT NULL, seed INTEGER NOT NULL, created_ms INTEGER NOT NULL)");
        s.executeUpdate("CREATE TABLE IF NOT EXISTS trials (study TEXT NOT NULL REFERENCES studies (name), number INTEGER NOT NULL, "
            + "state TEXT NOT NULL, params_json TEXT NOT NULL, value REAL, intermediate_json TEXT NOT NULL, seed INTEGER NOT NULL, "
            + "started_ms INTEGER NOT NULL, finished_ms INTEGER NOT NULL, work INTEGER NOT NULL, error TEXT NOT NULL, "
            + "PRIMARY KEY (study, number))");
        s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
      }
      return new StudyStore(c, file);
    } catch (SQLException e) {
      throw new BadInputException(Where.file(file), "cannot open the study database: " + e.getMessage(), "give a writable SQLite file to --storage");
    }
  }

  public Path file() {
    return file;
  }

  /** The settings JSON the study was created with, or null when there is no such study. */
  public synchronized String settings(String study) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT settings_json FROM studies WHERE name = ?")) {
      ps.setString(1, study);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw fault(e);
    }
  }

  /** Creates the study row. */
  public synchronized void create(String study, String settingsJson, boolean maximize, long seed) {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO studies (name, settings_json, direction, seed, created_ms) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, study);
      ps.setString(2, settingsJson);
      ps.setString(3, maximize ? "maximize" : "minimize");
      ps.setLong(4, seed);
      ps.setLong(5, System.currentTimeMillis());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw fault(e);
    }
  }

  /** Writes (inserting or replacing) one trial row, committed on return. */
  public synchronized void put(String study, TrialRecord t) {
    try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO trials (study, number, state, params_json, value, "
        + "intermediate_json, seed, started_ms, finished_ms, work, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, study);
      ps.setInt(2, t.number());
      ps.setString(3, t.state().name());
      ps.setString(4, Json.MAPPER.writeValueAsString(t.params()));
      if (Double.isFinite(t.value())) ps.setDouble(5, t.value());
      else ps.setNull(5, java.sql.Types.REAL);
      ps.setString(6, Json.MAPPER.writeValueAsString(t.intermediate()));
      ps.setLong(7, t.seed());
      ps.setLong(8, t.startedMs());
      ps.setLong(9, t.finishedMs());
      ps.setLong(10, t.work());
      ps.setString(11, t.error());
      ps.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw fault(e);
    }
  }

  /** Every trial of {@code study}, by number. */
  public synchronized List<TrialRecord> trials(String study) {
    List<TrialRecord> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT number, state, params_json, value, intermediate_json, seed, started_ms, "
        + "finished_ms, work, error FROM trials WHERE study = ? ORDER BY number")) {
      ps.setString(1, study);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> params = Json.MAPPER.readValue(rs.getString(3), new TypeReference<LinkedHashMap<String, Object>>() {});
          double value = rs.getDouble(4);
          if (rs.wasNull()) value = Double.NaN;
          double[] inter = Json.MAPPER.readValue(rs.getString(5), double[].class);
          out.add(new TrialRecord(rs.getInt(1), params, TrialRecord.State.valueOf(rs.getString(2)), value, inter, rs.getLong(6),
              rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10)));
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw fault(e);
    }
    return out;
  }

  private InternalException fault(Exception e) {
    return new InternalException("study database " + file + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw fault(e);
    }
  }
}
