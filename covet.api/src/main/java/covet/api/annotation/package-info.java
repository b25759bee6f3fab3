/** Annotations that describe tables on plain Java classes, read by Covet's model schema source. */
package covet.api.annotation;
