package covet.dialect.mysql;

import java.util.Locale;

/**
 * Which server speaks the MySQL protocol on the other end. Connector/J reports "MySQL" as the product name even
 * for MariaDB, whose version string reads {@code 5.5.5-10.11.19-MariaDB-...}: the version string decides.
 */
public enum MysqlFlavor {
    MYSQL,
    MARIADB;

    public static MysqlFlavor fromVersion(String serverVersion) {
        return serverVersion != null && serverVersion.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
    }
}
