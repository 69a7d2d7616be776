package dev.quaver.storage.lsm.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
  @TempDir Path directory;

  @Test
  void roundTripsRecords() throws IOException {
    List<String> written = write(100);
    assertThat(readAll(segment(1), true)).containsExactlyElementsOf(written);
  }

  @Test
  void rotatesSegments() throws IOException {
    try (LogWriter writer = new LogWriter(directory, 1, 200)) {
      for (int i = 0; i < 20; i++) {
        append(writer, "record " + i);
      }
      writer.sync();
    }
    List<String> all = new ArrayList<>();
    for (long n = 1; Files.exists(segment(n)); n++) {
      all.addAll(readAll(segment(n), !Files.exists(segment(n + 1))));
    }
    assertThat(all).hasSize(20).startsWith("record 0").endsWith("record 19");
    assertThat(Files.exists(segment(2))).isTrue();
  }

  @Test
  void truncatedTailIsDropped() throws IOException {
    List<String> written = write(10);
    long size = Files.size(segment(1));
    for (long cut = size - 1; cut > size - 30; cut--) {
      truncate(segment(1), cut);
      LogReader reader = new LogReader(segment(1), true);
      List<String> read = drain(reader);
      assertThat(read).containsExactlyElementsOf(written.subList(0, read.size()));
      assertThat(read.size()).isLessThan(written.size());
      assertThat(reader.hasTornTail() || reader.validLength() == cut).isTrue();
      assertThat(reader.validLength()).isLessThanOrEqualTo(cut);
    }
  }

  @Test
  void badChecksumInLastRecordIsATornTail() throws IOException {
    List<String> written = write(5);
    long size = Files.size(segment(1));
    flip(segment(1), size - 2);
    LogReader reader = new LogReader(segment(1), true);
    assertThat(drain(reader)).containsExactlyElementsOf(written.subList(0, 4));
    assertThat(reader.hasTornTail()).isTrue();
  }

  @Test
  void corruptionFollowedByDataIsRefusedWithFileAndOffset() throws IOException {
    write(5);
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
    List<String> written = write(4);
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

  private List<String> write(int count) throws IOException {
    List<String> written = new ArrayList<>();
    try (LogWriter writer = new LogWriter(directory, 1, LogFormat.DEFAULT_SEGMENT_BYTES)) {
      for (int i = 0; i < count; i++) {
        String text = "record number " + i;
        append(writer, text);
        written.add(text);
      }
    }
    return written;
  }

  private static long append(LogWriter writer, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] buffer = new byte[LogFormat.RECORD_HEADER_BYTES + payload.length];
    System.arraycopy(payload, 0, buffer, LogFormat.RECORD_HEADER_BYTES, payload.length);
    return writer.append(LogFormat.TYPE_COMMIT, buffer, buffer.length);
  }

  private static List<String> readAll(Path file, boolean newest) throws IOException {
    return drain(new LogReader(file, newest));
  }

  private static List<String> drain(LogReader reader) {
    List<String> records = new ArrayList<>();
    while (reader.next()) {
      records.add(new String(reader.buffer(), reader.payloadOffset(), reader.payloadLength(),
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
