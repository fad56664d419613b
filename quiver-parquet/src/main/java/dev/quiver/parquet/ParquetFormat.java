package dev.quiver.parquet;

import dev.quiver.data.Table;
import dev.quiver.data.TableColumn;
import dev.quiver.data.TableFormat;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Parquet through DuckDB's JDBC driver, in an in-memory database opened per call (the first
 * call in a process takes about a second: DuckDB extracts its native library).
 *
 * <p>Reading maps Parquet types to {@link TableColumn}s: TIMESTAMP WITH TIME ZONE to instants;
 * TIMESTAMP (any unit) to wall-clock times and DATE to wall-clock dates; integer types to
 * longs; FLOAT, DOUBLE and DECIMAL to numbers; VARCHAR to text; anything else to its text form.
 * Writing maps back: instants to TIMESTAMP WITH TIME ZONE, wall-clock times to TIMESTAMP
 * (DATE when they are dates), longs to BIGINT, numbers to DOUBLE (NaN as NULL), text to
 * VARCHAR. Millisecond precision throughout. Thread-safe: calls share nothing.
 */
public final class ParquetFormat implements TableFormat {

  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public boolean accepts(Path file) {
    if (String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".parquet")) return true;
    if (!Files.isRegularFile(file)) return false;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return java.util.Arrays.equals(head, MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Table read(Path file) {
    String source = "read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
    try (Connection c = connect(); Statement st = c.createStatement()) {
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
        while (rs.next()) {
          names.add(rs.getString("column_name"));
          types.add(rs.getString("column_type").toUpperCase(Locale.ROOT));
        }
      }
      int rows;
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + source)) {
        rs.next();
        rows = Math.toIntExact(rs.getLong(1));
      }
      Kind[] kinds = new Kind[names.size()];
      StringBuilder select = new StringBuilder("SELECT ");
      for (int i = 0; i < names.size(); i++) {
        kinds[i] = Kind.of(types.get(i));
        if (i > 0) select.append(", ");
        select.append(kinds[i].expression(identifier(names.get(i))));
      }
      select.append(" FROM ").append(source);
      long[][] longs = new long[names.size()][];
      double[][] doubles = new double[names.size()][];
      String[][] texts = new String[names.size()][];
      for (int i = 0; i < kinds.length; i++) {
        switch (kinds[i]) {
          case NUMBER -> doubles[i] = new double[rows];
          case TEXT -> texts[i] = new String[rows];
          default -> longs[i] = new long[rows];
        }
      }
      try (ResultSet rs = st.executeQuery(select.toString())) {
        int r = 0;
        while (rs.next()) {
          for (int i = 0; i < kinds.length; i++) {
            int col = i + 1;
            switch (kinds[i]) {
              case NUMBER -> {
                double v = rs.getDouble(col);
                doubles[i][r] = rs.wasNull() ? Double.NaN : v;
              }
              case TEXT -> texts[i][r] = rs.getString(col);
              default -> {
                long v = rs.getLong(col);
                longs[i][r] = rs.wasNull() ? TableColumn.MISSING_LONG : v;
              }
            }
          }
          r++;
        }
      }
      List<TableColumn> columns = new ArrayList<>();
      for (int i = 0; i < kinds.length; i++) {
        String n = names.get(i);
        columns.add(switch (kinds[i]) {
          case INSTANT -> new TableColumn.Instants(n, longs[i]);
          case WALL_TIME -> new TableColumn.LocalTimes(n, longs[i], false);
          case WALL_DATE -> new TableColumn.LocalTimes(n, longs[i], true);
          case WHOLE -> new TableColumn.Longs(n, longs[i]);
          case NUMBER -> new TableColumn.Numbers(n, doubles[i]);
          case TEXT -> new TableColumn.Texts(n, texts[i]);
        });
      }
      return new Table(columns);
    } catch (SQLException e) {
      throw new BadInputException(List.of(new Problem(Where.file(file), "", "bad_parquet",
          "not a readable Parquet file: " + firstLine(e.getMessage()))), "give an undamaged Parquet file, or a CSV / CSV.gz file");
    }
  }

  @Override
  public void write(Table table, Path out) {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      List<TableColumn> columns = table.columns();
      StringBuilder create = new StringBuilder("CREATE TABLE staging (");
      StringBuilder select = new StringBuilder("SELECT ");
      for (int i = 0; i < columns.size(); i++) {
        TableColumn col = columns.get(i);
        String staged = "c" + i;
        if (i > 0) {
          create.append(", ");
          select.append(", ");
        }
        create.append(staged).append(' ').append(stagingType(col));
        select.append(outputExpression(col, staged)).append(" AS ").append(identifier(col.name()));
      }
      create.append(')');
      select.append(" FROM staging");
      st.execute(create.toString());
      try (DuckDBAppender appender = c.unwrap(DuckDBConnection.class).createAppender("staging")) {
        int rows = table.rows();
        for (int r = 0; r < rows; r++) {
          appender.beginRow();
          for (TableColumn col : columns) append(appender, col, r);
          appender.endRow();
        }
      }
      st.execute("COPY (" + select + ") TO " + literal(out.toAbsolutePath().toString()) + " (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new InternalException("writing Parquet " + out + " failed: " + firstLine(e.getMessage()), e);
    }
  }

  private static void append(DuckDBAppender a, TableColumn col, int r) throws SQLException {
    if (col instanceof TableColumn.Numbers d) {
      double v = d.values()[r];
      if (Double.isNaN(v)) a.appendNull();
      else a.append(v);
    } else if (col instanceof TableColumn.Texts t) {
      String v = t.values()[r];
      if (v == null) a.appendNull();
      else a.append(v);
    } else {
      long v;
      if (col instanceof TableColumn.Instants i) v = i.epochMillis()[r];
      else if (col instanceof TableColumn.LocalTimes l) v = l.wallMillis()[r];
      else v = ((TableColumn.Longs) col).values()[r];
      if (v == TableColumn.MISSING_LONG) a.appendNull();
      else a.append(v);
    }
  }

  private static String stagingType(TableColumn col) {
    if (col instanceof TableColumn.Numbers) return "DOUBLE";
    if (col instanceof TableColumn.Texts) return "VARCHAR";
    return "BIGINT";
  }

  private static String outputExpression(TableColumn col, String staged) {
    if (col instanceof TableColumn.Instants) return "epoch_ms(" + staged + ")::TIMESTAMPTZ";
    if (col instanceof TableColumn.LocalTimes l) return l.dateOnly() ? "epoch_ms(" + staged + ")::DATE" : "epoch_ms(" + staged + ")";
    return staged;
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String identifier(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String firstLine(String message) {
    if (message == null) return "";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** How a DuckDB column type is read. */
  private enum Kind {
    INSTANT, WALL_TIME, WALL_DATE, WHOLE, NUMBER, TEXT;

    static Kind of(String type) {
      if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) return INSTANT;
      if (type.startsWith("TIMESTAMP")) return WALL_TIME;
      if (type.equals("DATE")) return WALL_DATE;
      if (type.equals("TINYINT") || type.equals("SMALLINT") || type.equals("INTEGER") || type.equals("BIGINT")
          || type.equals("UTINYINT") || type.equals("USMALLINT") || type.equals("UINTEGER")) return WHOLE;
      if (type.equals("FLOAT") || type.equals("DOUBLE") || type.startsWith("DECIMAL") || type.equals("UBIGINT")
          || type.equals("HUGEINT") || type.equals("UHUGEINT")) return NUMBER;
      return TEXT;
    }

    String expression(String column) {
      return switch (this) {
        case INSTANT, WALL_TIME -> "epoch_ms(" + column + ")";
        case WALL_DATE -> "epoch_ms(" + column + "::TIMESTAMP)";
        case WHOLE -> "CAST(" + column + " AS BIGINT)";
        case NUMBER -> "CAST(" + column + " AS DOUBLE)";
        case TEXT -> "CAST(" + column + " AS VARCHAR)";
      };
    }
  }
}
