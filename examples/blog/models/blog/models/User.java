package blog.models;

import covet.api.annotation.AutoIncrement;
import covet.api.annotation.Column;
import covet.api.annotation.Id;
import covet.api.annotation.Nullability;
import covet.api.annotation.Table;
import java.time.LocalDateTime;

/** The blog's users: the table that migration 20261124_100000_create_users creates. */
@Table(name = "users")
public class User {

    @Id
    @AutoIncrement
    int id;

    /** Column-level unique: Covet names the constraint uq_users_username, as the migration does. */
    @Column(length = 50, unique = true, nullable = Nullability.NOT_NULL)
    String username;

    @Column(length = 100, nullable = Nullability.NOT_NULL)
    String email;

    @Column(nullable = Nullability.NOT_NULL, defaultValue = "CURRENT_TIMESTAMP")
    LocalDateTime createdAt;
}
