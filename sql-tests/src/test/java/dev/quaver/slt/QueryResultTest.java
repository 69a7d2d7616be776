package dev.quaver.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTest {
  @Test
  void rowsortComparesColumnByColumn() {
    List<String> values = List.of("10", "2", "1", "9", "1", "10");
    QueryResult result = QueryResult.sorted(2, values, SortMode.ROWSORT);
    assertThat(result.values()).containsExactly("1", "10", "1", "9", "10", "2");
  }

  @Test
  void valuesortSortsAllValues() {
    QueryResult result = QueryResult.sorted(2, List.of("b", "NULL", "a", "3"), SortMode.VALUESORT);
    assertThat(result.values()).containsExactly("3", "NULL", "a", "b");
  }

  @Test
  void nosortKeepsOrder() {
    QueryResult result = QueryResult.sorted(1, List.of("b", "a"), SortMode.NOSORT);
    assertThat(result.values()).containsExactly("b", "a");
  }

  @Test
  void hashesLikeTheCorpus() {
    // md5("1\n2\n"): each value followed by a newline, as in sqllogictest.c.
    QueryResult result = new QueryResult(1, List.of("1", "2"));
    assertThat(result.md5()).isEqualTo("6ddb4095eb719e2a9f0a3f95677d24e0");
    assertThat(result.hashLine()).isEqualTo("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0");
    assertThat(result.matches(List.of("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0")))
        .isTrue();
    assertThat(result.matches(List.of("2 values hashing to 00000000000000000000000000000000")))
        .isFalse();
  }

  @Test
  void matchesValuesPerLineOrRowsPerLine() {
    QueryResult result = new QueryResult(2, List.of("1", "a b", "2", "NULL"));
    assertThat(result.matches(List.of("1", "a b", "2", "NULL"))).isTrue();
    assertThat(result.matches(List.of("1 a b", "2 NULL"))).isTrue();
    assertThat(result.matches(List.of("1\ta b", "2\tNULL"))).isTrue();
    assertThat(result.matches(List.of("1 a b", "2 3"))).isFalse();
    assertThat(result.matches(List.of("1", "a b", "2"))).isFalse();
    assertThat(new QueryResult(1, List.of()).matches(List.of())).isTrue();
  }
}
