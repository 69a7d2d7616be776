package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite literals as Literal expressions holding the Java value SqlType fixes for their type
 * (DATE: Integer days, TIME: Integer ms of day, TIMESTAMP: Long ms, DECIMAL: BigDecimal, ...).
 * Character literals are typed VARCHAR of their length; symbols (TRIM modes, time units) become
 * VARCHAR literals of their name.
 */
final class LiteralConversion {
  private LiteralConversion() {}

  static PhysicalExpr.Literal convert(RexLiteral literal) {
    SqlTypeName name = literal.getType().getSqlTypeName();
    if (name == SqlTypeName.SYMBOL) {
      Object value = literal.getValue();
      String text = value instanceof Enum<?> symbol ? symbol.name() : String.valueOf(value);
      return new PhysicalExpr.Literal(text, TypeMapping.varchar(text.length()));
    }
    ColumnType type = TypeMapping.toColumnType(literal.getType());
    if (literal.isNull()) {
      return new PhysicalExpr.Literal(null, type);
    }
    return new PhysicalExpr.Literal(value(literal, type), type);
  }

  private static Object value(RexLiteral literal, ColumnType type) {
    switch (type.type()) {
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      case TINYINT:
        return decimal(literal).byteValueExact();
      case SMALLINT:
        return decimal(literal).shortValueExact();
      case INTEGER:
        return decimal(literal).intValueExact();
      case BIGINT:
        return decimal(literal).longValueExact();
      case REAL:
        return decimal(literal).floatValue();
      case DOUBLE: {
        Double value = literal.getValueAs(Double.class);
        return value;
      }
      case DECIMAL:
        return decimal(literal).setScale(type.scale(), RoundingMode.HALF_UP);
      case CHAR:
      case VARCHAR:
        return literal.getValueAs(String.class);
      case DATE:
      case TIME:
      case INTERVAL_YEAR_MONTH:
        return literal.getValueAs(Integer.class);
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
        return literal.getValueAs(Long.class);
    }
    throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "literal %s is not supported", literal);
  }

  private static BigDecimal decimal(RexLiteral literal) {
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value == null) {
      throw new IllegalStateException("numeric literal without value: " + literal);
    }
    return value;
  }
}
