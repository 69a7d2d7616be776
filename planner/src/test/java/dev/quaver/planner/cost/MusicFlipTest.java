package dev.quaver.planner.cost;

import static dev.quaver.planner.cost.StatisticsFixture.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's side of the two-scale music proof (issue #7 item 8, {@code bench/run-music-scales.sh}):
 * with 2M plays (distributed by user_id, ts uniform over 2024) the dashboard's join broadcasts a
 * small dim_artists and shuffles the filtered plays once the dimension is large — the flip the
 * bench's two scales (500 and 200,000 artists) sit on either side of, with the figures of
 * docs/cost-model.md §7 (between 15,000 and 20,000 artists with the constants calibrated on a quiet
 * machine; between 4,000 and 5,000 with the earlier ones).
 */
class MusicFlipTest {
  private static final String DASHBOARD = "EXPLAIN SELECT a.name AS artist, f.country, COUNT(*) AS plays"
      + " FROM plays f JOIN dim_artists a ON f.artist_id = a.artist_id"
      + " WHERE f.ts >= TIMESTAMP '2024-12-01 00:00:00'"
      + " GROUP BY a.name, f.country ORDER BY plays DESC, artist, f.country LIMIT 100";
  private static final long PLAYS = 2_000_000;
  private static final long TS_START = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  private static final long TS_END = LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

  @TempDir Path directory;
  private StatisticsFixture fixture;

  @BeforeEach
  void open() {
    fixture = new StatisticsFixture(directory);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private String joinDecision(int artists) {
    fixture.tableWithStatistics("PLAYS", List.of("USER_ID"), 4, PLAYS, List.of(
        col("USER_ID", ColumnType.INTEGER, 1_000_000), col("SONG_ID", ColumnType.INTEGER, 200_000),
        col("ARTIST_ID", ColumnType.INTEGER, artists), col("COUNTRY", ColumnType.varchar(2), 25),
        col("TS", ColumnType.of(dev.quaver.type.SqlType.TIMESTAMP), PLAYS, TS_START, TS_END),
        col("MS_PLAYED", ColumnType.INTEGER, 299_000)));
    TableDef dimension = fixture.table("DIM_ARTISTS", List.of("ARTIST_ID"), 4, List.of(
        col("ARTIST_ID", ColumnType.INTEGER, artists), col("NAME", ColumnType.varchar(64), artists),
        col("COUNTRY", ColumnType.varchar(2), 25), col("GENRE", ColumnType.varchar(16), 10)));
    fixture.analyzed(dimension, artists, List.of(col("ARTIST_ID", ColumnType.INTEGER, artists),
        col("NAME", ColumnType.varchar(64), artists), col("COUNTRY", ColumnType.varchar(2), 25),
        col("GENRE", ColumnType.varchar(16), 10)));
    return new Planner(fixture.engine().catalog()).prepare(DASHBOARD).explainLines().stream()
        .filter(line -> line.contains("HashJoin")).findFirst().orElseThrow();
  }

  @Test
  void aSmallDimensionIsBroadcast() {
    assertThat(joinDecision(500)).contains("[broadcast");
  }

  @Test
  void aLargeDimensionIsNotBroadcastTheFilteredPlaysAreShuffled() {
    assertThat(joinDecision(200_000)).contains("[shuffle");
  }

  @Test
  void theFlipLiesBetweenTheBenchsScales() {
    assertThat(joinDecision(2_000)).contains("[broadcast");
  }

  @Test
  void theFlipLiesBelowTwentyThousandArtists() {
    assertThat(joinDecision(20_000)).contains("[shuffle");
  }
}
