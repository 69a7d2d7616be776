package dev.quaver.bench.olap;

import static dev.quaver.bench.olap.Table.col;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The music service of {@code shared/WORKLOADS.md}, as far as the dashboard query needs it:
 * {@code dim_artists} (10K artists) and {@code plays} (N rows). Song popularity is Zipf (s = 1) over
 * 200K songs, each song belongs to one artist (a fixed hash of the song id), the listener is one of
 * 1M users whose country is drawn once per user from 25 countries with weights 1/k, and {@code ts}
 * is uniform over 2024 at one-second resolution. dim_songs and dim_users are not loaded: the
 * dashboard query does not read them. {@link MusicScales} varies the number of artists (the
 * dimension that grows until broadcasting it costs more than shuffling the plays): with more
 * artists than songs there are as many songs as artists, so every artist can appear.
 */
final class MusicData {
  static final int ARTISTS = 10_000;
  static final int SONGS = 200_000;
  static final int USERS = 1_000_000;
  static final String[] COUNTRIES = {"US", "GB", "DE", "BR", "SE", "FR", "JP", "IN", "MX", "ES", "IT",
      "CA", "AU", "NL", "PL", "AR", "TR", "KR", "ID", "NO", "DK", "FI", "CL", "CO", "ZA"};
  private static final String[] GENRES = {"pop", "rock", "hiphop", "jazz", "classical", "electronic",
      "folk", "metal", "rnb", "country"};
  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ven", "sol", "tor", "el", "an",
      "bri", "dus", "qua", "ver", "ny", "zo", "pe"};
  private static final long TS_2024 = LocalDateTime.of(2024, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC);
  private static final int SECONDS_2024 = 366 * 86_400;

  private MusicData() {}

  static Table artists() {
    return artists(ARTISTS);
  }

  /** {@code dim_artists} with ids 1..{@code count}; the first 10K are those of {@link #artists()}. */
  static Table artists(int count) {
    return new Table("dim_artists", List.of(col("artist_id", "INTEGER"), col("name", "VARCHAR(64)"),
        col("country", "VARCHAR(2)"), col("genre", "VARCHAR(16)")), "artist_id", sink -> {
          SplittableRandom random = new SplittableRandom(101);
          for (int id = 1; id <= count; id++) {
            StringBuilder name = new StringBuilder();
            int words = 1 + random.nextInt(2);
            for (int w = 0; w < words; w++) {
              name.append(w == 0 ? "" : " ");
              int syllables = 2 + random.nextInt(2);
              for (int s = 0; s < syllables; s++) {
                String syl = SYLLABLES[random.nextInt(SYLLABLES.length)];
                name.append(s == 0 ? Character.toUpperCase(syl.charAt(0)) + syl.substring(1) : syl);
              }
            }
            name.append(' ').append(id); // unique names: the dashboard groups by name
            sink.accept(new Object[] {id, name.toString(), COUNTRIES[random.nextInt(COUNTRIES.length)],
                GENRES[random.nextInt(GENRES.length)]});
          }
        });
  }

  static Table plays(long rows) {
    return plays(rows, ARTISTS);
  }

  /** {@code plays} whose songs belong to artists 1..{@code artists}. */
  static Table plays(long rows, int artists) {
    int songs = Math.max(SONGS, artists);
    return new Table("plays", List.of(col("user_id", "INTEGER"), col("song_id", "INTEGER"),
        col("artist_id", "INTEGER"), col("country", "VARCHAR(2)"), col("ts", "TIMESTAMP"),
        col("ms_played", "INTEGER")), null, sink -> {
          double[] songCdf = zipfCdf(songs, 1.0);
          double[] countryCdf = zipfCdf(COUNTRIES.length, 1.0);
          byte[] userCountry = new byte[USERS + 1];
          SplittableRandom users = new SplittableRandom(202);
          for (int u = 1; u <= USERS; u++) {
            userCountry[u] = (byte) sample(countryCdf, users.nextDouble());
          }
          SplittableRandom random = new SplittableRandom(303);
          for (long i = 0; i < rows; i++) {
            int user = 1 + random.nextInt(USERS);
            int song = 1 + sample(songCdf, random.nextDouble());
            LocalDateTime ts = LocalDateTime.ofEpochSecond(TS_2024 + random.nextInt(SECONDS_2024), 0,
                java.time.ZoneOffset.UTC);
            sink.accept(new Object[] {user, song, artistOf(song, artists), COUNTRIES[userCountry[user]], ts,
                1_000 + random.nextInt(299_000)});
          }
        });
  }

  /** The artist of a song: a fixed mix of the id, so popular songs spread over artists. */
  static int artistOf(int song) {
    return artistOf(song, ARTISTS);
  }

  /** The artist of a song among {@code artists}. */
  static int artistOf(int song, int artists) {
    long h = song * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    return 1 + (int) Math.floorMod(h, (long) artists);
  }

  static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1.0 / Math.pow(k, s);
      cdf[k - 1] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    return cdf;
  }

  /** Index of the first CDF entry ≥ u. */
  static int sample(double[] cdf, double u) {
    int i = Arrays.binarySearch(cdf, u);
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }
}
