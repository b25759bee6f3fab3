package covet.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code covet.*} properties of an application. */
@ConfigurationProperties(prefix = "covet")
public class CovetProperties {
    /** Migrate at start-up. */
    private boolean enabled = true;
    /**
     * Where the migration files are: {@code classpath:db/covet} (the default: src/main/resources/db/covet), or
     * {@code filesystem:/path} (a plain path means the same).
     */
    private String location = "classpath:db/covet";
    /** Migrate up to and including this migration (default: all). */
    private String target;
    /** The app whose migrations run (default: default). */
    private String app;
    /** How long to wait for another instance's migration lock (default: Covet's, 5 minutes). */
    private Duration lockTimeout;
    /** A database other than the application's DataSource, e.g. one reached as an owner with DDL rights. */
    private String url;
    /** The user for {@link #url}. */
    private String user;
    /** The password for {@link #url}. */
    private String password;
    /** Which lint findings stop the start-up. */
    private final Lint lint = new Lint();

    /** Error-level lint findings stop the start-up unless their rule is allowed; strict makes warnings stop it. */
    public static class Lint {
        /** Rules or groups (see covet lint) whose findings do not stop the start-up. */
        private List<String> allow = new ArrayList<>();
        /** Warnings stop it too. */
        private boolean strict;

        public List<String> getAllow() {
            return allow;
        }

        public void setAllow(List<String> allow) {
            this.allow = allow;
        }

        public boolean isStrict() {
            return strict;
        }

        public void setStrict(boolean strict) {
            this.strict = strict;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Lint getLint() {
        return lint;
    }
}
