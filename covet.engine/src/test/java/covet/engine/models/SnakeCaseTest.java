package covet.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnakeCaseTest {

    @ParameterizedTest
    @CsvSource({
        "id, id",
        "userId, user_id",
        "createdAt, created_at",
        "BlogPost, blog_post",
        "HTTPRequest, http_request",
        "userURLPath, user_url_path",
        "address2, address2",
        "ipV4Address, ip_v4_address",
        "already_snake, already_snake",
        "User, user",
        "URL, url",
    })
    void convertsJavaNames(String java, String sql) {
        assertEquals(sql, SnakeCase.of(java));
    }
}
