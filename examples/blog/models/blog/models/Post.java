package blog.models;

import covet.api.annotation.AutoIncrement;
import covet.api.annotation.Column;
import covet.api.annotation.ForeignKey;
import covet.api.annotation.Id;
import covet.api.annotation.Index;
import covet.api.annotation.Nullability;
import covet.api.annotation.Table;
import covet.api.annotation.UniqueTogether;
import covet.api.model.ReferentialAction;

/** The blog's posts: what migration 20261124_100100_create_posts creates. */
@Table(name = "posts")
@UniqueTogether(name = "uq_posts_user_title", columns = {"user_id", "title"})
@Index(name = "ix_posts_title", columns = "title")
public class Post {

    @Id
    @AutoIncrement
    int id;

    /** A primitive int: NOT NULL without saying so. */
    @ForeignKey(table = "users", name = "fk_posts_user", onDelete = ReferentialAction.CASCADE)
    int userId;

    @Column(length = 200, nullable = Nullability.NOT_NULL)
    String title;

    @Column(type = "text")
    String body;
}
