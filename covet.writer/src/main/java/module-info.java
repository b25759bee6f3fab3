/** Migration file formats. */
module covet.writer {
    requires covet.api;
    requires com.fasterxml.jackson.databind;
}
