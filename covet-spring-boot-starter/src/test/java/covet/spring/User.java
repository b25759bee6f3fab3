package covet.spring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The blog example's users table as JPA maps it; Hibernate's ddl-auto=validate checks it against the database. */
@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;
    @Column(nullable = false, length = 50)
    String username;
    @Column(nullable = false, length = 100)
    String email;
    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}
