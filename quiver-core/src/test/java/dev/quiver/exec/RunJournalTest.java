package dev.quiver.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {

  @TempDir
  Path dir;

  @Test
  void appended_entries_are_read_back_by_identity() {
    RunJournal j = RunJournal.in(dir);
    assertThat(j.finished()).isEmpty();
    j.append(new RunJournal.Entry("a|1", "a", "lightgbm", 7, 1.25, "models/a-7"));
    j.append(new RunJournal.Entry("b|1", "b", "logistic", 9, 0.5, "models/b-9"));
    assertThat(RunJournal.in(dir).finished()).containsOnlyKeys("a|1", "b|1");
    assertThat(RunJournal.in(dir).finished().get("a|1").fitSeconds()).isEqualTo(1.25);
  }

  @Test
  void a_line_torn_by_a_crash_is_skipped_and_cut_off_by_the_next_append() throws Exception {
    RunJournal j = RunJournal.in(dir);
    j.append(new RunJournal.Entry("a|1", "a", "lightgbm", 7, 1.25, "models/a-7"));
    Files.writeString(j.file(), "{\"identity\":\"b|1\",\"na", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertThat(j.finished()).containsOnlyKeys("a|1");
    j.append(new RunJournal.Entry("c|1", "c", "logistic", 3, 0.5, "models/c-3"));
    assertThat(j.finished()).containsOnlyKeys("a|1", "c|1");
    assertThat(Files.readAllLines(j.file())).hasSize(2);
  }

  @Test
  void a_damaged_line_before_the_last_is_bad_input_naming_the_line() throws Exception {
    Files.writeString(dir.resolve(RunJournal.FILE), "not json\n{\"identity\":\"a\"}\n");
    BadInputException e = catchThrowableOfType(BadInputException.class, () -> RunJournal.in(dir).finished());
    assertThat(e.getMessage()).contains("journal.jsonl", "1");
  }
}
