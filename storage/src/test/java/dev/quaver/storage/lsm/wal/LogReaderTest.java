package dev.quaver.storage.lsm.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WAL segments written by LogWriter and read by LogReader: records, rotation, group commit, and
 * torn tails vs corruption. A "crash image" is a segment as a crash leaves it: without the END
 * record a clean close or rotation writes. Payloads start with a sequence number, as COMMIT
 * payloads do.
 */
class LogReaderTest {
  @TempDir Path directory;
  private long nextSequence = 1;

  @Test
  void roundTripsRecords() throws IOException {
    List<String> written = write(100);
    LogReader reader = new LogReader(segment(1), true);
    assertThat(drain(reader)).containsExactlyElementsOf(written);
    assertThat(reader.hasEndRecord()).isTrue();
    assertThat(reader.hasTornTail()).isFalse();
    assertThat(reader.version()).isEqualTo(LogFormat.VERSION);
  }

  @Test
  void rotatesSegmentsEachEndingWithItsEndRecord() throws IOException {
    try (LogWriter writer = new LogWriter(directory, 1, 200, 0)) {
      for (int i = 0; i < 20; i++) {
        append(writer, "record " + i);
      }
      writer.sync();
    }
    List<String> all = new ArrayList<>();
    for (long n = 1; Files.exists(segment(n)); n++) {
      LogReader reader = new LogReader(segment(n), false);
      all.addAll(drain(reader));
      assertThat(reader.hasEndRecord()).isTrue();
    }
    assertThat(all).hasSize(20).startsWith("record 0").endsWith("record 19");
    assertThat(Files.exists(segment(2))).isTrue();
  }

  @Test
  void truncatedTailIsDropped() throws IOException {
    List<String> written = crashImage(10);
    long size = Files.size(segment(1));
    for (long cut = size - 1; cut > size - 60; cut--) {
      truncate(segment(1), cut);
      LogReader reader = new LogReader(segment(1), true);
      List<String> read = drain(reader);
      assertThat(read).containsExactlyElementsOf(written.subList(0, read.size()));
      assertThat(read.size()).isLessThan(written.size());
      assertThat(reader.hasTornTail()).isTrue();
      assertThat(reader.validLength()).isLessThanOrEqualTo(cut);
    }
  }

  @Test
  void badChecksumInLastRecordIsATornTail() throws IOException {
    List<String> written = crashImage(5);
    flip(segment(1), Files.size(segment(1)) - 2);
    LogReader reader = new LogReader(segment(1), true);
    assertThat(drain(reader)).containsExactlyElementsOf(written.subList(0, 4));
    assertThat(reader.hasTornTail()).isTrue();
  }

  @Test
  void badRecordBeforeTheEndRecordIsCorruption() throws IOException {
    write(5);
    flip(segment(1), Files.size(segment(1)) - LogFormat.RECORD_HEADER_BYTES - 2);
    assertThatThrownBy(() -> drain(new LogReader(segment(1), true)))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
        .hasMessageContaining("valid record follows");
  }

  @Test
  void corruptionFollowedByDataIsRefusedWithFileAndOffset() throws IOException {
    crashImage(5);
    long offset = LogFormat.SEGMENT_HEADER_BYTES + LogFormat.RECORD_HEADER_BYTES + 3;
    flip(segment(1), offset);
    LogReader reader = new LogReader(segment(1), true);
    assertThatThrownBy(() -> drain(reader))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
        .hasMessageContaining(segment(1).toString())
        .hasMessageContaining("offset " + LogFormat.SEGMENT_HEADER_BYTES);
  }

