package covet.api.model;

import covet.api.Preconditions;

/**
 * Where a table sits in declarative partitioning: the parent it is a partition of and its bound, as the database
 * renders it ({@code FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')}, {@code DEFAULT}).
 */
public record Partition(String parent, String bound) {

    public Partition {
        Preconditions.notBlank(parent, "partition parent");
        Preconditions.notBlank(bound, "bound of a partition of '" + parent + "'");
    }
}
