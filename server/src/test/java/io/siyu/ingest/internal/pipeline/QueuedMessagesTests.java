package io.siyu.ingest.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Taking acknowledged messages off the queue, as the real PostgreSQL plans it. */
@SiyuIntegrationTest
class QueuedMessagesTests {

    @Autowired
    JdbcTemplate jdbc;

    /**
     * The pipeline's take chooses the queue's head once, whatever the planner believes about the queue: a plan made
     * from statistics of an empty queue, reused for a large backlog, must not run the choice again for every row.
     */
    @Test
    void takingTheQueuesHeadChoosesItOnceWhateverThePlan() {
        var plan = new java.util.ArrayList<String>();
        jdbc.execute((java.sql.Connection connection) -> {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local plan_cache_mode = force_generic_plan");
                // only nested loops allowed for any join, as the planner chooses them for what it believes is empty
                statement.execute("set local enable_hashjoin = off");
                statement.execute("set local enable_mergejoin = off");
                statement.execute("prepare take_head(int) as " + QueuedMessages.TAKE.replace("?", "$1"));
                try (var explained = statement.executeQuery("explain execute take_head(500)")) {
                    while (explained.next()) {
                        plan.add(explained.getString(1));
                    }
                }
                statement.execute("deallocate take_head");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return null;
        });
        var text = String.join("\n", plan);
        assertThat(text).as(text).contains("InitPlan").doesNotContain("Nested Loop");
    }
}
