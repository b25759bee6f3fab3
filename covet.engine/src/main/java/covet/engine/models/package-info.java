/**
 * The schema source that reads annotated Java model classes ({@code covet.api.annotation}) from a folder of
 * compiled classes, a jar, or classes already loaded, without running their code.
 */
package covet.engine.models;
