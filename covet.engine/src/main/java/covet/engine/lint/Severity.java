package covet.engine.lint;

/** How bad a finding is: an error blocks {@code migrate} unless its rule is allowed; a warning only informs. */
public enum Severity {
    WARNING,
    ERROR
}
