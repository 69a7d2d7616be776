package dev.quaver.server.session;

import dev.quaver.planner.SettingCommand;
import dev.quaver.server.query.EngineStatement;
import dev.quaver.server.query.QueryEngine;
import java.util.Optional;

/**
 * Prepares a statement for a session: SET / RESET / SHOW are answered by the session itself
 * ({@link SettingStatement}); everything else goes to the engine with the session's settings.
 * Stateless.
 */
public final class SessionStatements {
  private SessionStatements() {}

  public static EngineStatement prepare(QueryEngine engine, Session session, String sql) {
    Optional<SettingCommand> command = SettingCommand.parse(sql);
    if (command.isPresent()) {
      return new SettingStatement(command.get(), session);
    }
    return engine.prepare(sql, session::settings);
  }
}
