package covet.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small application as a user writes one: a DataSource from spring.datasource.*, JPA with an entity ({@link User})
 * mapped on the blog example's users table, and a bean that reads the table while the context starts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ShopApplication {

    /** Reads the users table as the context starts: it must exist by then. */
    public record UsersAtStartup(int rows) {
    }

    @Bean
    UsersAtStartup usersAtStartup(JdbcTemplate jdbc) {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM users", Integer.class);
        return new UsersAtStartup(rows == null ? -1 : rows);
    }
}
