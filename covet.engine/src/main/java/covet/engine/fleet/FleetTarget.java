package covet.engine.fleet;

/**
 * One database of a fleet: a tenant's schema, a tenant's database, or a URL of its own.
 *
 * @param name what result lines call it (the schema or database name, or the URL without its password)
 * @param url  the JDBC URL Covet connects to for it
 */
public record FleetTarget(String name, String url) {
}
