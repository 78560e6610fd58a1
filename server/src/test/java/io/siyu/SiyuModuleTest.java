package io.siyu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * One application module, the module of the annotated test's package, started on its own against a real PostgreSQL:
 * Spring Modulith's {@link ApplicationModuleTest}, so that the test can prove the events the module publishes
 * ({@code AssertablePublishedEvents} or {@code Scenario} as a test method parameter).
 *
 * <p>The database is the one every test context gets ({@link TestDatabaseContextCustomizerFactory}: a fresh database
 * on the test run's PostgreSQL server), and only the migrations of the modules started run on it (Spring Modulith's
 * per-module Flyway, {@code spring.modulith.runtime.flyway-enabled}).
 *
 * <p>The {@code platform} module is always included: it is no module's code dependency, so Spring Modulith cannot
 * find it, yet it configures what every module stands on (the {@link java.time.Clock}, the
 * {@link io.siyu.shared.PersonalData} of the brand's region, the embedded database when none is configured). The
 * default mode, {@code STANDALONE}, starts no bean of another module; a module that calls other modules' beans (not
 * just their types) names the mode that starts them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(extraIncludes = "platform")
public @interface SiyuModuleTest {

    /** Which other modules to start besides the module under test and the platform. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    ApplicationModuleTest.BootstrapMode mode() default ApplicationModuleTest.BootstrapMode.STANDALONE;
}
