package dev.quaver.planner.physical;

import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * One function of a PhysicalWindow: its arguments (input ordinals; for LAG/LEAD the value, then
 * the default if given), the LAG/LEAD {@code offset} (0 otherwise), the frame, and the result
 * type. Immutable.
 */
public record WindowCall(WindowFunction function, List<Integer> arguments, long offset, WindowFrame frame,
    ColumnType type, boolean nullable, String name) {
  public WindowCall {
    Objects.requireNonNull(function, "function is null");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(frame, "frame is null");
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(name, "name is null");
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(function.name()).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      text.append(i == 0 ? "$" : ", $").append(arguments.get(i));
    }
    if (function == WindowFunction.LAG || function == WindowFunction.LEAD) {
      text.append(arguments.isEmpty() ? "" : ", ").append("offset=").append(offset);
    }
    text.append(')');
    switch (function) {
      case ROW_NUMBER, RANK, DENSE_RANK, LAG, LEAD -> { }
      default -> text.append(' ').append(frame);
    }
    return text.toString();
  }
}
