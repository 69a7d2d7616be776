package dev.quaver.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {
  @Test
  void printsSqlSpelling() {
    assertThat(ColumnType.decimal(10, 2)).hasToString("DECIMAL(10,2)");
    assertThat(ColumnType.varchar(20)).hasToString("VARCHAR(20)");
    assertThat(ColumnType.TEXT).hasToString("VARCHAR");
    assertThat(ColumnType.character(3)).hasToString("CHAR(3)");
    assertThat(ColumnType.INTEGER).hasToString("INTEGER");
  }

  @Test
  void rejectsImpossibleParameters() {
    assertThatThrownBy(() -> ColumnType.decimal(39, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ColumnType.decimal(5, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ColumnType.varchar(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tagsAreStableAndUnique() {
    Set<Integer> tags = new HashSet<>();
    for (SqlType type : SqlType.values()) {
      assertThat(tags.add(type.tag())).isTrue();
      assertThat(SqlType.fromTag(type.tag())).isEqualTo(type);
    }
    // Tags are on disk and on the wire: these must never change.
    assertThat(SqlType.INTEGER.tag()).isEqualTo(4);
    assertThat(SqlType.TIMESTAMP.tag()).isEqualTo(13);
  }

  @Test
  void javaClassesFollowTheDocumentedRepresentation() {
    assertThat(SqlType.DATE.javaClass()).isEqualTo(Integer.class);
    assertThat(SqlType.TIMESTAMP.javaClass()).isEqualTo(Long.class);
    assertThat(SqlType.DECIMAL.javaClass()).isEqualTo(java.math.BigDecimal.class);
  }
}
