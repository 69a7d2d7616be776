package dev.quaver.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Which generated values an INSERT should send back (protocol version 2, QUERY_KEYS and
 * PREPARE_KEYS): the identity columns of the target table ({@link Mode#IDENTITY}, JDBC's
 * RETURN_GENERATED_KEYS), or the named / numbered (1-based) columns of the target table.
 * Immutable.
 */
public record KeysRequest(Mode mode, List<String> names, List<Integer> indexes) {
  /** The wire values of {@code mode:u8}. */
  public enum Mode {
    IDENTITY(1), NAMES(2), INDEXES(3);

    private final int code;

    Mode(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    static Mode fromCode(int code) {
      for (Mode mode : values()) {
        if (mode.code == code) {
          return mode;
        }
      }
      return null;
    }
  }

  public KeysRequest {
    Objects.requireNonNull(mode, "mode is null");
    names = List.copyOf(names);
    indexes = List.copyOf(indexes);
  }

  public static KeysRequest identity() {
    return new KeysRequest(Mode.IDENTITY, List.of(), List.of());
  }

  public static KeysRequest names(List<String> names) {
    return new KeysRequest(Mode.NAMES, names, List.of());
  }

  public static KeysRequest indexes(List<Integer> indexes) {
    return new KeysRequest(Mode.INDEXES, List.of(), indexes);
  }
}
