package dev.quaver.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The known-failures ratchet: {@code <file>:<line> <reason>} per line ({@code #} comments and
 * blank lines ignored). A run fails when a record fails that is not listed, and when a listed
 * record passes (so the list only shrinks). Listed records that were skipped or not run (file
 * not in this run, halted) are ignored. Immutable.
 */
public final class KnownFailures {
  private final Map<String, String> reasons;

  private KnownFailures(Map<String, String> reasons) {
    this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  public static KnownFailures none() {
    return new KnownFailures(Map.of());
  }

  /** Reads the list; a missing file is an empty list. */
  public static KnownFailures load(Path file) throws IOException {
    if (file == null || !Files.exists(file)) {
      return none();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  public static KnownFailures parse(String text) {
    Map<String, String> reasons = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String raw : text.split("\r?\n")) {
      lineNumber++;
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.indexOf(' ');
      String key = space < 0 ? line : line.substring(0, space);
      if (!key.matches(".+:\\d+")) {
        throw new IllegalArgumentException(
            "known-failures line " + lineNumber + " is not '<file>:<line> <reason>': " + raw);
      }
      reasons.put(key, space < 0 ? "" : line.substring(space + 1).trim());
    }
    return new KnownFailures(reasons);
  }

  public boolean isListed(String key) {
    return reasons.containsKey(key);
  }

  public int size() {
    return reasons.size();
  }

  /** Failures of {@code result} that are not listed: each is a ratchet violation. */
  public List<RecordFailure> unexpectedFailures(FileResult result) {
    List<RecordFailure> unexpected = new ArrayList<>();
    for (RecordFailure failure : result.failures()) {
      if (!reasons.containsKey(failure.key())) {
        unexpected.add(failure);
      }
    }
    return unexpected;
  }

  /** Listed records of {@code result}'s file that passed: they must leave the list. */
  public List<String> fixedRecords(FileResult result) {
    List<String> fixed = new ArrayList<>();
    for (int line : result.passedLines()) {
      String key = result.name() + ":" + line;
      if (reasons.containsKey(key)) {
        fixed.add(key);
      }
    }
    return fixed;
  }
}
