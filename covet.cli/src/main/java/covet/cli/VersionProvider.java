package covet.cli;

import picocli.CommandLine;

/** The version from the module descriptor (set by Maven), else from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Module m = VersionProvider.class.getModule();
        String v = m.getDescriptor() != null ? m.getDescriptor().rawVersion().orElse(null) : null;
        if (v == null) {
            v = VersionProvider.class.getPackage().getImplementationVersion();
        }
        return new String[] {"covet " + (v == null ? "(development build)" : v)};
    }
}
