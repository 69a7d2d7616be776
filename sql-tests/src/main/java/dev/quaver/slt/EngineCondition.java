package dev.quaver.slt;

import java.util.Objects;

/**
 * A {@code skipif <engine>} or {@code onlyif <engine>} line in front of a record. Quaver runs
 * as engine {@value #QUAVER}: {@code skipif quaver} skips the record, {@code onlyif X} for any
 * other X skips it, and {@code skipif X} for another X leaves it running.
 */
public record EngineCondition(boolean isOnlyIf, String engine) {
  public static final String QUAVER = "quaver";

  public EngineCondition {
    Objects.requireNonNull(engine, "engine is null");
  }

  /** True when this condition keeps the record from running on {@code engineName}. */
  public boolean skips(String engineName) {
    boolean matches = engine.equalsIgnoreCase(engineName);
    return isOnlyIf ? !matches : matches;
  }
}
