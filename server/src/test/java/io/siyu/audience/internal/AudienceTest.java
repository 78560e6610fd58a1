package io.siyu.audience.internal;

import io.siyu.SiyuIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The whole application (as {@link SiyuIntegrationTest}) with a clock the test moves, fixed at first at noon of
 * 2026-03-15 in the brand's zone, and a recorder of the audience module's signals. Audience tests share this context
 * and its database; each uses its own customers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SiyuIntegrationTest
@Import(AudienceTestConfiguration.class)
public @interface AudienceTest {}
