package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.insert;
import static dev.quaver.storage.EngineTestSupport.people;
import static dev.quaver.storage.EngineTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.lsm.wal.LogFormat;
import dev.quaver.storage.lsm.wal.LogReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening after torn and corrupt WAL tails, at the engine level. */
class RecoveryTest {
  @TempDir Path directory;

  @Test
  void tornTailLosesOnlyTheLastCommitAndIsTruncated() throws IOException {
    writeThreeCommits();
    Path segment = newestNonEmptySegment();
    truncate(segment, endOfLastCommit(segment) - 3); // cuts into the last commit (the END goes too)
    try (StorageEngine engine = open()) {
      TableDef t = engine.catalog().table("T").orElseThrow();
      assertThat(rows(engine, t)).containsExactly(List.of(1, "a", 1L), List.of(2, "b", 2L));
      insert(engine, t, new Object[] {4, "d", 4L});
    }
    try (StorageEngine engine = open()) {
      assertThat(rows(engine, engine.catalog().table("T").orElseThrow())).hasSize(3);
    }
  }

  @Test
  void garbageAppendedAfterTheLastRecordIsDropped() throws IOException {
    writeThreeCommits();
    Path segment = newestNonEmptySegment();
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.seek(file.length());
      file.write(new byte[] {0, 0, 0, 0, 0x7F, 0x7F, 0x7F});
    }
    try (StorageEngine engine = open()) {
      assertThat(rows(engine, engine.catalog().table("T").orElseThrow())).hasSize(3);
    }
  }

  @Test
  void corruptionBeforeValidRecordsIsRefused() throws IOException {
    writeThreeCommits();
    Path segment = newestNonEmptySegment();
    flip(segment, LogFormat.SEGMENT_HEADER_BYTES + LogFormat.RECORD_HEADER_BYTES + 12);
    assertThatThrownBy(this::open).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
        .hasMessageContaining(segment.getFileName().toString())
        .hasMessageContaining("offset " + LogFormat.SEGMENT_HEADER_BYTES);
    // the refusal released the directory lock
    assertThatThrownBy(this::open).isInstanceOf(QuaverException.class)
        .hasMessageContaining("corrupted");
  }

  private void writeThreeCommits() {
    try (StorageEngine engine = open()) {
      TableDef t = engine.catalog().createTable(people("T"));
      insert(engine, t, new Object[] {1, "a", 1L});
      insert(engine, t, new Object[] {2, "b", 2L});
      insert(engine, t, new Object[] {3, "c", 3L});
    }
  }

  private StorageEngine open() {
    return Storage.open(StorageConfig.defaults(directory));
  }

  /** The newest segment holding a COMMIT record (segments are preallocated: size says nothing). */
  private Path newestNonEmptySegment() throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("wal"))) {
      return files.filter(f -> LogFormat.segmentNumber(f) >= 0).filter(f -> {
        try {
          return endOfLastCommit(f) > LogFormat.SEGMENT_HEADER_BYTES;
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      }).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  private static long endOfLastCommit(Path segment) throws IOException {
    LogReader reader = new LogReader(segment, true);
    long end = LogFormat.SEGMENT_HEADER_BYTES;
    while (reader.next()) {
      end = reader.payloadOffset() + reader.payloadLength();
    }
    return end;
  }

  private static void truncate(Path file, long length) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(length);
    }
  }

  private static void flip(Path file, long position) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(position);
      int b = raf.read();
      raf.seek(position);
      raf.write(b ^ 0x21);
    }
  }
}
