package dev.quaver.executor.expr;

/**
 * The base of the classes {@link FusedFilterProject} generates and compiles with Janino: one loop
 * over a batch's rows that tests the predicate and, for each row that passes, computes the
 * projected integral expressions. Public only because the generated classes live in their own
 * class loader; nothing else should extend or call it. Column bytes are read with
 * {@link GeneratedFilter}'s static helpers.
 *
 * <p>Thread safety: generated subclasses are immutable.
 */
public abstract class GeneratedFilterProject {
  /**
   * Writes the ascending positions of the rows in [0, rowCount) where the predicate is true into
   * {@code positions} and, at the same index, each generated expression's value into
   * {@code values[e]} (or true into {@code nulls[e]} for NULL); returns how many rows passed.
   * Throws ArithmeticException on overflow (the caller then evaluates the batch the exact way,
   * which raises the SQL error).
   */
  public abstract int run(byte[][] data, byte[][] valid, int rowCount, int[] positions, long[][] values,
      boolean[][] nulls);
}
