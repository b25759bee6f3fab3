package example;

import covet.engine.Covet;
import covet.engine.run.MigrationResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A service that migrates its own database before it starts serving: the migrations ship inside this jar under
 * db/covet/. Run: {@code java -cp target/embedded-app.jar:target/lib/* example.App app.db}.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : "app.db";
        Covet covet = Covet.builder()
                .url("jdbc:sqlite:" + file)
                .classpathMigrations("db/covet", App.class.getClassLoader())
                .build();
        for (MigrationResult r : covet.migrate()) {
            System.out.println("migrated " + r.id() + " (" + r.statements().size() + " statements, " + r.millis()
                    + " ms)");
        }
        try (Connection c = covet.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            System.out.println("ready: " + rs.getInt(1) + " users");
        }
    }
}
