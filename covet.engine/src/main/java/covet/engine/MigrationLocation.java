package covet.engine;

import covet.api.migration.Migration;
import covet.engine.load.MigrationLoader;
import java.nio.file.Path;
import java.util.List;

/** Where a Covet instance finds its migrations: a folder, a class-path location, or migrations built in code. */
sealed interface MigrationLocation {

    List<Migration> load(MigrationLoader loader);

    static MigrationLocation folder(Path dir) {
        return new Folder(dir);
    }

    record Folder(Path dir) implements MigrationLocation {
        @Override
        public List<Migration> load(MigrationLoader loader) {
            return loader.load(dir);
        }

        @Override
        public String toString() {
            return dir.toString();
        }
    }

    record ClassPath(String location, ClassLoader classLoader) implements MigrationLocation {
        @Override
        public List<Migration> load(MigrationLoader loader) {
            return loader.loadResources(classLoader, location);
        }

        @Override
        public String toString() {
            return "classpath:" + location;
        }
    }

    record InCode(List<Migration> migrations) implements MigrationLocation {
        @Override
        public List<Migration> load(MigrationLoader loader) {
            return migrations;
        }

        @Override
        public String toString() {
            return "the migrations given in code";
        }
    }
}
