package io.siyu.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Hands db-scheduler the application's JSON mapper for task data. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    DbSchedulerCustomizer dbSchedulerCustomizer(JsonMapper json) {
        var serializer = new JsonTaskData(json);
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(serializer);
            }
        };
    }

    /** Task data as JSON: readable in the table, and free of Java serialisation's risks. */
    record JsonTaskData(JsonMapper json) implements Serializer {

        @Override
        public byte[] serialize(Object data) {
            return json.writeValueAsBytes(data);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] serialized) {
            return json.readValue(serialized, type);
        }
    }
}
