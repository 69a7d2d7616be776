package dev.quaver.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.lsm.sst.SstMeta;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest round trip, rolling, torn tails (ignored) and corruption (refused). */
class ManifestTest {
  @TempDir Path directory;

  private static ManifestState state(long flushed) {
    SstMeta file = new SstMeta(7, 4096, new byte[] {1, 2}, new byte[] {1, 9}, 3, flushed, 12);
    return new ManifestState(8, flushed, 5, new byte[] {42, 43}, Map.of(3L, 100L),
        List.of(List.of(file), List.of(), List.of(new SstMeta(4, 100, new byte[] {0},
            new byte[] {0, 1}, 1, 2, 3))));
  }

  private static void assertSame(ManifestState actual, ManifestState expected) {
    assertThat(actual.flushedSequence()).isEqualTo(expected.flushedSequence());
    assertThat(actual.nextFileNumber()).isEqualTo(expected.nextFileNumber());
    assertThat(actual.logNumber()).isEqualTo(expected.logNumber());
    assertThat(actual.catalog()).isEqualTo(expected.catalog());
    assertThat(actual.rowIds()).isEqualTo(expected.rowIds());
    assertThat(actual.levels()).isEqualTo(expected.levels());
    assertThat(actual.levels().get(0).get(0).largest()).isEqualTo(new byte[] {1, 9});
  }

  @Test
  void newestRecordWinsAndSurvivesRolling() throws IOException {
    assertThat(Manifest.read(directory)).isNull();
    try (Manifest manifest = Manifest.create(directory, state(10))) {
      manifest.append(state(20));
      manifest.append(state(30));
    }
    assertSame(Manifest.read(directory), state(30));
    try (Manifest manifest = Manifest.create(directory, state(40))) {
      assertSame(Manifest.read(directory), state(40));
    }
    try (var files = Files.list(directory)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("CURRENT", "MANIFEST-000002");
    }
  }

  @Test
  void tornTailFallsBackToThePreviousRecord() throws IOException {
    Path file = writeThree();
    long size = Files.size(file);
    int record = ManifestFormat.encode(state(30)).length;
    for (long cut = size - 1; cut > size - record; cut -= 7) {
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.setLength(cut);
      }
      assertSame(Manifest.read(directory), state(20));
    }
  }

  @Test
  void flippedLastRecordIsATornTail() throws IOException {
    Path file = writeThree();
    flip(file, Files.size(file) - 3);
    assertSame(Manifest.read(directory), state(20));
  }

  @Test
  void flippedBytesBeforeTheTailAreRefused() throws IOException {
    Path file = writeThree();
    int record = ManifestFormat.encode(state(30)).length;
    for (long position : new long[] {ManifestFormat.HEADER_BYTES + 2, ManifestFormat.HEADER_BYTES + record + 9}) {
      Path copy = writeThree();
      flip(copy, position);
      assertThatThrownBy(() -> Manifest.read(directory)).isInstanceOf(QuaverException.class)
          .satisfies(e -> {
            assertThat(((QuaverException) e).code()).isEqualTo(ErrorCode.DATA_CORRUPTED);
            assertThat(e.getMessage()).contains("MANIFEST-").contains("offset");
          });
    }
    flip(file, 1); // header
    assertThatThrownBy(() -> Manifest.read(directory)).isInstanceOf(QuaverException.class);
  }

  @Test
  void currentNamingAMissingFileIsRefused() throws IOException {
    Files.writeString(directory.resolve("CURRENT"), "MANIFEST-000009\n");
    assertThatThrownBy(() -> Manifest.read(directory)).isInstanceOf(QuaverException.class)
        .hasMessageContaining("does not exist");
  }

  private Path writeThree() throws IOException {
    try (var files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    try (Manifest manifest = Manifest.create(directory, state(10))) {
      manifest.append(state(20));
      manifest.append(state(30));
    }
    return directory.resolve(ManifestFormat.fileName(1));
  }

  private static void flip(Path file, long position) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(position);
      int b = raf.read();
      raf.seek(position);
      raf.write(b ^ 0x10);
    }
  }
}
