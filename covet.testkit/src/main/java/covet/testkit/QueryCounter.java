package covet.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real connection so that every statement it executes is counted: the introspector must read a schema in
 * a constant number of queries, whatever its number of tables. A dialect that unwraps the connection to its
 * driver's own class still works ({@code unwrap} goes to the real one), but its statements go uncounted there.
 */
final class QueryCounter {
    private final AtomicInteger executed = new AtomicInteger();

    int executed() {
        return executed.get();
    }

    Connection wrap(Connection real) {
        return (Connection) Proxy.newProxyInstance(QueryCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = call(real, method, args);
                    if (result instanceof CallableStatement) {
                        return statement(result, CallableStatement.class);
                    }
                    if (result instanceof PreparedStatement) {
                        return statement(result, PreparedStatement.class);
                    }
                    if (result instanceof Statement) {
                        return statement(result, Statement.class);
                    }
                    return result;
                });
    }

    private Object statement(Object real, Class<?> type) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            return call(real, method, args);
        };
        return Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
