package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Check;
import covet.api.model.Schema;
import java.util.Optional;

/** Adds a CHECK constraint to an existing table. */
public record AddCheck(String table, Check check) implements Operation {

    public AddCheck {
        Preconditions.notBlank(table, "AddCheck.table");
        Preconditions.notNull(check, "AddCheck.check");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropCheck(table, check.name(), check));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.check(check.name()).isPresent()) {
                throw Lists.duplicate(table, "check", check.name());
            }
            return t.withChecks(Lists.append(t.checks(), check));
        });
    }

    @Override
    public String describe() {
        return "add check " + check.name() + " on " + table;
    }
}
