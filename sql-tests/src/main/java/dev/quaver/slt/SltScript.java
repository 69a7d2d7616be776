package dev.quaver.slt;

import java.util.List;
import java.util.Objects;

/** A parsed sqllogictest file: its display name (as used in reports) and its records. */
public record SltScript(String name, List<SltRecord> records) {
  public SltScript {
    Objects.requireNonNull(name, "name is null");
    records = List.copyOf(records);
  }

  /** Records that run as tests (statements and queries), skipped ones included. */
  public long testRecordCount() {
    return records.stream()
        .filter(r -> r instanceof SltRecord.Statement || r instanceof SltRecord.Query)
        .count();
  }
}