  @Test
  void everyFlippedByteIsDetected() throws IOException {
    List<String> written = crashImage(4);
    byte[] original = Files.readAllBytes(segment(1));
    for (int position = 0; position < original.length; position++) {
      Files.write(segment(1), original);
      flip(segment(1), position);
      try {
        List<String> read = drain(new LogReader(segment(1), true));
        // accepted only as a torn tail: a prefix of what was written, never altered records
        assertThat(read).containsExactlyElementsOf(written.subList(0, read.size()));
        assertThat(read.size()).as("flip at %d", position).isEqualTo(written.size() - 1);
      } catch (QuaverException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED);
      }
    }
  }

  @Test
  void tornTailInOlderSegmentIsCorruption() throws IOException {
    write(3);
    truncate(segment(1), Files.size(segment(1)) - 1);
    assertThatThrownBy(() -> drain(new LogReader(segment(1), false)))
        .isInstanceOf(QuaverException.class).hasMessageContaining("not the newest");
  }

  @Test
  void preallocatedZerosEndTheNewestSegmentOnly() throws Exception {
    List<String> written = new ArrayList<>();
    Path image = directory.resolve("image");
    Files.createDirectories(image);
    try (LogWriter writer = new LogWriter(directory, 1, LogFormat.DEFAULT_SEGMENT_BYTES, 64 << 10)) {
      for (int i = 0; i < 50; i++) {
        written.add("row " + i);
        writer.syncTo(append(writer, "row " + i));
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (writer.currentFileLength() < 32 << 10 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(writer.currentFileLength()).isGreaterThanOrEqualTo(32 << 10);
      Files.copy(segment(1), image.resolve(segment(1).getFileName())); // the crash image
    }
    Path crashed = image.resolve(segment(1).getFileName());
    assertThat(Files.size(crashed)).isGreaterThan(Files.size(segment(1)) / 2);
    LogReader reader = new LogReader(crashed, true);
    assertThat(drain(reader)).containsExactlyElementsOf(written);
    assertThat(reader.hasTornTail()).isTrue();
    assertThatThrownBy(() -> drain(new LogReader(crashed, false)))
        .isInstanceOf(QuaverException.class).hasMessageContaining("not the newest");
    LogWriter.seal(crashed, 1, reader.validLength());
    LogReader sealed = new LogReader(crashed, false);
    assertThat(drain(sealed)).containsExactlyElementsOf(written);
    assertThat(sealed.hasEndRecord()).isTrue();
  }

  @Test
  void recycledSegmentKeepsItsBlocksAndItsOldRecordsAreNotRead() throws Exception {
    write(200);
    long oldLength = Files.size(segment(1));
    try (LogWriter old = new LogWriter(directory, 2, LogFormat.DEFAULT_SEGMENT_BYTES, 0)) {
      old.recycle(segment(1));
      assertThat(old.freeSegmentFiles()).isEqualTo(1);
    }
    assertThat(Files.exists(segment(1))).isFalse();
    Path image = directory.resolve("image");
    Files.createDirectories(image);
    List<String> written = new ArrayList<>();
    try (LogWriter writer = new LogWriter(directory, 3, LogFormat.DEFAULT_SEGMENT_BYTES, 0)) {
      assertThat(writer.freeSegmentFiles()).isZero(); // segment 3 took the free file
      assertThat(writer.currentFileLength()).isEqualTo(oldLength);
      for (int i = 0; i < 3; i++) {
        written.add("new " + i);
        writer.syncTo(append(writer, "new " + i));
      }
      Files.copy(segment(3), image.resolve(segment(3).getFileName()));
    }
    LogReader crashed = new LogReader(image.resolve(segment(3).getFileName()), true, 0);
    assertThat(drain(crashed)).containsExactlyElementsOf(written);
    assertThat(crashed.hasTornTail()).isTrue();
    LogReader closed = new LogReader(segment(3), false);
    assertThat(drain(closed)).containsExactlyElementsOf(written);
    assertThat(closed.hasEndRecord()).isTrue();
  }

  @Test
  void version1SegmentsAreStillRead() throws IOException {
    ByteBuffer file = ByteBuffer.allocate(1000);
    file.putInt(LogFormat.MAGIC).putShort((short) 1).putShort((short) 0).putLong(1);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] record = record("v1 " + i);
      written.add("v1 " + i);
      int payload = record.length - LogFormat.RECORD_HEADER_BYTES;
      ByteBuffer.wrap(record).putInt(4, payload).put(8, (byte) LogFormat.TYPE_COMMIT)
          .putInt(0, LogFormat.checksum(record, 0, payload));
      file.put(record);
    }
    Files.write(segment(1), Arrays.copyOf(file.array(), file.position()));
    LogReader reader = new LogReader(segment(1), false);
    assertThat(drain(reader)).containsExactlyElementsOf(written);
    assertThat(reader.version()).isEqualTo(1);
    truncate(segment(1), file.position() - 1);
    LogReader torn = new LogReader(segment(1), true);
    assertThat(drain(torn)).containsExactlyElementsOf(written.subList(0, 2));
    assertThat(torn.hasTornTail()).isTrue();
  }

  @Test
  void groupCommitSyncsConcurrentWriters() throws Exception {
    try (LogWriter writer = new LogWriter(directory, 1, LogFormat.DEFAULT_SEGMENT_BYTES)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        threads.add(new Thread(() -> {
          try {
            for (int i = 0; i < 50; i++) {
              writer.syncTo(append(writer, "t" + id + "-" + i));
            }
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
    }
    assertThat(readAll(segment(1), true)).hasSize(400);
  }

  @Test
  void sixtyFourCommittersAllReturnAndShareSyncs() throws Exception {
    int threads = 64;
    int perThread = 30;
    long syncs;
    try (LogWriter writer = new LogWriter(directory, 1, LogFormat.DEFAULT_SEGMENT_BYTES)) {
      List<Thread> committers = new ArrayList<>();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
      for (int t = 0; t < threads; t++) {
        int id = t;
        committers.add(new Thread(() -> {
          try {
            start.await();
            for (int i = 0; i < perThread; i++) {
              long position = append(writer, "t" + id + "-" + i);
              writer.syncTo(position);
              writer.syncTo(position); // already synced: returns at once
            }
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        }));
      }
      committers.forEach(Thread::start);
      start.countDown();
      for (Thread committer : committers) {
        committer.join();
      }
      assertThat(failures).hasValue(0);
      syncs = writer.syncs();
    }
    assertThat(syncs).isBetween(1L, (long) threads * perThread);
    assertThat(readAll(segment(1), true)).hasSize(threads * perThread);
  }

  @Test
  void anInterruptedCommitterStillSyncsAndKeepsItsInterrupt() throws IOException {
    try (LogWriter writer = new LogWriter(directory, 1, LogFormat.DEFAULT_SEGMENT_BYTES)) {
      long position = append(writer, "while interrupted");
      Thread.currentThread().interrupt();
      try {
        writer.syncTo(position); // leads the sync: the fdatasync sets the interrupt aside
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        writer.syncTo(position); // nothing to wait for
        assertThat(writer.syncs()).isEqualTo(1);
      } finally {
        Thread.interrupted();
      }
      writer.syncTo(append(writer, "after"));
      assertThat(writer.syncs()).isEqualTo(2);
    }
    assertThat(readAll(segment(1), true)).containsExactly("while interrupted", "after");
  }

  /** Writes {@code count} records and closes the writer (no preallocation: exact layout). */
  private List<String> write(int count) throws IOException {
    List<String> written = new ArrayList<>();
    try (LogWriter writer = new LogWriter(directory, 1, LogFormat.DEFAULT_SEGMENT_BYTES, 0)) {
      for (int i = 0; i < count; i++) {
        String text = "record number " + i;
        append(writer, text);
        written.add(text);
      }
    }
    return written;
  }

  /** As {@link #write}, then drops the END record: the segment as a crash leaves it. */
  private List<String> crashImage(int count) throws IOException {
    List<String> written = write(count);
    truncate(segment(1), Files.size(segment(1)) - LogFormat.RECORD_HEADER_BYTES);
    return written;
  }

  /** Payload: the next sequence number (u64), then the text. */
  private byte[] record(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(LogFormat.RECORD_HEADER_BYTES + 8 + bytes.length);
    buffer.position(LogFormat.RECORD_HEADER_BYTES);
    buffer.putLong(nextSequence++).put(bytes);
    return buffer.array();
  }

  private synchronized long append(LogWriter writer, String text) throws IOException {
    byte[] buffer = record(text);
    return writer.append(LogFormat.TYPE_COMMIT, buffer, buffer.length);
  }

  private static List<String> readAll(Path file, boolean newest) throws IOException {
    return drain(new LogReader(file, newest));
  }

  private static List<String> drain(LogReader reader) {
    List<String> records = new ArrayList<>();
    while (reader.next()) {
      records.add(new String(reader.buffer(), reader.payloadOffset() + 8, reader.payloadLength() - 8,
          StandardCharsets.UTF_8));
    }
    return records;
  }

  private Path segment(long number) {
    return directory.resolve(LogFormat.segmentFileName(number));
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
      raf.write(b ^ 0x5A);
    }
  }
}
