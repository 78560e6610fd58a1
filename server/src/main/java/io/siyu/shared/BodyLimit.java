package io.siyu.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operator API endpoint whose body may be larger than {@code siyu.api.max-body-size}: a file or a long list.
 * The value is a size such as {@code 16MB}, or a placeholder of a setting with its default, such as
 * {@code ${siyu.api.max-import-size:1GB}}. A larger body is refused with 413 {@code /problems/too-large} before it is
 * read.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

    String value();
}
