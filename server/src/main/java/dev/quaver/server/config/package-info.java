/**
 * Server configuration: the {@link dev.quaver.server.config.ServerConfig} record and {@link
 * dev.quaver.server.config.ServerConfigLoader}, which builds one from command-line flags and an
 * optional properties file (flags win).
 */
package dev.quaver.server.config;
