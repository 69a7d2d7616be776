package dev.quaver.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.type.ColumnType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class CalciteTypeNamesTest {
  @Test
  void mapsTheTypesWithoutParametersOnly() {
    assertThat(CalciteTypeNames.parameterless(SqlTypeName.INTEGER)).isEqualTo(ColumnType.INTEGER);
    assertThat(CalciteTypeNames.parameterless(SqlTypeName.FLOAT)).isEqualTo(ColumnType.DOUBLE);
    assertThat(CalciteTypeNames.parameterless(SqlTypeName.TIMESTAMP)).isEqualTo(ColumnType.TIMESTAMP);
    assertThat(CalciteTypeNames.parameterless(SqlTypeName.DECIMAL)).isNull();
    assertThat(CalciteTypeNames.parameterless(SqlTypeName.VARCHAR)).isNull();
    assertThat(CalciteTypeNames.parameterless(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)).isNull();
    assertThat(CalciteTypeNames.parameterless(SqlTypeName.NULL)).isNull();
  }
}
