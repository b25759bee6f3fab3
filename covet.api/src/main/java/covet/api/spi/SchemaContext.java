package covet.api.spi;

import java.util.Properties;

/**
 * What a {@link SchemaSource} may use: the target dialect (SQL DDL runs in a scratch database of it), a development
 * database URL for that scratch work (may be null), and connection properties (user, password).
 */
public record SchemaContext(Dialect dialect, String devUrl, Properties connectionProperties) {
}
