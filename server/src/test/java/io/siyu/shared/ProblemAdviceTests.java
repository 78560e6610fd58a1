package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemAdviceTests {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aSaturatedConnectionPoolIsABusyServerThatAsksForARetry() {
        var timedOut = new SQLTransientConnectionException("siyu - Connection is not available, request timed out");
        for (var e : new Exception[] {
            new CannotCreateTransactionException("Could not open JDBC Connection for transaction", timedOut),
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut)
        }) {
            var answer = advice.busy(e);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(answer.getBody()).isNotNull();
            assertThat(answer.getBody().getType().toString()).endsWith("busy");
            assertThat(answer.getBody().getDetail()).contains("nothing of it was stored");
        }
    }
}
