package io.siyu.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component of a request record that may be longer than the operator API's backstop of
 * {@value InputRules#MAX_TEXT_LENGTH} characters (a template's HTML), up to {@link #max()}. Only components of the
 * request body's own record are read; the field's own rules still apply.
 */
@Documented
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface LongText {

    int max();
}
