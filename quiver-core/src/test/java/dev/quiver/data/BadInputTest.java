package dev.quiver.data;

import static dev.quiver.data.TestFiles.read;
import static dev.quiver.data.TestFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-level bad input: each throws a BadInputException naming the file, what is wrong and the fix. */
class BadInputTest {

  @TempDir Path dir;

  private static BadInputException thrownBy(Path file) {
    try {
      read(file);
    } catch (BadInputException e) {
      assertThat(e.exitCode()).isEqualTo(2);
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.where().file()).isEqualTo(file.toString()));
      assertThat(e.fix()).isNotBlank();
      return e;
    }
    throw new AssertionError("no BadInputException for " + file);
  }

  @Test
  void a_missing_file_is_bad_input() {
    assertThat(thrownBy(dir.resolve("nope.csv")).problems().get(0).rule()).isEqualTo("file_not_found");
  }

  @Test
  void an_empty_file_is_bad_input() {
    assertThat(thrownBy(text(dir, "empty.csv", "")).problems().get(0).rule()).isEqualTo("empty_file");
    assertThat(thrownBy(text(dir, "blank.csv", "\n\n\r\n")).problems().get(0).rule()).isEqualTo("empty_file");
    assertThat(thrownBy(TestFiles.gzip(dir, "empty.csv.gz", "")).problems().get(0).rule()).isEqualTo("empty_file");
  }

  @Test
  void a_gzip_file_cut_in_half_is_reported_as_truncated() throws IOException {
    byte[] whole = Files.readAllBytes(TestData.file(TestData.FUTURES_1M));
    Path half = Files.write(dir.resolve("half.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
    BadInputException e = thrownBy(half);
    assertThat(e.problems().get(0).rule()).isEqualTo("truncated_gzip");
    assertThat(e.getMessage()).contains("truncated");
  }

  @Test
  void a_damaged_gzip_file_is_reported_as_corrupt() throws IOException {
    byte[] whole = Files.readAllBytes(TestData.file(TestData.FUTURES_1M));
    byte[] damaged = whole.clone();
    for (int i = 1000; i < 1100; i++) damaged[i] = (byte) (damaged[i] ^ 0x5a);
    Path p = Files.write(dir.resolve("damaged.csv.gz"), damaged);
    assertThat(thrownBy(p).problems().get(0).rule()).isIn("corrupt_gzip", "truncated_gzip");
  }

  @Test
  void random_bytes_are_not_a_text_file() throws IOException {
    byte[] noise = new byte[50_000];
    new Random(7).nextBytes(noise);
    noise[0] = 'x'; // not a gzip or Parquet magic
    Path p = Files.write(dir.resolve("noise.csv"), noise);
    assertThat(thrownBy(p).problems().get(0).rule()).isEqualTo("not_text");
  }

  @Test
  void a_missing_column_names_the_columns_there_are_and_the_mapping_fix() {
    BadInputException e = thrownBy(text(dir, "noclose.csv", """
        timestamp,open,high,low,last,volume
        2024-01-02T01:30:00Z,10,11,9,10.5,100
        """));
    assertThat(e.problems()).extracting(Problem::rule).containsExactly("missing_column");
    assertThat(e.problems().get(0).where().column()).isEqualTo("close");
    assertThat(e.problems().get(0).where().line()).isEqualTo(1);
    assertThat(e.fix()).contains("timestamp, open, high, low, last, volume").contains("--columns close=");
  }

  @Test
  void an_explicit_mapping_to_an_absent_column_is_bad_input() {
    Path f = text(dir, "a.csv", """
        timestamp,open,high,low,close
        2024-01-02T01:30:00Z,10,11,9,10.5
        """);
    assertThatThrownBy(() -> MarketData.read(f, ReadOptions.defaults().withColumns(ColumnMapping.parse("volume=vol"))))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no column 'vol'");
  }

  @Test
  void a_header_without_data_rows_is_bad_input() {
    assertThat(thrownBy(text(dir, "head.csv", "timestamp,open,high,low,close\n")).problems().get(0).rule()).isEqualTo("no_data_rows");
  }

  @Test
  void an_unreadable_first_timestamp_is_bad_input() {
    BadInputException e = thrownBy(text(dir, "ts.csv", """
        timestamp,open,high,low,close
        yesterday,10,11,9,10.5
        """));
    assertThat(e.problems().get(0).rule()).isEqualTo("bad_timestamp");
    assertThat(e.problems().get(0).where().line()).isEqualTo(2);
  }

  @Test
  void nanosecond_epochs_are_refused() {
    assertThat(thrownBy(text(dir, "ns.csv", """
        timestamp,open,high,low,close
        1704159000000000000,10,11,9,10.5
        """)).problems().get(0).rule()).isEqualTo("unsupported_timestamp");
  }

  @Test
  void a_headerless_row_of_unknown_width_is_bad_input() {
    assertThat(thrownBy(text(dir, "wide.csv", "2024-01-02T01:30:00Z,1,2,3,4,5,6,7,8\n")).problems().get(0).rule()).isEqualTo("no_header");
  }

  @Test
  void parquet_without_the_parquet_module_says_which_module_is_needed() throws IOException {
    Path p = Files.write(dir.resolve("bars.parquet"), "PAR1 not really".getBytes());
    BadInputException e = thrownBy(p);
    assertThat(e.getMessage()).contains("quiver-parquet");
  }

  @Test
  void a_folder_is_not_a_file() {
    assertThat(thrownBy(dir).problems().get(0).rule()).isEqualTo("not_a_file");
  }

  @Test
  void unknown_roles_policies_and_formats_name_the_valid_ones() {
    assertThatThrownBy(() -> ColumnMapping.parse("timestamp=t,clsoe=px")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("clsoe").hasMessageContaining("close");
    assertThatThrownBy(() -> ColumnMapping.parse("close")).isInstanceOf(BadInputException.class).hasMessageContaining("role=column");
    assertThatThrownBy(() -> Policy.parse("skip")).isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).fix()).contains("drop, fail, repair"));
    assertThat(Policy.parse(" Repair ")).isEqualTo(Policy.REPAIR);
    assertThat(TimestampFormat.parse("epoch_ms")).isEqualTo(TimestampFormat.EPOCH_MILLIS);
    assertThatThrownBy(() -> TimestampFormat.parse("unix")).isInstanceOf(BadInputException.class);
  }
}
