package dev.quaver.server.session;

import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.Setting;
import dev.quaver.planner.SettingCommand;
import dev.quaver.planner.Settings;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.server.query.EngineExecution;
import dev.quaver.server.query.EngineStatement;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SET / RESET / SHOW for one session. SET and RESET replace the session's settings when executed
 * (update count 0); SHOW name returns one row with one VARCHAR column named after the setting,
 * SHOW ALL one row per known setting (name, setting, type, description). Nothing is checked at
 * prepare time: an unknown name is 42704 and a bad value 22023 when the statement runs.
 *
 * <p>Thread safety: immutable; executions run on the session's queue.
 */
final class SettingStatement implements EngineStatement {
  private static final List<ColumnInfo> SHOW_ALL_COLUMNS = List.of(
      new ColumnInfo("name", ColumnType.TEXT, false), new ColumnInfo("setting", ColumnType.TEXT, false),
      new ColumnInfo("type", ColumnType.TEXT, false), new ColumnInfo("description", ColumnType.TEXT, false));

  private final SettingCommand command;
  private final Session session;

  SettingStatement(SettingCommand command, Session session) {
    this.command = command;
    this.session = session;
  }

  @Override
  public List<ColumnType> parameterTypes() {
    return List.of();
  }

  @Override
  public List<ColumnInfo> columns() {
    switch (command.action()) {
      case SHOW:
        return List.of(new ColumnInfo(command.name().toLowerCase(Locale.ROOT), ColumnType.TEXT, false));
      case SHOW_ALL:
        return SHOW_ALL_COLUMNS;
      case SET:
      case RESET:
      case RESET_ALL:
        return List.of();
    }
    throw new AssertionError(command.action());
  }

  @Override
  public EngineExecution execute(List<Object> parameters) {
    SessionSettings settings = session.settings();
    switch (command.action()) {
      case SHOW:
        return new SettingExecution(columns(), List.of(List.of(settings.show(command.name()))));
      case SHOW_ALL:
        List<List<?>> rows = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
          rows.add(List.of(setting.name(), setting.format(settings.get(setting)), setting.typeName(),
              setting.description()));
        }
        return new SettingExecution(SHOW_ALL_COLUMNS, rows);
      case SET:
      case RESET:
      case RESET_ALL:
        session.setSettings(command.applyTo(settings));
        return new SettingExecution(List.of(), null);
    }
    throw new AssertionError(command.action());
  }

  /** The result of a setting statement: the SHOW rows, or update count 0. */
  private static final class SettingExecution implements EngineExecution {
    private final List<ColumnInfo> columns;
    private List<List<?>> rows;

    SettingExecution(List<ColumnInfo> columns, List<List<?>> rows) {
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    public boolean returnsRows() {
      return !columns.isEmpty();
    }

    @Override
    public List<ColumnInfo> columns() {
      return columns;
    }

    @Override
    public long updateCount() {
      return columns.isEmpty() ? 0 : -1;
    }

    @Override
    public ColumnBatch next() {
      if (rows == null) {
        return null;
      }
      List<ColumnType> types = new ArrayList<>();
      for (ColumnInfo column : columns) {
        types.add(column.type());
      }
      ColumnBatch batch = ColumnBatch.ofRows(types, rows);
      rows = null;
      return batch;
    }

    @Override
    public void cancel() {}

    @Override
    public void close() {
      rows = null;
    }
  }
}
