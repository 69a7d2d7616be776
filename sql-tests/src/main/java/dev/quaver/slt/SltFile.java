package dev.quaver.slt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A test file to run and the name it is reported under (a path relative to its corpus root,
 * e.g. {@code select1.test} or {@code sql/ddl/create_table.test}); names key known-failures.
 */
public record SltFile(Path path, String name) {
  public SltFile {
    Objects.requireNonNull(path, "path is null");
    Objects.requireNonNull(name, "name is null");
  }

  /** Names {@code path} relative to {@code root}, with '/' separators and an optional prefix. */
  public static SltFile under(Path root, Path path, String prefix) {
    String relative = root.relativize(path).toString().replace('\\', '/');
    return new SltFile(path, prefix + relative);
  }
}
