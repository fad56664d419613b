package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link TableFormat} plug-in for a file with {@link ServiceLoader}. */
final class TableFormats {

  private TableFormats() {}

  static TableFormat forFile(Path file) {
    for (TableFormat f : ServiceLoader.load(TableFormat.class, TableFormats.class.getClassLoader())) {
      if (f.accepts(file)) return f;
    }
    throw new BadInputException(List.of(new Problem(Where.file(file), "", "format_not_available",
        "reading or writing Parquet needs the quiver-parquet module, which is not on the classpath")),
        "run the quiver application (bin/quiver), or add the dev.quiver:quiver-parquet dependency; or use CSV / CSV.gz");
  }
}
