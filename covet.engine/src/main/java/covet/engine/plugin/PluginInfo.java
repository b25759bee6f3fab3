package covet.engine.plugin;

/**
 * What {@code covet plugins} prints for one provider.
 *
 * @param kind     dialect, format or schema-source
 * @param name     the provider's name (dialect name, format name, ...)
 * @param module   its module name, or "(class path)" when unnamed
 * @param version  the module's version when declared, else "-"
 * @param location the jar or folder it was loaded from
 */
public record PluginInfo(String kind, String name, String module, String version, String location) {
}
